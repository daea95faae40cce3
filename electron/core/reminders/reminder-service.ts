// Wires the reminder scheduler into core: its file store, its settings
// store, the events the UI and the shell listen to, and the API handlers.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ok, type Result } from '../../../shared/api/index.ts';
import { changeOf, type ReminderList } from '../../../shared/reminders/reminder-changes.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { isOpen } from '../../../shared/reminders/reminder-facts.ts';
import {
  defaultReminderSettings,
  reminderSettingsSchema,
  type ReminderSettings,
} from '../../../shared/reminders/reminder-settings.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { Clock } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import { currentVersion, type StoreDefinition, type VersionedStore } from '../storage/versioned-store.ts';
import { createReminderFileSaver } from './reminder-file-saver.ts';
import {
  createReminderScheduler,
  type ReminderFiring,
  type ReminderScheduler,
} from './reminder-scheduler.ts';

// Each reminder is validated by the scheduler when loaded, so the store keeps them as opaque records.
const storedRemindersSchema = z.object({ reminders: z.array(z.unknown()) });
export const remindersStoreDefinition: StoreDefinition<typeof storedRemindersSchema> = {
  name: 'reminders',
  schema: storedRemindersSchema,
  defaults: () => ({ reminders: [] }),
};

export const reminderSettingsStoreDefinition: StoreDefinition<typeof reminderSettingsSchema> = {
  name: 'reminder-settings',
  schema: reminderSettingsSchema,
  defaults: () => ({ ...defaultReminderSettings }),
};

/** During a burst of firings, the reminders file is written at most this often. */
export const SAVE_INTERVAL_MS = 100;

export interface ReminderServiceDeps {
  clock: Clock;
  logger: Logger;
  bus: EventBus;
  store: VersionedStore<z.output<typeof storedRemindersSchema>>;
  settingsStore: VersionedStore<ReminderSettings>;
  /** Extra listeners for a firing (the shell's native notification and tray). */
  onFire?: (firing: ReminderFiring) => void;
}

export interface ReminderService {
  scheduler: ReminderScheduler;
  list(): ReminderList;
  /** Writes any coalesced save now, synchronously (on stop and quit). */
  flush(): void;
  /** Settles when no background save is running (tests and benchmarks). */
  saved(): Promise<void>;
  /** Adds a listener for firings (the shell's notifications). Returns the unsubscribe function. */
  onFire(listener: (firing: ReminderFiring) => void): () => void;
  handlers: {
    'reminders:list': Handler<'reminders:list'>;
    'reminders:snooze': Handler<'reminders:snooze'>;
    'reminders:dismiss': Handler<'reminders:dismiss'>;
    'reminders:getSettings': Handler<'reminders:getSettings'>;
    'reminders:updateSettings': Handler<'reminders:updateSettings'>;
  };
}

export function createReminderService(deps: ReminderServiceDeps): ReminderService {
  const fireListeners = new Set<(firing: ReminderFiring) => void>();
  if (deps.onFire) fireListeners.add(deps.onFire);

  // Saving every reminder to disk takes tens of milliseconds with a thousand of them (hundreds on a
  // busy disk), and an alert must never wait for it. Saves are coalesced: written just after the
  // alerts of that moment are shown, at most once per SAVE_INTERVAL_MS during a burst, and in the
  // background (reminder-file-saver.ts), so the main thread is free when the next reminder is due.
  // The cost: a crash before a save lands can show an alert again on the next start (marked late),
  // which beats a late alert. stop() and quitting write at once, synchronously.
  const fileSaver = createReminderFileSaver({
    path: deps.store.path,
    schemaVersion: currentVersion(remindersStoreDefinition),
    onError: (error) => deps.logger.error('reminders.save_failed', { error }),
  });
  let pendingSave: readonly Reminder[] | null = null;
  let saveTimer: NodeJS.Timeout | null = null;
  let lastSaveAtMs = 0;
  /** What the background saver was last given: on disk once it is idle. */
  let handedToSaver: readonly Reminder[] | null = null;
  const saveInBackground = () => {
    saveTimer = null;
    if (pendingSave === null) return;
    handedToSaver = pendingSave;
    pendingSave = null;
    lastSaveAtMs = performance.now();
    fileSaver.save(handedToSaver);
  };
  const flush = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    // A background save still under way may not land before the process ends: write its data too.
    const all = pendingSave ?? (fileSaver.isBusy() ? handedToSaver : null);
    pendingSave = null;
    if (all === null) return;
    lastSaveAtMs = performance.now();
    fileSaver.supersede();
    try {
      deps.store.write({ reminders: [...all] });
    } catch (error) {
      deps.logger.error('reminders.save_failed', { error });
    }
  };
  const saveSoon = (all: readonly Reminder[]) => {
    pendingSave = all;
    if (saveTimer) return;
    // A real timer, not the injected clock: this is about the disk, not about reminder time.
    saveTimer = setTimeout(
      saveInBackground,
      Math.max(0, lastSaveAtMs + SAVE_INTERVAL_MS - performance.now()),
    );
  };

  const scheduler = createReminderScheduler({
    clock: deps.clock,
    logger: deps.logger,
    settings: deps.settingsStore.read(),
    store: {
      load: () => deps.store.read().reminders,
      save: saveSoon,
    },
    onFire(firing) {
      deps.bus.emit('reminders:fired', {
        reminder: firing.reminder,
        wasLate: firing.wasLate,
        firedAtUtc: new Date(firing.firedAtMs).toISOString(),
      });
      for (const listener of [...fireListeners]) {
        try {
          listener(firing);
        } catch (error) {
          deps.logger.error('reminders.fire_listener_threw', { error });
        }
      }
    },
  });

  const nowUtc = () => new Date(deps.clock.now()).toISOString();
  const epoch = randomUUID();
  function list(): ReminderList {
    return {
      nowUtc: nowUtc(),
      epoch,
      version: scheduler.version(),
      reminders: scheduler.list().filter((reminder: Reminder) => isOpen(reminder)),
    };
  }
  // What changed, not the whole list: an import that arms hundreds of reminders sends them once.
  scheduler.subscribe((change) =>
    deps.bus.emit(
      'reminders:changed',
      changeOf(change.changed, { epoch, version: change.version, nowUtc: nowUtc() }),
    ),
  );

  const settle = <T>(result: Result<T>) => Promise.resolve(result);
  return {
    scheduler,
    list,
    flush,
    saved: () => fileSaver.idle(),
    onFire(listener) {
      fireListeners.add(listener);
      return () => fireListeners.delete(listener);
    },
    handlers: {
      'reminders:list': () => settle(ok(list())),
      'reminders:snooze': ({ id, ms }) => settle(scheduler.snooze(id, ms)),
      'reminders:dismiss': ({ id }) => settle(scheduler.dismiss(id)),
      'reminders:getSettings': () => settle(ok(deps.settingsStore.read())),
      'reminders:updateSettings': ({ quietHours, ...rest }) => {
        const next = deps.settingsStore.update((current) => {
          const merged: ReminderSettings = { ...current, ...rest };
          if (quietHours === null) delete merged.quietHours;
          else if (quietHours !== undefined) merged.quietHours = quietHours;
          return merged;
        });
        scheduler.updateSettings(next);
        return settle(ok(next));
      },
    },
  };
}
