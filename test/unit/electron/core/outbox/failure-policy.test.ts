import { describe, expect, it } from 'vitest';
import { decideAfterFailure, problemOf } from '../../../../../electron/core/outbox/failure-policy.ts';
import type { GatewayFailure } from '../../../../../electron/core/slack/slack-gateway.ts';
import { explainSlackError } from '../../../../../shared/slack/errors.ts';

const platform = (code: string, needed?: string): GatewayFailure => {
  const { message, fix } = explainSlackError(code);
  return { kind: 'platform', code, message, fix, ...(needed ? { needed } : {}) };
};

describe('what a failed call means for an item', () => {
  it('stops the whole queue when the token is refused or missing', () => {
    for (const code of ['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed'])
      expect(decideAfterFailure(platform(code))).toEqual({ action: 'stop_for_auth' });
    expect(decideAfterFailure({ kind: 'not_connected', message: 'm', fix: 'f' })).toEqual({
      action: 'stop_for_auth',
    });
  });

  it('fails only the item for channel and content problems, with the plain reason', () => {
    for (const code of [
      'not_in_channel',
      'channel_not_found',
      'msg_too_long',
      'is_archived',
      'invalid_blocks',
    ]) {
      expect(decideAfterFailure(platform(code))).toMatchObject({
        action: 'fail',
        problem: { code, message: explainSlackError(code).message },
      });
    }
  });

  it('names the missing permission', () => {
    expect(problemOf(platform('missing_scope', 'chat:write'))).toMatchObject({
      message: expect.stringContaining('it needs the chat:write permission'),
    });
  });

  it('treats lost answers and Slack’s own half-done errors as unclear, and a 429 as certainly not done', () => {
    expect(decideAfterFailure({ kind: 'network', message: 'm', fix: 'f', isSurelyUnsent: false })).toEqual({
      action: 'offline',
      mayHaveReachedSlack: true,
    });
    expect(decideAfterFailure({ kind: 'network', message: 'm', fix: 'f', isSurelyUnsent: true })).toEqual({
      action: 'offline',
      mayHaveReachedSlack: false,
    });
    expect(decideAfterFailure({ kind: 'http', status: 503, message: 'm', fix: 'f' })).toEqual({
      action: 'back_off',
      mayHaveReachedSlack: true,
    });
    expect(decideAfterFailure(platform('internal_error'))).toEqual({
      action: 'back_off',
      mayHaveReachedSlack: true,
    });
    expect(decideAfterFailure({ kind: 'rate_limited', retryAfterMs: 3000, message: 'm', fix: 'f' })).toEqual({
      action: 'rate_limited',
      retryAfterMs: 3000,
    });
  });

  it('fails only the item, never going offline or retrying, when Herald could not build the request', () => {
    const local: GatewayFailure = {
      kind: 'local',
      message:
        'Herald could not turn this message into a request to Slack (RangeError: too deep), so it was not sent.',
      fix: 'edit it',
      cause: 'RangeError',
    };
    expect(decideAfterFailure(local)).toEqual({
      action: 'fail',
      problem: { code: 'local', message: local.message, fix: 'edit it' },
    });
  });
});
