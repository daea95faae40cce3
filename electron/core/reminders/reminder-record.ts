// Building and changing reminder records. Records are replaced, never
// mutated, so a list handed out earlier never changes under its holder.
import {
  incidentReminderKinds,
  type ClosedReason,
  type Reminder,
  type ReminderKind,
  type ReminderSubject,
} from '../../../shared/reminders/reminder.ts';
import { toUtcIso } from '../../../shared/reminders/reminder-facts.ts';

export interface NewReminder {
  id: string;
  kind: ReminderKind;
  subject: ReminderSubject;
  title: string;
  dueAtMs: number;
  /** Defaults to the due instant. */
  eventAtMs?: number;
  repeatEveryMs?: number | null;
  nowMs: number;
}

export function createReminderRecord(fields: NewReminder): Reminder {
  return {
    id: fields.id,
    kind: fields.kind,
    subject: fields.subject,
    title: fields.title,
    isIncidentPromise: incidentReminderKinds.has(fields.kind),
    dueAtUtc: toUtcIso(fields.dueAtMs),
    eventAtUtc: toUtcIso(fields.eventAtMs ?? fields.dueAtMs),
    repeatEveryMs: fields.repeatEveryMs ?? null,
    state: 'armed',
    createdAtUtc: toUtcIso(fields.nowMs),
    firedAtUtc: null,
    wasLate: false,
    snoozeCount: 0,
    closedAtUtc: null,
    closedReason: null,
  };
}

export function markFired(reminder: Reminder, firedAtMs: number, wasLate: boolean): Reminder {
  return { ...reminder, state: 'fired', firedAtUtc: toUtcIso(firedAtMs), wasLate };
}

export function closeReminder(reminder: Reminder, reason: ClosedReason, nowMs: number): Reminder {
  return {
    ...reminder,
    state: reason === 'dismissed' ? 'dismissed' : 'cleared',
    closedAtUtc: toUtcIso(nowMs),
    closedReason: reason,
  };
}

export function rearmAt(reminder: Reminder, dueAtMs: number, isSnooze: boolean): Reminder {
  return {
    ...reminder,
    state: 'armed',
    dueAtUtc: toUtcIso(dueAtMs),
    wasLate: false,
    snoozeCount: reminder.snoozeCount + (isSnooze ? 1 : 0),
  };
}
