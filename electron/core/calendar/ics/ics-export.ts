// Maintenance events as an iCalendar file (RFC 5545) for Outlook and Google
// Calendar: a stable UID per event, SEQUENCE bumped on every change, times in
// the event's own zone with a VTIMEZONE for it, and a readable description.
// Herald's own fields ride along as X-HERALD-* properties so that a file
// Herald wrote imports back exactly.
import ICAL from 'ical.js';
import { statusLabels, type MaintenanceEvent } from '../../../../shared/calendar/maintenance-event.ts';
import type { LeadTimes } from '../../../../shared/calendar/comms-schedule.ts';
import { formatInstant } from '../../../../shared/time/format.ts';
import { commsAlarmLines } from './ics-alarms.ts';
import { icsDateTime, icsUtcStamp, writeIcs } from './ics-text.ts';
import { vtimezone, zoneOffsets, type ZoneOffsets } from './ics-timezone.ts';

export const PRODUCT_ID = '-//Operations Engineering//Herald//EN';

/** Herald's extension properties (RFC 5545 §3.8.8.2). */
export const X = {
  status: 'x-herald-status',
  workKind: 'x-herald-work-kind',
  what: 'x-herald-what',
  why: 'x-herald-why',
  impact: 'x-herald-impact',
  userActions: 'x-herald-user-actions',
  deadline: 'x-herald-deadline',
  channels: 'x-herald-channels',
  timeZone: 'x-herald-time-zone',
} as const;

const NEEDS_ESCAPE = /[\\;,\n]/;

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped. */
function escapeText(value: string): string {
  // Most values need no escaping: a test is far cheaper than a replace with a callback, over thousands of events.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\;,\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** "20260423T110000Z": an instant as a UTC DATE-TIME, to the second. */
function utcText(utc: string): string {
  // What Herald stores (toISOString) is rearranged as text; anything else goes through Date.
  if (ISO_INSTANT.test(utc))
    return `${utc.slice(0, 4)}${utc.slice(5, 7)}${utc.slice(8, 10)}T${utc.slice(11, 13)}${utc.slice(14, 16)}${utc.slice(17, 19)}Z`;
  return icsUtcStamp(Date.parse(utc));
}

/**
 * A date-time property in the event's zone (DTSTART;TZID=Europe/London:…).
 * An instant in the repeated hour when clocks go back cannot be written
 * unambiguously as wall time, so it is written in UTC instead. Wall times
 * come from the zone's offset table, which a file of thousands of events
 * reads far faster than it could ask Intl for each instant.
 */
function zonedLine(name: string, utc: string, zone: string, offsets: ZoneOffsets | undefined): string {
  const wall = offsets?.wallAt(Date.parse(utc));
  if (!wall) return `${name}:${utcText(utc)}`;
  return `${name};TZID=${zone}:${icsDateTime(wall)}`;
}

/** Herald's own fields as TEXT extension properties (typed explicitly, as ical.js and clients expect). */
const extensionLine = (name: string, value: string) =>
  `${name.toUpperCase()};VALUE=TEXT:${escapeText(value)}`;

/** What people see in their calendar client's notes. */
export function describeForCalendar(event: MaintenanceEvent): string {
  const lines: string[] = [];
  if (event.what) lines.push(event.what);
  if (event.why) lines.push(`Why: ${event.why}`);
  if (event.services.length > 0) lines.push(`Services: ${event.services.join(', ')}`);
  if (event.impact) lines.push(`Impact: ${event.impact}`);
  if (event.userActions) lines.push(`What you need to do: ${event.userActions}`);
  if (event.userActionDeadlineUtc)
    lines.push(`Do this by: ${formatInstant(Date.parse(event.userActionDeadlineUtc), event.timeZone)}`);
  if (event.changeNotesUrl) lines.push(`Change notes: ${event.changeNotesUrl}`);
  lines.push(`Status: ${statusLabels[event.status]}`);
  return lines.join('\n\n');
}

function icsStatus(event: MaintenanceEvent): string {
  if (event.status === 'cancelled') return 'CANCELLED';
  return event.status === 'planned' ? 'TENTATIVE' : 'CONFIRMED';
}

/**
 * One VEVENT's content lines, unfolded. Written as text rather than through
 * ical.js's object model: a calendar of thousands of events exports in a
 * fraction of the time and memory, and the import (ical.js) and an
 * independent RFC 5545 check read it back in the tests.
 */
export function eventLines(
  event: MaintenanceEvent,
  stampUtc: string,
  offsets = zoneOffsetsFor(event),
  leadTimes?: LeadTimes,
): string[] {
  const lines = [
    'BEGIN:VEVENT',
    // One occurrence of a series goes out under the series' UID with its original start, as RFC 5545 names an instance.
    ...(event.seriesUid && event.recurrenceId
      ? [`UID:${escapeText(event.seriesUid)}`, `RECURRENCE-ID:${utcText(event.recurrenceId)}`]
      : [`UID:${escapeText(event.uid)}`]),
    `DTSTAMP:${utcText(stampUtc)}`,
    `CREATED:${utcText(event.createdAtUtc)}`,
    `LAST-MODIFIED:${utcText(event.updatedAtUtc)}`,
    `SEQUENCE:${event.sequence}`,
    zonedLine('DTSTART', event.startsAtUtc, event.timeZone, offsets),
    zonedLine('DTEND', event.endsAtUtc, event.timeZone, offsets),
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(describeForCalendar(event))}`,
    `STATUS:${icsStatus(event)}`,
    'TRANSP:TRANSPARENT',
  ];
  if (event.changeNotesUrl) lines.push(`URL:${event.changeNotesUrl}`);
  if (event.services.length > 0) lines.push(`CATEGORIES:${event.services.map(escapeText).join(',')}`);
  lines.push(
    extensionLine(X.status, event.status),
    extensionLine(X.workKind, event.workKind),
    extensionLine(X.timeZone, event.timeZone),
  );
  if (event.what) lines.push(extensionLine(X.what, event.what));
  if (event.why) lines.push(extensionLine(X.why, event.why));
  if (event.impact) lines.push(extensionLine(X.impact, event.impact));
  if (event.userActions) lines.push(extensionLine(X.userActions, event.userActions));
  if (event.userActionDeadlineUtc)
    lines.push(`${X.deadline.toUpperCase()};VALUE=DATE-TIME:${utcText(event.userActionDeadlineUtc)}`);
  if (event.channels.length > 0) lines.push(extensionLine(X.channels, event.channels.join(' ')));
  if (leadTimes) lines.push(...commsAlarmLines(event, leadTimes, Date.parse(stampUtc), offsets));
  lines.push('END:VEVENT');
  return lines;
}

/** The offset table for one event's zone over its own years (a one-event export). */
function zoneOffsetsFor(event: MaintenanceEvent): ZoneOffsets | undefined {
  return yearsByZone([event]).has(event.timeZone)
    ? zoneOffsets(event.timeZone, ...yearSpan(event))
    : undefined;
}

function yearSpan(event: MaintenanceEvent): [number, number] {
  return [
    new Date(Date.parse(event.startsAtUtc)).getUTCFullYear() - 1,
    new Date(Date.parse(event.endsAtUtc)).getUTCFullYear() + 1,
  ];
}

/** The years each zone is used in, so every VTIMEZONE covers its events and no more. */
function yearsByZone(events: readonly MaintenanceEvent[]): Map<string, { from: number; to: number }> {
  const years = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    if (event.timeZone === 'UTC') continue;
    const [from, to] = yearSpan(event);
    const known = years.get(event.timeZone);
    years.set(event.timeZone, {
      from: Math.min(from, known?.from ?? from),
      to: Math.max(to, known?.to ?? to),
    });
  }
  return years;
}

/** The iTIP method (RFC 5546) a file carries: the events as they stand, or their cancellation. */
export type IcsMethod = 'PUBLISH' | 'CANCEL';

export interface ExportOptions {
  /** The lead's lead times: each event then carries an alarm for every message still to send. */
  leadTimes?: LeadTimes;
  /** PUBLISH unless said otherwise (a cancellation sent to people who imported the event). */
  method?: IcsMethod;
}

/** An iCalendar file holding `events`; `stampUtc` is the DTSTAMP (when the file was made). */
export function exportIcs(
  events: readonly MaintenanceEvent[],
  stampUtc: string,
  calendarName = 'Herald maintenance',
  options: ExportOptions = {},
): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', PRODUCT_ID);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', options.method ?? 'PUBLISH');
  calendar.addProperty(new ICAL.Property(['x-wr-calname', {}, 'text', calendarName]));
  const offsetsByZone = new Map<string, ZoneOffsets>();
  for (const [zone, span] of yearsByZone(events)) {
    calendar.addSubcomponent(vtimezone(zone, span.from, span.to));
    offsetsByZone.set(zone, zoneOffsets(zone, span.from, span.to));
  }
  // One array of every event's lines, not a generator: over thousands of events, resuming a generator per line
  // cost more than writing the lines.
  const lines: string[] = [];
  for (const event of events)
    for (const line of eventLines(event, stampUtc, offsetsByZone.get(event.timeZone), options.leadTimes))
      lines.push(line);
  return writeIcs(calendar, lines);
}

/** "certificate-manager-upgrade.ics": a file name from the title. */
export function icsFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'maintenance'}.ics`;
}
