export interface ScanFinding {
  check: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
  /** The first line of the flagged source. */
  code: string;
}
export interface AcceptedFinding {
  check: string;
  file: string;
  /** Optional: the finding's first source line must contain this. */
  code?: string;
  reason: string;
}
export const SCANNED_FOLDERS: readonly string[];
export const EXCLUDED_CHECKS: readonly string[];
export const ACCEPTED_FILE: string;
export function electronVersion(root: string): string;
export function loadAccepted(
  root: string,
  securityDoc?: string,
): { accepted: AcceptedFinding[]; problems: string[] };
export function compareWithAccepted(
  findings: readonly ScanFinding[],
  accepted: readonly AcceptedFinding[],
): { unexplained: ScanFinding[]; stale: AcceptedFinding[] };
export function scan(options?: { root?: string; sarifPath?: string }): Promise<{
  version: string;
  checks: number;
  findings: ScanFinding[];
  errors: Array<{ file: string; message: string; isTolerable: boolean }>;
}>;
