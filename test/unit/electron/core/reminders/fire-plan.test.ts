import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createFireTimes,
  nextWakeMs,
  planDueFirings,
} from '../../../../../electron/core/reminders/fire-plan.ts';
import { createReminderIndex } from '../../../../../electron/core/reminders/reminder-index.ts';
import { createReminderRecord } from '../../../../../electron/core/reminders/reminder-record.ts';
import { releaseInstantMs } from '../../../../../shared/reminders/quiet-hours.ts';
import type { ReminderKind, ReminderSubject } from '../../../../../shared/reminders/reminder.ts';
import { HOUR_MS, MINUTE_MS, START_MS } from './scheduler-fixture.ts';

const incident: ReminderSubject = { type: 'incident', incidentId: 'i' };

function entriesOf(
  specs: Array<{ id: string; kind: ReminderKind; subject: ReminderSubject; dueAtMs: number }>,
) {
  const index = createReminderIndex();
  for (const spec of specs) index.put(createReminderRecord({ ...spec, title: spec.id, nowMs: START_MS }));
  return index.armed();
}

describe('planDueFirings', () => {
  it('fires only the most advanced of a subject’s due alerts and supersedes the rest', () => {
    const armed = entriesOf([
      { id: 'heads-up', kind: 'incident_heads_up', subject: incident, dueAtMs: START_MS },
      { id: 'due', kind: 'incident_due', subject: incident, dueAtMs: START_MS + MINUTE_MS },
      { id: 'overdue', kind: 'incident_overdue', subject: incident, dueAtMs: START_MS + MINUTE_MS },
      {
        id: 'duty',
        kind: 'plan_duty',
        subject: { type: 'duty', dutyId: 'd' },
        dueAtMs: START_MS - MINUTE_MS,
      },
      { id: 'later', kind: 'plan_duty', subject: { type: 'duty', dutyId: 'e' }, dueAtMs: START_MS + HOUR_MS },
    ]);
    const plan = planDueFirings(armed, START_MS + 2 * MINUTE_MS, createFireTimes(undefined));
    expect(plan.toFire.map((firing) => firing.entry.reminder.id)).toEqual(['duty', 'overdue']);
    expect(plan.superseded.map((r) => r.id).sort()).toEqual(['due', 'heads-up']);
  });

  it('finds the earliest instant to wake for, or null with nothing armed', () => {
    const armed = entriesOf([
      { id: 'a', kind: 'plan_duty', subject: { type: 'duty', dutyId: 'a' }, dueAtMs: START_MS + HOUR_MS },
      { id: 'b', kind: 'plan_duty', subject: { type: 'duty', dutyId: 'b' }, dueAtMs: START_MS + MINUTE_MS },
    ]);
    expect(nextWakeMs(armed, START_MS, createFireTimes(undefined))).toBe(START_MS + MINUTE_MS);
    expect(nextWakeMs([], START_MS, createFireTimes(undefined))).toBeNull();
  });
});

describe('createFireTimes', () => {
  const quietHours = { startHHMM: '22:30', endHHMM: '06:45', zone: 'Europe/London' };
  const yearMs = 365 * 24 * HOUR_MS;
  const yearStartMs = Date.UTC(2026, 0, 1);

  it('agrees with releaseInstantMs, the pure definition, for any due and check instants', () => {
    const fireTimes = createFireTimes(quietHours);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: yearMs }),
        fc.integer({ min: -2 * 24 * HOUR_MS, max: 2 * 24 * HOUR_MS }),
        (dueOffsetMs, nowDeltaMs) => {
          const dueAtMs = yearStartMs + dueOffsetMs;
          const nowMs = dueAtMs + nowDeltaMs;
          const [entry] = entriesOf([
            { id: 'x', kind: 'plan_duty', subject: { type: 'duty', dutyId: 'x' }, dueAtMs },
          ]);
          expect(fireTimes.fireAtMs(entry!, nowMs)).toBe(releaseInstantMs(dueAtMs, nowMs, quietHours));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never holds an incident alert, and never moves anything earlier than its due instant', () => {
    const fireTimes = createFireTimes(quietHours);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: yearMs }),
        fc.integer({ min: -HOUR_MS, max: 24 * HOUR_MS }),
        (dueOffsetMs, nowDeltaMs) => {
          const dueAtMs = yearStartMs + dueOffsetMs;
          const [promise, duty] = entriesOf([
            { id: 'p', kind: 'incident_due', subject: incident, dueAtMs },
            { id: 'd', kind: 'plan_duty', subject: { type: 'duty', dutyId: 'd' }, dueAtMs },
          ]);
          expect(fireTimes.fireAtMs(promise!, dueAtMs + nowDeltaMs)).toBe(dueAtMs);
          expect(fireTimes.fireAtMs(duty!, dueAtMs + nowDeltaMs)).toBeGreaterThanOrEqual(dueAtMs);
        },
      ),
      { numRuns: 200 },
    );
  });
});
