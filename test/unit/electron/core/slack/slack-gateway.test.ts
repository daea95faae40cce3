import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';
import { createSlackClientFactory } from '../../../../../electron/core/slack/slack-client.ts';
import {
  createSlackGateway,
  HERALD_EVENT_TYPE,
  type SlackGateway,
} from '../../../../../electron/core/slack/slack-gateway.ts';
import { explainSlackError } from '../../../../../shared/slack/errors.ts';
import { startFakeSlack, type FakeSlack } from '../../../../fakes/slack-server.ts';

let fake: FakeSlack;
let gateway: SlackGateway;
let token: string | null;
const nowMs = Date.parse('2026-04-20T09:00:00Z');

beforeEach(async () => {
  fake = await startFakeSlack({ nowMs: () => nowMs });
  token = fake.botToken;
  gateway = createSlackGateway({
    credential: () => Promise.resolve(token === null ? null : { token, apiUrl: fake.url }),
    createClient: createSlackClientFactory(createMemoryLogger()),
  });
});
afterEach(() => fake.close());

describe('the Slack gateway', () => {
  it('calls a request that could not be built a local failure, not a network one, and sends nothing', async () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 3_000; level++) deep = level % 2 ? [deep] : { deep };
    const answer = await gateway.post({
      channel: 'C0OPSENGUPD',
      text: 'deep',
      blocks: [{ type: 'section', deep }],
      heraldId: 'h-deep',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'local', message: expect.stringContaining('was not sent') },
    });
    expect(fake.requests.filter((request) => request.method === 'chat.postMessage')).toHaveLength(0);
    // A request that did leave and was lost is still a network failure.
    await fake.close();
    expect(await gateway.post({ channel: 'C0OPSENGUPD', text: 'x', heraldId: 'h-x' })).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
  });

  it('posts with Herald’s metadata and reads it back from history and from a thread', async () => {
    const parent = await gateway.post({ channel: 'C0OPSENGUPD', text: 'declared', heraldId: 'h-1' });
    expect(parent).toMatchObject({ ok: true, value: { channelId: 'C0OPSENGUPD' } });
    const parentTs = parent.ok ? parent.value.ts : '';
    const reply = await gateway.post({
      channel: 'C0OPSENGUPD',
      text: 'update',
      threadTs: parentTs,
      replyBroadcast: true,
      heraldId: 'h-2',
    });
    expect(reply.ok).toBe(true);
    expect(fake.messages('C0OPSENGUPD')[0]?.metadata).toEqual({
      event_type: HERALD_EVENT_TYPE,
      event_payload: { herald_id: 'h-1', schema_version: 1 },
    });

    const history = await gateway.historyPage('C0OPSENGUPD', {});
    expect(history.ok && history.value.items.map((message) => message.heraldId)).toEqual(['h-2', 'h-1']);
    const replies = await gateway.repliesPage('C0OPSENGUPD', parentTs, {});
    expect(replies.ok && replies.value.items.map((message) => [message.heraldId, message.threadTs])).toEqual([
      ['h-1', parentTs],
      ['h-2', parentTs],
    ]);
  });

  it('updates a message and gives its permalink', async () => {
    const posted = await gateway.post({ channel: 'C0OPSENGUPD', text: 'typo', heraldId: 'h-1' });
    const ts = posted.ok ? posted.value.ts : '';
    expect(await gateway.update({ channel: 'C0OPSENGUPD', ts, text: 'fixed' })).toEqual({
      ok: true,
      value: { ts },
    });
    expect(fake.messages('C0OPSENGUPD')[0]?.text).toBe('fixed');
    expect(await gateway.permalink('C0OPSENGUPD', ts)).toEqual({
      ok: true,
      value: `https://ministryofjustice.slack.com/archives/C0OPSENGUPD/p${ts.replace('.', '')}`,
    });
  });

  it('schedules without metadata, lists and cancels scheduled messages', async () => {
    const postAtSec = nowMs / 1000 + 3600;
    const scheduled = await gateway.schedule({ channel: 'C0OPSENGUPD', text: 'later', postAtSec });
    expect(scheduled).toMatchObject({ ok: true, value: { channelId: 'C0OPSENGUPD', postAtSec } });
    expect(fake.scheduled()[0]?.metadata).toBeUndefined();
    const id = scheduled.ok ? scheduled.value.scheduledMessageId : '';
    expect(await gateway.listScheduledPage('C0OPSENGUPD')).toEqual({
      ok: true,
      value: { items: [{ id, channelId: 'C0OPSENGUPD', postAtSec, text: 'later' }], nextCursor: null },
    });
    expect(await gateway.cancelScheduled('C0OPSENGUPD', id)).toEqual({ ok: true, value: null });
    expect(fake.scheduled()).toHaveLength(0);
  });

  it('pages through channels with Slack’s cursors', async () => {
    const first = await gateway.listChannelsPage();
    expect(first.ok && first.value.items).toHaveLength(200);
    expect(first.ok && first.value.nextCursor).toBeTruthy();
  });

  it('tells failures apart by the client’s error codes and explains each', async () => {
    fake.inject('chat.postMessage', { kind: 'slack_error', error: 'not_in_channel' });
    expect(await gateway.post({ channel: 'C0CHAT', text: 'x', heraldId: 'h' })).toMatchObject({
      ok: false,
      error: { kind: 'platform', code: 'not_in_channel', fix: expect.stringContaining('/invite') },
    });
    fake.inject('chat.postMessage', { kind: 'rate_limited', retryAfterSec: 7 });
    expect(await gateway.post({ channel: 'C0CHAT', text: 'x', heraldId: 'h' })).toMatchObject({
      ok: false,
      error: { kind: 'rate_limited', retryAfterMs: 7000 },
    });
    fake.inject('chat.postMessage', { kind: 'http_status', status: 502 });
    expect(await gateway.post({ channel: 'C0CHAT', text: 'x', heraldId: 'h' })).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 502 },
    });
    fake.inject('chat.postMessage', { kind: 'drop_after' });
    expect(await gateway.post({ channel: 'C0CHAT', text: 'x', heraldId: 'h' })).toMatchObject({
      ok: false,
      error: { kind: 'network', isSurelyUnsent: false },
    });
  });

  it('knows a refused connection never reached Slack', async () => {
    const url = fake.url;
    await fake.close();
    const offline = createSlackGateway({
      credential: () => Promise.resolve({ token: 'xoxb-anything', apiUrl: url }),
      createClient: createSlackClientFactory(createMemoryLogger()),
    });
    expect(await offline.probe()).toMatchObject({
      ok: false,
      error: { kind: 'network', cause: 'ECONNREFUSED', isSurelyUnsent: true },
    });
  });

  it('answers not_connected, without a request, when there is no token', async () => {
    token = null;
    expect(await gateway.probe()).toMatchObject({
      ok: false,
      error: { kind: 'not_connected', message: 'Slack is not connected.' },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('explains, in words, every Slack error the fake can produce for Herald’s calls', () => {
    const codes = [
      'not_authed',
      'invalid_auth',
      'account_inactive',
      'token_revoked',
      'missing_scope',
      'channel_not_found',
      'not_in_channel',
      'is_archived',
      'msg_too_long',
      'no_text',
      'invalid_blocks',
      'invalid_metadata_format',
      'message_not_found',
      'cant_update_message',
      'cant_delete_message',
      'thread_not_found',
      'invalid_time',
      'time_in_past',
      'time_too_far',
      'restricted_too_many',
      'invalid_scheduled_message_id',
      'invalid_cursor',
      'invalid_types',
      'invalid_ts_oldest',
      'invalid_ts_latest',
      'invalid_arguments',
      'method_not_supported_for_channel_type',
      'unknown_method',
      'ratelimited',
      'not_connected',
      'network_error',
      'http_error',
    ];
    for (const code of codes) {
      const explanation = explainSlackError(code);
      expect(explanation.message, code).not.toContain('does not recognise');
      expect(explanation.fix.length, code).toBeGreaterThan(10);
    }
  });
});
