import { describe, expect, it } from 'vitest';
import { createSystemClock } from '../../../../../electron/core/clock/clock.ts';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';
import {
  createReminderScheduler,
  type ReminderChange,
  type ReminderFiring,
} from '../../../../../electron/core/reminders/reminder-scheduler.ts';
import { createMemoryReminderStore } from '../../../../../electron/core/reminders/reminder-store.ts';
import { defaultReminderSettings } from '../../../../../shared/reminders/reminder-settings.ts';
import { HOUR_MS, MINUTE_MS, START_MS, scheduleDuty, setupScheduler } from './scheduler-fixture.ts';

describe('reminder scheduler: timing', () => {
  it('fires at its due instant, not a millisecond early', () => {
    const fixture = setupScheduler();
    const dueMs = START_MS + 10 * MINUTE_MS;
    scheduleDuty(fixture, 'cto-weekly', dueMs);
    fixture.clock.advance(10 * MINUTE_MS - 1);
    expect(fixture.firings).toHaveLength(0);
    fixture.clock.advance(1);
    expect(fixture.firings).toHaveLength(1);
    const [firing] = fixture.firings;
    expect(firing?.firedAtMs).toBe(dueMs);
    expect(firing?.driftMs).toBe(0);
    expect(firing?.wasLate).toBe(false);
    expect(fixture.scheduler.list()[0]?.state).toBe('fired');
  });

  it('fires within one second of its due time on the real system clock', async () => {
    const clock = createSystemClock();
    const firings: ReminderFiring[] = [];
    const scheduler = createReminderScheduler({
      clock,
      store: createMemoryReminderStore(),
      logger: createMemoryLogger(),
      onFire: (firing) => firings.push(firing),
      settings: defaultReminderSettings,
    });
    scheduler.start();
    const dueMs = clock.now() + 150;
    scheduler.schedule({
      kind: 'plan_duty',
      subject: { type: 'duty', dutyId: 'now' },
      dueAtMs: dueMs,
      title: 'Soon',
    });
    await expect.poll(() => firings.length, { timeout: 3_000, interval: 20 }).toBe(1);
    scheduler.stop();
    expect(firings[0]!.firedAtMs).toBeGreaterThanOrEqual(dueMs);
    expect(firings[0]!.driftMs).toBeLessThan(1_000);
  });

  it('fires once, marked late, when a 3-hour sleep passes its due time', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'weeknotes', START_MS + 30 * MINUTE_MS);
    // Asleep: wall time moves on, no timer runs.
    fixture.clock.set(START_MS + 3 * HOUR_MS);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]).toMatchObject({ wasLate: true, firedAtMs: START_MS + 3 * HOUR_MS });
    expect(fixture.firings[0]!.reminder.wasLate).toBe(true);
    fixture.scheduler.recheck();
    fixture.clock.advance(HOUR_MS);
    expect(fixture.firings).toHaveLength(1);
  });

  it('catches up on recheck() (powerMonitor resume) when no clock jump is reported', () => {
    const fixture = setupScheduler({ isStarted: false });
    const firings: ReminderFiring[] = [];
    // A platform that never reports jumps: only the shell's resume handler calls recheck().
    const silentClock = { ...fixture.clock, onJump: () => () => undefined };
    const scheduler = createReminderScheduler({
      clock: silentClock,
      store: createMemoryReminderStore(),
      logger: createMemoryLogger(),
      onFire: (firing) => firings.push(firing),
      settings: defaultReminderSettings,
    });
    scheduler.start();
    scheduler.schedule({
      kind: 'plan_duty',
      subject: { type: 'duty', dutyId: 'x' },
      dueAtMs: START_MS + 30 * MINUTE_MS,
      title: 'X',
    });
    fixture.clock.set(START_MS + 3 * HOUR_MS);
    expect(firings).toHaveLength(0);
    scheduler.recheck();
    scheduler.recheck();
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ wasLate: true, firedAtMs: START_MS + 3 * HOUR_MS });
  });

  it('fires at the right instant after the clock jumps forward (not yet due)', () => {
    const fixture = setupScheduler();
    const dueMs = START_MS + 2 * HOUR_MS;
    scheduleDuty(fixture, 'x', dueMs);
    fixture.clock.set(START_MS + HOUR_MS);
    expect(fixture.firings).toHaveLength(0);
    fixture.clock.advance(HOUR_MS - 1);
    expect(fixture.firings).toHaveLength(0);
    fixture.clock.advance(1);
    expect(fixture.firings.map((firing) => firing.firedAtMs)).toEqual([dueMs]);
  });

  it('fires at the right instant after the clock jumps backward', () => {
    const fixture = setupScheduler();
    const dueMs = START_MS + 30 * MINUTE_MS;
    scheduleDuty(fixture, 'x', dueMs);
    fixture.clock.advance(20 * MINUTE_MS);
    fixture.clock.set(START_MS - HOUR_MS);
    fixture.clock.advance(HOUR_MS + 30 * MINUTE_MS - 1);
    expect(fixture.firings).toHaveLength(0);
    fixture.clock.advance(1);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]).toMatchObject({ firedAtMs: dueMs, wasLate: false });
  });

  it.each([
    ['spring forward, 29 March 2026', Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 2, 29, 8)],
    ['fall back, 25 October 2026', Date.UTC(2026, 9, 24, 12), Date.UTC(2026, 9, 25, 9)],
  ])('fires at 09:00 Europe/London across the DST change (%s)', (_name, startMs, nineLondonMs) => {
    const fixture = setupScheduler({ startMs });
    scheduleDuty(fixture, 'cto-weekly', nineLondonMs);
    // The shell reports the zone offset change as a jump; the instant must not move.
    fixture.clock.advance(14 * HOUR_MS);
    fixture.clock.set(fixture.clock.now());
    fixture.clock.advance(nineLondonMs - fixture.clock.now() - 1);
    expect(fixture.firings).toHaveLength(0);
    fixture.clock.advance(1);
    expect(fixture.firings.map((firing) => firing.firedAtMs)).toEqual([nineLondonMs]);
    const londonHour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(londonHour.format(fixture.firings[0]!.firedAtMs)).toBe('09:00');
  });

  it('keeps exactly one pending timer for 1,000 reminders, and fires them in order', () => {
    const fixture = setupScheduler();
    const dueTimes = Array.from(
      { length: 1_000 },
      (_, index) => START_MS + ((index * 7919) % 1_000) * 1_000 + 500,
    );
    dueTimes.forEach((dueMs, index) => scheduleDuty(fixture, `duty-${index}`, dueMs));
    expect(fixture.clock.pendingCount()).toBe(1);
    fixture.clock.advance(500 * 1_000);
    expect(fixture.clock.pendingCount()).toBe(1);
    fixture.clock.advance(600 * 1_000);
    expect(fixture.clock.pendingCount()).toBe(0);
    expect(fixture.firings).toHaveLength(1_000);
    expect(fixture.firings.every((firing) => firing.driftMs === 0)).toBe(true);
    const firedAt = fixture.firings.map((firing) => firing.firedAtMs);
    expect(firedAt).toEqual([...firedAt].sort((a, b) => a - b));
  });

  it('wakes at least once a minute as a safety net, and targets the due instant on the last hop', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'far', START_MS + 10 * HOUR_MS);
    expect(fixture.scheduler.nextWakeAtMs()).toBe(START_MS + MINUTE_MS);
    fixture.clock.advance(10 * HOUR_MS - 30_000);
    expect(fixture.scheduler.nextWakeAtMs()).toBe(START_MS + 10 * HOUR_MS);
    fixture.clock.advance(30_000);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.scheduler.nextWakeAtMs()).toBeNull();
    expect(fixture.clock.pendingCount()).toBe(0);
  });

  it('does not arm anything before start(), and fires what became due once started', () => {
    const fixture = setupScheduler({ isStarted: false });
    scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    expect(fixture.clock.pendingCount()).toBe(0);
    fixture.clock.advance(2 * MINUTE_MS);
    expect(fixture.firings).toHaveLength(0);
    fixture.scheduler.start();
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]!.wasLate).toBe(true);
  });

  it('stop() disarms the timer and ignores later jumps', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    fixture.scheduler.stop();
    expect(fixture.clock.pendingCount()).toBe(0);
    fixture.clock.set(START_MS + HOUR_MS);
    expect(fixture.firings).toHaveLength(0);
  });
});

describe('reminder scheduler: restarts and persistence', () => {
  it('re-arms exactly once after a restart and fires once', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'x', START_MS + 30 * MINUTE_MS);
    fixture.restart();
    fixture.scheduler.start();
    expect(fixture.clock.pendingCount()).toBe(1);
    fixture.clock.advance(30 * MINUTE_MS);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]!.wasLate).toBe(false);
  });

  it('does not fire again after a restart a reminder that already fired', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    fixture.clock.advance(MINUTE_MS);
    expect(fixture.firings).toHaveLength(1);
    fixture.restart();
    fixture.clock.advance(HOUR_MS);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.scheduler.list()[0]?.state).toBe('fired');
  });

  it('fires late, once, a reminder that fell due while the app was closed', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    fixture.scheduler.stop();
    fixture.clock.set(START_MS + 5 * HOUR_MS);
    fixture.restart();
    fixture.restart();
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.firings[0]!.wasLate).toBe(true);
  });

  it('saves the firing before telling onFire, so a crash in onFire cannot fire it twice', () => {
    const store = createMemoryReminderStore();
    const clock = createSystemClock();
    const statesSeenByOnFire: string[] = [];
    const scheduler = createReminderScheduler({
      clock,
      store,
      logger: createMemoryLogger(),
      onFire: (firing) => {
        statesSeenByOnFire.push(
          ...store
            .snapshot()
            .filter((r) => r.id === firing.reminder.id)
            .map((r) => r.state),
        );
        throw new Error('notification failed');
      },
      settings: defaultReminderSettings,
    });
    scheduler.start();
    scheduler.schedule({
      kind: 'plan_duty',
      subject: { type: 'duty', dutyId: 'x' },
      dueAtMs: clock.now() - 10,
      title: 'Past',
    });
    scheduler.stop();
    expect(statesSeenByOnFire).toEqual(['fired']);
  });

  it('drops invalid stored entries with a warning and keeps the valid ones', () => {
    const fixture = setupScheduler();
    const valid = scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    fixture.scheduler.stop();
    const store = createMemoryReminderStore([valid, { id: 'broken', dueAtUtc: 'yesterday' }, 42, valid]);
    const logger = createMemoryLogger();
    const scheduler = createReminderScheduler({
      clock: fixture.clock,
      store,
      logger,
      onFire: () => undefined,
      settings: defaultReminderSettings,
    });
    expect(scheduler.list().map((r) => r.id)).toEqual([valid.id]);
    expect(
      logger.lines.some(
        (line) => line.includes('reminders.invalid_dropped') && line.includes('"droppedCount":3'),
      ),
    ).toBe(true);
  });

  it('keeps working in memory when the store fails, and logs it', () => {
    const logger = createMemoryLogger();
    const firings: ReminderFiring[] = [];
    const fixture = setupScheduler({ isStarted: false });
    const scheduler = createReminderScheduler({
      clock: fixture.clock,
      store: {
        load: () => {
          throw new Error('disk gone');
        },
        save: () => {
          throw new Error('disk full');
        },
      },
      logger,
      onFire: (firing) => firings.push(firing),
      settings: defaultReminderSettings,
    });
    scheduler.start();
    scheduler.schedule({
      kind: 'plan_duty',
      subject: { type: 'duty', dutyId: 'x' },
      dueAtMs: START_MS + MINUTE_MS,
      title: 'X',
    });
    fixture.clock.advance(MINUTE_MS);
    expect(firings).toHaveLength(1);
    expect(logger.lines.some((line) => line.includes('reminders.load_failed'))).toBe(true);
    expect(logger.lines.some((line) => line.includes('reminders.save_failed'))).toBe(true);
  });

  it('forgets closed reminders after the retention period', () => {
    const fixture = setupScheduler({ tuning: { closedRetentionMs: HOUR_MS } });
    const reminder = scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    fixture.scheduler.dismiss(reminder.id);
    scheduleDuty(fixture, 'y', START_MS + 3 * HOUR_MS);
    fixture.clock.advance(2 * HOUR_MS);
    scheduleDuty(fixture, 'z', START_MS + 4 * HOUR_MS);
    expect(fixture.scheduler.list().map((r) => r.subject)).toEqual([
      { type: 'duty', dutyId: 'y' },
      { type: 'duty', dutyId: 'z' },
    ]);
    expect(fixture.store.snapshot()).toHaveLength(2);
  });
});

describe('reminder scheduler: subscribers and errors', () => {
  it('tells subscribers what changed and why, until they unsubscribe', () => {
    const fixture = setupScheduler();
    const changes: ReminderChange[] = [];
    const unsubscribe = fixture.scheduler.subscribe((change) => changes.push(change));
    const reminder = scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    fixture.clock.advance(MINUTE_MS);
    unsubscribe();
    fixture.scheduler.dismiss(reminder.id);
    expect(changes.map((change) => [change.reason, change.changed.map((r) => r.state)])).toEqual([
      ['scheduled', ['armed']],
      ['fired', ['fired']],
    ]);
  });

  it('logs and survives a subscriber or onFire that throws', () => {
    const fixture = setupScheduler();
    fixture.scheduler.subscribe(() => {
      throw new Error('boom');
    });
    scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    fixture.clock.advance(MINUTE_MS);
    expect(fixture.firings).toHaveLength(1);
    expect(fixture.logger.lines.some((line) => line.includes('reminders.listener_failed'))).toBe(true);
  });

  it('never logs reminder titles (they may name sensitive incidents)', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'x', START_MS + MINUTE_MS, 'Secret project Nightjar');
    fixture.clock.advance(MINUTE_MS);
    expect(fixture.logger.lines.join('\n')).not.toContain('Nightjar');
  });

  it('hands out copies: changing a listed reminder changes nothing inside', () => {
    const fixture = setupScheduler();
    scheduleDuty(fixture, 'x', START_MS + MINUTE_MS);
    const [listed] = fixture.scheduler.list();
    listed!.dueAtUtc = new Date(START_MS + HOUR_MS).toISOString();
    fixture.clock.advance(MINUTE_MS);
    expect(fixture.firings).toHaveLength(1);
  });
});
