// The scheduler's in-memory reminders, indexed for the hot path: each record
// is stored with its due instant already parsed and its subject key already
// built, and armed reminders are kept apart, so a check over a thousand
// reminders does no string parsing and skips everything already handled.
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { dueAtMs, subjectKey } from '../../../shared/reminders/reminder-facts.ts';

export interface ReminderEntry {
  readonly reminder: Reminder;
  readonly dueMs: number;
  readonly key: string;
}

export interface ReminderIndex {
  /** Adds or replaces a record (records are never mutated in place). */
  put(reminder: Reminder): Reminder;
  get(id: string): Reminder | undefined;
  delete(id: string): void;
  all(): Reminder[];
  entries(): Iterable<ReminderEntry>;
  armed(): ReminderEntry[];
  withSubjectKey(key: string): Reminder[];
}

export function createReminderIndex(): ReminderIndex {
  const byId = new Map<string, ReminderEntry>();
  const armedById = new Map<string, ReminderEntry>();
  return {
    put(reminder) {
      const entry: ReminderEntry = { reminder, dueMs: dueAtMs(reminder), key: subjectKey(reminder.subject) };
      byId.set(reminder.id, entry);
      if (reminder.state === 'armed') armedById.set(reminder.id, entry);
      else armedById.delete(reminder.id);
      return reminder;
    },
    get: (id) => byId.get(id)?.reminder,
    delete(id) {
      byId.delete(id);
      armedById.delete(id);
    },
    all: () => [...byId.values()].map((entry) => entry.reminder),
    entries: () => byId.values(),
    armed: () => [...armedById.values()],
    withSubjectKey: (key) => [...byId.values()].filter((entry) => entry.key === key).map((entry) => entry.reminder),
  };
}
