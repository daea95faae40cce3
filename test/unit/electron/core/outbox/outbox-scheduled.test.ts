import { describe, expect, it } from 'vitest';
import { enqueue, makeOutboxWorld, type OutboxWorld } from './outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';
const inMinutes = (world: OutboxWorld, minutes: number) =>
  new Date(world.clock.now() + minutes * 60_000).toISOString();

async function onlineWorld(): Promise<OutboxWorld> {
  const world = await makeOutboxWorld();
  await world.drive(() => world.core.outbox.connection().state === 'online');
  return world;
}

describe('messages Slack sends later', () => {
  it('schedules without metadata, then finds the delivered message and records it as sent', async () => {
    const world = await onlineWorld();
    const item = enqueue(world, {
      channel: UPDATE,
      text: 'Maintenance starts now',
      scheduleForUtc: inMinutes(world, 30),
    });
    await world.drive(() => world.item(item.id).state === 'scheduled');

    const [scheduled] = world.fake.scheduled();
    expect(scheduled).toMatchObject({ channel: 'C0OPSENGUPD', text: 'Maintenance starts now' });
    expect(scheduled?.metadata).toBeUndefined();
    expect(world.item(item.id).scheduledMessageId).toBe(scheduled?.id);

    await world.drive(() => world.clock.now() >= Date.parse(item.scheduleForUtc!), { stepMs: 60_000 });
    const report = world.fake.deliverScheduled();
    expect(report.delivered).toHaveLength(1);
    await world.drive(() => world.item(item.id).state === 'sent', { stepMs: 5_000 });

    expect(world.item(item.id)).toMatchObject({
      ts: report.delivered[0]?.ts,
      permalink: expect.stringContaining('/archives/C0OPSENGUPD/'),
    });
    const history = await world.core.router.call('history:list', {});
    expect(history.ok && history.value.entries[0]).toMatchObject({ id: item.id, via: 'schedule' });
  });

  it('cancels a scheduled message in Slack, but says when it is too late', async () => {
    const world = await onlineWorld();
    const early = enqueue(world, {
      channel: UPDATE,
      text: 'Reminder: maintenance tomorrow',
      scheduleForUtc: inMinutes(world, 60),
    });
    const soon = enqueue(world, {
      channel: UPDATE,
      text: 'Starting shortly',
      scheduleForUtc: inMinutes(world, 2),
    });
    await world.drive(
      () => world.item(early.id).state === 'scheduled' && world.item(soon.id).state === 'scheduled',
    );

    expect(await world.core.router.call('outbox:cancel', { id: early.id })).toMatchObject({
      ok: true,
      value: { state: 'cancelled' },
    });
    expect(world.fake.scheduled().map((message) => message.text)).toEqual(['Starting shortly']);

    world.clock.advance(90_000);
    expect(await world.core.router.call('outbox:cancel', { id: soon.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Too late') },
    });
  });

  it('marks a scheduled message that Slack dropped as failed, and one removed in Slack as cancelled', async () => {
    const world = await onlineWorld();
    const dropped = enqueue(world, {
      channel: UPDATE,
      text: 'Lost in Slack',
      scheduleForUtc: inMinutes(world, 5),
    });
    const removed = enqueue(world, {
      channel: UPDATE,
      text: 'Removed by a colleague',
      scheduleForUtc: inMinutes(world, 120),
    });
    await world.drive(
      () => world.item(dropped.id).state === 'scheduled' && world.item(removed.id).state === 'scheduled',
    );
    // Slack loses the first (nothing posted); someone deletes the second in Slack.
    const client = new (await import('@slack/web-api')).WebClient(world.fake.botToken, {
      slackApiUrl: world.fake.url,
      retryConfig: { retries: 0 },
    });
    await client.chat.deleteScheduledMessage({
      channel: 'C0OPSENGUPD',
      scheduled_message_id: world.item(removed.id).scheduledMessageId!,
    });
    world.clock.advance(6 * 60_000);
    world.fake.reset();

    await world.drive(() => world.item(dropped.id).state === 'failed', { stepMs: 10_000 });
    expect(world.item(dropped.id).problem).toMatchObject({ code: 'scheduled_not_delivered' });
    await world.drive(() => world.item(removed.id).state === 'cancelled', {
      stepMs: 60_000,
      maxSimulatedMs: 3 * 60 * 60_000,
    });
    expect(world.item(removed.id).problem).toMatchObject({ code: 'cancelled_in_slack' });
  });

  it('finds a schedule whose answer was lost in Slack’s list instead of scheduling it twice', async () => {
    const world = await onlineWorld();
    world.fake.inject('chat.scheduleMessage', { kind: 'drop_after' });
    const item = enqueue(world, {
      channel: UPDATE,
      text: 'Scheduled once',
      scheduleForUtc: inMinutes(world, 45),
    });
    await world.drive(() => world.item(item.id).state === 'scheduled');
    expect(world.fake.scheduled()).toHaveLength(1);
    expect(world.item(item.id).scheduledMessageId).toBe(world.fake.scheduled()[0]?.id);
  });

  it('holds a schedule whose time passed while Herald was offline, and sends it now once confirmed', async () => {
    const world = await makeOutboxWorld({ start: false });
    world.fake.setOffline(true);
    world.core.start();
    const item = enqueue(world, {
      channel: UPDATE,
      text: 'Starting now',
      scheduleForUtc: inMinutes(world, 3),
    });
    await world.drive(() => world.clock.now() > Date.parse(item.scheduleForUtc!), { stepMs: 30_000 });
    world.fake.setOffline(false);
    await world.drive(() => world.item(item.id).state === 'held');
    expect(world.item(item.id).heldReason).toBe('schedule_passed');

    expect(await world.core.router.call('outbox:confirm', { id: item.id })).toMatchObject({
      ok: true,
      value: { scheduleForUtc: null },
    });
    await world.drive(() => world.item(item.id).state === 'sent');
    expect(world.fake.scheduled()).toHaveLength(0);
    expect(world.heraldMessages(UPDATE)).toHaveLength(1);
  });
});
