import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../../../shared/reminders/reminder.ts';
import { MINUTE_MS, START_MS, setupScheduler, type SchedulerFixture } from './scheduler-fixture.ts';

const INCIDENT = { incidentId: 'inc-42', incidentTitle: 'Cloud Platform access issues' };
const PROMISE_MS = START_MS + 30 * MINUTE_MS;

function promise(fixture: SchedulerFixture, nextUpdateAtMs = PROMISE_MS): Reminder[] {
  const result = fixture.scheduler.promiseUpdate({ ...INCIDENT, nextUpdateAtMs });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function firedKinds(fixture: SchedulerFixture): string[] {
  return fixture.firings.map(
    (firing) => `${firing.reminder.kind}@${(firing.firedAtMs - START_MS) / MINUTE_MS}`,
  );
}

function openIncidentReminders(fixture: SchedulerFixture): Reminder[] {
  return fixture.scheduler
    .list()
    .filter((r) => r.subject.type === 'incident' && (r.state === 'armed' || r.state === 'fired'));
}

describe('incident promises', () => {
  it('arms a heads-up 5 minutes before, the due alert at the time, and overdue alerts every 5 minutes', () => {
    const fixture = setupScheduler();
    const armed = promise(fixture);
    expect(armed.map((r) => r.kind)).toEqual(['incident_heads_up', 'incident_due', 'incident_overdue']);
    expect(
      armed.every((r) => r.isIncidentPromise && r.eventAtUtc === new Date(PROMISE_MS).toISOString()),
    ).toBe(true);
    fixture.clock.advance(46 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual([
      'incident_heads_up@25',
      'incident_due@30',
      'incident_overdue@35',
      'incident_overdue@40',
      'incident_overdue@45',
    ]);
    expect(fixture.firings.every((firing) => !firing.wasLate && firing.driftMs === 0)).toBe(true);
  });

  it('uses the lead time and repeat interval from settings', () => {
    const fixture = setupScheduler({
      settings: { headsUpBeforeMs: 10 * MINUTE_MS, overdueRepeatMs: 15 * MINUTE_MS },
    });
    promise(fixture);
    fixture.clock.advance(61 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual([
      'incident_heads_up@20',
      'incident_due@30',
      'incident_overdue@45',
      'incident_overdue@60',
    ]);
  });

  it('skips the heads-up when the promise is closer than the lead time', () => {
    const fixture = setupScheduler();
    const armed = promise(fixture, START_MS + 3 * MINUTE_MS);
    expect(armed.map((r) => r.kind)).toEqual(['incident_due', 'incident_overdue']);
  });

  it('keeps only one live alert per incident: a newer alert supersedes the one showing', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(41 * MINUTE_MS);
    const fired = fixture.scheduler.list().filter((r) => r.state === 'fired');
    expect(fired.map((r) => r.kind)).toEqual(['incident_overdue']);
    expect(fixture.scheduler.list().filter((r) => r.closedReason === 'superseded')).toHaveLength(3);
  });

  it('after a long sleep fires one overdue alert, marked late, and resumes the 5-minute rhythm', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(10 * MINUTE_MS);
    fixture.clock.set(START_MS + 3 * 60 * MINUTE_MS + 2 * MINUTE_MS);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]).toMatchObject({ wasLate: true });
    expect(fixture.firings[0]!.reminder.kind).toBe('incident_overdue');
    // Next repeat on the original rhythm (35, 40, … → 185), not a burst of missed ones.
    fixture.clock.advance(3 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual(['incident_overdue@182', 'incident_overdue@185']);
    expect(fixture.firings[1]!.wasLate).toBe(false);
  });

  it('sending the update clears every alert and arms the new promise', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(31 * MINUTE_MS);
    const result = fixture.scheduler.updateSent({
      incidentId: INCIDENT.incidentId,
      nextUpdateAtMs: START_MS + 61 * MINUTE_MS,
    });
    expect(result.ok).toBe(true);
    expect(openIncidentReminders(fixture).map((r) => [r.kind, r.title])).toEqual([
      ['incident_heads_up', INCIDENT.incidentTitle],
      ['incident_due', INCIDENT.incidentTitle],
      ['incident_overdue', INCIDENT.incidentTitle],
    ]);
    expect(
      fixture.scheduler
        .list()
        .filter((r) => r.closedReason === 'update_sent')
        .map((r) => r.kind),
    ).toEqual(['incident_due', 'incident_overdue']);
    fixture.clock.advance(10 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual(['incident_heads_up@25', 'incident_due@30']);
  });

  it('an update that makes no new promise (the closure) clears everything', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.scheduler.updateSent({ incidentId: INCIDENT.incidentId, nextUpdateAtMs: null });
    expect(openIncidentReminders(fixture)).toEqual([]);
    fixture.clock.advance(2 * 60 * MINUTE_MS);
    expect(fixture.firings).toEqual([]);
  });

  it('changing the promise replaces its alerts, keeping the title', () => {
    const fixture = setupScheduler();
    promise(fixture);
    const result = fixture.scheduler.changePromise({
      incidentId: INCIDENT.incidentId,
      nextUpdateAtMs: START_MS + 60 * MINUTE_MS,
    });
    expect(result.ok && result.value.map((r) => r.title)).toEqual(Array(3).fill(INCIDENT.incidentTitle));
    fixture.clock.advance(56 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual(['incident_heads_up@55']);
    expect(fixture.scheduler.list().filter((r) => r.closedReason === 'promise_changed')).toHaveLength(3);
  });

  it('promising the same time again is a no-op that does not restart the alerts', () => {
    const fixture = setupScheduler();
    const first = promise(fixture);
    fixture.clock.advance(31 * MINUTE_MS);
    const again = promise(fixture);
    expect(again.map((r) => r.id).sort()).toEqual(
      first
        .slice(1)
        .map((r) => r.id)
        .sort(),
    );
    fixture.clock.advance(4 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual(['incident_heads_up@25', 'incident_due@30', 'incident_overdue@35']);
  });

  it('resolving the incident clears its alerts and nothing fires afterwards', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(36 * MINUTE_MS);
    const result = fixture.scheduler.resolveIncident(INCIDENT.incidentId);
    expect(
      result.ok && result.value.every((r) => r.state === 'cleared' && r.closedReason === 'resolved'),
    ).toBe(true);
    expect(openIncidentReminders(fixture)).toEqual([]);
    fixture.clock.advance(60 * MINUTE_MS);
    expect(fixture.firings).toHaveLength(3);
    expect(fixture.clock.pendingCount()).toBe(0);
  });

  it('keeps the promise across a restart without duplicating its alerts', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(36 * MINUTE_MS);
    fixture.restart();
    fixture.restart();
    fixture.clock.advance(5 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual([
      'incident_heads_up@25',
      'incident_due@30',
      'incident_overdue@35',
      'incident_overdue@40',
    ]);
    expect(fixture.scheduler.list().filter((r) => r.state === 'armed')).toHaveLength(1);
  });

  it('rejects bad arguments as values', () => {
    const fixture = setupScheduler();
    const result = fixture.scheduler.promiseUpdate({
      incidentId: '',
      incidentTitle: 'x',
      nextUpdateAtMs: Number.NaN,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_argument');
      expect(result.error.fields).toEqual(expect.arrayContaining(['incidentId', 'nextUpdateAtMs']));
    }
  });
});

describe('snooze and dismiss', () => {
  it('snoozing an alert fires it again after the default 5 minutes', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(25 * MINUTE_MS);
    const headsUp = fixture.firings[0]!.reminder;
    fixture.clock.advance(MINUTE_MS);
    const result = fixture.scheduler.snooze(headsUp.id);
    expect(result.ok && result.value).toMatchObject({
      state: 'armed',
      snoozeCount: 1,
      dueAtUtc: new Date(START_MS + 31 * MINUTE_MS).toISOString(),
    });
    fixture.clock.advance(5 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual(['incident_heads_up@25', 'incident_due@30', 'incident_heads_up@31']);
  });

  it('snoozing for a chosen time uses that time', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(30 * MINUTE_MS);
    const due = fixture.firings.at(-1)!.reminder;
    fixture.scheduler.snooze(due.id, 2 * MINUTE_MS);
    fixture.clock.advance(2 * MINUTE_MS);
    expect(firedKinds(fixture).at(-1)).toBe('incident_due@32');
  });

  it('snoozing an overdue alert moves the repeat series instead of letting the next repeat fire too', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(36 * MINUTE_MS);
    const overdue = fixture.firings.at(-1)!.reminder;
    fixture.scheduler.snooze(overdue.id, 10 * MINUTE_MS);
    fixture.clock.advance(16 * MINUTE_MS);
    expect(firedKinds(fixture)).toEqual([
      'incident_heads_up@25',
      'incident_due@30',
      'incident_overdue@35',
      'incident_overdue@46',
      'incident_overdue@51',
    ]);
    expect(fixture.scheduler.list().filter((r) => r.state === 'armed')).toHaveLength(1);
  });

  it('dismissing hides one alert but the promise is still owed: overdue alerts keep coming', () => {
    const fixture = setupScheduler();
    promise(fixture);
    fixture.clock.advance(35 * MINUTE_MS);
    const overdue = fixture.firings.at(-1)!.reminder;
    const result = fixture.scheduler.dismiss(overdue.id);
    expect(result.ok && result.value).toMatchObject({ state: 'dismissed', closedReason: 'dismissed' });
    fixture.clock.advance(5 * MINUTE_MS);
    expect(firedKinds(fixture).at(-1)).toBe('incident_overdue@40');
  });

  it('dismissing twice is harmless; snoozing a closed or unknown alert is an error value', () => {
    const fixture = setupScheduler();
    const [headsUp] = promise(fixture);
    expect(fixture.scheduler.dismiss(headsUp!.id).ok).toBe(true);
    expect(fixture.scheduler.dismiss(headsUp!.id).ok).toBe(true);
    const snoozed = fixture.scheduler.snooze(headsUp!.id);
    expect(!snoozed.ok && snoozed.error.code).toBe('conflict');
    const unknown = fixture.scheduler.snooze('nope');
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    const tooShort = fixture.scheduler.snooze(promise(fixture)[0]!.id, 10);
    expect(!tooShort.ok && tooShort.error.code).toBe('invalid_argument');
  });
});
