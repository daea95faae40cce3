import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT_SCOPES } from '../../../fakes/slack-server.ts';
import { rawCall, slackErrorOf, useFakeSlack } from './fixture.ts';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('fake Slack: authentication errors', () => {
  const slack = useFakeSlack();

  it('answers not_authed without a token', async () => {
    const reply = await rawCall(slack.fake, 'auth.test', {}, { token: null });
    expect(reply).toMatchObject({ status: 200, json: { ok: false, error: 'not_authed' } });
    const anonymous = new WebClient(undefined, { slackApiUrl: slack.fake.url, retryConfig: { retries: 0 } });
    expect((await slackErrorOf(anonymous.auth.test())).code).toBe('not_authed');
  });

  it('answers invalid_auth for an unknown token', async () => {
    expect((await slackErrorOf(slack.client('xoxb-not-a-real-token').auth.test())).code).toBe('invalid_auth');
  });

  it('answers invalid_auth once a token is revoked, or the error the test chose', async () => {
    const client = slack.client();
    await client.auth.test();
    slack.fake.revokeToken(slack.fake.botToken);
    expect((await slackErrorOf(client.auth.test())).code).toBe('invalid_auth');
    slack.fake.revokeToken(slack.fake.botToken, 'token_revoked');
    expect((await slackErrorOf(client.auth.test())).code).toBe('token_revoked');
    slack.fake.reset();
    expect((await client.auth.test()).ok).toBe(true);
  });

  it('answers unknown_method for a method it does not have, even without a token', async () => {
    const reply = await rawCall(slack.fake, 'chat.postMesage', { channel: 'C0CHAT' }, { token: null });
    expect(reply.json).toEqual({ ok: false, error: 'unknown_method', req_method: 'chat.postMesage' });
  });

  it('answers invalid_json for a JSON body it cannot parse', async () => {
    const response = await fetch(`${slack.fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slack.fake.botToken}`, 'content-type': 'application/json' },
      body: '{"channel": ',
    });
    expect(await response.json()).toMatchObject({ ok: false, error: 'invalid_json' });
  });

  it('sends the JSON content type and the token scopes on every answer', async () => {
    const ok = await rawCall(slack.fake, 'auth.test', {});
    const failed = await rawCall(slack.fake, 'chat.postMessage', { channel: 'nowhere', text: 'x' });
    for (const reply of [ok, failed]) {
      expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(reply.headers.get('x-oauth-scopes')).toBe(DEFAULT_BOT_SCOPES.join(','));
    }
    expect(failed.headers.get('x-accepted-oauth-scopes')).toBe('chat:write');
  });
});

describe('fake Slack: scopes', () => {
  const slack = useFakeSlack({ botScopes: ['channels:read', 'chat:write'] });

  it('answers missing_scope naming the scope needed and the scopes provided', async () => {
    const failure = await slackErrorOf(slack.client().conversations.history({ channel: 'C0OPSENGUPD' }));
    expect(failure).toEqual({
      code: 'missing_scope',
      data: expect.objectContaining({ needed: 'channels:history', provided: 'channels:read,chat:write' }),
    });
  });

  it('answers not_in_channel when posting to a channel the bot is not in without chat:write.public', async () => {
    expect((await slackErrorOf(slack.client().chat.postMessage({ channel: 'chat', text: 'x' }))).code).toBe(
      'not_in_channel',
    );
  });
});

describe('fake Slack: argument errors', () => {
  const slack = useFakeSlack();

  it.each([
    ['a missing channel', {}],
    ['an unknown channel', { channel: 'C0NOPE' }],
    ['an unknown channel name', { channel: '#no-such-channel' }],
    ['a private channel the bot is not in', { channel: 'operations-engineering-leads' }],
  ])('answers channel_not_found for %s', async (_label, args) => {
    const reply = await rawCall(slack.fake, 'chat.postMessage', { ...args, text: 'hello' });
    expect(reply.json).toMatchObject({ ok: false, error: 'channel_not_found' });
  });

  it('answers no_text when there is neither text nor blocks', async () => {
    expect(
      (await rawCall(slack.fake, 'chat.postMessage', { channel: 'C0ASKCOMMS', text: '' })).json.error,
    ).toBe('no_text');
    expect(
      (
        await rawCall(slack.fake, 'chat.postMessage', {
          channel: 'C0ASKCOMMS',
          blocks: [section('only blocks')],
        })
      ).json.ok,
    ).toBe(true);
  });

  it('answers invalid_arguments for other missing or malformed arguments', async () => {
    expect((await rawCall(slack.fake, 'conversations.replies', { channel: 'C0ASKCOMMS' })).json.error).toBe(
      'invalid_arguments',
    );
    const badThread = await rawCall(slack.fake, 'chat.postMessage', {
      channel: 'C0ASKCOMMS',
      text: 'x',
      thread_ts: 'soon',
    });
    expect(badThread.json.error).toBe('invalid_arguments');
  });

  it('allows 40,000 characters of text and answers msg_too_long beyond', async () => {
    const client = slack.client();
    expect((await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'a'.repeat(40_000) })).ok).toBe(
      true,
    );
    expect(
      (await slackErrorOf(client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'a'.repeat(40_001) }))).code,
    ).toBe('msg_too_long');
  });

  it('answers invalid_blocks for malformed JSON, more than 50 blocks, or a block Slack would refuse', async () => {
    const malformed = await rawCall(slack.fake, 'chat.postMessage', {
      channel: 'C0ASKCOMMS',
      text: 'x',
      blocks: '[{"type":',
    });
    expect(malformed.json.error).toBe('invalid_blocks');
    const client = slack.client();
    const tooMany = Array.from({ length: 51 }, (_, i) => section(`block ${i}`));
    expect(
      (await slackErrorOf(client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'x', blocks: tooMany })))
        .code,
    ).toBe('invalid_blocks');
    expect(
      (await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'x', blocks: tooMany.slice(0, 50) })).ok,
    ).toBe(true);
    const longHeader = { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } };
    const failure = await slackErrorOf(
      client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'x', blocks: [longHeader] }),
    );
    expect(failure.code).toBe('invalid_blocks');
    expect(failure.data.errors).toEqual([
      'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
    ]);
  });

  it('answers invalid_metadata_format for metadata that is not JSON or lacks event_type/event_payload', async () => {
    const notJson = await rawCall(slack.fake, 'chat.postMessage', {
      channel: 'C0ASKCOMMS',
      text: 'x',
      metadata: '{event_type',
    });
    expect(notJson.json.error).toBe('invalid_metadata_format');
    const noType = await rawCall(slack.fake, 'chat.postMessage', {
      channel: 'C0ASKCOMMS',
      text: 'x',
      metadata: { event_payload: {} },
    });
    expect(noType.json.error).toBe('invalid_metadata_format');
    expect(slack.fake.messages('C0ASKCOMMS')).toEqual([]);
  });
});
