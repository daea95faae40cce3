// The reminder scheduler: owns the persisted reminders, keeps exactly one
// timer armed for the earliest one, and fires each reminder once. It
// re-checks on start, on every clock jump (clock or zone change, resume from
// sleep), on an explicit recheck() and on a coarse safety tick, so a reminder
// missed while the machine slept fires as soon as it is checked, marked late.
// The commands that add and change reminders live in reminder-commands.ts.
import { randomUUID } from 'node:crypto';
import { reminderSchema, type Reminder, type ReminderSubject } from '../../../shared/reminders/reminder.ts';
import { isOpen, subjectKey } from '../../../shared/reminders/reminder-facts.ts';
import type { ReminderSettings } from '../../../shared/reminders/reminder-settings.ts';
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import { createFireTimes, nextWakeMs, planDueFirings } from './fire-plan.ts';
import { nextRepeat } from './incident-promises.ts';
import { createReminderCommands, type ReminderCommands, type SchedulerCore } from './reminder-commands.ts';
import { createReminderIndex } from './reminder-index.ts';
import { closeReminder, markFired } from './reminder-record.ts';
import type { ReminderChangeReason } from './reminder-change-reason.ts';
import type { ReminderStore } from './reminder-store.ts';

export interface ReminderFiring {
  reminder: Reminder;
  wasLate: boolean;
  firedAtMs: number;
  /** The instant it was meant to fire: its due instant, or the end of quiet hours. */
  scheduledForMs: number;
  /** firedAtMs − scheduledForMs: what a drift benchmark measures. */
  driftMs: number;
}

export interface ReminderChange {
  reason: ReminderChangeReason;
  /** The reminders this change created or altered, in their new state (each once). */
  changed: Reminder[];
  /** Counts changes from 1 since the scheduler was made: a listener that sees a gap missed one. */
  version: number;
}

export interface SchedulerTuning {
  /** Firing later than this after the instant counts as late (missed while asleep or closed). */
  lateToleranceMs: number;
  /** The longest the one timer may wait: a safety net for missed jump reports and very long delays. */
  safetyTickMs: number;
  /** Dismissed and cleared reminders are kept this long (history, and so re-scheduling stays idempotent). */
  closedRetentionMs: number;
  createId: () => string;
}

export const defaultSchedulerTuning: SchedulerTuning = {
  lateToleranceMs: 2_000,
  safetyTickMs: 60_000,
  closedRetentionMs: 7 * 86_400_000,
  createId: () => randomUUID(),
};

export interface ReminderSchedulerDeps {
  clock: Clock;
  store: ReminderStore;
  logger: Logger;
  /** Shows the alert (native notification, tray, centre). Called after the firing is saved. */
  onFire: (firing: ReminderFiring) => void;
  settings: ReminderSettings;
  tuning?: Partial<SchedulerTuning>;
}

export interface ReminderScheduler extends ReminderCommands {
  /** Loads the store and arms the timer. Calling it again does nothing. */
  start(): void;
  /** Disarms the timer and stops listening to the clock; reminders stay stored. */
  stop(): void;
  /** Fires whatever is due and re-arms: the shell calls this on powerMonitor 'resume'. */
  recheck(): void;
  updateSettings(settings: ReminderSettings): void;
  /** Every reminder the scheduler holds, earliest due first (copies). */
  list(): Reminder[];
  get(reminderId: string): Reminder | undefined;
  subscribe(listener: (change: ReminderChange) => void): () => void;
  /** The version of the last change (0 before any): what list() reflects. */
  version(): number;
  /**
   * The reminders of one subject, in any state: the records themselves, not
   * copies (records are replaced, never mutated), so a view over thousands
   * of subjects stays cheap. Callers must not change them.
   */
  withSubject(subject: ReminderSubject): readonly Readonly<Reminder>[];
  /** The subjects of every open (armed or fired) reminder: what a sync may have to cancel. */
  openSubjects(): ReminderSubject[];
  /**
   * Runs `work` as one change: every command inside it updates the reminders
   * at once, but they are saved, announced to subscribers and re-armed once,
   * at the end (a calendar import arms hundreds of reminders in one go).
   */
  batch<T>(reason: ReminderChangeReason, work: () => T): T;
  /** When the one timer fires next, or null when none is armed. */
  nextWakeAtMs(): number | null;
}

export function createReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  const { clock, store, logger, onFire } = deps;
  const tuning: SchedulerTuning = { ...defaultSchedulerTuning, ...deps.tuning };
  let settings = deps.settings;
  let fireTimes = createFireTimes(settings.quietHours);
  const reminders = createReminderIndex();
  const listeners = new Set<(change: ReminderChange) => void>();
  let isLoaded = false;
  let isStarted = false;
  let timer: TimerHandle | null = null;
  let wakeAtMs: number | null = null;
  let stopListeningToJumps: (() => void) | null = null;
  let version = 0;
  /** The changes of a batch in progress, by id (the latest state wins); null outside a batch. */
  let batched: Map<string, Reminder> | null = null;

  function ensureLoaded(): void {
    if (isLoaded) return;
    isLoaded = true;
    let stored: readonly unknown[] = [];
    try {
      stored = store.load();
    } catch (error) {
      logger.error('reminders.load_failed', { error });
    }
    let droppedCount = 0;
    for (const item of stored) {
      const parsed = reminderSchema.safeParse(item);
      if (parsed.success && !reminders.get(parsed.data.id)) reminders.put(parsed.data);
      else droppedCount++;
    }
    if (droppedCount > 0) logger.warn('reminders.invalid_dropped', { droppedCount });
    logger.info('reminders.loaded', { count: stored.length - droppedCount });
  }

  const put = (reminder: Reminder): Reminder => reminders.put(reminder);

  function pruneClosed(nowMs: number): void {
    const oldestKeptMs = nowMs - tuning.closedRetentionMs;
    const expired = reminders
      .all()
      .filter((reminder) => reminder.closedAtUtc !== null && Date.parse(reminder.closedAtUtc) < oldestKeptMs);
    for (const reminder of expired) reminders.delete(reminder.id);
  }

  function persist(reason: ReminderChangeReason, changed: readonly Reminder[]): void {
    if (changed.length === 0) return;
    pruneClosed(clock.now());
    try {
      store.save(reminders.all());
    } catch (error) {
      // Keep going in memory: a reminder that fires late beats one that never fires.
      logger.error('reminders.save_failed', { error });
    }
    version++;
    const latest = [...new Map(changed.map((reminder) => [reminder.id, reminder])).values()];
    for (const listener of [...listeners]) {
      try {
        listener({ reason, changed: structuredClone(latest), version });
      } catch (error) {
        logger.error('reminders.listener_failed', { error });
      }
    }
  }

  function arm(nowMs: number): void {
    if (timer) clock.clearTimer(timer);
    timer = null;
    wakeAtMs = null;
    if (!isStarted) return;
    const nextMs = nextWakeMs(reminders.armed(), nowMs, fireTimes);
    if (nextMs === null) return;
    const delayMs = Math.max(1, Math.min(nextMs - nowMs, tuning.safetyTickMs));
    wakeAtMs = nowMs + delayMs;
    timer = clock.setTimer(() => {
      timer = null;
      check('timer');
    }, delayMs);
  }

  function fireDue(nowMs: number): ReminderFiring[] {
    const plan = planDueFirings(reminders.armed(), nowMs, fireTimes);
    const changed = plan.superseded.map((reminder) => put(closeReminder(reminder, 'superseded', nowMs)));
    const firings: ReminderFiring[] = [];
    for (const { entry, scheduledForMs } of plan.toFire) {
      const { reminder } = entry;
      // One live alert per subject: the newer one replaces what was showing.
      const shown = reminders.withSubjectKey(entry.key).filter((other) => other.state === 'fired');
      for (const other of shown) changed.push(put(closeReminder(other, 'superseded', nowMs)));
      const driftMs = nowMs - scheduledForMs;
      // Late means missed: it was armed before its instant and the machine slept or Herald was closed. One armed
      // after its instant had passed (an event imported late) fires at once and is overdue, not "missed".
      const wasArmedInTime = Date.parse(reminder.createdAtUtc) <= scheduledForMs;
      const wasLate = wasArmedInTime && driftMs > tuning.lateToleranceMs;
      const fired = put(markFired(reminder, nowMs, wasLate));
      changed.push(fired);
      const next = nextRepeat(reminder, entry.dueMs, nowMs, tuning.createId);
      if (next) changed.push(put(next));
      firings.push({ reminder: fired, wasLate, firedAtMs: nowMs, scheduledForMs, driftMs });
      logger.info('reminder.fired', {
        id: reminder.id,
        kind: reminder.kind,
        subject: reminder.subject.type,
        wasLate,
        driftMs,
      });
    }
    // Saved before onFire runs: a crash in between never fires it twice, and the
    // saved 'fired' state still shows it in the tray and notification centre.
    persist('fired', changed);
    return firings;
  }

  function check(trigger: string): void {
    ensureLoaded();
    if (!isStarted) return;
    const nowMs = clock.now();
    const firings = fireDue(nowMs);
    arm(nowMs);
    if (trigger !== 'timer')
      logger.debug('reminders.checked', { trigger, firedCount: firings.length, wakeAtMs });
    for (const firing of firings) {
      try {
        onFire(structuredClone(firing));
      } catch (error) {
        logger.error('reminder.on_fire_failed', { id: firing.reminder.id, error });
      }
    }
  }

  const core: SchedulerCore = {
    nowMs: () => clock.now(),
    all: () => {
      ensureLoaded();
      return reminders.all();
    },
    withSubjectKey: (key) => {
      ensureLoaded();
      return reminders.withSubjectKey(key);
    },
    get: (id) => {
      ensureLoaded();
      return reminders.get(id);
    },
    commit(reason, changed) {
      for (const reminder of changed) put(reminder);
      if (batched) {
        for (const reminder of changed) batched.set(reminder.id, reminder);
        return;
      }
      persist(reason, changed);
      check('command');
    },
    settings: () => settings,
    createId: () => tuning.createId(),
    closedRetentionMs: tuning.closedRetentionMs,
    logger,
  };

  return {
    ...createReminderCommands(core),
    start() {
      ensureLoaded();
      if (isStarted) return;
      isStarted = true;
      stopListeningToJumps = clock.onJump(() => check('clock_jump'));
      check('start');
    },
    stop() {
      isStarted = false;
      stopListeningToJumps?.();
      stopListeningToJumps = null;
      arm(clock.now());
    },
    recheck: () => check('recheck'),
    updateSettings(next) {
      settings = next;
      fireTimes = createFireTimes(next.quietHours);
      check('settings');
    },
    list: () => structuredClone(core.all().sort((a, b) => a.dueAtUtc.localeCompare(b.dueAtUtc))),
    get: (reminderId) => {
      const reminder = core.get(reminderId);
      return reminder && structuredClone(reminder);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    withSubject: (subject) => core.withSubjectKey(subjectKey(subject)),
    openSubjects: () => core.all().flatMap((reminder) => (isOpen(reminder) ? [reminder.subject] : [])),
    batch(reason, work) {
      // A batch inside a batch is part of the outer one.
      if (batched) return work();
      batched = new Map();
      try {
        return work();
      } finally {
        const changed = [...batched.values()];
        batched = null;
        if (changed.length > 0) {
          persist(reason, changed);
          check('command');
        }
      }
    },
    nextWakeAtMs: () => wakeAtMs,
  };
}
