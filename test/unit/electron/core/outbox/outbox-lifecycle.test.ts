import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enqueue, heraldIdOf, makeOutboxWorld, type OutboxWorld } from './outbox-fixture.ts';
import { settledSnapshot } from '../../../security/support/store-snapshot.ts';

const UPDATE = 'operations-engineering-update';
const MINUTE_MS = 60_000;
const inMinutes = (world: OutboxWorld, minutes: number) =>
  new Date(world.clock.now() + minutes * MINUTE_MS).toISOString();

async function offlineWorld(): Promise<OutboxWorld> {
  const world = await makeOutboxWorld({ start: false });
  world.fake.setOffline(true);
  world.core.start();
  await world.drive(() => world.core.outbox.connection().state === 'offline');
  return world;
}

describe('the outbox item lifecycle', () => {
  it('lets the lead edit or cancel a queued message, but not one being sent', async () => {
    const world = await offlineWorld();
    const edited = enqueue(world, { channel: UPDATE, text: 'draft wording' });
    const cancelled = enqueue(world, { channel: UPDATE, text: 'never mind' });

    expect(
      await world.core.router.call('outbox:update', { id: edited.id, patch: { text: 'better wording' } }),
    ).toMatchObject({ ok: true, value: { text: 'better wording' } });
    expect(await world.core.router.call('outbox:cancel', { id: cancelled.id })).toMatchObject({
      ok: true,
      value: { state: 'cancelled' },
    });

    world.fake.inject('chat.postMessage', { kind: 'delay', ms: 300 });
    world.fake.setOffline(false);
    await world.drive(() => world.item(edited.id).state === 'sending');
    expect(
      await world.core.router.call('outbox:update', { id: edited.id, patch: { text: 'too late' } }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await world.core.router.call('outbox:cancel', { id: edited.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('being sent') },
    });
    await world.drive(() => world.item(edited.id).state === 'sent');

    expect(world.heraldMessages(UPDATE).map((message) => message.text)).toEqual(['better wording']);
  });

  it('holds an incident update whose promised time passed while offline, and sends it only once re-confirmed with a new promise', async () => {
    const world = await offlineWorld();
    const update = enqueue(world, {
      channel: UPDATE,
      text: 'Next update at 09:30',
      promiseAtUtc: inMinutes(world, 20),
      source: { incidentId: 'inc-1' },
    });

    await world.drive(() => world.item(update.id).state === 'held', { stepMs: 30_000 });
    expect(world.item(update.id)).toMatchObject({
      heldReason: 'promise_passed',
      problem: { code: 'promise_passed' },
    });
    world.fake.setOffline(false);
    await world.drive(() => world.core.outbox.connection().state === 'online');
    expect(world.fake.messages(UPDATE)).toHaveLength(0);

    const stale = await world.core.router.call('outbox:confirm', { id: update.id });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('stale') },
    });
    const confirmed = await world.core.router.call('outbox:confirm', {
      id: update.id,
      text: 'Next update at 10:30',
      promiseAtUtc: inMinutes(world, 30),
    });
    expect(confirmed).toMatchObject({ ok: true, value: { state: 'queued' } });
    await world.drive(() => world.item(update.id).state === 'sent');
    expect(world.heraldMessages(UPDATE).map((message) => message.text)).toEqual(['Next update at 10:30']);
  });

  it('threads an update under a declaration that was itself still queued, once the declaration is sent', async () => {
    const world = await offlineWorld();
    const declaration = enqueue(world, { channel: UPDATE, text: 'Incident: Sentry is down' });
    const update = enqueue(world, {
      channel: UPDATE,
      text: 'Update: still down',
      threadOf: declaration.id,
      replyBroadcast: true,
    });
    const unrelated = enqueue(world, { channel: 'github-community', text: 'unrelated' });

    world.fake.setOffline(false);
    await world.drive(
      () => world.item(update.id).state === 'sent' && world.item(unrelated.id).state === 'sent',
    );

    const declarationTs = world.item(declaration.id).ts;
    const reply = world.fake.messages(UPDATE).find((message) => heraldIdOf(message) === update.id);
    expect(reply).toMatchObject({ thread_ts: declarationTs, reply_broadcast: true });
    expect(world.item(update.id).threadTs).toBe(declarationTs);
  });

  it('fails the replies of a cancelled declaration, since they have no thread to join', async () => {
    const world = await offlineWorld();
    const declaration = enqueue(world, { channel: UPDATE, text: 'Incident' });
    const update = enqueue(world, { channel: UPDATE, text: 'Update', threadOf: declaration.id });
    await world.core.router.call('outbox:cancel', { id: declaration.id });
    expect(world.item(update.id)).toMatchObject({
      state: 'failed',
      problem: { code: 'thread_parent_cancelled' },
    });
    expect(await world.core.router.call('outbox:retry', { id: update.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(world.core.outbox.enqueue({ channel: UPDATE, text: 'x', threadOf: declaration.id })).toMatchObject(
      { ok: false, error: { code: 'conflict' } },
    );
  });

  it('sends a message with a later send time only when that time comes, without holding up the channel', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    const later = enqueue(world, { channel: UPDATE, text: 'later', sendAtUtc: inMinutes(world, 10) });
    const now = enqueue(world, { channel: UPDATE, text: 'now' });
    await world.drive(() => world.item(now.id).state === 'sent');
    expect(world.item(later.id).state).toBe('queued');

    await world.drive(() => world.item(later.id).state === 'sent', { stepMs: 15_000 });
    const postedAtMs = world.fake.requests
      .filter((request) => request.method === 'chat.postMessage')
      .at(-1)!.atMs;
    expect(postedAtMs).toBeGreaterThanOrEqual(Date.parse(world.item(later.id).sendAtUtc!));
    expect(world.heraldMessages(UPDATE).map((message) => message.text)).toEqual(['now', 'later']);
  });

  it('retries a failed message on request and sends it once', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject('chat.postMessage', { kind: 'slack_error', error: 'restricted_action' });
    const item = enqueue(world, { channel: UPDATE, text: 'second time lucky' });
    await world.drive(() => world.item(item.id).state === 'failed');
    expect(world.item(item.id).problem?.message).toBe(
      'A workspace setting prevents posting to this channel.',
    );

    const retried = await world.core.router.call('outbox:retry', { id: item.id });
    expect(retried.ok && ['queued', 'sending']).toContain(retried.ok && retried.value.state);
    await world.drive(() => world.item(item.id).state === 'sent');
    expect(world.heraldMessages(UPDATE)).toHaveLength(1);
  });

  it('tries at once on flush instead of waiting out its backoff', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    world.fake.inject(
      'chat.postMessage',
      { kind: 'slack_error', error: 'service_unavailable' },
      { times: 4 },
    );
    const item = enqueue(world, { channel: UPDATE, text: 'flush me' });
    await world.drive(() => world.item(item.id).attempts === 4 && world.item(item.id).state === 'queued');
    const waitingUntil = Date.parse(world.item(item.id).nextAttemptAtUtc!);
    expect(waitingUntil).toBeGreaterThan(world.clock.now());

    const flushed = await world.core.router.call('outbox:flush', {});
    expect(flushed.ok).toBe(true);
    await world.drive(() => world.item(item.id).state === 'sent', { stepMs: 1 });
    expect(world.clock.now()).toBeLessThan(waitingUntil);
  });

  it('resumes after a restart: an item caught mid-send is checked for before it is sent again', async () => {
    const first = await makeOutboxWorld();
    await first.drive(() => first.core.outbox.connection().state === 'online');
    const delivered = enqueue(first, { channel: UPDATE, text: 'reached Slack before the crash' });
    const pending = enqueue(first, { channel: UPDATE, text: 'never left' });
    first.core.stop();
    // Let the look-up of the channel already under way finish, and every write reach its file.
    await first.drive(() => !first.core.outbox.isBusy());
    await first.core.outbox.synced();
    // Renames finish in the thread pool: a write landing after the edit below would undo it (a flake on busy CI).
    await settledSnapshot(first.dataDir);
    // Simulate the crash: the first was posted and its state left at `sending`; the second is still queued.
    const posted = first.fake.addMessage(UPDATE, {
      text: 'reached Slack before the crash',
      user: 'U0HERALDBOT',
      metadata: { event_type: 'herald_message', event_payload: { herald_id: delivered.id } },
    });
    // Each item is its own file in outbox/.
    const itemFile = join(first.dataDir, 'outbox', `${delivered.id}.json`);
    const stored = JSON.parse(readFileSync(itemFile, 'utf8')) as {
      schemaVersion: number;
      data: Record<string, unknown>;
    };
    Object.assign(stored.data, {
      state: 'sending',
      attempts: 1,
      firstAttemptAtUtc: new Date(first.clock.now()).toISOString(),
    });
    writeFileSync(itemFile, JSON.stringify(stored));

    const second = await makeOutboxWorld({
      dataDir: first.dataDir,
      reuseFake: first.fake,
      connect: false,
      startMs: first.clock.now(),
    });
    expect(second.item(delivered.id)).toMatchObject({
      state: 'queued',
      isOutcomeUnclear: true,
      problem: { code: 'interrupted' },
    });
    await second.drive(() => second.item(pending.id).state === 'sent');

    expect(second.item(delivered.id)).toMatchObject({ state: 'sent', ts: posted.ts, attempts: 1 });
    expect(second.heraldMessages(UPDATE).map(heraldIdOf)).toEqual([delivered.id, pending.id]);
  });
});
