// An event's messages scheduled in Slack follow the event: a real core, the
// real WebClient and the fake Slack. The cert-manager announcement is
// scheduled in Slack for a week before the work; the work moves, changes or
// is called off; once the lead confirms, Slack holds the right message (or
// none), drafts hold what the lead chose, and a message Slack has already
// posted gets a correction drafted.
import { describe, expect, it } from 'vitest';
import type { SlackMessages } from '../../../../../shared/calendar/slack-follow.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { makeOutboxWorld, type OutboxWorld } from '../outbox/outbox-fixture.ts';

// Wed 1 Apr 2026, 10:00 BST: three weeks before the upgrade.
const START_MS = Date.parse('2026-04-01T09:00:00Z');
const ANNOUNCE_AT = '2026-04-16T11:00:00.000Z';

async function call<T>(world: OutboxWorld, channel: string, args: unknown): Promise<T> {
  const answer = await world.core.router.call(channel as never, args as never);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

/** The cert-manager upgrade with its announcement scheduled in Slack. */
async function scheduledAnnouncement(): Promise<{ world: OutboxWorld; eventId: string; itemId: string }> {
  const world = await makeOutboxWorld({ startMs: START_MS });
  await world.drive(() => world.core.outbox.connection().state === 'online');
  const created = await call<{ event: { id: string } }>(world, 'calendar:create', {
    event: certManagerFields(),
  });
  const opened = await call<{ draftId: string }>(world, 'calendar:openDraft', {
    eventId: created.event.id,
    stage: 'announcement',
  });
  const sent = await call<{ outboxItemId: string }>(world, 'messages:send', {
    draftId: opened.draftId,
    mode: 'schedule',
    atUtc: ANNOUNCE_AT,
    overrideReason: 'Test',
  });
  await world.drive(() => world.item(sent.outboxItemId).state === 'scheduled');
  return { world, eventId: created.event.id, itemId: sent.outboxItemId };
}

const scheduledTexts = (world: OutboxWorld) => world.fake.scheduled().map((message) => message.text);

describe('scheduled messages follow their maintenance event', () => {
  it('lists the announcement as Slack holds it, matching the event', async () => {
    const { world, eventId, itemId } = await scheduledAnnouncement();
    expect(scheduledTexts(world)).toEqual([expect.stringContaining('Thu 23 Apr')]);
    const messages = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(messages).toMatchObject({
      isCheckedWithSlack: true,
      messages: [
        {
          outboxItemId: itemId,
          stage: 'announcement',
          channel: 'operations-engineering-update',
          state: 'scheduled',
          scheduleForUtc: ANNOUNCE_AT,
          isStale: false,
          fates: [],
        },
      ],
    });
  });

  it('reschedules: shows the stale announcement, then removes it and schedules the re-written one a week later', async () => {
    const { world, eventId, itemId } = await scheduledAnnouncement();
    await call(world, 'calendar:reschedule', {
      id: eventId,
      startsAtUtc: '2026-04-30T11:00:00.000Z',
      endsAtUtc: '2026-04-30T16:00:00.000Z',
      reason: 'It clashes with a platform release.',
    });
    // Nothing happens in Slack until the lead confirms.
    expect(scheduledTexts(world)).toEqual([expect.stringContaining('Thu 23 Apr')]);
    const before = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(before.messages[0]).toMatchObject({
      outboxItemId: itemId,
      isStale: true,
      fates: ['reschedule', 'draft'],
      newTimeUtc: '2026-04-23T11:00:00.000Z',
    });

    const followed = await call<{ summary: string; messages: SlackMessages }>(world, 'calendar:follow', {
      id: eventId,
      choices: [{ outboxItemId: itemId, fate: 'reschedule' }],
    });
    expect(followed.summary).toContain(
      '1 message is being removed from Slack; 1 scheduled again at the new time',
    );
    // The announcement's calendar file stays queued with it until Slack posts it (calendar-files.test.ts).
    const settled = () =>
      world.core.outbox.list(['queued', 'sending']).items.every((item) => item.kind === 'file') &&
      world.item(itemId).state === 'cancelled';
    await world.drive(settled);
    expect(scheduledTexts(world)).toEqual([expect.stringContaining('Thu 30 Apr')]);
    expect(scheduledTexts(world).join()).not.toContain('Thu 23 Apr');
    expect(world.fake.scheduled()[0]?.post_at).toBe(Date.parse('2026-04-23T11:00:00.000Z') / 1000);
    expect(world.item(itemId).state).toBe('cancelled');

    // The new one is the event's announcement now, and matches it.
    const after = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    const live = after.messages.filter((message) => message.state === 'scheduled');
    expect(live).toEqual([expect.objectContaining({ stage: 'announcement', isStale: false, fates: [] })]);
  });

  it('returns the re-written message to drafts when the lead chooses so', async () => {
    const { world, eventId, itemId } = await scheduledAnnouncement();
    const event = await call<{ event: Record<string, unknown> }>(world, 'calendar:get', { id: eventId });
    await call(world, 'calendar:update', {
      id: eventId,
      event: { ...certManagerFields(), impact: 'Certificates renew late for up to an hour.' },
    });
    expect(event.event.id).toBe(eventId);
    const stale = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(stale.messages[0]).toMatchObject({ isStale: true, newTimeUtc: ANNOUNCE_AT });
    await call(world, 'calendar:follow', { id: eventId, choices: [{ outboxItemId: itemId, fate: 'draft' }] });
    await world.drive(() => world.fake.scheduled().length === 0);
    const drafts = await call<Array<{ id: string; origin: { kind: string; stage?: string } }>>(
      world,
      'drafts:list',
      {},
    );
    const announcement = drafts.find(
      (draft) => draft.origin.kind === 'calendar' && draft.origin.stage === 'announcement',
    );
    const stored = await call<{ draft: { fields: Record<string, string> } }>(world, 'drafts:get', {
      id: announcement!.id,
    });
    expect(stored.draft.fields.impact).toBe('Certificates renew late for up to an hour.');
  });

  it('cancels: removes every scheduled message and drafts the cancellation notice', async () => {
    const { world, eventId, itemId } = await scheduledAnnouncement();
    await call(world, 'calendar:cancel', { id: eventId, reason: 'The vendor withdrew v0.14.' });
    const stale = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(stale.messages[0]).toMatchObject({ isStale: true, fates: ['remove'] });
    const followed = await call<{ summary: string }>(world, 'calendar:follow', {
      id: eventId,
      choices: [{ outboxItemId: itemId, fate: 'remove' }],
    });
    expect(followed.summary).toContain('the cancellation notice is drafted');
    await world.drive(() => world.item(itemId).state === 'cancelled');
    expect(world.fake.scheduled()).toEqual([]);
    const drafts = await call<Array<{ origin: { kind: string; stage?: string } }>>(world, 'drafts:list', {});
    expect(
      drafts.some((draft) => draft.origin.kind === 'calendar' && draft.origin.stage === 'cancelled'),
    ).toBe(true);
    // A choice the message does not offer is refused, and nothing is removed twice.
    const again = await call<{ summary: string }>(world, 'calendar:follow', {
      id: eventId,
      choices: [{ outboxItemId: itemId, fate: 'remove' }],
    });
    expect(again.summary).toContain('no longer waiting');
  });

  it('drafts the correction when Slack posted the message before it could be removed', async () => {
    const { world, eventId, itemId } = await scheduledAnnouncement();
    await call(world, 'calendar:reschedule', {
      id: eventId,
      startsAtUtc: '2026-04-30T11:00:00.000Z',
      endsAtUtc: '2026-04-30T16:00:00.000Z',
      reason: 'A clash.',
    });
    const stale = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(stale.messages[0]?.isStale).toBe(true);
    // The lead leaves it until the announcement is about to post.
    world.clock.set(Date.parse(ANNOUNCE_AT) - 30_000);
    await call(world, 'calendar:follow', { id: eventId, choices: [{ outboxItemId: itemId, fate: 'draft' }] });
    await world.drive(
      () =>
        world.core.outbox
          .list()
          .items.some((item) => item.kind === 'delete_scheduled' && item.state === 'failed'),
      { stepMs: 100 },
    );
    const drafts = await call<Array<{ origin: { kind: string; stage?: string } }>>(world, 'drafts:list', {});
    expect(
      drafts.some((draft) => draft.origin.kind === 'calendar' && draft.origin.stage === 'rescheduled'),
    ).toBe(true);
    const after = await call<SlackMessages>(world, 'calendar:slackMessages', { id: eventId });
    expect(after.messages[0]?.removal).toMatchObject({
      state: 'failed',
      problem: { code: 'too_late_to_delete' },
    });
  });
});
