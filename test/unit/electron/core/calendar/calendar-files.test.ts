// The event's calendar file in Slack, end to end in core: a real core, the
// real WebClient (filesUploadV2) and the fake Slack. Announcing the
// cert-manager upgrade puts its .ics in the announcement's thread; once the
// lead confirms a reschedule, the same thread gets the same UID with a higher
// SEQUENCE and the new times; a cancellation sends METHOD:CANCEL.
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../../../electron/core/calendar/ics/ics-import.ts';
import type { SlackMessages } from '../../../../../shared/calendar/slack-follow.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { makeOutboxWorld, type OutboxWorld } from '../outbox/outbox-fixture.ts';

// Wed 1 Apr 2026, 10:00 BST: three weeks before the upgrade.
const START_MS = Date.parse('2026-04-01T09:00:00Z');
const UPDATE = 'operations-engineering-update';

async function call<T>(world: OutboxWorld, channel: string, args: unknown): Promise<T> {
  const answer = await world.core.router.call(channel as never, args as never);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

interface Announced {
  world: OutboxWorld;
  eventId: string;
  uid: string;
  itemId: string;
}

async function announce(
  world: OutboxWorld,
  eventId: string,
  stage = 'announcement',
  schedule?: string,
): Promise<string> {
  const opened = await call<{ draftId: string }>(world, 'calendar:openDraft', { eventId, stage });
  const sent = await call<{ outboxItemId: string }>(world, 'messages:send', {
    draftId: opened.draftId,
    ...(schedule ? { mode: 'schedule', atUtc: schedule } : { mode: 'now' }),
    overrideReason: 'Test',
  });
  return sent.outboxItemId;
}

/** Online, with the cert-manager upgrade in the calendar. */
async function worldWithEvent(): Promise<{
  world: OutboxWorld;
  created: { event: { id: string; uid: string } };
}> {
  const world = await makeOutboxWorld({ startMs: START_MS });
  await world.drive(() => world.core.outbox.connection().state === 'online');
  const created = await call<{ event: { id: string; uid: string } }>(world, 'calendar:create', {
    event: certManagerFields(),
  });
  return { world, created };
}

/** The upgrade moves a week on, to Thu 30 Apr 2026. */
async function moveAWeekOn(world: OutboxWorld, eventId: string): Promise<void> {
  await call(world, 'calendar:reschedule', {
    id: eventId,
    startsAtUtc: '2026-04-30T11:00:00.000Z',
    endsAtUtc: '2026-04-30T16:00:00.000Z',
    reason: 'It clashes with a platform release.',
  });
}

async function announced(): Promise<Announced> {
  const { world, created } = await worldWithEvent();
  const itemId = await announce(world, created.event.id);
  const isFileSent = () =>
    world.core.outbox.list().items.some((item) => item.kind === 'file' && item.state === 'sent');
  await world.drive(() => world.item(itemId).state === 'sent' && isFileSent());
  return { world, eventId: created.event.id, uid: created.event.uid, itemId };
}

const filesIn = (world: OutboxWorld) => world.fake.files().filter((file) => file.shares.length > 0);
const calendarOf = (content: Buffer | undefined) => {
  const parsed = parseIcs(content?.toString() ?? '', 'Europe/London');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { text: content?.toString() ?? '', event: parsed.value.events[0]! };
};

describe('the event’s calendar file in Slack', () => {
  it('goes into the announcement’s thread with the event’s UID', async () => {
    const { world, uid, itemId, eventId } = await announced();
    const [file] = filesIn(world);
    expect(file?.name).toBe('certificate-manager-upgrade.ics');
    expect(file?.shares[0]).toMatchObject({ thread_ts: world.item(itemId).ts });
    const { text, event } = calendarOf(file?.content);
    expect(text).toContain('METHOD:PUBLISH\r\n');
    expect(event).toMatchObject({ uid, sequence: 0, isCancelled: false });
    expect(event.fields.startsAtUtc).toBe('2026-04-23T11:00:00.000Z');
    const messages = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(messages.calendarFiles).toMatchObject([
      {
        messageItemId: itemId,
        stage: 'announcement',
        isCurrent: true,
        canUpdate: false,
        file: { state: 'sent', sequence: 0, method: 'PUBLISH', name: 'certificate-manager-upgrade.ics' },
      },
    ]);
  });

  it('after a reschedule the lead confirms, the same thread gets the same UID, a higher SEQUENCE and the new times', async () => {
    const { world, uid, itemId, eventId } = await announced();
    await moveAWeekOn(world, eventId);
    // Nothing goes to Slack until the lead confirms.
    const before = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(before.calendarFiles[0]).toMatchObject({ isCurrent: false, canUpdate: true });
    expect(filesIn(world)).toHaveLength(1);

    const followed = await call<{ summary: string; messages: SlackMessages }>(world, 'calendar:follow', {
      id: eventId,
      choices: [],
      calendarFiles: [itemId],
    });
    expect(followed.summary).toContain('The updated calendar file goes to the announcement’s thread');
    await world.drive(() => filesIn(world).length === 2);
    const [first, second] = filesIn(world);
    expect(second?.shares[0]?.thread_ts).toBe(first?.shares[0]?.thread_ts);
    const { event } = calendarOf(second?.content);
    expect(event.uid).toBe(uid);
    expect(event.sequence).toBeGreaterThan(calendarOf(first?.content).event.sequence);
    expect(event.fields.startsAtUtc).toBe('2026-04-30T11:00:00.000Z');
    expect(second?.title).not.toBe(first?.title);
    const after = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(after.calendarFiles[0]).toMatchObject({ isCurrent: true, canUpdate: false });
  });

  it('a cancellation sends METHOD:CANCEL with STATUS:CANCELLED and the same UID', async () => {
    const { world, uid, itemId, eventId } = await announced();
    await call(world, 'calendar:cancel', { id: eventId, reason: 'No longer needed.' });
    await call(world, 'calendar:follow', { id: eventId, choices: [], calendarFiles: [itemId] });
    await world.drive(() => filesIn(world).length === 2);
    const { text, event } = calendarOf(filesIn(world)[1]?.content);
    expect(text).toContain('METHOD:CANCEL\r\n');
    expect(text).toContain('STATUS:CANCELLED\r\n');
    expect(event).toMatchObject({ uid, isCancelled: true });
    expect(filesIn(world)[1]?.title).toMatch(/^Cancelled, remove from your calendar/);
  });

  it('a scheduled announcement’s file waits for Slack to post it; a rescheduled one carries the new version', async () => {
    const { world, created } = await worldWithEvent();
    const eventId = created.event.id;
    const itemId = await announce(world, eventId, 'announcement', '2026-04-16T11:00:00.000Z');
    await world.drive(() => world.item(itemId).state === 'scheduled');
    await moveAWeekOn(world, eventId);
    const followed = await call<{ messages: SlackMessages }>(world, 'calendar:follow', {
      id: eventId,
      choices: [{ outboxItemId: itemId, fate: 'reschedule' }],
    });
    const moved = followed.messages.messages.find((message) => message.outboxItemId !== itemId);
    await world.drive(() => world.item(moved!.outboxItemId).state === 'scheduled', { stepMs: 1_000 });
    const files = world.core.outbox.list().items.filter((item) => item.kind === 'file');
    // The first announcement's file went with it; the new one waits with the new announcement.
    expect(files.map((file) => [file.waitsFor, file.state, file.file?.calendar?.sequence])).toEqual([
      [itemId, 'cancelled', 0],
      [moved!.outboxItemId, 'queued', 1],
    ]);
    expect(world.fake.files()).toEqual([]);
    // Slack posts the announcement at its time; the reconciler finds it, and the file joins its thread.
    world.clock.set(Date.parse('2026-04-23T11:00:30Z'));
    world.fake.deliverScheduled();
    await world.drive(() => filesIn(world).length === 1, { stepMs: 60_000, maxSimulatedMs: 24 * 3_600_000 });
    const { event } = calendarOf(filesIn(world)[0]?.content);
    expect(event).toMatchObject({ uid: created.event.uid, sequence: 1 });
    expect(event.fields.startsAtUtc).toBe('2026-04-30T11:00:00.000Z');
    expect(filesIn(world)[0]?.shares[0]?.thread_ts).toBe(world.item(moved!.outboxItemId).ts);
  });

  it('follows the settings: no stage, no file; the composer is told which file a stage carries', async () => {
    const { world, created } = await worldWithEvent();
    const eventId = created.event.id;
    expect(await call(world, 'calendar:filePreview', { id: eventId, stage: 'announcement' })).toEqual({
      name: 'certificate-manager-upgrade.ics',
      title: 'Add to calendar: Certificate Manager Upgrade, Thu 23 Apr 2026, 12:00–17:00 BST',
    });
    expect(await call(world, 'calendar:filePreview', { id: eventId, stage: 'reminder' })).toBeNull();
    await call(world, 'calendar:updateSettings', { calendarFileStages: [] });
    expect(await call(world, 'calendar:filePreview', { id: eventId, stage: 'announcement' })).toBeNull();
    const itemId = await announce(world, eventId);
    await world.drive(() => world.item(itemId).state === 'sent');
    expect(world.core.outbox.list().items.filter((item) => item.kind === 'file')).toEqual([]);
    const messages = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(messages.calendarFiles).toEqual([]);
    expect(world.fake.messages(UPDATE)).toHaveLength(1);
  });
});
