import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_TOKEN } from '../../../fakes/slack-server.ts';
import { rawCall, useFakeSlack } from './fixture.ts';

describe('fake Slack: tokens never leak', () => {
  const slack = useFakeSlack();

  it('keeps tokens out of every answer, header, record and control report', async () => {
    const fake = slack.fake;
    const tokens = [fake.botToken, DEFAULT_USER_TOKEN];
    const seen: string[] = [];
    const record = (reply: { text: string; headers: Headers }) => {
      seen.push(reply.text, JSON.stringify([...reply.headers.entries()]));
    };
    fake.inject('auth.test', { kind: 'rate_limited', retryAfterSec: 1 });
    fake.inject('conversations.info', { kind: 'http_status', status: 503 });
    for (const token of tokens) {
      record(await rawCall(fake, 'auth.test', {}, { token }));
      record(await rawCall(fake, 'auth.test', {}, { token }));
      record(
        await rawCall(
          fake,
          'chat.postMessage',
          { channel: 'C0ASKCOMMS', text: 'hi', metadata: { event_type: 'x', event_payload: {} } },
          { token },
        ),
      );
      record(
        await rawCall(
          fake,
          'conversations.history',
          { channel: 'C0ASKCOMMS', include_all_metadata: true },
          { token },
        ),
      );
      record(await rawCall(fake, 'conversations.info', { channel: 'C0ASKCOMMS' }, { token }));
      record(
        await rawCall(fake, 'chat.postMessage', { channel: 'C0NOPE', text: 'x' }, { token, json: true }),
      );
      // The token as a form argument, the other way Slack accepts it.
      record(await rawCall(fake, 'conversations.list', { token, limit: 5 }, { token: null }));
    }
    fake.revokeToken(fake.botToken);
    record(await rawCall(fake, 'auth.test', {}));
    for (const path of ['requests', 'messages', 'scheduled']) {
      const response = await fetch(`${fake.controlUrl}${path}`);
      seen.push(await response.text());
    }
    seen.push(JSON.stringify(fake.requests), JSON.stringify(fake.messages()));
    expect(fake.requests.length).toBeGreaterThan(10);
    for (const text of seen) for (const token of tokens) expect(text).not.toContain(token);
  });
});
