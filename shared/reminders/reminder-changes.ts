// How the open reminders travel to the renderer: the whole list once (with
// the version of the last change it reflects), then each change as a delta
// (the reminders it opened or altered, the ids it closed) with its version.
// A holder that sees a version gap (or a new epoch: core restarted) missed a
// change and reads the list again, so a change costs what it touches, not
// what the store holds.
import type { Reminder } from './reminder.ts';
import { isOpen } from './reminder-facts.ts';

// Plain types, so the renderer applies changes without loading zod; the wire
// schemas that main checks them against are in shared/api/channels/reminders.ts.

export interface ReminderList {
  nowUtc: string;
  /** Names one run of the scheduler: versions count from 0 again after a restart. */
  epoch: string;
  /** The version of the last change this list reflects. */
  version: number;
  /** Open reminders (armed or fired), earliest first. */
  reminders: Reminder[];
}

export interface RemindersChanged {
  nowUtc: string;
  epoch: string;
  /** One more than the version of the change before it. */
  version: number;
  /** Reminders this change created or altered that are open, in their new state. */
  upserted: Reminder[];
  /** Reminders this change closed (dismissed, cleared, superseded): no longer open. */
  closedIds: string[];
}

/** The delta for reminders changed together in one version. */
export function changeOf(
  changed: readonly Reminder[],
  at: { epoch: string; version: number; nowUtc: string },
): RemindersChanged {
  return {
    ...at,
    upserted: changed.filter(isOpen),
    closedIds: changed.filter((reminder) => !isOpen(reminder)).map((reminder) => reminder.id),
  };
}

export interface OpenReminders {
  epoch: string;
  version: number;
  /** Earliest due first. */
  reminders: Reminder[];
}

/**
 * The open reminders after `change`: unchanged if the list already reflects
 * it, null if a change between them was missed (read the list again).
 */
export function applyReminderChange(current: OpenReminders, change: RemindersChanged): OpenReminders | null {
  if (change.epoch !== current.epoch) return null;
  if (change.version <= current.version) return current;
  if (change.version !== current.version + 1) return null;
  const gone = new Set([...change.closedIds, ...change.upserted.map((reminder) => reminder.id)]);
  const reminders = [...current.reminders.filter((reminder) => !gone.has(reminder.id)), ...change.upserted];
  reminders.sort((a, b) => a.dueAtUtc.localeCompare(b.dueAtUtc));
  return { epoch: current.epoch, version: change.version, reminders };
}
