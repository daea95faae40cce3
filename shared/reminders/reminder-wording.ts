// How a reminder is put into words, in the user's time zone: what message it
// asks for and when that message is due. One place for main (the desktop
// notification, the tray) and the renderer (the notification centre), so they
// say the same thing, and the same instant as the calendar's comms schedule.
import {
  formatInstant,
  formatLateness,
  formatRelative,
  formatTimeOfDay,
  wallTimeInZone,
} from '../time/index.ts';
import type { MaintenanceStage, Reminder } from './reminder.ts';
import { dueAtMs, eventAtMs, messagePhase } from './reminder-facts.ts';

const MAINTENANCE_MESSAGE: Record<MaintenanceStage, string> = {
  announcement: 'Maintenance announcement',
  reminder: 'Maintenance reminder',
  start: 'Maintenance "starting now" message',
  complete: 'Maintenance "complete" message',
};

/** What kind of message the reminder asks for: "Incident update", "Maintenance reminder", "Plan duty". */
export function messageKind(reminder: Reminder): string {
  const { subject } = reminder;
  if (subject.type === 'incident') return 'Incident update';
  if (subject.type === 'maintenance') return MAINTENANCE_MESSAGE[subject.stage];
  return 'Plan duty';
}

/**
 * When the message the reminder asks for is due: the promised update time, the
 * calendar's due time for a maintenance message, the duty's. Not the reminder's
 * own firing instant, which a heads-up puts earlier and a snooze moves later.
 */
export function messageDueAtMs(reminder: Reminder): number {
  return eventAtMs(reminder);
}

/** "09:30 BST" on the same local day as `nowMs`, "Fri 24 Apr, 09:30 BST" on another. */
export function describeInstant(epochMs: number, nowMs: number, zone: string): string {
  const then = wallTimeInZone(epochMs, zone);
  const now = wallTimeInZone(nowMs, zone);
  const isSameDay = then.year === now.year && then.month === now.month && then.day === now.day;
  return isSameDay
    ? `${formatTimeOfDay(epochMs, zone)} ${then.zoneAbbreviation}`
    : formatInstant(epochMs, zone, { withYear: false });
}

/**
 * "Incident update due in 5 min (10:30 BST)", "… due now (10:30 BST)", and once
 * the message's time has passed "… overdue since 10:30 BST (15 minutes late)".
 * A snoozed alert adds "· snoozed until 10:45". Worded from `nowMs` every time,
 * so a line on screen moves from due to overdue as the clock does.
 */
export function describeMessageDue(reminder: Reminder, nowMs: number, zone: string): string {
  const atMs = messageDueAtMs(reminder);
  const when = describeInstant(atMs, nowMs, zone);
  const phase = messagePhase(reminder, nowMs);
  const kind = messageKind(reminder);
  const isSnoozed = reminder.state === 'armed' && phase !== 'ahead' && dueAtMs(reminder) > nowMs;
  const snoozed = isSnoozed ? ` · snoozed until ${formatTimeOfDay(dueAtMs(reminder), zone)}` : '';
  if (phase === 'due_now') return `${kind} due now (${when})${snoozed}`;
  if (phase === 'ahead') return `${kind} due ${formatRelative(atMs, nowMs)} (${when})`;
  return `${kind} overdue since ${when} (${formatLateness(nowMs - atMs)})${snoozed}`;
}

/**
 * The headline of an alert at `nowMs`: "Update due in 5 min", "Update due now",
 * "Update overdue", "Maintenance announcement due now", "Plan duty overdue".
 * One wording for the desktop notification, the page's toast and its Web
 * Notification; it follows the clock, not the kind of alert that fired.
 */
export function alertHeadline(reminder: Reminder, nowMs: number): string {
  // Every lead's Herald raises it, the owner's too: it asks whether someone should take over.
  if (reminder.kind === 'incident_escalated') return 'Overdue past grace: take over comms?';
  const isIncident = reminder.subject.type === 'incident';
  const what = isIncident ? 'Update' : messageKind(reminder);
  const phase = messagePhase(reminder, nowMs);
  if (phase === 'overdue') return `${what} overdue`;
  if (phase === 'due_now') return `${what} due now`;
  const minutes = Math.max(1, Math.round((messageDueAtMs(reminder) - nowMs) / 60_000));
  return `${what} due in ${minutes} min`;
}

/** "15 minutes late" once the message is overdue at `nowMs`; null before. */
export function latenessOf(reminder: Reminder, nowMs: number): string | null {
  return messagePhase(reminder, nowMs) === 'overdue'
    ? formatLateness(nowMs - messageDueAtMs(reminder))
    : null;
}
