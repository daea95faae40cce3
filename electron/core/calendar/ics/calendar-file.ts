// One maintenance event as the calendar file that goes with its announcement
// in Slack: readers open it and the work is in their calendar. The event's
// UID stays the same in every version; SEQUENCE is the event's own, so a
// calendar that imported an earlier version takes a reschedule as an update
// of the same entry, and a cancellation goes out as METHOD:CANCEL with
// STATUS:CANCELLED (RFC 5546 §3.2.5), which removes it there. No alarms: the
// lead's comms reminders are the lead's, not the readers'.
import type { MaintenanceEvent } from '../../../../shared/calendar/maintenance-event.ts';
import type { CalendarMethod, OutboxFile } from '../../../../shared/outbox/outbox-file.ts';
import { formatInstant, formatTimeOfDay } from '../../../../shared/time/format.ts';
import { wallTimeInZone } from '../../../../shared/time/zoned.ts';
import { exportIcs, icsFileName } from './ics-export.ts';

/** The event's UID as calendars know it: a series' occurrence keeps the series' UID (with its RECURRENCE-ID). */
export const calendarUidOf = (event: MaintenanceEvent) =>
  event.seriesUid && event.recurrenceId ? event.seriesUid : event.uid;

export const methodFor = (event: Pick<MaintenanceEvent, 'status'>): CalendarMethod =>
  event.status === 'cancelled' ? 'CANCEL' : 'PUBLISH';

const MAX_TITLE_PART = 120;

/** "Thu 23 Apr 2026, 12:00–17:00 BST", or both ends in full when the work runs past midnight. */
export function windowText(event: Pick<MaintenanceEvent, 'startsAtUtc' | 'endsAtUtc' | 'timeZone'>): string {
  const startMs = Date.parse(event.startsAtUtc);
  const endMs = Date.parse(event.endsAtUtc);
  const start = wallTimeInZone(startMs, event.timeZone);
  const end = wallTimeInZone(endMs, event.timeZone);
  const isSameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  if (!isSameDay)
    return `${formatInstant(startMs, event.timeZone)} to ${formatInstant(endMs, event.timeZone)}`;
  const from = formatInstant(startMs, event.timeZone, { withZone: false });
  return `${from}–${formatTimeOfDay(endMs, event.timeZone)} ${end.zoneAbbreviation}`;
}

/**
 * What Slack shows for the file. Each version in a thread has its own title (the revision is the event's
 * SEQUENCE), so finding this title in the thread proves this very version was uploaded.
 */
export function calendarFileTitle(event: MaintenanceEvent): string {
  const name =
    event.title.length > MAX_TITLE_PART ? `${event.title.slice(0, MAX_TITLE_PART - 1)}…` : event.title;
  const revision = event.sequence > 0 ? ` (revision ${event.sequence})` : '';
  return methodFor(event) === 'CANCEL'
    ? `Cancelled, remove from your calendar: ${name}${revision}`
    : `Add to calendar: ${name}, ${windowText(event)}${revision}`;
}

/** The words posted with the file. */
export function calendarFileComment(event: MaintenanceEvent, isUpdate: boolean): string {
  if (methodFor(event) === 'CANCEL')
    return `📅 ${event.title} is cancelled. Open this file to take it out of your calendar.`;
  return isUpdate
    ? `📅 ${event.title} has moved to ${windowText(event)}. Open this file to update your calendar.`
    : `📅 Add ${event.title} (${windowText(event)}) to your calendar: open this file.`;
}

/** The single-event file for Slack; `stampUtc` (DTSTAMP) is when it was made. */
export function calendarFileFor(event: MaintenanceEvent, stampUtc: string): OutboxFile {
  const method = methodFor(event);
  return {
    name: icsFileName(event.title),
    title: calendarFileTitle(event),
    content: exportIcs([event], stampUtc, event.title, { method }),
    calendar: {
      uid: calendarUidOf(event),
      sequence: event.sequence,
      method,
      startsAtUtc: event.startsAtUtc,
      endsAtUtc: event.endsAtUtc,
    },
  };
}
