// Small helpers around gateway answers: turning a failure into an API result,
// and waiting on the injected clock (so tests move time instead of sleeping).
import { fail, type Result } from '../../../shared/api/index.ts';
import type { Clock } from '../clock/clock.ts';
import type { GatewayFailure } from './slack-gateway.ts';

/** The API error for a gateway failure: platform errors are Slack's, the rest mean "not reachable". */
export function failureToResult<T>(failure: GatewayFailure): Result<T> {
  switch (failure.kind) {
    case 'not_connected':
      return fail('not_connected', failure.message, { fix: failure.fix });
    case 'platform':
      return fail('slack_error', failure.message, { fix: failure.fix });
    default:
      return fail('unavailable', failure.message, { fix: failure.fix });
  }
}

/** Resolves after `delayMs` on `clock`. */
export function waitOnClock(clock: Clock, delayMs: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(resolve, delayMs));
}

/** Slack error codes that mean the token itself is no good: stop everything until Slack is connected again. */
export const AUTH_FAILURE_CODES: ReadonlySet<string> = new Set([
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'team_access_not_granted',
  'org_login_required',
  'team_added_to_org',
  'two_factor_setup_required',
]);

export function isAuthFailure(failure: GatewayFailure): boolean {
  return (
    failure.kind === 'not_connected' || (failure.kind === 'platform' && AUTH_FAILURE_CODES.has(failure.code))
  );
}
