// How the open reminders travel to the renderer: the whole list once (with
// the version of the last change it reflects), then each change as a delta
// (the reminders it opened or altered, the ids it closed) with its version.
// A holder that sees a version gap (or a new epoch: core restarted) missed a
// change and reads the list again, so a change costs what it touches, not
// what the store holds.
import { z } from 'zod';
import { isOpen, reminderSchema, type Reminder } from './reminder.ts';

const version = z.number().int().min(0);
/** Names one run of the scheduler: versions count from 0 again after a restart. */
const epoch = z.string().min(1).max(100);

export const reminderListSchema = z.object({
  nowUtc: z.iso.datetime(),
  epoch,
  /** The version of the last change this list reflects. */
  version,
  /** Open reminders (armed or fired), earliest first. */
  reminders: z.array(reminderSchema),
});
export type ReminderList = z.infer<typeof reminderListSchema>;

export const remindersChangedSchema = z.object({
  nowUtc: z.iso.datetime(),
  epoch,
  /** One more than the version of the change before it. */
  version: version.min(1),
  /** Reminders this change created or altered that are open, in their new state. */
  upserted: z.array(reminderSchema),
  /** Reminders this change closed (dismissed, cleared, superseded): no longer open. */
  closedIds: z.array(z.string()),
});
export type RemindersChanged = z.infer<typeof remindersChangedSchema>;

/** The delta for reminders changed together in one version. */
export function changeOf(changed: readonly Reminder[], at: { epoch: string; version: number; nowUtc: string }): RemindersChanged {
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
