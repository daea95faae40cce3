import { describe, expect, it } from 'vitest';
import { enqueue, heraldIdOf, makeOutboxWorld } from './outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';

describe('the outbox under faults', () => {
  it('waits out a burst of 429s for the whole Retry-After before posting again', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject('chat.postMessage', { kind: 'rate_limited', retryAfterSec: 30 }, { times: 3 });
    const first = enqueue(world, { channel: UPDATE, text: 'first' });
    const second = enqueue(world, { channel: UPDATE, text: 'second' });

    await world.drive(() => world.item(second.id).state === 'sent');

    const posts = world.fake.requests.filter((request) => request.method === 'chat.postMessage');
    expect(posts.map((request) => request.fault ?? 'ok')).toEqual([
      'rate_limited',
      'rate_limited',
      'rate_limited',
      'ok',
      'ok',
    ]);
    for (let n = 1; n <= 3; n++) expect(posts[n]!.atMs - posts[n - 1]!.atMs).toBeGreaterThanOrEqual(30_000);
    expect(world.heraldMessages(UPDATE).map(heraldIdOf)).toEqual([first.id, second.id]);
    // A 429 means Slack did nothing: no duplicate check was needed.
    expect(world.fake.requests.some((request) => request.method === 'conversations.history')).toBe(false);
  });

  it('holds every channel off a rate-limited method until Retry-After, then keeps to the window', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.setRateLimit('chat.postMessage', { perMinute: 10 });
    const channels = [UPDATE, 'github-community', 'ask-comms'];
    for (let n = 0; n < 30; n++) enqueue(world, { channel: channels[n % 3]!, text: `burst ${n}` });

    await world.drive(() => world.core.outbox.list(['sent']).items.length === 30);

    const accepted = world.fake.requests.filter(
      (request) => request.method === 'chat.postMessage' && request.status === 200,
    );
    expect(accepted).toHaveLength(30);
    const refused = world.fake.requests.filter(
      (request) => request.method === 'chat.postMessage' && request.status === 429,
    );
    // Each window's overflow is refused once per channel at most before everyone waits.
    expect(refused.length).toBeLessThanOrEqual(3 * 3);
    for (const channel of channels) expect(world.heraldMessages(channel)).toHaveLength(10);
  });

  it('does not post twice when the connection drops after Slack accepted the post', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject('chat.postMessage', { kind: 'drop_after' });
    const dropped = enqueue(world, { channel: UPDATE, text: 'posted, reply lost' });
    const next = enqueue(world, { channel: UPDATE, text: 'the one after' });

    await world.drive(() => world.item(next.id).state === 'sent');

    const messages = world.heraldMessages(UPDATE);
    expect(messages.map(heraldIdOf)).toEqual([dropped.id, next.id]);
    expect(world.item(dropped.id)).toMatchObject({
      state: 'sent',
      ts: messages[0]?.ts,
      attempts: 1,
      isOutcomeUnclear: false,
    });
    const methods = world.fake.requests.map((request) => request.method);
    expect(methods.filter((method) => method === 'chat.postMessage')).toHaveLength(2);
    expect(methods).toContain('conversations.history');
  });

  it('checks the thread, not the channel, before re-posting a thread reply whose answer was lost', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    const parent = enqueue(world, { channel: UPDATE, text: 'declared' });
    await world.drive(() => world.item(parent.id).state === 'sent');
    world.fake.inject('chat.postMessage', { kind: 'drop_after' });
    const reply = enqueue(world, {
      channel: UPDATE,
      text: 'update',
      threadTs: world.item(parent.id).ts!,
      replyBroadcast: true,
    });

    await world.drive(() => world.item(reply.id).state === 'sent');

    expect(world.heraldMessages(UPDATE).filter((message) => heraldIdOf(message) === reply.id)).toHaveLength(
      1,
    );
    expect(world.fake.requests.some((request) => request.method === 'conversations.replies')).toBe(true);
    expect(world.item(reply.id).permalink).toContain('thread_ts=');
  });

  it('re-posts exactly once after the connection dropped before Slack saw the post', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject('chat.postMessage', { kind: 'drop_before' });
    const item = enqueue(world, { channel: UPDATE, text: 'never reached Slack the first time' });

    await world.drive(() => world.item(item.id).state === 'sent');

    expect(world.heraldMessages(UPDATE).map(heraldIdOf)).toEqual([item.id]);
    expect(world.item(item.id).attempts).toBe(2);
    expect(world.eventsOf('connection:changed').map((status) => status.state)).toEqual([
      'online',
      'offline',
      'online',
    ]);
  });

  it('treats a timed-out request as unclear and finds out before trying again', async () => {
    const world = await makeOutboxWorld({ requestTimeoutMs: 100 });
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject('chat.postMessage', { kind: 'delay', ms: 400 });
    const item = enqueue(world, { channel: UPDATE, text: 'slow Slack' });

    await world.drive(() => world.item(item.id).state === 'sent');

    expect(world.heraldMessages(UPDATE).map(heraldIdOf)).toEqual([item.id]);
    expect(world.fake.requests.map((request) => request.method)).toContain('conversations.history');
  });

  it('backs off with jitter after 5xx answers, checking for the message each time', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject('chat.postMessage', { kind: 'http_status', status: 503 }, { times: 3 });
    const item = enqueue(world, { channel: UPDATE, text: 'through a bad patch' });

    await world.drive(() => world.item(item.id).state === 'sent');

    const posts = world.fake.requests.filter((request) => request.method === 'chat.postMessage');
    expect(posts).toHaveLength(4);
    const gaps = posts.slice(1).map((request, n) => request.atMs - posts[n]!.atMs);
    // Equal jitter: at least half of 1 s, 2 s, 4 s.
    expect(gaps[0]).toBeGreaterThanOrEqual(500);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(2_000);
    expect(world.fake.requests.filter((request) => request.method === 'conversations.history')).toHaveLength(
      3,
    );
    expect(world.heraldMessages(UPDATE)).toHaveLength(1);
  });

  it('stops the whole queue on invalid_auth with a clear message, loses nothing, and resumes once Slack is connected again', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    // Slack refuses the token until it is replaced (here: until the fault is lifted and Slack reconnected).
    const revoked = world.fake.inject(
      'chat.postMessage',
      { kind: 'slack_error', error: 'invalid_auth' },
      { times: Infinity },
    );
    const items = [UPDATE, 'github-community', UPDATE].map((channel, n) =>
      enqueue(world, { channel, text: `message ${n}` }),
    );

    await world.drive(() => world.core.outbox.connection().state === 'auth_stopped');
    const stopped = world.core.outbox.connection();
    expect(stopped.message).toMatch(/Slack did not accept the token.*Sending has stopped.*nothing is lost/);
    expect(stopped.fix).toMatch(/connect again/);
    await world.drive(() => false, { stepMs: 10_000, maxSimulatedMs: 10 * 60_000 }).catch(() => undefined);
    expect(world.core.outbox.list().items.map((item) => item.state)).toEqual(['queued', 'queued', 'queued']);
    expect(
      world.fake.requests.filter((request) => request.method === 'chat.postMessage').length,
    ).toBeLessThanOrEqual(2);

    revoked.cancel();
    const reconnected = await world.core.router.call('slack:connect', { token: world.fake.botToken });
    expect(reconnected.ok).toBe(true);
    await world.drive(() => world.core.outbox.list(['sent']).items.length === 3);
    expect(world.heraldMessages(UPDATE).map(heraldIdOf)).toEqual([items[0]!.id, items[2]!.id]);
    expect(world.heraldMessages('github-community').map(heraldIdOf)).toEqual([items[1]!.id]);
  });

  it('fails only the item Slack refuses (not_in_channel, msg_too_long, unknown channel) and sends the rest', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject('chat.postMessage', { kind: 'slack_error', error: 'not_in_channel' });
    const refused = enqueue(world, { channel: UPDATE, text: 'refused' });
    const tooLong = enqueue(world, { channel: UPDATE, text: 'x'.repeat(40_001) });
    const unknown = enqueue(world, { channel: 'no-such-channel', text: 'nowhere' });
    const fine = enqueue(world, { channel: UPDATE, text: 'fine' });

    await world.drive(
      () => world.item(fine.id).state === 'sent' && world.item(unknown.id).state === 'failed',
    );

    expect(world.item(refused.id)).toMatchObject({
      state: 'failed',
      problem: { code: 'not_in_channel', fix: expect.stringContaining('/invite @Herald') },
    });
    expect(world.item(tooLong.id)).toMatchObject({
      state: 'failed',
      problem: { code: 'msg_too_long', message: 'The message is longer than Slack allows.' },
    });
    expect(world.item(unknown.id)).toMatchObject({
      state: 'failed',
      problem: { code: 'channel_not_found', message: 'Herald cannot find #no-such-channel in Slack.' },
    });
    expect(world.heraldMessages(UPDATE).map(heraldIdOf)).toEqual([fine.id]);
    expect(world.core.outbox.connection().state).toBe('online');
  });

  it('holds a message it cannot check for in a channel it cannot read, rather than risk a duplicate', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject('chat.postMessage', { kind: 'drop_after' });
    const item = enqueue(world, { channel: 'chat', text: 'a success worth sharing' });

    await world.drive(() => world.item(item.id).state === 'held');

    expect(world.item(item.id)).toMatchObject({
      heldReason: 'unconfirmed',
      problem: { code: 'unconfirmed', message: expect.stringContaining('#chat') },
    });
    expect(world.fake.messages('chat')).toHaveLength(1);
    // The lead looks, sees it arrived, and cancels the copy.
    const cancelled = await world.core.router.call('outbox:cancel', { id: item.id });
    expect(cancelled).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    expect(world.fake.messages('chat')).toHaveLength(1);
  });
});
