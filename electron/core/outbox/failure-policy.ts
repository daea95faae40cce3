// What a failed Slack call means for an outbox item. Slack's own errors are
// final for that item (it was not posted), except the few that Slack says may
// have half-happened; network and HTTP failures leave the outcome unclear,
// because the request may have been carried out before the answer was lost.
import type { OutboxProblem } from '../../../shared/outbox/outbox-item.ts';
import { explainSlackError } from '../../../shared/slack/errors.ts';
import { isAuthFailure } from '../slack/gateway-support.ts';
import type { GatewayFailure } from '../slack/slack-gateway.ts';

/** Platform errors after which Slack may have done part of the work, per its documentation. */
const MAYBE_DONE_CODES: ReadonlySet<string> = new Set([
  'internal_error',
  'fatal_error',
  'request_timeout',
  'service_unavailable',
]);

export type FailureDecision =
  /** The token is no good: stop the whole queue; the item waits, unchanged. */
  | { action: 'stop_for_auth' }
  /** Slack asked us to slow down: nothing was done; wait at least this long for this method. */
  | { action: 'rate_limited'; retryAfterMs: number }
  /** Slack could not be reached: go offline; the item waits for the connection. */
  | { action: 'offline'; mayHaveReachedSlack: boolean }
  /** Slack or the path to it had trouble: back off and try again. */
  | { action: 'back_off'; mayHaveReachedSlack: boolean }
  /** Final for this item: it was not sent, and trying again would fail the same way. */
  | { action: 'fail'; problem: OutboxProblem };

export function decideAfterFailure(failure: GatewayFailure): FailureDecision {
  if (isAuthFailure(failure)) return { action: 'stop_for_auth' };
  switch (failure.kind) {
    case 'rate_limited':
      return { action: 'rate_limited', retryAfterMs: failure.retryAfterMs };
    case 'network':
      return { action: 'offline', mayHaveReachedSlack: !failure.isSurelyUnsent };
    case 'http':
      return { action: 'back_off', mayHaveReachedSlack: true };
    case 'platform': {
      if (MAYBE_DONE_CODES.has(failure.code)) return { action: 'back_off', mayHaveReachedSlack: true };
      if (explainSlackError(failure.code).isTransient)
        return { action: 'back_off', mayHaveReachedSlack: false };
      return { action: 'fail', problem: problemOf(failure) };
    }
    default:
      return { action: 'fail', problem: problemOf(failure) };
  }
}

/** A failure as the plain reason and fix the lead sees on the item. */
export function problemOf(failure: GatewayFailure): OutboxProblem {
  if (failure.kind === 'platform') {
    const needed = failure.needed === undefined ? '' : ` (it needs the ${failure.needed} permission)`;
    return {
      code: failure.code,
      message: `${failure.message.replace(/\.$/, '')}${needed}.`,
      fix: failure.fix,
    };
  }
  const code = failure.kind === 'http' ? `http_${failure.status}` : failure.kind;
  return { code, message: failure.message, fix: failure.fix };
}
