// A scheduler on the test clock with an in-memory store, recording what fired.
import { createTestClock, type TestClock } from '../../../../../electron/core/clock/test-clock.ts';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';
import {
  createMemoryReminderStore,
  type MemoryReminderStore,
} from '../../../../../electron/core/reminders/reminder-store.ts';
import {
  createReminderScheduler,
  type ReminderFiring,
  type ReminderScheduler,
  type SchedulerTuning,
} from '../../../../../electron/core/reminders/reminder-scheduler.ts';
import {
  defaultReminderSettings,
  type ReminderSettings,
} from '../../../../../shared/reminders/reminder-settings.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
/** Thu 23 Apr 2026, 10:00 UTC (11:00 BST). */
export const START_MS = Date.UTC(2026, 3, 23, 10, 0);

export interface SchedulerFixture {
  clock: TestClock;
  store: MemoryReminderStore;
  logger: ReturnType<typeof createMemoryLogger>;
  firings: ReminderFiring[];
  scheduler: ReminderScheduler;
  /** Stops the scheduler and starts a new one over the same store and clock, as an app restart would. */
  restart(): ReminderScheduler;
}

export function setupScheduler(
  options: {
    startMs?: number;
    settings?: Partial<ReminderSettings>;
    tuning?: Partial<SchedulerTuning>;
    isStarted?: boolean;
  } = {},
): SchedulerFixture {
  const clock = createTestClock(options.startMs ?? START_MS);
  const store = createMemoryReminderStore();
  const logger = createMemoryLogger();
  const firings: ReminderFiring[] = [];
  let idCount = 0;
  const make = () =>
    createReminderScheduler({
      clock,
      store,
      logger,
      onFire: (firing) => firings.push(firing),
      settings: { ...defaultReminderSettings, ...options.settings },
      tuning: { createId: () => `r${++idCount}`, ...options.tuning },
    });
  const fixture: SchedulerFixture = {
    clock,
    store,
    logger,
    firings,
    scheduler: make(),
    restart() {
      fixture.scheduler.stop();
      fixture.scheduler = make();
      fixture.scheduler.start();
      return fixture.scheduler;
    },
  };
  if (options.isStarted !== false) fixture.scheduler.start();
  return fixture;
}

/** Schedules a plan-duty reminder due at `dueAtMs`; throws if the scheduler refuses it. */
export function scheduleDuty(
  fixture: SchedulerFixture,
  dutyId: string,
  dueAtMs: number,
  title = `Duty ${dutyId}`,
) {
  const result = fixture.scheduler.schedule({
    kind: 'plan_duty',
    subject: { type: 'duty', dutyId },
    dueAtMs,
    title,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
