// Changing a repeating event as a series, through a real core, the real WebClient and the fake Slack: the weekly
// cert-manager upgrade with an announcement scheduled in Slack for two of its occurrences. The preview names the
// occurrences and the messages a change reaches; cancelling "this and following" cancels exactly those and removes
// their announcements from Slack; editing the whole series moves every occurrence to the same new wall-clock time.
import { describe, expect, it } from 'vitest';
import type { SeriesPreview } from '../../../../../shared/calendar/slack-follow.ts';
import { occurrenceFields } from '../../../../../electron/core/calendar/event-series.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { makeOutboxWorld, type OutboxWorld } from '../outbox/outbox-fixture.ts';

// Wed 1 Apr 2026, 10:00 BST.
const START_MS = Date.parse('2026-04-01T09:00:00Z');

async function call<T>(world: OutboxWorld, channel: string, args: unknown): Promise<T> {
  const answer = await world.core.router.call(channel as never, args as never);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

interface EventLike {
  id: string;
  startsAtUtc: string;
  endsAtUtc: string;
  status: string;
  seriesUid: string | null;
  title: string;
}

async function weeklySeries() {
  const world = await makeOutboxWorld({ startMs: START_MS });
  await world.drive(() => world.core.outbox.connection().state === 'online');
  // Thursdays 12:00–17:00 BST from 23 April, four times.
  await call(world, 'calendar:createSeries', {
    event: certManagerFields(),
    repeat: { everyWeeks: 1, count: 4 },
  });
  const listed = await call<{ events: EventLike[] }>(world, 'calendar:list', {
    fromUtc: '2026-04-20T00:00:00.000Z',
    toUtc: '2026-05-20T00:00:00.000Z',
  });
  const occurrences = listed.events
    .filter((event) => event.seriesUid !== null)
    .sort((a, b) => a.startsAtUtc.localeCompare(b.startsAtUtc));
  expect(occurrences).toHaveLength(4);
  // The announcements of the second and third occurrences are scheduled in Slack.
  const scheduled: string[] = [];
  for (const occurrence of occurrences.slice(1, 3)) {
    const opened = await call<{ draftId: string }>(world, 'calendar:openDraft', {
      eventId: occurrence.id,
      stage: 'announcement',
    });
    const announceAt = new Date(Date.parse(occurrence.startsAtUtc) - 7 * 86_400_000).toISOString();
    const sent = await call<{ outboxItemId: string }>(world, 'messages:send', {
      draftId: opened.draftId,
      mode: 'schedule',
      atUtc: announceAt,
      overrideReason: 'Test',
    });
    scheduled.push(sent.outboxItemId);
  }
  await world.drive(() => scheduled.every((id) => world.item(id).state === 'scheduled'));
  return { world, occurrences, scheduled };
}

const eventOf = async (world: OutboxWorld, id: string) =>
  (await call<{ event: EventLike }>(world, 'calendar:get', { id })).event;

describe('changing a series', () => {
  it('previews, then cancels this and the following occurrences and removes their announcements from Slack', async () => {
    const { world, occurrences, scheduled } = await weeklySeries();
    const [first, second, third, fourth] = occurrences;

    const preview = await call<SeriesPreview>(world, 'calendar:seriesPreview', {
      id: second!.id,
      scope: 'following',
    });
    expect(preview.occurrences.map((occurrence) => occurrence.eventId)).toEqual([
      second!.id,
      third!.id,
      fourth!.id,
    ]);
    expect(
      preview.occurrences.flatMap((occurrence) => occurrence.messages.map((message) => message.outboxItemId)),
    ).toEqual(scheduled);
    const whole = await call<SeriesPreview>(world, 'calendar:seriesPreview', {
      id: second!.id,
      scope: 'all',
    });
    expect(whole.occurrences).toHaveLength(4);
    // Nothing changed by looking.
    expect(world.fake.scheduled()).toHaveLength(2);

    const done = await call<{ changed: number; summary: string; first: { event: EventLike } }>(
      world,
      'calendar:cancelSeries',
      { id: second!.id, scope: 'following', reason: 'The upgrade is no longer needed.' },
    );
    expect(done.changed).toBe(3);
    expect(done.first.event).toMatchObject({ id: second!.id, status: 'cancelled' });
    expect(done.summary).toContain('3 occurrences cancelled.');
    expect(done.summary).toContain('2 messages waiting in Slack follow');
    expect((await eventOf(world, first!.id)).status).toBe('planned');
    for (const occurrence of [second!, third!, fourth!])
      expect((await eventOf(world, occurrence.id)).status).toBe('cancelled');
    await world.drive(() => world.fake.scheduled().length === 0);
    // Already cancelled: a second try reaches nothing.
    const again = await world.core.router.call('calendar:cancelSeries', {
      id: second!.id,
      scope: 'following',
      reason: '',
    });
    expect(again.ok).toBe(false);
  });

  it('edits the whole series: every occurrence moves to the same new wall-clock time, and a single event is refused', async () => {
    const { world, occurrences } = await weeklySeries();
    const third = occurrences[2]!;
    const fields = { ...certManagerFields(), startsAtUtc: third.startsAtUtc, endsAtUtc: third.endsAtUtc };
    // 12:00–17:00 BST becomes 09:30–11:00 BST, the day before, with a new title.
    const edited = {
      ...fields,
      title: 'Certificate Manager Upgrade (short)',
      startsAtUtc: new Date(Date.parse(third.startsAtUtc) - 86_400_000 - 150 * 60_000).toISOString(),
      endsAtUtc: new Date(Date.parse(third.startsAtUtc) - 86_400_000 - 60 * 60_000).toISOString(),
      userActionDeadlineUtc: null,
    };
    const done = await call<{ changed: number }>(world, 'calendar:updateSeries', {
      id: third.id,
      scope: 'all',
      event: edited,
      reason: 'Shorter window.',
    });
    expect(done.changed).toBe(4);
    for (const occurrence of occurrences) {
      const now = await eventOf(world, occurrence.id);
      expect(now.title).toBe('Certificate Manager Upgrade (short)');
      expect(Date.parse(now.startsAtUtc)).toBe(
        Date.parse(occurrence.startsAtUtc) - 86_400_000 - 150 * 60_000,
      );
      expect(Date.parse(now.endsAtUtc)).toBe(Date.parse(occurrence.startsAtUtc) - 86_400_000 - 60 * 60_000);
    }

    const single = await call<{ event: EventLike }>(world, 'calendar:create', { event: certManagerFields() });
    const refused = await world.core.router.call('calendar:seriesPreview', {
      id: single.event.id,
      scope: 'all',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});

describe('occurrenceFields', () => {
  it('keeps the wall-clock time the lead chose across a clock change', () => {
    const anchor = { startsAtUtc: '2026-03-22T09:00:00.000Z', endsAtUtc: '2026-03-22T10:00:00.000Z' }; // 09:00 GMT
    const afterChange = { startsAtUtc: '2026-03-29T08:00:00.000Z', endsAtUtc: '2026-03-29T09:00:00.000Z' }; // 09:00 BST
    const edited = certManagerFields({
      timeZone: 'Europe/London',
      startsAtUtc: '2026-03-22T10:00:00.000Z', // 10:00 GMT
      endsAtUtc: '2026-03-22T11:30:00.000Z',
      userActionDeadlineUtc: '2026-03-21T10:00:00.000Z', // a day before the start
    });
    expect(occurrenceFields(edited, anchor, afterChange)).toMatchObject({
      startsAtUtc: '2026-03-29T09:00:00.000Z', // 10:00 BST
      endsAtUtc: '2026-03-29T10:30:00.000Z',
      userActionDeadlineUtc: '2026-03-28T09:00:00.000Z',
    });
  });
});
