// The scheduler's in-memory reminders, indexed for the hot path: each record
// is stored with its due instant already parsed and its subject key already
// built, armed reminders are kept apart, and records are grouped by subject,
// so a check over a thousand reminders does no string parsing, skips
// everything already handled, and a look-up by subject touches only that
// subject's few records.
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
  size(): number;
}

export function createReminderIndex(): ReminderIndex {
  const byId = new Map<string, ReminderEntry>();
  const armedById = new Map<string, ReminderEntry>();
  const bySubject = new Map<string, Map<string, ReminderEntry>>();

  function unlink(entry: ReminderEntry): void {
    const group = bySubject.get(entry.key);
    group?.delete(entry.reminder.id);
    if (group?.size === 0) bySubject.delete(entry.key);
  }

  return {
    put(reminder) {
      const previous = byId.get(reminder.id);
      if (previous) unlink(previous);
      const entry: ReminderEntry = { reminder, dueMs: dueAtMs(reminder), key: subjectKey(reminder.subject) };
      byId.set(reminder.id, entry);
      let group = bySubject.get(entry.key);
      if (!group) bySubject.set(entry.key, (group = new Map<string, ReminderEntry>()));
      group.set(reminder.id, entry);
      if (reminder.state === 'armed') armedById.set(reminder.id, entry);
      else armedById.delete(reminder.id);
      return reminder;
    },
    get: (id) => byId.get(id)?.reminder,
    delete(id) {
      const entry = byId.get(id);
      if (entry) unlink(entry);
      byId.delete(id);
      armedById.delete(id);
    },
    all: () => [...byId.values()].map((entry) => entry.reminder),
    entries: () => byId.values(),
    armed: () => [...armedById.values()],
    withSubjectKey(key) {
      const found: Reminder[] = [];
      for (const entry of bySubject.get(key)?.values() ?? []) found.push(entry.reminder);
      return found;
    },
    size: () => byId.size,
  };
}
