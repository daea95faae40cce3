// Reads an iCalendar file into maintenance-event fields. A file that is not
// iCalendar at all is refused with one sentence naming the problem; within a
// good file each event is checked on its own, so one broken event is
// reported (with its number and what is wrong) while the rest still import.
// Files Herald wrote carry X-HERALD-* properties and come back exactly;
// other calendars' events map to the nearest fields.
import ICAL from 'ical.js';
import { MAX_ICS_EVENTS } from '../../../../shared/api/channels/calendar.ts';
import { fail, ok, type Result } from '../../../../shared/api/result.ts';
import { describeIssues } from '../../../../shared/api/result-schema.ts';
import type { ImportProblem } from '../../../../shared/calendar/calendar-views.ts';
import {
  importedFieldsSchema,
  isKnownTimeZone,
  workKindSchema,
  type EventFields,
} from '../../../../shared/calendar/maintenance-event.ts';
import { formatInstant } from '../../../../shared/time/format.ts';
import { instantFromWallTime } from '../../../../shared/time/zoned.ts';
import { X } from './ics-export.ts';
import { describeParseFailure, stableUid } from './ics-problems.ts';
import {
  expandSeries,
  isSeriesMaster,
  occurrenceUid,
  seriesWindow,
  type ExpansionWindow,
} from './ics-recurrence.ts';

export interface ParsedIcsEvent {
  /** 1-based position among the file's events. */
  eventNumber: number;
  uid: string;
  sequence: number;
  isCancelled: boolean;
  fields: EventFields;
  warnings: string[];
  /** For one occurrence of a repeating event: the series' UID and the occurrence's original start (UTC). */
  seriesUid: string | null;
  recurrenceId: string | null;
}

export interface ParsedIcs {
  events: ParsedIcsEvent[];
  problems: ImportProblem[];
}

const MS_PER_DAY = 86_400_000;
const TEXT_LIMITS = { title: 200, what: 5_000, why: 5_000, impact: 5_000, userActions: 5_000 } as const;
/** Windows zone names Outlook writes, for the zone label; the instants come from the file's VTIMEZONE. */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
  UTC: 'UTC',
};
/** What an event without a SUMMARY is called until the lead names it. */
export const PLACEHOLDER_TITLE = 'Untitled event';
const TIME_TEXT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z?)?$/;

/** Thrown inside one event's reading; becomes that event's problem. */
class EventProblem extends Error {}

interface ReadTime {
  epochMs: number;
  isDate: boolean;
  /** The IANA zone the time was written in, if any. */
  zone: string | null;
}

interface ReadContext {
  defaultZone: string;
  fileZones: Map<string, ICAL.Timezone>;
}

function ianaZoneFor(tzid: string): string | null {
  if (isKnownTimeZone(tzid) && tzid.includes('/')) return tzid;
  if (tzid === 'UTC') return 'UTC';
  return WINDOWS_ZONES[tzid] ?? null;
}

function readTime(
  component: ICAL.Component,
  name: string,
  label: string,
  context: ReadContext,
): ReadTime | null {
  const property = component.getFirstProperty(name);
  if (!property) return null;
  let value: ICAL.Time;
  try {
    value = property.getFirstValue() as ICAL.Time;
  } catch {
    throw new EventProblem(`its ${label} (${name.toUpperCase()}) is not a date or time Herald can read`);
  }
  const text = value instanceof ICAL.Time ? value.toString() : String(value);
  if (!(value instanceof ICAL.Time) || !TIME_TEXT.test(text)) {
    throw new EventProblem(
      `its ${label} (${name.toUpperCase()}) is not a date or time Herald can read: "${text.slice(0, 40)}"`,
    );
  }
  const tzidParameter = property.getParameter('tzid');
  return instantOf(value, typeof tzidParameter === 'string' ? tzidParameter : null, label, context);
}

/** The instant a date or date-time names, written in the zone `tzid` (or UTC, or floating in the default zone). */
function instantOf(value: ICAL.Time, tzid: string | null, label: string, context: ReadContext): ReadTime {
  const iana = tzid ? ianaZoneFor(tzid) : null;
  const wall = {
    year: value.year,
    month: value.month,
    day: value.day,
    hour: value.hour,
    minute: value.minute,
    second: value.second,
  };
  if (value.isDate) {
    const zone = iana ?? context.defaultZone;
    return {
      epochMs: instantFromWallTime({ ...wall, hour: 0, minute: 0, second: 0 }, zone),
      isDate: true,
      zone,
    };
  }
  if (value.toString().endsWith('Z'))
    return {
      epochMs: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second),
      isDate: false,
      zone: null,
    };
  if (tzid === null)
    return { epochMs: instantFromWallTime(wall, context.defaultZone), isDate: false, zone: null };
  // The platform's zone data is authoritative for IANA names; a file's own VTIMEZONE serves any other name.
  if (iana && isKnownTimeZone(tzid))
    return { epochMs: instantFromWallTime(wall, iana), isDate: false, zone: iana };
  const fileZone = context.fileZones.get(tzid);
  if (fileZone) {
    const zoned = value.clone();
    zoned.zone = fileZone;
    return { epochMs: zoned.toUnixTime() * 1000, isDate: false, zone: iana };
  }
  if (iana) return { epochMs: instantFromWallTime(wall, iana), isDate: false, zone: iana };
  throw new EventProblem(
    `its ${label} uses the time zone "${tzid.slice(0, 60)}", which the file does not define`,
  );
}

function text(component: ICAL.Component, name: string): string | null {
  const value: unknown = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim() : null;
}

function limited(value: string, field: keyof typeof TEXT_LIMITS, warnings: string[]): string {
  const limit = TEXT_LIMITS[field];
  if (value.length <= limit) return value;
  warnings.push(`its ${field === 'title' ? 'title' : 'description'} was cut to ${limit} characters`);
  return value.slice(0, limit).trimEnd();
}

/** An event's own times, or one occurrence's when it belongs to a series. */
interface EventTimes {
  start: ReadTime;
  endMs: number;
}

/** DTSTART and its end: DTEND, else DURATION, else (RFC 5545 §3.6.1) one day for a date and no length for a date-time. */
function readTimes(component: ICAL.Component, context: ReadContext, warnings: string[]): EventTimes {
  const start = readTime(component, 'dtstart', 'start', context);
  if (!start) throw new EventProblem('it has no start time (DTSTART)');
  const end = readTime(component, 'dtend', 'end', context);
  const duration: unknown = component.getFirstPropertyValue('duration');
  if (end) return { start, endMs: end.epochMs };
  if (duration instanceof ICAL.Duration) return { start, endMs: start.epochMs + duration.toSeconds() * 1000 };
  if (start.isDate) return { start, endMs: start.epochMs + MS_PER_DAY };
  warnings.push(
    'it has no end (DTEND or DURATION), so it is a moment with no length; give it an end when you edit it',
  );
  return { start, endMs: start.epochMs };
}

/** The event's fields, checked; `times` replaces its own for one occurrence of a series. */
function readFields(
  component: ICAL.Component,
  context: ReadContext,
  warnings: string[],
  times: EventTimes,
): EventFields {
  const { start, endMs } = times;
  const title = text(component, 'summary') || PLACEHOLDER_TITLE;
  const isHerald = component.hasProperty(X.status);
  const zoneText = text(component, X.timeZone);
  const timeZone = zoneText && isKnownTimeZone(zoneText) ? zoneText : (start.zone ?? context.defaultZone);
  const description = text(component, 'description') ?? '';
  const services = component
    .getAllProperties('categories')
    .flatMap((property) => property.getValues().map((value) => String(value).trim()));
  const deadline: unknown = component.getFirstPropertyValue(X.deadline);
  const url = text(component, 'url') ?? '';
  const candidate = {
    title: limited(title, 'title', warnings),
    workKind: workKindSchema.safeParse(text(component, X.workKind)).data ?? 'upgrade',
    what: limited(isHerald ? (text(component, X.what) ?? '') : description, 'what', warnings),
    why: limited(text(component, X.why) ?? '', 'why', warnings),
    startsAtUtc: new Date(start.epochMs).toISOString(),
    endsAtUtc: new Date(endMs).toISOString(),
    timeZone,
    services: [
      ...new Map(services.filter(Boolean).map((service) => [service.toLowerCase(), service])).values(),
    ],
    impact: limited(text(component, X.impact) ?? '', 'impact', warnings),
    userActions: limited(text(component, X.userActions) ?? '', 'userActions', warnings),
    userActionDeadlineUtc:
      deadline instanceof ICAL.Time ? new Date(deadline.toUnixTime() * 1000).toISOString() : null,
    changeNotesUrl: /^https?:\/\//i.test(url) ? url : '',
    channels: (text(component, X.channels) ?? '').split(/\s+/).filter(Boolean),
  };
  if (url && !candidate.changeNotesUrl) warnings.push('its URL is not a web address, so it was left out');
  const checked = importedFieldsSchema.safeParse(candidate);
  if (!checked.success)
    throw new EventProblem(describeIssues(checked.error.issues).message.replace(/^Invalid arguments — /, ''));
  return checked.data;
}

function titleWarnings(component: ICAL.Component): string[] {
  return text(component, 'summary')
    ? []
    : [`it has no title (SUMMARY), so it is called "${PLACEHOLDER_TITLE}"; edit the title after importing`];
}

function sequenceOf(component: ICAL.Component): number {
  const sequence: unknown = component.getFirstPropertyValue('sequence');
  return typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : 0;
}

const isCancelledIn = (component: ICAL.Component) =>
  (text(component, 'status') ?? '').toUpperCase() === 'CANCELLED';

/** A one-off event, or one overridden occurrence of a series (RECURRENCE-ID), which keeps the occurrence's UID. */
function readEvent(component: ICAL.Component, eventNumber: number, context: ReadContext): ParsedIcsEvent {
  const warnings = titleWarnings(component);
  const fields = readFields(component, context, warnings, readTimes(component, context, warnings));
  const uidText = text(component, 'uid');
  const recurrence = uidText ? readTime(component, 'recurrence-id', 'original start', context) : null;
  if (!uidText) warnings.push('it has no UID, so Herald made one from its title and start');
  const uid = uidText ? uidText.slice(0, 255) : stableUid(fields.title, fields.startsAtUtc);
  const series =
    recurrence && uidText
      ? { seriesUid: uid, recurrenceId: new Date(recurrence.epochMs).toISOString() }
      : null;
  return {
    eventNumber,
    uid: series ? occurrenceUid(uid, recurrence!.epochMs) : uid,
    sequence: sequenceOf(component),
    isCancelled: isCancelledIn(component),
    fields,
    warnings,
    seriesUid: series?.seriesUid ?? null,
    recurrenceId: series?.recurrenceId ?? null,
  };
}

/** "3 Mar 2027": a date in the preview's notes. */
const dayText = (epochMs: number, zone: string) =>
  formatInstant(epochMs, zone, { withZone: false }).replace(/, \d{2}:\d{2}$/, '');

/** Every occurrence of a repeating event within the window, each its own event that knows its series. */
function readSeries(
  component: ICAL.Component,
  eventNumber: number,
  context: ReadContext,
  window: ExpansionWindow,
): ParsedIcsEvent[] {
  const warnings = titleWarnings(component);
  const own = readTimes(component, context, warnings);
  const dtstart = component.getFirstProperty('dtstart')!;
  const tzid = dtstart.getParameter('tzid');
  const expansion = expandSeries(
    component,
    window,
    (time) => instantOf(time, typeof tzid === 'string' ? tzid : null, 'start', context).epochMs,
  );
  const uidText = text(component, 'uid');
  const seriesUid = uidText
    ? uidText.slice(0, 255)
    : stableUid(text(component, 'summary') || PLACEHOLDER_TITLE, new Date(own.start.epochMs).toISOString());
  const first = expansion.occurrences[0];
  const last = expansion.occurrences.at(-1);
  if (!first || !last) {
    throw new EventProblem(
      expansion.isCut
        ? `it repeats, and the file already brings ${MAX_ICS_EVENTS} events, the most Herald imports at a time`
        : 'it repeats, but none of its occurrences falls between a year ago and two years ahead',
    );
  }
  const sequence = sequenceOf(component);
  const isCancelled = isCancelledIn(component);
  const ownDeadline: unknown = component.getFirstPropertyValue(X.deadline);
  return expansion.occurrences.map((occurrence, index): ParsedIcsEvent => {
    const occurrenceWarnings = [...warnings];
    const start = { ...own.start, epochMs: occurrence.startMs };
    const fields = readFields(component, context, occurrenceWarnings, { start, endMs: occurrence.endMs });
    // A users' deadline moves with each occurrence, as it does when one event is rescheduled.
    if (ownDeadline instanceof ICAL.Time)
      fields.userActionDeadlineUtc = new Date(
        ownDeadline.toUnixTime() * 1000 + occurrence.startMs - own.start.epochMs,
      ).toISOString();
    if (index === 0) {
      const zone = fields.timeZone;
      const span =
        first === last
          ? `1 occurrence, on ${dayText(first.startMs, zone)}`
          : `${expansion.occurrences.length} occurrences, ${dayText(first.startMs, zone)} to ${dayText(last.startMs, zone)}`;
      const notes = [`it repeats: ${span}, each imported as its own event in one series`];
      if (expansion.hasLater)
        notes.push(
          'later occurrences are beyond the two-year horizon; import the file again later to add them',
        );
      if (expansion.isCut)
        notes.push(`later occurrences were left out, as a file brings at most ${MAX_ICS_EVENTS} events`);
      if (expansion.earlier > 0)
        notes.push(
          expansion.earlier === 1
            ? '1 earlier occurrence, more than a year ago, was left out'
            : `${expansion.earlier} earlier occurrences, more than a year ago, were left out`,
        );
      occurrenceWarnings.push(notes.join('; '));
    }
    return {
      eventNumber,
      uid: occurrenceUid(seriesUid, occurrence.startMs),
      sequence,
      isCancelled,
      fields,
      warnings: occurrenceWarnings,
      seriesUid,
      recurrenceId: new Date(occurrence.startMs).toISOString(),
    };
  });
}

/**
 * The file's VEVENT blocks cut out of it, each as its own text, and the rest
 * (the calendar's own lines and its time zones) as one text. Each event is
 * then parsed on its own, so reading a large file holds one event's parse
 * tree at a time rather than the whole file's.
 */
function splitEvents(source: string): { outline: string; events: string[] } {
  const outline: string[] = [];
  const events: string[] = [];
  let current: string[] | null = null;
  let depth = 0;
  for (const line of source.split(/\r\n|\n|\r/)) {
    if (current) {
      current.push(line);
      if (/^BEGIN:/i.test(line)) depth++;
      else if (/^END:/i.test(line) && --depth === 0) {
        events.push(current.join('\r\n'));
        current = null;
      }
    } else if (/^BEGIN:VEVENT[ \t]*$/i.test(line)) {
      current = [line];
      depth = 1;
    } else outline.push(line);
  }
  // An event that never ends stays in the outline, where the parser reports it.
  if (current) outline.push(...current);
  return { outline: outline.join('\r\n'), events };
}

function parseComponent(text: string): ICAL.Component {
  const parsed: unknown = ICAL.parse(text);
  return new ICAL.Component(
    (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[],
  );
}

/** Reads the file. Fails only when it is not a readable iCalendar file at all. `nowMs` places the window repeating events are expanded in. */
export function parseIcs(input: string, defaultZone: string, nowMs = Date.now()): Result<ParsedIcs> {
  const source = input.replace(/^\uFEFF/, '');
  if (source.trim() === '') return fail('invalid_argument', 'The calendar file is empty.');
  const firstLine = source.trimStart().split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    return fail(
      'invalid_argument',
      `This is not an iCalendar (.ics) file: it should begin with BEGIN:VCALENDAR, but begins with "${firstLine.trim().slice(0, 40)}".`,
    );
  }
  const split = splitEvents(source);
  let root: ICAL.Component;
  const components: ICAL.Component[] = [];
  try {
    root = parseComponent(split.outline);
    if (root.name !== 'vcalendar')
      return fail('invalid_argument', 'This is not an iCalendar (.ics) file: it has no VCALENDAR.');
    if (split.events.length > MAX_ICS_EVENTS)
      return fail(
        'invalid_argument',
        `The calendar file has ${split.events.length} events; Herald imports at most ${MAX_ICS_EVENTS} at a time.`,
      );
    for (const block of split.events) {
      const event = parseComponent(`BEGIN:VCALENDAR\r\n${block}\r\nEND:VCALENDAR`).getFirstSubcomponent(
        'vevent',
      );
      if (event) components.push(event);
    }
  } catch (error) {
    return fail('invalid_argument', describeParseFailure(error, source));
  }
  if (components.length === 0)
    return fail('invalid_argument', 'The calendar file has no events (VEVENT) to import.');

  const fileZones = new Map<string, ICAL.Timezone>();
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    const tzid = zone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') fileZones.set(tzid, new ICAL.Timezone(zone));
  }
  const events: ParsedIcsEvent[] = [];
  const problems: ImportProblem[] = [];
  /** Import UID → where it sits in `events`, and whether a series' expansion made it (an override may replace it). */
  const seen = new Map<string, { index: number; eventNumber: number; isExpanded: boolean }>();
  const context = { defaultZone, fileZones };
  const add = (event: ParsedIcsEvent, isExpanded: boolean, named: string): void => {
    const earlier = seen.get(event.uid);
    if (!earlier) {
      seen.set(event.uid, { index: events.length, eventNumber: event.eventNumber, isExpanded });
      events.push(event);
    } else if (earlier.isExpanded && !isExpanded) {
      // An overridden instance (RECURRENCE-ID) takes the place of the occurrence the rule made.
      events[earlier.index] = {
        ...event,
        warnings: [
          ...events[earlier.index]!.warnings.filter((warning) => warning.startsWith('it repeats')),
          ...event.warnings,
        ],
      };
      seen.set(event.uid, { ...earlier, isExpanded: false });
    } else if (!earlier.isExpanded && isExpanded) {
      // The override came first in the file; the rule's occurrence gives way to it.
    } else {
      problems.push({
        eventNumber: event.eventNumber,
        message: `${named} has the same UID as event ${earlier.eventNumber}, so it was left out.`,
      });
    }
  };
  components.forEach((component, index) => {
    const eventNumber = index + 1;
    const summary = text(component, 'summary');
    const named = summary ? `Event ${eventNumber} ("${summary.slice(0, 60)}")` : `Event ${eventNumber}`;
    try {
      if (isSeriesMaster(component)) {
        const window = seriesWindow(nowMs, MAX_ICS_EVENTS - events.length);
        for (const occurrence of readSeries(component, eventNumber, context, window))
          add(occurrence, true, named);
      } else add(readEvent(component, eventNumber, context), false, named);
    } catch (error) {
      const reason =
        error instanceof EventProblem ? error.message : `it could not be read (${(error as Error).message})`;
      problems.push({ eventNumber, message: `${named} cannot be imported: ${reason}.` });
    }
  });
  return ok({ events, problems });
}
