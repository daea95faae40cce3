// Writes the reminders file without blocking the main thread. The store's own
// write (conf) serialises, writes, fsyncs and renames synchronously; measured
// on a busy disk that took up to 280 ms, and a reminder due in that time fired
// that late (bench/scheduler-drift.bench.ts, sparse row). Here the file is
// written and synced in the background, in the same envelope the versioned
// store reads on the next start, and swapped in with a rename on the main
// thread, so a synchronous write made meanwhile (on quit) is never
// overwritten by an older background one.
import { renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { stampedEnvelope } from '../storage/versioned-store.ts';

export interface ReminderFileSaver {
  /** Starts writing `all`; a save asked for while one runs waits for it and writes the latest. */
  save(all: readonly Reminder[]): void;
  /** Call after writing the file synchronously: a background write still running will not replace it. */
  supersede(): void;
  /** True while a background write is running or waiting. */
  isBusy(): boolean;
  /** Settles when no background write is running (for tests and benchmarks). */
  idle(): Promise<void>;
}

export interface FileSaverDeps {
  path: string;
  schemaVersion: number;
  onError: (error: unknown) => void;
}

export function createReminderFileSaver(deps: FileSaverDeps): ReminderFileSaver {
  let generation = 0;
  let running: Promise<void> | null = null;
  let queued: readonly Reminder[] | null = null;
  let tempCount = 0;

  async function write(all: readonly Reminder[], startedIn: number): Promise<void> {
    const text = JSON.stringify(stampedEnvelope({ reminders: all }, deps.schemaVersion), undefined, '\t');
    const tempPath = `${deps.path}.${process.pid}.${++tempCount}.tmp`;
    const handle = await open(tempPath, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (startedIn === generation) renameSync(tempPath, deps.path);
    else rmSync(tempPath, { force: true });
  }

  function run(all: readonly Reminder[]): void {
    running = write(all, generation)
      .catch((error: unknown) => deps.onError(error))
      .finally(() => {
        running = null;
        const next = queued;
        queued = null;
        if (next) run(next);
      });
  }

  return {
    save(all) {
      if (running) queued = all;
      else run(all);
    },
    supersede() {
      generation++;
      queued = null;
    },
    isBusy: () => running !== null,
    async idle() {
      while (running) await running;
    },
  };
}
