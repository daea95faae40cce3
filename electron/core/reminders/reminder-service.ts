// Wires the reminder scheduler into core: its file store, its settings
// store, the events the UI and the shell listen to, and the API handlers.
import { randomUUID } from 'node:crypto';
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
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';
import { createReminderFileWriter, type ReminderFiles } from './reminder-files.ts';
import {
  createReminderScheduler,
  type ReminderFiring,
  type ReminderScheduler,
} from './reminder-scheduler.ts';

export const reminderSettingsStoreDefinition: StoreDefinition<typeof reminderSettingsSchema> = {
  name: 'reminder-settings',
  schema: reminderSettingsSchema,
  defaults: () => ({ ...defaultReminderSettings }),
};

/** During a burst of firings, the reminders' files are written at most this often. */
export const SAVE_INTERVAL_MS = 100;

export interface ReminderServiceDeps {
  clock: Clock;
  logger: Logger;
  bus: EventBus;
  /** One file per reminder (reminder-files.ts `openReminderFiles`). */
  files: ReminderFiles;
  settingsStore: VersionedStore<ReminderSettings>;
  /** Extra listeners for a firing (the shell's native notification and tray). */
  onFire?: (firing: ReminderFiring) => void;
}

export interface ReminderService {
  scheduler: ReminderScheduler;
  list(): ReminderList;
  /** Writes any coalesced save now, synchronously (on stop and quit). */
  flush(): void;
  /** Settles when every save so far is in place on disk (tests and benchmarks). */
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

  // A save writes only the reminders that changed, one small file each (reminder-files.ts), and the files go
  // into place in the thread pool, so the main thread is free when the next reminder is due. Saves are still
  // coalesced: written just after the alerts of that moment are shown, and at most once per SAVE_INTERVAL_MS
  // during a burst, so a reminder that fires and is closed at once is written once. The cost: a crash
  // before a save lands can show an alert again on the next start (marked late), which beats a late alert.
  // stop() and quitting write what is pending at once.
  const writer = createReminderFileWriter(deps.files);
  let pendingSave: readonly Reminder[] | null = null;
  let saveTimer: NodeJS.Timeout | null = null;
  let lastSaveAtMs = 0;
  const writePending = () => {
    if (pendingSave === null) return;
    const all = pendingSave;
    pendingSave = null;
    lastSaveAtMs = performance.now();
    try {
      writer.save(all);
    } catch (error) {
      deps.logger.error('reminders.save_failed', { error });
    }
  };
  const flush = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    // Written, not fsynced: the files are in the file system, and a rename still under way is rolled forward by
    // the next start. An fsync of every reminder written this session held a quit for seconds with a large calendar.
    writePending();
  };
  const saveSoon = (all: readonly Reminder[]) => {
    pendingSave = all;
    if (saveTimer) return;
    // A real timer, not the injected clock: this is about the disk, not about reminder time.
    saveTimer = setTimeout(
      () => {
        saveTimer = null;
        writePending();
      },
      Math.max(0, lastSaveAtMs + SAVE_INTERVAL_MS - performance.now()),
    );
  };

  const scheduler = createReminderScheduler({
    clock: deps.clock,
    logger: deps.logger,
    settings: deps.settingsStore.read(),
    store: {
      load: () => writer.load(),
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
    saved: () => Promise.all([deps.files.synced(), deps.files.placed()]).then(() => undefined),
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
