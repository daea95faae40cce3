import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createScheduleMemo,
  listCalendar,
  type QueryContext,
} from '../../../../../electron/core/calendar/calendar-queries.ts';
import { calendarIndexOf } from '../../../../../electron/core/calendar/calendar-index.ts';
import { defaultCalendarSettings } from '../../../../../shared/calendar/calendar-settings.ts';
import { monthGrid, type DateKey } from '../../../../../shared/calendar/calendar-grid.ts';
import { findConflicts, type ChangeFreeze } from '../../../../../shared/calendar/conflicts.ts';
import {
  endMsOf,
  startMsOf,
  type MaintenanceEvent,
} from '../../../../../shared/calendar/maintenance-event.ts';
import type { Reminder, ReminderSubject } from '../../../../../shared/reminders/reminder.ts';
import { subjectKey } from '../../../../../shared/reminders/reminder-facts.ts';
import { makeEvent } from '../../../shared/calendar/event-fixtures.ts';

const HOUR_MS = 3_600_000;
const ZONES = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'] as const;
/** Mon 2 Mar 2026: the events spread over the months around both 2026 DST changes in Europe and America. */
const FIRST_START_MS = Date.UTC(2026, 2, 2);
const SPREAD_HOURS = 24 * 120;

const eventArbitrary = fc.record({
  startHour: fc.integer({ min: 0, max: SPREAD_HOURS }),
  lengthMinutes: fc.oneof(fc.integer({ min: 30, max: 600 }), fc.integer({ min: 600, max: 14 * 24 * 60 })),
  zone: fc.constantFrom(...ZONES),
  status: fc.constantFrom('planned', 'planned', 'announced', 'cancelled', 'complete'),
  service: fc.constantFrom('dns', 'ingress', 'vault'),
});

type EventSpec = typeof eventArbitrary extends fc.Arbitrary<infer T> ? T : never;

function eventsFrom(specs: EventSpec[]): MaintenanceEvent[] {
  return specs.map((spec, index) => {
    const startMs = FIRST_START_MS + spec.startHour * HOUR_MS;
    const sentStages: Record<string, string> =
      spec.status === 'announced' || spec.status === 'complete'
        ? { announcement: new Date(startMs - 10 * 24 * HOUR_MS).toISOString() }
        : {};
    return makeEvent({
      id: `ev-${index}`,
      uid: `ev-${index}@herald`,
      title: `Work ${index}`,
      status: spec.status,
      sentStages,
      startsAtUtc: new Date(startMs).toISOString(),
      endsAtUtc: new Date(startMs + spec.lengthMinutes * 60_000).toISOString(),
      timeZone: spec.zone,
      services: [spec.service],
      userActionDeadlineUtc: null,
    });
  });
}

/** What the list should hold, worked out the slow way: every stored event looked at, clashes over all of them. */
function expectedList(context: QueryContext, fromMs: number, toMs: number) {
  const conflicts = findConflicts(context.events, context.freezes);
  const events = context.events
    .filter((event) => startMsOf(event) < toMs && endMsOf(event) > fromMs)
    .map((event) => ({
      id: event.id,
      overlapsWith: [...(conflicts.get(event.id)?.overlapsWith ?? [])].sort(),
      freezeIds: conflicts.get(event.id)?.freezeIds ?? [],
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const everything = listCalendar(context, {
    fromMs: FIRST_START_MS - 200 * 24 * HOUR_MS,
    toMs: FIRST_START_MS + 300 * 24 * HOUR_MS,
    zone: 'UTC',
    weekStartsOn: 1,
    duties: [],
    dutyDrafts: new Map(),
  });
  const comms = everything.comms
    .filter((comm) => {
      const atMs = Date.parse(comm.sentAtUtc ?? comm.dueAtUtc ?? '');
      return atMs >= fromMs && atMs < toMs;
    })
    .map((comm) => `${comm.eventId}:${comm.stage}:${comm.state}:${comm.reminderState}`)
    .sort();
  return { events, comms, services: [...new Set(context.events.flatMap((event) => event.services))].sort() };
}

function actualList(context: QueryContext, fromMs: number, toMs: number, zone: string) {
  const list = listCalendar(context, {
    fromMs,
    toMs,
    zone,
    weekStartsOn: 1,
    duties: [],
    dutyDrafts: new Map(),
  });
  return {
    events: list.events
      .map((event) => ({
        id: event.id,
        overlapsWith: [...event.overlapsWith].sort(),
        freezeIds: event.freezeIds,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    comms: list.comms
      .map((comm) => `${comm.eventId}:${comm.stage}:${comm.state}:${comm.reminderState}`)
      .sort(),
    services: list.services,
  };
}

function contextFor(
  events: MaintenanceEvent[],
  freezes: ChangeFreeze[],
  reminders: Map<string, Reminder[]>,
): QueryContext {
  return {
    events,
    freezes,
    leadTimes: defaultCalendarSettings.leadTimes,
    nowMs: Date.UTC(2026, 3, 10, 12),
    schedule: createScheduleMemo(),
    remindersOf: (subject: ReminderSubject) => reminders.get(subjectKey(subject)) ?? [],
  };
}

describe('calendar:list reads only the range, and answers as if it read everything', () => {
  it('lists the same events, clashes and messages as a full scan, for month grids in any zone and across DST', () => {
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 60 }),
        fc.constantFrom<DateKey>(
          '2026-02-01',
          '2026-03-01',
          '2026-04-01',
          '2026-05-01',
          '2026-06-01',
          '2026-10-01',
        ),
        fc.constantFrom(...ZONES),
        (specs, cursor, zone) => {
          const events = eventsFrom(specs);
          const freezes: ChangeFreeze[] = [
            {
              id: 'fz',
              label: 'Release',
              startsAtUtc: '2026-03-28T00:00:00.000Z',
              endsAtUtc: '2026-04-02T00:00:00.000Z',
            },
          ];
          const context = contextFor(events, freezes, new Map());
          const days = monthGrid(cursor, zone).flat();
          const fromMs = days[0]!.startMs;
          const toMs = days.at(-1)!.endMs;
          expect(actualList(context, fromMs, toMs, zone)).toEqual(expectedList(context, fromMs, toMs));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts a window that ends exactly where the range starts as outside it, and one that starts just before its end as inside', () => {
    const fromMs = Date.UTC(2026, 3, 1);
    const toMs = Date.UTC(2026, 4, 1);
    const events = [
      makeEvent({
        id: 'ends-at-start',
        startsAtUtc: new Date(fromMs - 2 * HOUR_MS).toISOString(),
        endsAtUtc: new Date(fromMs).toISOString(),
      }),
      makeEvent({
        id: 'long-before',
        startsAtUtc: new Date(fromMs - 20 * 24 * HOUR_MS).toISOString(),
        endsAtUtc: new Date(fromMs + 1000).toISOString(),
      }),
      makeEvent({
        id: 'starts-before-end',
        startsAtUtc: new Date(toMs - 1000).toISOString(),
        endsAtUtc: new Date(toMs + HOUR_MS).toISOString(),
      }),
      makeEvent({
        id: 'starts-at-end',
        startsAtUtc: new Date(toMs).toISOString(),
        endsAtUtc: new Date(toMs + HOUR_MS).toISOString(),
      }),
    ];
    const listed = listCalendar(contextFor(events, [], new Map()), {
      fromMs,
      toMs,
      zone: 'UTC',
      weekStartsOn: 1,
      duties: [],
      dutyDrafts: new Map(),
    });
    expect(listed.events.map((event) => event.id).sort()).toEqual(['long-before', 'starts-before-end']);
  });

  it("shows each listed message's own reminder state, and reads only the listed events' reminders", () => {
    const events = eventsFrom([
      { startHour: 24 * 40, lengthMinutes: 120, zone: 'Europe/London', status: 'planned', service: 'dns' },
    ]);
    const subject = { type: 'maintenance', eventId: 'ev-0', stage: 'start' } as const;
    const reminder = {
      id: 'r1',
      subject,
      state: 'armed',
      createdAtUtc: '2026-04-01T00:00:00.000Z',
    } as unknown as Reminder;
    const asked: string[] = [];
    const context = { ...contextFor(events, [], new Map([[subjectKey(subject), [reminder]]])) };
    const remindersOf = context.remindersOf;
    context.remindersOf = (wanted) => {
      asked.push(subjectKey(wanted));
      return remindersOf(wanted);
    };
    const startMs = startMsOf(events[0]!);
    const list = listCalendar(context, {
      fromMs: startMs - HOUR_MS,
      toMs: startMs + HOUR_MS,
      zone: 'UTC',
      weekStartsOn: 1,
      duties: [],
      dutyDrafts: new Map(),
    });
    expect(list.comms.map((comm) => [comm.stage, comm.reminderState])).toEqual([['starting', 'armed']]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((key) => key.startsWith('maintenance:ev-0:'))).toBe(true);
  });

  it('keeps one index per stored list, and builds a new one when the list is replaced', () => {
    const events = eventsFrom([
      { startHour: 5, lengthMinutes: 60, zone: 'UTC', status: 'planned', service: 'dns' },
    ]);
    expect(calendarIndexOf(events)).toBe(calendarIndexOf(events));
    expect(calendarIndexOf([...events])).not.toBe(calendarIndexOf(events));
  });
});
