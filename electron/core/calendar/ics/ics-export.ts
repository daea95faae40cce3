// Maintenance events as an iCalendar file (RFC 5545) for Outlook and Google
// Calendar: a stable UID per event, SEQUENCE bumped on every change, times in
// the event's own zone with a VTIMEZONE for it, and a readable description.
// Herald's own fields ride along as X-HERALD-* properties so that a file
// Herald wrote imports back exactly.
import ICAL from 'ical.js';
import { statusLabels, type MaintenanceEvent } from '../../../../shared/calendar/maintenance-event.ts';
import { formatInstant } from '../../../../shared/time/format.ts';
import { instantFromWallTime, wallTimeInZone } from '../../../../shared/time/zoned.ts';
import { writeIcs } from './ics-text.ts';
import { vtimezone } from './ics-timezone.ts';

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

function utcTime(utc: string): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(Date.parse(utc)), true);
}

/**
 * A date-time property in the event's zone (DTSTART;TZID=Europe/London:…).
 * An instant in the repeated hour when clocks go back cannot be written
 * unambiguously as wall time, so it is written in UTC instead.
 */
function zonedProperty(name: string, utc: string, zone: string): ICAL.Property {
  const epochMs = Date.parse(utc);
  const wall = wallTimeInZone(epochMs, zone);
  const property = new ICAL.Property(name);
  if (zone === 'UTC' || instantFromWallTime(wall, zone) !== epochMs) {
    property.setValue(utcTime(utc));
    return property;
  }
  property.setParameter('tzid', zone);
  property.setValue(ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, isDate: false }));
  return property;
}

function textProperty(name: string, value: string): ICAL.Property {
  // Extension properties default to an unknown type that ical.js writes unescaped; TEXT escapes newlines, commas and semicolons.
  return new ICAL.Property([name, {}, 'text', value]);
}

/** What people see in their calendar client's notes. */
export function describeForCalendar(event: MaintenanceEvent): string {
  const lines: string[] = [];
  if (event.what) lines.push(event.what);
  if (event.why) lines.push(`Why: ${event.why}`);
  if (event.services.length > 0) lines.push(`Services: ${event.services.join(', ')}`);
  if (event.impact) lines.push(`Impact: ${event.impact}`);
  if (event.userActions) lines.push(`What you need to do: ${event.userActions}`);
  if (event.userActionDeadlineUtc) lines.push(`Do this by: ${formatInstant(Date.parse(event.userActionDeadlineUtc), event.timeZone)}`);
  if (event.changeNotesUrl) lines.push(`Change notes: ${event.changeNotesUrl}`);
  lines.push(`Status: ${statusLabels[event.status]}`);
  return lines.join('\n\n');
}

function icsStatus(event: MaintenanceEvent): string {
  if (event.status === 'cancelled') return 'CANCELLED';
  return event.status === 'planned' ? 'TENTATIVE' : 'CONFIRMED';
}

export function eventComponent(event: MaintenanceEvent, stampUtc: string): ICAL.Component {
  const component = new ICAL.Component('vevent');
  component.addPropertyWithValue('uid', event.uid);
  component.addPropertyWithValue('dtstamp', utcTime(stampUtc));
  component.addPropertyWithValue('created', utcTime(event.createdAtUtc));
  component.addPropertyWithValue('last-modified', utcTime(event.updatedAtUtc));
  component.addPropertyWithValue('sequence', event.sequence);
  component.addProperty(zonedProperty('dtstart', event.startsAtUtc, event.timeZone));
  component.addProperty(zonedProperty('dtend', event.endsAtUtc, event.timeZone));
  component.addPropertyWithValue('summary', event.title);
  component.addPropertyWithValue('description', describeForCalendar(event));
  component.addPropertyWithValue('status', icsStatus(event));
  component.addPropertyWithValue('transp', 'TRANSPARENT');
  if (event.changeNotesUrl) component.addPropertyWithValue('url', event.changeNotesUrl);
  if (event.services.length > 0) {
    const categories = new ICAL.Property('categories');
    categories.setValues(event.services);
    component.addProperty(categories);
  }
  component.addProperty(textProperty(X.status, event.status));
  component.addProperty(textProperty(X.workKind, event.workKind));
  component.addProperty(textProperty(X.timeZone, event.timeZone));
  if (event.what) component.addProperty(textProperty(X.what, event.what));
  if (event.why) component.addProperty(textProperty(X.why, event.why));
  if (event.impact) component.addProperty(textProperty(X.impact, event.impact));
  if (event.userActions) component.addProperty(textProperty(X.userActions, event.userActions));
  if (event.userActionDeadlineUtc) {
    const deadline = new ICAL.Property(X.deadline);
    deadline.resetType('date-time');
    deadline.setValue(utcTime(event.userActionDeadlineUtc));
    component.addProperty(deadline);
  }
  if (event.channels.length > 0) component.addProperty(textProperty(X.channels, event.channels.join(' ')));
  return component;
}

/** The years each zone is used in, so every VTIMEZONE covers its events and no more. */
function yearsByZone(events: readonly MaintenanceEvent[]): Map<string, { from: number; to: number }> {
  const years = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    if (event.timeZone === 'UTC') continue;
    const from = new Date(Date.parse(event.startsAtUtc)).getUTCFullYear() - 1;
    const to = new Date(Date.parse(event.endsAtUtc)).getUTCFullYear() + 1;
    const known = years.get(event.timeZone);
    years.set(event.timeZone, { from: Math.min(from, known?.from ?? from), to: Math.max(to, known?.to ?? to) });
  }
  return years;
}

/** An iCalendar file holding `events`; `stampUtc` is the DTSTAMP (when the file was made). */
export function exportIcs(events: readonly MaintenanceEvent[], stampUtc: string, calendarName = 'Herald maintenance'): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', PRODUCT_ID);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addProperty(textProperty('x-wr-calname', calendarName));
  for (const [zone, span] of yearsByZone(events)) calendar.addSubcomponent(vtimezone(zone, span.from, span.to));
  for (const event of events) calendar.addSubcomponent(eventComponent(event, stampUtc));
  return writeIcs(calendar);
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
