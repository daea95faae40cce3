// What needs the user's attention now: the tray's state, count and menu, and
// the notification centre's sections. One item per subject (an incident, a
// maintenance stage, a duty), so an incident whose heads-up, due and overdue
// alerts have all fired shows once, at its most urgent.
import type { Reminder } from './reminder.ts';
import { dueAtMs, eventAtMs, kindRank, messagePhase, subjectKey } from './reminder-facts.ts';

export type Urgency = 'overdue' | 'due' | 'due_soon' | 'upcoming';
export type TrayIconState = 'idle' | 'due_soon' | 'overdue';

const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, due: 1, due_soon: 2, upcoming: 3 };

export interface AttentionItem {
  subjectKey: string;
  urgency: Urgency;
  /** The reminder to act on (snooze, dismiss, open): a fired one when there is one. */
  reminder: Reminder;
}

export interface AttentionOptions {
  dueSoonWindowMs: number;
  /** Also list armed reminders beyond the due-soon window (the centre's "coming up"). */
  includeUpcoming?: boolean;
}

/**
 * How urgent one reminder is at `nowMs`; null when it needs nothing. Once an
 * alert has fired its urgency follows the clock, not the kind that fired: a
 * "due" alert left alone becomes overdue a minute after the message's time.
 */
export function reminderUrgency(
  reminder: Reminder,
  nowMs: number,
  options: AttentionOptions,
): Urgency | null {
  if (reminder.state === 'dismissed' || reminder.state === 'cleared') return null;
  const isPastDue = reminder.state === 'fired' || dueAtMs(reminder) <= nowMs;
  if (isPastDue) {
    const phase = messagePhase(reminder, nowMs);
    if (phase === 'overdue') return 'overdue';
    return phase === 'ahead' ? 'due_soon' : 'due';
  }
  if (dueAtMs(reminder) - nowMs <= options.dueSoonWindowMs) return 'due_soon';
  return options.includeUpcoming ? 'upcoming' : null;
}

function isBetterRepresentative(candidate: AttentionItem, current: AttentionItem): boolean {
  const byUrgency = URGENCY_ORDER[candidate.urgency] - URGENCY_ORDER[current.urgency];
  if (byUrgency !== 0) return byUrgency < 0;
  const isCandidateFired = candidate.reminder.state === 'fired';
  if (isCandidateFired !== (current.reminder.state === 'fired')) return isCandidateFired;
  // The most advanced alert speaks for its subject: the overdue alert rather than the "due" one it followed.
  const byRank = kindRank(candidate.reminder.kind) - kindRank(current.reminder.kind);
  if (byRank !== 0) return byRank > 0;
  return dueAtMs(candidate.reminder) < dueAtMs(current.reminder);
}

/** Orders items most urgent first, then by when their subject happens (earliest first). */
export function compareAttentionItems(a: AttentionItem, b: AttentionItem): number {
  return (
    URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
    eventAtMs(a.reminder) - eventAtMs(b.reminder) ||
    dueAtMs(a.reminder) - dueAtMs(b.reminder) ||
    a.subjectKey.localeCompare(b.subjectKey)
  );
}

export function attentionItems(
  reminders: readonly Reminder[],
  nowMs: number,
  options: AttentionOptions,
): AttentionItem[] {
  const bySubject = new Map<string, AttentionItem>();
  for (const reminder of reminders) {
    const urgency = reminderUrgency(reminder, nowMs, options);
    if (!urgency) continue;
    const item: AttentionItem = { subjectKey: subjectKey(reminder.subject), urgency, reminder };
    const current = bySubject.get(item.subjectKey);
    if (!current || isBetterRepresentative(item, current)) bySubject.set(item.subjectKey, item);
  }
  return [...bySubject.values()].sort(compareAttentionItems);
}

export interface TrayState {
  /** Due now counts as overdue for the icon: both mean "act now". */
  state: TrayIconState;
  count: number;
  items: AttentionItem[];
}

export function trayState(
  reminders: readonly Reminder[],
  nowMs: number,
  options: { dueSoonWindowMs: number },
): TrayState {
  const items = attentionItems(reminders, nowMs, { dueSoonWindowMs: options.dueSoonWindowMs });
  const isActNow = items.some((item) => item.urgency === 'overdue' || item.urgency === 'due');
  return { state: isActNow ? 'overdue' : items.length > 0 ? 'due_soon' : 'idle', count: items.length, items };
}

export interface NotificationCentreSections {
  overdue: AttentionItem[];
  due: AttentionItem[];
  dueSoon: AttentionItem[];
  upcoming: AttentionItem[];
}

/** The notification centre's sections, each sorted; `upcomingLimit` caps the "coming up" list. */
export function notificationCentreSections(
  reminders: readonly Reminder[],
  nowMs: number,
  options: { dueSoonWindowMs: number; upcomingLimit?: number },
): NotificationCentreSections {
  const sections: NotificationCentreSections = { overdue: [], due: [], dueSoon: [], upcoming: [] };
  for (const item of attentionItems(reminders, nowMs, {
    dueSoonWindowMs: options.dueSoonWindowMs,
    includeUpcoming: true,
  })) {
    const section = item.urgency === 'due_soon' ? 'dueSoon' : item.urgency;
    sections[section].push(item);
  }
  if (options.upcomingLimit !== undefined)
    sections.upcoming = sections.upcoming.slice(0, options.upcomingLimit);
  return sections;
}
