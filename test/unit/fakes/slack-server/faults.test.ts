import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { manualClock, rawCall, useFakeSlack } from './fixture.ts';

async function failureOf(
  call: Promise<unknown>,
): Promise<{ code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } }> {
  try {
    await call;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error('expected the call to fail');
}

const post = { channel: 'C0OPSENGUPD', text: 'Weekly update' };

describe('fake Slack: injected faults', () => {
  const slack = useFakeSlack();

  it('rate_limited answers 429 with Retry-After, which WebClient turns into a rate-limited error', async () => {
    slack.fake.inject('chat.postMessage', { kind: 'rate_limited', retryAfterSec: 7 });
    const failure = await failureOf(slack.client().chat.postMessage(post));
    expect(failure).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    slack.fake.inject('chat.postMessage', { kind: 'rate_limited', retryAfterSec: 3 });
    const raw = await rawCall(slack.fake, 'chat.postMessage', post);
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('3');
    expect(raw.json).toEqual({ ok: false, error: 'ratelimited' });
    expect(slack.fake.messages()).toEqual([]);
  });

  it('http_status answers with an HTML error page', async () => {
    slack.fake.inject('chat.postMessage', { kind: 'http_status', status: 503 });
    const failure = await failureOf(slack.client().chat.postMessage(post));
    expect(failure).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    slack.fake.inject('auth.test', { kind: 'http_status', status: 500 });
    const raw = await rawCall(slack.fake, 'auth.test', {});
    expect(raw.status).toBe(500);
    expect(raw.headers.get('content-type')).toContain('text/html');
    expect(raw.text).toContain('500 Internal Server Error');
  });

  it('drop_before cuts the connection and posts nothing', async () => {
    slack.fake.inject('chat.postMessage', { kind: 'drop_before' });
    const failure = await failureOf(slack.client().chat.postMessage(post));
    expect(failure.code).toBe(ErrorCode.RequestError);
    expect(slack.fake.messages()).toEqual([]);
    expect(slack.fake.requests).toEqual([
      expect.objectContaining({ method: 'chat.postMessage', fault: 'drop_before' }),
    ]);
    expect(slack.fake.requests[0]?.status).toBeUndefined();
  });

  it('drop_after posts the message but the client never hears so', async () => {
    slack.fake.inject('chat.postMessage', { kind: 'drop_after' });
    const failure = await failureOf(slack.client().chat.postMessage(post));
    expect(failure.code).toBe(ErrorCode.RequestError);
    expect(slack.fake.messages('C0OPSENGUPD')).toEqual([expect.objectContaining({ text: 'Weekly update' })]);
    const [record] = slack.fake.requests;
    expect(record?.fault).toBe('drop_after');
    // No status was sent, and the work itself succeeded (no Slack error).
    expect(record?.status).toBeUndefined();
    expect(record?.error).toBeUndefined();
  });

  it('delay holds the answer back, then answers normally', async () => {
    slack.fake.inject('chat.postMessage', { kind: 'delay', ms: 50 });
    const startedMs = performance.now();
    const answer = await slack.client().chat.postMessage(post);
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(45);
    expect(answer.ok).toBe(true);
  });

  it.each([
    'invalid_auth',
    'channel_not_found',
    'not_in_channel',
    'msg_too_long',
    'ratelimited',
    'fatal_error',
  ])('slack_error answers ok:false with %s and does no work', async (code) => {
    slack.fake.inject('chat.postMessage', { kind: 'slack_error', error: code });
    const failure = await failureOf(slack.client().chat.postMessage(post));
    expect(failure).toMatchObject({ code: ErrorCode.PlatformError, data: { error: code } });
    expect(slack.fake.messages()).toEqual([]);
  });

  it('hits as many requests as asked, then stops; "*" matches every method', async () => {
    const client = slack.client();
    const handle = slack.fake.inject('*', { kind: 'slack_error', error: 'fatal_error' }, { times: 2 });
    await failureOf(client.auth.test());
    await failureOf(client.chat.postMessage(post));
    expect((await client.auth.test()).ok).toBe(true);
    expect(handle.hitCount).toBe(2);
  });

  it('keeps a fault with times: Infinity until it is cancelled', async () => {
    const client = slack.client();
    const handle = slack.fake.inject(
      'auth.test',
      { kind: 'slack_error', error: 'invalid_auth' },
      { times: Infinity },
    );
    for (let i = 0; i < 3; i += 1) await failureOf(client.auth.test());
    handle.cancel();
    expect((await client.auth.test()).ok).toBe(true);
  });

  it('rejects a fault it does not know', () => {
    expect(() => slack.fake.inject('auth.test', { kind: 'explode' } as never)).toThrow(/not a valid fault/);
  });
});

describe('fake Slack: offline', () => {
  const slack = useFakeSlack();

  it('destroys every connection while offline and serves again when back', async () => {
    const client = slack.client();
    await client.auth.test();
    slack.fake.setOffline(true);
    expect((await failureOf(client.auth.test())).code).toBe(ErrorCode.RequestError);
    await expect(fetch(`${slack.fake.url}auth.test`, { method: 'POST' })).rejects.toThrow();
    slack.fake.setOffline(false);
    expect((await client.auth.test()).ok).toBe(true);
  });

  it('cuts a request that is in flight when the network goes', async () => {
    slack.fake.inject('chat.postMessage', { kind: 'delay', ms: 50 });
    const pending = failureOf(slack.client().chat.postMessage(post));
    await new Promise((resolve) => setTimeout(resolve, 10));
    slack.fake.setOffline(true);
    expect((await pending).code).toBe(ErrorCode.RequestError);
    expect(slack.fake.messages()).toEqual([]);
  });

  it('closes promptly even with a delayed request pending', async () => {
    slack.fake.inject('auth.test', { kind: 'delay', ms: 10_000 });
    const pending = failureOf(slack.client().auth.test());
    await new Promise((resolve) => setTimeout(resolve, 10));
    const startedMs = performance.now();
    await slack.fake.close();
    expect(performance.now() - startedMs).toBeLessThan(1000);
    expect((await pending).code).toBe(ErrorCode.RequestError);
  });
});

describe('fake Slack: rate-limit window', () => {
  const clock = manualClock();
  const slack = useFakeSlack({ nowMs: clock.nowMs });

  it('allows perMinute calls in any sliding minute and says how long to wait', async () => {
    slack.fake.setRateLimit('chat.postMessage', { perMinute: 2 });
    const client = slack.client();
    await client.chat.postMessage(post);
    clock.advanceMs(20_000);
    await client.chat.postMessage(post);
    const refused = await rawCall(slack.fake, 'chat.postMessage', post);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    clock.advanceMs(30_000);
    expect(await failureOf(client.chat.postMessage(post))).toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 10,
    });
    clock.advanceMs(10_000);
    expect((await client.chat.postMessage(post)).ok).toBe(true);
    expect(slack.fake.messages()).toHaveLength(3);
    expect(slack.fake.requests.filter((request) => request.fault === 'rate_limit_window')).toHaveLength(2);
  });

  it('limits only the method it was set for, and can be lifted', async () => {
    slack.fake.setRateLimit('chat.postMessage', { perMinute: 1 });
    const client = slack.client();
    await client.chat.postMessage(post);
    expect((await client.auth.test()).ok).toBe(true);
    slack.fake.setRateLimit('chat.postMessage', null);
    expect((await client.chat.postMessage(post)).ok).toBe(true);
  });
});
