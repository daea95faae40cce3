// The scheduler's persistence port, plus an in-memory implementation for
// tests and the harness. The shell backs the port with a file store; whatever
// it loads is treated as untrusted and validated by the scheduler.
import type { Reminder } from '../../../shared/reminders/reminder.ts';

export interface ReminderStore {
  /** Every persisted reminder, as stored (validated by the caller). */
  load(): readonly unknown[];
  /** Replaces the stored set with `all`. May throw; the scheduler logs and carries on in memory. */
  save(all: readonly Reminder[]): void;
}

export interface MemoryReminderStore extends ReminderStore {
  /** How many times save() was called. */
  saveCount(): number;
  /** What a fresh load() would return. */
  snapshot(): Reminder[];
}

/** Keeps copies, so a "restart" (a new scheduler over the same store) sees only what was saved. */
export function createMemoryReminderStore(initial: readonly unknown[] = []): MemoryReminderStore {
  let saved: unknown[] = structuredClone([...initial]);
  let saves = 0;
  return {
    load: () => structuredClone(saved),
    save(all) {
      saves++;
      // The scheduler never mutates a record once made, so a shallow copy is a faithful snapshot (and cheap).
      saved = [...all];
    },
    saveCount: () => saves,
    snapshot: () => structuredClone(saved) as Reminder[],
  };
}
