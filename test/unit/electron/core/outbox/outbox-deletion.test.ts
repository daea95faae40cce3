// The outbox's `delete_scheduled` items: removing a message Herald had Slack
// schedule, through the real WebClient and the fake Slack, exactly once —
// after a lost answer, across a restart mid-request, and while offline — in
// its channel's line, with the message that replaces it waiting for it.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import { enqueue, makeOutboxWorld, type OutboxWorld } from './outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';
const inMinutes = (world: OutboxWorld, minutes: number) =>
  new Date(world.clock.now() + minutes * 60_000).toISOString();

async function onlineWorld(options: Parameters<typeof makeOutboxWorld>[0] = {}): Promise<OutboxWorld> {
  const world = await makeOutboxWorld(options);
  await world.drive(() => world.core.outbox.connection().state === 'online');
  return world;
}

async function scheduled(world: OutboxWorld, text: string, minutes: number): Promise<OutboxItem> {
  const item = enqueue(world, { channel: UPDATE, text, scheduleForUtc: inMinutes(world, minutes) });
  await world.drive(() => world.item(item.id).state === 'scheduled');
  return world.item(item.id);
}

function deletion(world: OutboxWorld, targetId: string): OutboxItem {
  const queued = world.core.outbox.enqueueDeletion(targetId);
  if (!queued.ok) throw new Error(queued.error.message);
  return queued.value;
}

const deleteCalls = (world: OutboxWorld) =>
  world.fake.requests.filter((request) => request.method === 'chat.deleteScheduledMessage');

describe('removing a message scheduled in Slack', () => {
  it('removes it with chat.deleteScheduledMessage and cancels the message it removed', async () => {
    const world = await onlineWorld();
    const announcement = await scheduled(world, 'When: Wed 23 Dec', 60 * 24);
    const removal = deletion(world, announcement.id);
    expect(removal).toMatchObject({
      kind: 'delete_scheduled',
      targetId: announcement.id,
      scheduledMessageId: announcement.scheduledMessageId,
      channelId: 'C0OPSENGUPD',
    });
    // Asking twice queues one removal.
    expect(deletion(world, announcement.id).id).toBe(removal.id);

    await world.drive(() => world.item(removal.id).state === 'sent');
    expect(world.fake.scheduled()).toEqual([]);
    expect(world.item(announcement.id)).toMatchObject({
      state: 'cancelled',
      problem: { code: 'removed_from_slack' },
    });
    expect(deleteCalls(world)).toHaveLength(1);
    // A removal is not a message: History has nothing for it.
    const history = await world.core.router.call('history:list', {});
    expect(history.ok && history.value.entries).toEqual([]);
  });

  it('refuses to remove what is not waiting in Slack', async () => {
    const world = await onlineWorld();
    const now = enqueue(world, { channel: UPDATE, text: 'Posted at once' });
    await world.drive(() => world.item(now.id).state === 'sent');
    expect(world.core.outbox.enqueueDeletion(now.id)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already sent') },
    });
    expect(world.core.outbox.enqueueDeletion('nope')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('says it is too late when Slack has posted it, and leaves the message to be found as sent', async () => {
    const world = await onlineWorld();
    const soon = await scheduled(world, 'Starting in a moment', 3);
    world.clock.advance(150_000);
    const removal = deletion(world, soon.id);
    await world.drive(() => world.item(removal.id).state === 'failed', { stepMs: 100 });
    expect(world.item(removal.id).problem).toMatchObject({ code: 'too_late_to_delete' });
    expect(world.item(soon.id).state).toBe('scheduled');
    world.clock.advance(60_000);
    world.fake.deliverScheduled();
    await world.drive(() => world.item(soon.id).state === 'sent', { stepMs: 5_000 });
  });

  it('removes it exactly once when Slack carried out the request but the answer was lost', async () => {
    const world = await onlineWorld();
    const announcement = await scheduled(world, 'When: Wed 23 Dec', 60 * 24);
    world.fake.inject('chat.deleteScheduledMessage', { kind: 'drop_after' });
    const removal = deletion(world, announcement.id);
    await world.drive(() => world.item(removal.id).state === 'sent', { stepMs: 1_000 });
    // The second look went to Slack's list, not to a second removal.
    expect(deleteCalls(world)).toHaveLength(1);
    expect(world.item(removal.id).problem).toMatchObject({ code: 'already_removed' });
    expect(world.item(announcement.id).state).toBe('cancelled');
    expect(world.fake.scheduled()).toEqual([]);
  });

  it('after a crash mid-request, checks Slack before removing again', async () => {
    const first = await onlineWorld();
    const announcement = await scheduled(first, 'When: Wed 23 Dec', 60 * 24);
    first.fake.inject('chat.deleteScheduledMessage', { kind: 'delay', ms: 300 });
    const removal = deletion(first, announcement.id);
    await first.drive(() => first.item(removal.id).state === 'sending', { stepMs: 1 });
    await first.core.outbox.synced();
    // The disk as a process killed now would leave it: the removal `sending`; Slack carries the request out.
    const crashedDir = mkdtempSync(join(tmpdir(), 'herald-crashed-'));
    cpSync(first.dataDir, crashedDir, { recursive: true });
    await first.drive(() => first.item(removal.id).state === 'sent', { stepMs: 1 });
    first.core.stop();
    expect(first.fake.scheduled()).toEqual([]);

    const second = await makeOutboxWorld({
      dataDir: crashedDir,
      reuseFake: first.fake,
      startMs: first.clock.now(),
      start: false,
    });
    expect(second.item(removal.id)).toMatchObject({ state: 'queued', isOutcomeUnclear: true });
    second.core.start();
    await second.drive(() => second.item(removal.id).state === 'sent', { stepMs: 1_000 });
    expect(deleteCalls(second)).toHaveLength(1);
    expect(second.item(announcement.id).state).toBe('cancelled');
  });

  it('offline, the removal waits and happens once Slack is back, before the message replacing it', async () => {
    const world = await onlineWorld();
    const announcement = await scheduled(world, 'When: Wed 23 Dec', 60 * 24);
    world.fake.setOffline(true);
    const removal = deletion(world, announcement.id);
    const replacement = enqueue(world, {
      channel: UPDATE,
      text: 'When: Wed 30 Dec',
      scheduleForUtc: inMinutes(world, 60 * 24 * 8),
      waitsFor: removal.id,
    });
    await world.drive(() => world.core.outbox.connection().state === 'offline', { stepMs: 1_000 });
    expect(world.item(removal.id).state).toBe('queued');
    expect(world.item(replacement.id).state).toBe('queued');
    expect(world.fake.scheduled().map((message) => message.text)).toEqual(['When: Wed 23 Dec']);

    world.fake.setOffline(false);
    world.core.outbox.flush();
    await world.drive(() => world.item(replacement.id).state === 'scheduled', { stepMs: 5_000 });
    expect(world.fake.scheduled().map((message) => message.text)).toEqual(['When: Wed 30 Dec']);
    expect(deleteCalls(world)).toHaveLength(1);
    const order = world.fake.requests
      .filter(
        (request) =>
          request.method === 'chat.deleteScheduledMessage' || request.method === 'chat.scheduleMessage',
      )
      .map((request) => request.method);
    expect(order.slice(-2)).toEqual(['chat.deleteScheduledMessage', 'chat.scheduleMessage']);
  });

  it('drops the replacement when the removal it waits for could not happen', async () => {
    const world = await onlineWorld();
    const soon = await scheduled(world, 'When: today', 3);
    world.clock.advance(150_000);
    const removal = deletion(world, soon.id);
    const replacement = enqueue(world, {
      channel: UPDATE,
      text: 'When: next week',
      scheduleForUtc: inMinutes(world, 60 * 24 * 7),
      waitsFor: removal.id,
    });
    await world.drive(() => world.item(replacement.id).state === 'cancelled', { stepMs: 100 });
    expect(world.item(replacement.id).problem).toMatchObject({ code: 'prerequisite_failed' });
    expect(world.fake.scheduled().map((message) => message.text)).toEqual(['When: today']);
  });
});
