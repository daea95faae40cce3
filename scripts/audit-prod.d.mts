export interface Advisory {
  name: string;
  severity: 'info' | 'low' | 'moderate' | 'high' | 'critical';
  titles: string[];
}
export type AuditOutcome =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'error'; reason: string }
  | { kind: 'report'; advisories: Advisory[]; dependencies: Record<string, number> };
export const EXIT_UNREACHABLE: number;
export const SHIPPED_DEV_PACKAGES: readonly string[];
export function readAudit(stdout: string, include?: (name: string) => boolean): AuditOutcome;
export function blockingAdvisories(advisories: readonly Advisory[]): Advisory[];
