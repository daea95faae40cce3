import { describe, expect, it } from 'vitest';
import type { ReminderChange } from '../../../../../electron/core/reminders/reminder-scheduler.ts';
import { defaultReminderSettings } from '../../../../../shared/reminders/reminder-settings.ts';
import { HOUR_MS, MINUTE_MS, START_MS, scheduleDuty, setupScheduler } from './scheduler-fixture.ts';

const QUIET = { startHHMM: '22:00', endHHMM: '07:00', zone: 'Europe/London' } as const;
/** Thu 23 Apr 2026 is in BST: 22:00 London = 21:00 UTC, 07:00 London = 06:00 UTC. */
const QUIET_START_MS = Date.UTC(2026, 3, 23, 21, 0);
const QUIET_END_MS = Date.UTC(2026, 3, 24, 6, 0);

describe('calendar and duty reminders', () => {
  it('schedules a maintenance stage and fires it at its instant', () => {
    const fixture = setupScheduler();
    const result = fixture.scheduler.schedule({
      kind: 'maintenance_comm',
      subject: { type: 'maintenance', eventId: 'ev-1', stage: 'announcement' },
      dueAtMs: START_MS + HOUR_MS,
      eventAtMs: START_MS + 48 * HOUR_MS,
      title: 'Announce the database upgrade',
    });
    expect(result.ok && result.value).toMatchObject({
      isIncidentPromise: false,
      repeatEveryMs: null,
      state: 'armed',
    });
    fixture.clock.advance(HOUR_MS);
    expect(fixture.firings.map((firing) => firing.reminder.eventAtUtc)).toEqual([
      new Date(START_MS + 48 * HOUR_MS).toISOString(),
    ]);
  });

  it('is idempotent: scheduling the same subject and instant again creates nothing, even after it fired', () => {
    const fixture = setupScheduler();
    const first = scheduleDuty(fixture, 'cto', START_MS + MINUTE_MS);
    expect(scheduleDuty(fixture, 'cto', START_MS + MINUTE_MS).id).toBe(first.id);
    fixture.clock.advance(MINUTE_MS);
    const afterFiring = scheduleDuty(fixture, 'cto', START_MS + MINUTE_MS);
    expect(afterFiring).toMatchObject({ id: first.id, state: 'fired' });
    fixture.clock.advance(HOUR_MS);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.scheduler.list()).toHaveLength(1);
  });

  it('takes the message’s due time from a re-sync at the same instant, keeping the reminder (records armed with the event’s start)', () => {
    const fixture = setupScheduler();
    const subject = { type: 'maintenance', eventId: 'ev-1', stage: 'announcement' } as const;
    const args = {
      kind: 'maintenance_comm',
      subject,
      dueAtMs: START_MS + HOUR_MS,
      title: 'Database upgrade',
    } as const;
    const first = fixture.scheduler.schedule({ ...args, eventAtMs: START_MS + 48 * HOUR_MS });
    const resynced = fixture.scheduler.schedule({ ...args, eventAtMs: START_MS + HOUR_MS }, { force: true });
    expect(first.ok && resynced.ok && resynced.value.id === first.value.id).toBe(true);
    expect(resynced.ok && resynced.value).toMatchObject({
      state: 'armed',
      eventAtUtc: new Date(START_MS + HOUR_MS).toISOString(),
    });
    expect(fixture.scheduler.list()).toHaveLength(1);
  });

  it('replaces the armed reminder when the same subject is scheduled at a new instant', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'cto', START_MS + MINUTE_MS);
    scheduleDuty(fixture, 'cto', START_MS + 2 * MINUTE_MS, 'Moved');
    fixture.clock.advance(3 * MINUTE_MS);
    expect(fixture.firings.map((firing) => [firing.firedAtMs - START_MS, firing.reminder.title])).toEqual([
      [2 * MINUTE_MS, 'Moved'],
    ]);
  });

  it('rejects a kind that does not match its subject, and instants long past', () => {
    const fixture = setupScheduler();
    const mismatched = fixture.scheduler.schedule({
      kind: 'plan_duty',
      subject: { type: 'incident', incidentId: 'i' },
      dueAtMs: START_MS,
      title: 'x',
    });
    expect(!mismatched.ok && mismatched.error).toMatchObject({
      code: 'invalid_argument',
      fields: ['subject'],
    });
    const ancient = fixture.scheduler.schedule({
      kind: 'plan_duty',
      subject: { type: 'duty', dutyId: 'd' },
      dueAtMs: START_MS - 30 * 24 * HOUR_MS,
      title: 'x',
    });
    expect(!ancient.ok && ancient.error.code).toBe('invalid_argument');
  });

  it('cancelFor clears every stage of a maintenance event, or one stage', () => {
    const fixture = setupScheduler();
    for (const [index, stage] of (['announcement', 'reminder', 'start', 'complete'] as const).entries()) {
      fixture.scheduler.schedule({
        kind: 'maintenance_comm',
        subject: { type: 'maintenance', eventId: 'ev', stage },
        dueAtMs: START_MS + (index + 1) * HOUR_MS,
        title: stage,
      });
    }
    expect(
      fixture.scheduler.cancelFor({ type: 'maintenance', eventId: 'ev', stage: 'start' }).map((r) => r.title),
    ).toEqual(['start']);
    expect(
      fixture.scheduler.cancelFor({ type: 'maintenance', eventId: 'ev' }).map((r) => r.closedReason),
    ).toEqual(['cancelled', 'cancelled', 'cancelled']);
    fixture.clock.advance(5 * HOUR_MS);
    expect(fixture.firings).toEqual([]);
  });

  it('reschedule shifts armed reminders (an event moved) and leaves fired ones alone', () => {
    const fixture = setupScheduler();
    fixture.scheduler.schedule({
      kind: 'maintenance_comm',
      subject: { type: 'maintenance', eventId: 'ev', stage: 'announcement' },
      dueAtMs: START_MS + MINUTE_MS,
      title: 'a',
    });
    fixture.scheduler.schedule({
      kind: 'maintenance_comm',
      subject: { type: 'maintenance', eventId: 'ev', stage: 'start' },
      dueAtMs: START_MS + HOUR_MS,
      title: 's',
    });
    fixture.clock.advance(MINUTE_MS);
    const result = fixture.scheduler.reschedule({ type: 'maintenance', eventId: 'ev' }, 2 * HOUR_MS);
    expect(result.ok && result.value.map((r) => r.title)).toEqual(['s']);
    fixture.clock.advance(3 * HOUR_MS);
    expect(
      fixture.firings.map((firing) => [firing.reminder.title, (firing.firedAtMs - START_MS) / MINUTE_MS]),
    ).toEqual([
      ['a', 1],
      ['s', 180],
    ]);
  });
});

describe('quiet hours', () => {
  it('defers a duty reminder due in quiet hours to the end of quiet hours, not marked late', () => {
    const fixture = setupScheduler({ settings: { quietHours: QUIET } });
    scheduleDuty(fixture, 'weeknotes', QUIET_START_MS + HOUR_MS);
    fixture.clock.advance(QUIET_END_MS - START_MS - 1);
    expect(fixture.firings).toHaveLength(0);
    fixture.clock.advance(1);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]).toMatchObject({
      firedAtMs: QUIET_END_MS,
      scheduledForMs: QUIET_END_MS,
      wasLate: false,
    });
  });

  it('never defers an incident promise', () => {
    const fixture = setupScheduler({ settings: { quietHours: QUIET } });
    fixture.scheduler.promiseUpdate({
      incidentId: 'i',
      incidentTitle: 'Night incident',
      nextUpdateAtMs: QUIET_START_MS + 2 * HOUR_MS,
    });
    fixture.clock.advance(QUIET_START_MS + 2 * HOUR_MS - START_MS);
    expect(fixture.firings.map((firing) => [firing.reminder.kind, firing.firedAtMs])).toEqual([
      ['incident_heads_up', QUIET_START_MS + 2 * HOUR_MS - 5 * MINUTE_MS],
      ['incident_due', QUIET_START_MS + 2 * HOUR_MS],
    ]);
  });

  it('holds a reminder missed while asleep until morning when the machine wakes in quiet hours', () => {
    const fixture = setupScheduler({ settings: { quietHours: QUIET } });
    scheduleDuty(fixture, 'weeknotes', QUIET_START_MS - HOUR_MS);
    fixture.clock.set(QUIET_START_MS + HOUR_MS);
    expect(fixture.firings).toHaveLength(0);
    expect(fixture.scheduler.nextWakeAtMs()).toBe(fixture.clock.now() + MINUTE_MS);
    fixture.clock.advance(QUIET_END_MS - fixture.clock.now());
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]!.firedAtMs).toBe(QUIET_END_MS);
  });

  it('applies new quiet hours from updateSettings at once', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'weeknotes', QUIET_START_MS + HOUR_MS);
    fixture.scheduler.updateSettings({ ...defaultReminderSettings, quietHours: QUIET });
    fixture.clock.advance(QUIET_START_MS + 2 * HOUR_MS - START_MS);
    expect(fixture.firings).toHaveLength(0);
    fixture.scheduler.updateSettings(defaultReminderSettings);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]!.wasLate).toBe(true);
  });

  it.each([
    // Sat 28 → Sun 29 Mar 2026: 07:00 BST on the Sunday is 06:00 UTC.
    ['spring forward', Date.UTC(2026, 2, 28, 23, 30), Date.UTC(2026, 2, 29, 6, 0)],
    // Sat 24 → Sun 25 Oct 2026: 07:00 GMT on the Sunday is 07:00 UTC.
    ['fall back', Date.UTC(2026, 9, 24, 23, 30), Date.UTC(2026, 9, 25, 7, 0)],
  ])('ends quiet hours at 07:00 London across the DST change (%s)', (_name, dueMs, endMs) => {
    const fixture = setupScheduler({ startMs: dueMs - 2 * HOUR_MS, settings: { quietHours: QUIET } });
    scheduleDuty(fixture, 'weeknotes', dueMs);
    fixture.clock.advance(endMs - fixture.clock.now() - 1);
    expect(fixture.firings).toHaveLength(0);
    fixture.clock.advance(1);
    expect(fixture.firings.map((firing) => firing.firedAtMs)).toEqual([endMs]);
  });
});

describe('calendar reminders in bulk, and re-arming', () => {
  const stageSubject = (eventId: string) =>
    ({ type: 'maintenance', eventId, stage: 'announcement' }) as const;
  const announce = (eventId: string, dueAtMs: number) =>
    ({
      kind: 'maintenance_comm',
      subject: stageSubject(eventId),
      dueAtMs,
      title: `Announce ${eventId}`,
    }) as const;

  it('a batch is one change: one save, one notice to subscribers, one version, whatever it schedules', () => {
    const fixture = setupScheduler();
    const savesBefore = fixture.store.saveCount();
    const changes: ReminderChange[] = [];
    fixture.scheduler.subscribe((change) => changes.push(change));
    const scheduled = fixture.scheduler.batch('scheduled', () =>
      Array.from({ length: 200 }, (_, index) =>
        fixture.scheduler.schedule(announce(`ev-${index}`, START_MS + (index + 1) * MINUTE_MS)),
      ),
    );
    expect(scheduled.every((result) => result.ok && result.value.state === 'armed')).toBe(true);
    expect(fixture.store.saveCount() - savesBefore).toBe(1);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.changed).toHaveLength(200);
    expect(changes[0]!.version).toBe(fixture.scheduler.version());
    // Re-armed once at the end: the first of them fires on time.
    fixture.clock.advance(MINUTE_MS);
    expect(fixture.firings.map((firing) => firing.reminder.subject)).toEqual([stageSubject('ev-0')]);
  });

  it('reports each reminder once per change, in its latest state, when a batch changes it twice', () => {
    const fixture = setupScheduler();
    const changes: ReminderChange[] = [];
    fixture.scheduler.subscribe((change) => changes.push(change));
    fixture.scheduler.batch('scheduled', () => {
      fixture.scheduler.schedule(announce('ev', START_MS + HOUR_MS));
      fixture.scheduler.cancelFor({ type: 'maintenance', eventId: 'ev' });
    });
    expect(changes.map((change) => change.changed.map((reminder) => reminder.state))).toEqual([['cleared']]);
  });

  it('withSubject answers one subject from the index, in any state', () => {
    const fixture = setupScheduler();
    fixture.scheduler.schedule(announce('a', START_MS + HOUR_MS));
    fixture.scheduler.schedule(announce('a', START_MS + 2 * HOUR_MS));
    fixture.scheduler.schedule(announce('b', START_MS + HOUR_MS));
    expect(
      fixture.scheduler
        .withSubject(stageSubject('a'))
        .map((reminder) => reminder.state)
        .sort(),
    ).toEqual(['armed', 'cleared']);
    expect(fixture.scheduler.withSubject(stageSubject('c'))).toEqual([]);
  });

  it('force re-arms a reminder the system closed at the same instant, and nothing else', () => {
    const fixture = setupScheduler();
    const first = fixture.scheduler.schedule(announce('ev', START_MS + HOUR_MS));
    fixture.scheduler.cancelFor(stageSubject('ev'));
    // Without force, scheduling stays idempotent: the closed record answers.
    expect(fixture.scheduler.schedule(announce('ev', START_MS + HOUR_MS))).toMatchObject({
      ok: true,
      value: { state: 'cleared' },
    });
    const rearmed = fixture.scheduler.schedule(announce('ev', START_MS + HOUR_MS), { force: true });
    expect(rearmed.ok && rearmed.value).toMatchObject({
      state: 'armed',
      dueAtUtc: new Date(START_MS + HOUR_MS).toISOString(),
    });
    expect(rearmed.ok && first.ok && rearmed.value.id).not.toBe(first.ok && first.value.id);
    // Forcing again finds the armed one: still one armed reminder.
    fixture.scheduler.schedule(announce('ev', START_MS + HOUR_MS), { force: true });
    expect(
      fixture.scheduler.withSubject(stageSubject('ev')).filter((reminder) => reminder.state === 'armed'),
    ).toHaveLength(1);
    fixture.clock.advance(HOUR_MS);
    expect(fixture.firings).toHaveLength(1);
  });

  it('force leaves a dismissed reminder dismissed, unless the message moved away and back', () => {
    const fixture = setupScheduler();
    const dueMs = START_MS + HOUR_MS;
    const first = fixture.scheduler.schedule(announce('ev', dueMs));
    fixture.scheduler.dismiss(first.ok ? first.value.id : '');
    expect(fixture.scheduler.schedule(announce('ev', dueMs), { force: true })).toMatchObject({
      ok: true,
      value: { state: 'dismissed' },
    });
    // Moved a day later (armed there), then back: the message is due here again.
    fixture.scheduler.schedule(announce('ev', dueMs + 24 * HOUR_MS), { force: true });
    const back = fixture.scheduler.schedule(announce('ev', dueMs), { force: true });
    expect(back).toMatchObject({ ok: true, value: { state: 'armed' } });
    expect(
      fixture.scheduler
        .withSubject(stageSubject('ev'))
        .filter((reminder) => reminder.state === 'armed')
        .map((reminder) => reminder.dueAtUtc),
    ).toEqual([new Date(dueMs).toISOString()]);
  });
});
