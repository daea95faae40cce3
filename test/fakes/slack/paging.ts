// Page sizes the way Slack reads `limit`: absent or 0 means the method's
// default, larger than its maximum is clamped, anything else is invalid_limit.
import { intArg, type Args } from './args.ts';
import { SlackError } from './slack-error.ts';

export function readLimit(args: Args, defaultLimit: number, maxLimit: number): number {
  const limit = intArg(args, 'limit', 'invalid_limit');
  if (limit === undefined || limit === 0) return defaultLimit;
  if (limit < 0) throw new SlackError('invalid_limit');
  return Math.min(limit, maxLimit);
}
