// How long to wait before trying again: exponential backoff with jitter, so
// that many Herald windows (or many queued messages) do not retry in step.
// Slack's own Retry-After always wins over this.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const SEND_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };
export const PROBE_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 30_000 };

/**
 * The wait before retry number `failures` (1 for the first retry): the
 * exponential step, of which a random half is kept ("equal jitter"), so the
 * wait never drops below half the step and never exceeds `maxMs`.
 */
export function backoffDelayMs(
  failures: number,
  random: () => number,
  options: BackoffOptions = SEND_BACKOFF,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const stepMs = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(stepMs / 2 + (stepMs / 2) * unit);
}
