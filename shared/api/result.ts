// Result values: how every API call answers, on both transports. Errors are
// values with a stable machine code and a sentence for people; nothing is
// thrown across the process boundary.
//
// Zod-free on purpose: the renderer builds and reads results, and must not
// load a validation library to do so. The wire schema lives beside it in
// result-schema.ts, for main.

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

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Optional hint: what the user can do about it. */
  fix?: string | undefined;
  /** For invalid_argument: the path of each offending field. */
  fields?: string[] | undefined;
  /** For invalid_argument: what is wrong with each field, by path (the first problem of each), for forms to show in place. */
  fieldErrors?: Record<string, string> | undefined;
}

/**
 * The one result shape, in core and shared alike. API calls fail with an ApiError (the default); inner steps may
 * fail with their own detail (a Slack failure, a plan's problems) that a caller later turns into an ApiError.
 */
export type Result<T, E = ApiError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  extra: Omit<ApiError, 'code' | 'message'> = {},
): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}
