// Plain questions asked of a reminder: when it is due, when its subject
// happens, whether it is still open, and the key of its subject. Zod-free, so
// the notification centre can ask them without loading the reminder schema.
import type { Reminder, ReminderSubject } from './reminder.ts';

export function toUtcIso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function dueAtMs(reminder: Reminder): number {
  return Date.parse(reminder.dueAtUtc);
}

export function eventAtMs(reminder: Reminder): number {
  return Date.parse(reminder.eventAtUtc);
}

/** Armed or fired: still something the scheduler or the user has to deal with. */
export function isOpen(reminder: Reminder): boolean {
  return reminder.state === 'armed' || reminder.state === 'fired';
}

/** A stable key per subject, for grouping (one incident, one maintenance stage, one duty). */
export function subjectKey(subject: ReminderSubject): string {
  switch (subject.type) {
    case 'incident':
      return `incident:${encodeURIComponent(subject.incidentId)}`;
    case 'maintenance':
      return `maintenance:${encodeURIComponent(subject.eventId)}:${subject.stage}`;
    case 'duty':
      return `duty:${encodeURIComponent(subject.dutyId)}`;
  }
}
