import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT_SCOPES, DEFAULT_BOT_TOKEN, DEFAULT_USER_TOKEN } from '../../../fakes/slack-server.ts';
import { manualClock, rawCall, useFakeSlack } from './fixture.ts';

async function rateLimitOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    const failure = error as { code?: string; retryAfter?: number };
    if (failure.code !== ErrorCode.RateLimitedError) throw error;
    return failure.retryAfter ?? Number.NaN;
  }
  throw new Error('expected a rate-limited answer, but the call succeeded');
}

describe('fake Slack: Slack tiers (internal app)', () => {
  const clock = manualClock();
  const slack = useFakeSlack({ nowMs: clock.nowMs, rateLimits: 'tiers' });

  it('allows a Tier 2 method 20 calls a minute, answers 429 + Retry-After, and frees up on the fake clock', async () => {
    const client = slack.client();
    for (let i = 0; i < 20; i += 1) await client.users.list({ limit: 1 });
    clock.advanceMs(15_000);
    expect(await rateLimitOf(client.users.list({ limit: 1 }))).toBe(45);
    const raw = await rawCall(slack.fake, 'users.list', {});
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('45');
    // Another method has its own budget.
    expect((await client.users.info({ user: 'U0COMMSLEAD' })).ok).toBe(true);
    clock.advanceMs(45_000);
    expect((await client.users.list({ limit: 1 })).ok).toBe(true);
  });

  it('gives conversations.history Tier 3 (50 a minute) and a full page of 100 by default', async () => {
    const client = slack.client();
    for (let n = 0; n < 120; n += 1) slack.fake.addMessage('C0OPSENGUPD', { text: `m${n}` });
    const first = await client.conversations.history({ channel: 'C0OPSENGUPD' });
    expect(first.messages).toHaveLength(100);
    for (let i = 1; i < 50; i += 1) await client.conversations.history({ channel: 'C0OPSENGUPD', limit: 1 });
    expect(await rateLimitOf(client.conversations.history({ channel: 'C0OPSENGUPD' }))).toBe(60);
  });

  it('shares one budget between every token of the app and every client using them', async () => {
    const heraldA = slack.client(DEFAULT_BOT_TOKEN);
    const heraldB = slack.client(DEFAULT_BOT_TOKEN);
    const lead = slack.client(DEFAULT_USER_TOKEN);
    for (let i = 0; i < 7; i += 1) {
      await heraldA.users.list({ limit: 1 });
      await heraldB.users.list({ limit: 1 });
    }
    for (let i = 0; i < 6; i += 1) await lead.users.list({ limit: 1 });
    expect(await rateLimitOf(heraldA.users.list({ limit: 1 }))).toBeGreaterThan(0);
    expect(await rateLimitOf(lead.users.list({ limit: 1 }))).toBeGreaterThan(0);
  });

  it('limits chat.postMessage per channel (60 a minute), by id or name alike', async () => {
    const client = slack.client();
    for (let i = 0; i < 30; i += 1) await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: `a${i}` });
    for (let i = 0; i < 30; i += 1) await client.chat.postMessage({ channel: '#ask-comms', text: `b${i}` });
    expect(await rateLimitOf(client.chat.postMessage({ channel: 'ask-comms', text: 'one too many' }))).toBe(
      60,
    );
    expect((await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'another channel' })).ok).toBe(
      true,
    );
    expect(slack.fake.messages('C0ASKCOMMS')).toHaveLength(60);
  });

  it('leaves special methods without a published figure unlimited', async () => {
    const client = slack.client();
    for (let i = 0; i < 120; i += 1) await client.auth.test();
    expect((await client.auth.test()).ok).toBe(true);
  });
});

describe('fake Slack: a second app has its own budget', () => {
  const clock = manualClock();
  const slack = useFakeSlack({
    nowMs: clock.nowMs,
    rateLimits: 'non_marketplace',
    tokens: [
      {
        token: DEFAULT_BOT_TOKEN,
        kind: 'bot',
        userId: 'U0HERALDBOT',
        scopes: DEFAULT_BOT_SCOPES,
        appId: 'A0HERALD',
      },
      {
        token: 'xoxb-other-app',
        kind: 'bot',
        userId: 'U0HERALDBOT',
        scopes: DEFAULT_BOT_SCOPES,
        appId: 'A0OTHER',
      },
    ],
  });

  it('counts per app per workspace', async () => {
    await slack.client().conversations.history({ channel: 'C0OPSENGUPD' });
    expect(await rateLimitOf(slack.client().conversations.history({ channel: 'C0OPSENGUPD' }))).toBe(60);
    expect((await slack.client('xoxb-other-app').conversations.history({ channel: 'C0OPSENGUPD' })).ok).toBe(
      true,
    );
  });
});

describe('fake Slack: non-Marketplace limits (2025)', () => {
  const clock = manualClock();
  const slack = useFakeSlack({ nowMs: clock.nowMs });

  it('is off by default, and a control action turns it on: 1 request a minute, 15 messages a page', async () => {
    for (let n = 0; n < 40; n += 1) slack.fake.addMessage('C0OPSENGUPD', { text: `m${n}` });
    const client = slack.client();
    expect((await client.conversations.history({ channel: 'C0OPSENGUPD' })).messages).toHaveLength(40);
    const switched = await fetch(`${slack.fake.controlUrl}setRateLimitMode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'non_marketplace' }),
    });
    expect(switched.status).toBe(200);
    expect(slack.fake.rateLimitMode).toBe('non_marketplace');

    const first = await client.conversations.history({ channel: 'C0OPSENGUPD', limit: 200 });
    expect(first.messages).toHaveLength(15);
    expect(first.has_more).toBe(true);
    expect(await rateLimitOf(client.conversations.history({ channel: 'C0OPSENGUPD' }))).toBe(60);
    clock.advanceMs(30_000);
    // Replies have a budget of their own, also one a minute, also 15 a page.
    const parent = slack.fake.messages('C0OPSENGUPD')[0]!;
    for (let n = 0; n < 20; n += 1)
      slack.fake.addMessage('C0OPSENGUPD', { text: `r${n}`, thread_ts: parent.ts });
    const thread = await client.conversations.replies({ channel: 'C0OPSENGUPD', ts: parent.ts });
    expect(thread.messages).toHaveLength(15);
    expect(await rateLimitOf(client.conversations.replies({ channel: 'C0OPSENGUPD', ts: parent.ts }))).toBe(
      60,
    );
    expect(await rateLimitOf(client.conversations.history({ channel: 'C0OPSENGUPD' }))).toBe(30);
    clock.advanceMs(30_000);
    const second = await client.conversations.history({
      channel: 'C0OPSENGUPD',
      cursor: first.response_metadata!.next_cursor!,
    });
    expect(second.messages?.[0]?.text).toBe('m24');
    // Other methods keep their tiers.
    for (let i = 0; i < 5; i += 1)
      expect((await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'x' })).ok).toBe(true);

    slack.fake.reset();
    expect(slack.fake.rateLimitMode).toBe('off');
  });

  it('refuses an unknown mode over HTTP', async () => {
    const refused = await fetch(`${slack.fake.controlUrl}setRateLimitMode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'fast' }),
    });
    expect(refused.status).toBe(400);
  });
});
