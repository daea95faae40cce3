// How a reminder is put into words for a notification or a tray item: what
// it is about, and when, in the user's time zone. One place, so the
// notification and the tray say the same thing.
import type { MaintenanceStage, Reminder } from '../../../shared/reminders/reminder.ts';
import { formatInstant, formatTimeOfDay, wallTimeInZone } from '../../../shared/time/index.ts';

const MAX_TITLE_LENGTH = 60;

const MAINTENANCE_MESSAGE: Record<MaintenanceStage, string> = {
  announcement: 'Maintenance announcement',
  reminder: 'Maintenance reminder',
  start: 'Maintenance "starting now" message',
  complete: 'Maintenance "complete" message',
};

/** "09:30 BST" on the same local day as `nowMs`, "Fri 24 Apr, 09:30 BST" on another. */
export function describeInstant(epochMs: number, nowMs: number, zone: string): string {
  const then = wallTimeInZone(epochMs, zone);
  const now = wallTimeInZone(nowMs, zone);
  const isSameDay = then.year === now.year && then.month === now.month && then.day === now.day;
  return isSameDay ? `${formatTimeOfDay(epochMs, zone)} ${then.zoneAbbreviation}` : formatInstant(epochMs, zone, { withYear: false });
}

/** Whole minutes between two instants, never negative. */
export function minutesBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.round((toMs - fromMs) / 60_000));
}

/** A title short enough for a menu; '&' spelled out because Windows and Linux menus treat it as a mnemonic. */
export function menuSafeTitle(title: string): string {
  const plain = title.replace(/\s+/g, ' ').replace(/&/g, 'and').trim() || 'Untitled';
  return plain.length > MAX_TITLE_LENGTH ? `${plain.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…` : plain;
}

/** What kind of message the reminder asks for: "Incident update", "Maintenance reminder", "Plan duty". */
export function messageKind(reminder: Reminder): string {
  const { subject } = reminder;
  if (subject.type === 'incident') return 'Incident update';
  if (subject.type === 'maintenance') return MAINTENANCE_MESSAGE[subject.stage];
  return 'Plan duty';
}
