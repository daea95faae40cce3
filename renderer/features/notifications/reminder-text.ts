// How the notification centre words a reminder, and which message the
// composer should open for it. The desktop notification and tray say the
// same in main (electron/core/notifications/); keep the two in step.
import type { ComposeIntent } from '../../../shared/api/channels/app.ts';
import type { AttentionItem, Urgency } from '../../../shared/reminders/attention.ts';
import type { MaintenanceStage, Reminder, ReminderSubject } from '../../../shared/reminders/reminder.ts';
import { eventAtMs } from '../../../shared/reminders/reminder-facts.ts';
import { formatInstant, formatRelative, formatTimeOfDay, wallTimeInZone } from '../../../shared/time/index.ts';

const PLAN_STAGE_BY_MAINTENANCE_STAGE: Record<MaintenanceStage, string> = {
  announcement: 'announcement',
  reminder: 'reminder',
  start: 'starting',
  complete: 'complete',
};

const MAINTENANCE_MESSAGE: Record<MaintenanceStage, string> = {
  announcement: 'Maintenance announcement',
  reminder: 'Maintenance reminder',
  start: 'Maintenance "starting now" message',
  complete: 'Maintenance "complete" message',
};

export const URGENCY_HEADINGS: Record<Urgency, string> = { overdue: 'Overdue', due: 'Due now', due_soon: 'Due soon', upcoming: 'Coming up' };

export function composeIntentFor(subject: ReminderSubject, isHolding = false): ComposeIntent {
  switch (subject.type) {
    case 'incident':
      return { kind: 'incident_update', incidentId: subject.incidentId, isHolding };
    case 'maintenance':
      return { kind: 'maintenance_comm', eventId: subject.eventId, stage: PLAN_STAGE_BY_MAINTENANCE_STAGE[subject.stage] };
    case 'duty':
      return { kind: 'duty', dutyId: subject.dutyId };
  }
}

export function messageKind(reminder: Reminder): string {
  const { subject } = reminder;
  if (subject.type === 'incident') return 'Incident update';
  if (subject.type === 'maintenance') return MAINTENANCE_MESSAGE[subject.stage];
  return 'Plan duty';
}

/** "10:30 BST" today, "Tue 21 Apr, 10:30 BST" on another day. */
export function describeInstant(epochMs: number, nowMs: number, zone: string): string {
  const then = wallTimeInZone(epochMs, zone);
  const now = wallTimeInZone(nowMs, zone);
  const isSameDay = then.year === now.year && then.month === now.month && then.day === now.day;
  return isSameDay ? `${formatTimeOfDay(epochMs, zone)} ${then.zoneAbbreviation}` : formatInstant(epochMs, zone, { withYear: false });
}

/** "Incident update due in 5 min (10:30 BST)"; "… due 10 min ago …" once it has passed. */
export function describeTiming(item: AttentionItem, nowMs: number, zone: string): string {
  const atMs = eventAtMs(item.reminder);
  const relative = formatRelative(atMs, nowMs);
  const due = relative === 'now' ? 'due now' : `due ${relative}`;
  return `${messageKind(item.reminder)} ${due} (${describeInstant(atMs, nowMs, zone)})`;
}

/** Wording for an alert that just fired, for the in-page toast. */
export function alertHeadline(reminder: Reminder): string {
  switch (reminder.kind) {
    case 'incident_heads_up':
      return 'Update due soon';
    case 'incident_due':
      return 'Update due now';
    case 'incident_overdue':
      return 'Update overdue';
    default:
      return `${messageKind(reminder)} due`;
  }
}

export function describeSnooze(snoozeMs: number): string {
  const minutes = Math.max(1, Math.round(snoozeMs / 60_000));
  if (minutes < 60) return `Snooze ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `Snooze ${hours} h` : `Snooze ${hours} h ${minutes % 60} min`;
}
