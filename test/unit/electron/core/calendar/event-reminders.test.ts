// A full reminder sync looks only at the events near now and those holding an
// open reminder (eventsToSync): checked here against the sync itself, which
// must have nothing to do for every event left out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventsToSync,
  syncEventReminders,
  type ReminderPort,
} from '../../../../../electron/core/calendar/event-reminders.ts';
import { ok } from '../../../../../shared/api/result.ts';
import { defaultLeadTimes } from '../../../../../shared/calendar/comms-schedule.ts';
import { eventStatuses } from '../../../../../shared/calendar/event-vocabulary.ts';
import type { MaintenanceEvent } from '../../../../../shared/calendar/maintenance-event.ts';
import type { Reminder, ReminderSubject } from '../../../../../shared/reminders/reminder.ts';

const DAY_MS = 86_400_000;
const NOW_MS = Date.UTC(2026, 5, 10, 9);

function event(
  id: number,
  startMs: number,
  lengthMs: number,
  status: MaintenanceEvent['status'],
  sent: boolean,
) {
  const startsAtUtc = new Date(startMs).toISOString();
  return {
    id: `event-${id}`,
    uid: `event-${id}@herald`,
    sequence: 0,
    status,
    sentStages: (sent ? { announcement: startsAtUtc } : {}) as Record<string, string>,
    previousStartsAtUtc: null,
    previousEndsAtUtc: null,
    changeReason: '',
    seriesUid: null,
    recurrenceId: null,
    owner: '',
    origin: 'local',
    slackTs: null,
    createdAtUtc: '2025-01-01T09:00:00.000Z',
    updatedAtUtc: '2025-01-01T09:00:00.000Z',
    title: `Work ${id}`,
    workKind: 'maintenance',
    what: 'Routine work.',
    why: 'Patches.',
    startsAtUtc,
    endsAtUtc: new Date(startMs + lengthMs).toISOString(),
    timeZone: 'Europe/London',
    services: ['dns'],
    impact: '',
    userActions: '',
    userActionDeadlineUtc: null,
    changeNotesUrl: '',
    channels: [],
  } satisfies MaintenanceEvent;
}

/** A port that answers from a fixed set of open subjects and notes which events a sync touched. */
function recordingPort(openEventIds: ReadonlySet<string>) {
  const touched = new Set<string>();
  const open = (subject: ReminderSubject) =>
    subject.type === 'maintenance' && openEventIds.has(subject.eventId)
      ? [{ state: 'armed' } as Reminder]
      : [];
  const port: ReminderPort = {
    schedule(args) {
      if (args.subject.type === 'maintenance') touched.add(args.subject.eventId);
      return ok({} as Reminder);
    },
    cancelFor(matcher) {
      if ('eventId' in matcher && typeof matcher.eventId === 'string') touched.add(matcher.eventId);
      return [];
    },
    withSubject: open,
    openSubjects: () =>
      [...openEventIds].map((eventId) => ({ type: 'maintenance', eventId, stage: 'announcement' })),
    batch: (_reason, work) => work(),
  };
  return { port, touched };
}

describe('eventsToSync', () => {
  it('leaves out only events whose sync would do nothing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            startDays: fc.integer({ min: -700, max: 700 }),
            lengthHours: fc.integer({ min: 0, max: 24 * 20 }),
            status: fc.constantFrom(...eventStatuses),
            sent: fc.boolean(),
            hasOpenReminder: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 90 }),
        (specs, announcementDaysBefore) => {
          const events = specs.map((spec, at) =>
            event(at, NOW_MS + spec.startDays * DAY_MS, spec.lengthHours * 3_600_000, spec.status, spec.sent),
          );
          const openIds = new Set(
            events.filter((_, at) => specs[at]!.hasOpenReminder).map((item) => item.id),
          );
          const { port, touched } = recordingPort(openIds);
          const context = { port, nowMs: NOW_MS, leadTimes: { ...defaultLeadTimes, announcementDaysBefore } };
          for (const item of events) syncEventReminders(item, context);
          const looked = new Set(eventsToSync(events, context).map((item) => item.id));
          for (const id of touched)
            expect(looked, `${id} was touched by the sync but left out`).toContain(id);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves out a year of finished work with no open reminder', () => {
    const past = Array.from({ length: 1_000 }, (_, at) =>
      event(at, NOW_MS - (400 - at * 0.35) * DAY_MS, 3_600_000, 'complete', true),
    );
    const { port } = recordingPort(new Set());
    const looked = eventsToSync(past, { port, nowMs: NOW_MS, leadTimes: defaultLeadTimes });
    expect(past.length).toBe(1_000);
    expect(looked.length).toBeLessThan(30);
  });
});
