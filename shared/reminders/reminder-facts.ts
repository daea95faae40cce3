// Plain questions asked of a reminder: when it is due, when its subject
// happens, whether it is still open, and the key of its subject. Zod-free, so
// the notification centre can ask them without loading the reminder schema.
import type { Reminder, ReminderKind, ReminderSubject } from './reminder.ts';

export function toUtcIso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function dueAtMs(reminder: Reminder): number {
  return Date.parse(reminder.dueAtUtc);
}

export function eventAtMs(reminder: Reminder): number {
  return Date.parse(reminder.eventAtUtc);
}

/** A message counts as "due now" from half a minute before its time until a minute after; then it is overdue. */
export const DUE_NOW_BEFORE_MS = 30_000;
export const DUE_NOW_AFTER_MS = 60_000;

/** Where the message a reminder asks for stands at `nowMs`: still ahead, due now, or overdue. */
export type MessagePhase = 'ahead' | 'due_now' | 'overdue';

export function messagePhase(reminder: Reminder, nowMs: number): MessagePhase {
  const atMs = eventAtMs(reminder);
  if (nowMs < atMs - DUE_NOW_BEFORE_MS) return 'ahead';
  return nowMs < atMs + DUE_NOW_AFTER_MS ? 'due_now' : 'overdue';
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

/**
 * How far along a subject's alerts a kind is. When several alerts of one
 * subject are due together (after a sleep), only the most advanced fires.
 */
export function kindRank(kind: ReminderKind): number {
  if (kind === 'incident_heads_up') return 0;
  if (kind === 'incident_overdue') return 2;
  if (kind === 'incident_escalated') return 3;
  return 1;
}
