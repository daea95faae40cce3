// Result values: how every API call answers, on both transports. Errors are
// values with a stable machine code and a sentence for people; nothing is
// thrown across the process boundary.
import { z } from 'zod';

/** Stable error codes. Add new ones at the end; never rename one. */
export const errorCodes = [
  'invalid_argument',
  'unknown_channel',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'not_connected',
  'slack_error',
  'weak_encryption_not_accepted',
  'storage_error',
  'internal',
  /** Required checklist items are missing and no override reason was given. */
  'checklist_incomplete',
  /** The message breaks one of Slack's size limits. */
  'too_long',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Optional hint: what the user can do about it. */
  fix: z.string().optional(),
  /** For invalid_argument: the path of each offending field. */
  fields: z.array(z.string()).optional(),
});

export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, extra: Omit<ApiError, 'code' | 'message'> = {}): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}

/** Schema for the wire form of a result whose value matches `value`. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: apiErrorSchema }),
  ]);
}

/** A path step as shown: keys come from the caller, so a long one is cut rather than echoed back whole. */
function stepOf(step: PropertyKey): string {
  const text = String(step);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

const pathOf = (path: readonly PropertyKey[]) => path.slice(0, 20).map(stepOf).join('.') + (path.length > 20 ? '.…' : '');

/** Turns zod issues into one readable sentence plus the field paths. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): { message: string; fields: string[] } {
  const fields = issues.slice(0, 50).map((issue) => (issue.path.length ? pathOf(issue.path) : '(arguments)'));
  const parts = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? pathOf(issue.path) : 'arguments';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return { message: `Invalid arguments — ${parts.join('; ')}${more}`, fields };
}
