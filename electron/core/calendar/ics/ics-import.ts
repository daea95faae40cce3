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
import { eventFieldsSchema, isKnownTimeZone, workKindSchema, type EventFields } from '../../../../shared/calendar/maintenance-event.ts';
import { instantFromWallTime } from '../../../../shared/time/zoned.ts';
import { X } from './ics-export.ts';
import { describeParseFailure, stableUid } from './ics-problems.ts';

export interface ParsedIcsEvent {
  /** 1-based position among the file's events. */
  eventNumber: number;
  uid: string;
  sequence: number;
  isCancelled: boolean;
  fields: EventFields;
  warnings: string[];
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

function readTime(component: ICAL.Component, name: string, label: string, context: ReadContext): ReadTime | null {
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
    throw new EventProblem(`its ${label} (${name.toUpperCase()}) is not a date or time Herald can read: "${text.slice(0, 40)}"`);
  }
  const tzidParameter = property.getParameter('tzid');
  const tzid = typeof tzidParameter === 'string' ? tzidParameter : null;
  const iana = tzid ? ianaZoneFor(tzid) : null;
  const wall = { year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute, second: value.second };
  if (value.isDate) {
    const zone = iana ?? context.defaultZone;
    return { epochMs: instantFromWallTime({ ...wall, hour: 0, minute: 0, second: 0 }, zone), isDate: true, zone };
  }
  if (text.endsWith('Z')) return { epochMs: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second), isDate: false, zone: null };
  if (tzid === null) return { epochMs: instantFromWallTime(wall, context.defaultZone), isDate: false, zone: null };
  // The platform's zone data is authoritative for IANA names; a file's own VTIMEZONE serves any other name.
  if (iana && isKnownTimeZone(tzid)) return { epochMs: instantFromWallTime(wall, iana), isDate: false, zone: iana };
  const fileZone = context.fileZones.get(tzid);
  if (fileZone) {
    const zoned = value.clone();
    zoned.zone = fileZone;
    return { epochMs: zoned.toUnixTime() * 1000, isDate: false, zone: iana };
  }
  if (iana) return { epochMs: instantFromWallTime(wall, iana), isDate: false, zone: iana };
  throw new EventProblem(`its ${label} uses the time zone "${tzid.slice(0, 60)}", which the file does not define`);
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

function readEvent(component: ICAL.Component, eventNumber: number, context: ReadContext): ParsedIcsEvent {
  const warnings: string[] = [];
  const title = text(component, 'summary');
  if (!title) throw new EventProblem('it has no title (SUMMARY)');
  const start = readTime(component, 'dtstart', 'start', context);
  if (!start) throw new EventProblem('it has no start time (DTSTART)');
  let endMs: number;
  const end = readTime(component, 'dtend', 'end', context);
  const duration: unknown = component.getFirstPropertyValue('duration');
  if (end) endMs = end.epochMs;
  else if (duration instanceof ICAL.Duration) endMs = start.epochMs + duration.toSeconds() * 1000;
  else if (start.isDate) endMs = start.epochMs + MS_PER_DAY;
  else throw new EventProblem('it has no end (DTEND or DURATION)');
  if (component.hasProperty('rrule')) warnings.push('it repeats (RRULE); only its first occurrence was imported');

  const isHerald = component.hasProperty(X.status);
  const zoneText = text(component, X.timeZone);
  const timeZone = zoneText && isKnownTimeZone(zoneText) ? zoneText : (start.zone ?? context.defaultZone);
  const description = text(component, 'description') ?? '';
  const services = component.getAllProperties('categories').flatMap((property) => property.getValues().map((value) => String(value).trim()));
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
    services: [...new Map(services.filter(Boolean).map((service) => [service.toLowerCase(), service])).values()],
    impact: limited(text(component, X.impact) ?? '', 'impact', warnings),
    userActions: limited(text(component, X.userActions) ?? '', 'userActions', warnings),
    userActionDeadlineUtc: deadline instanceof ICAL.Time ? new Date(deadline.toUnixTime() * 1000).toISOString() : null,
    changeNotesUrl: /^https?:\/\//i.test(url) ? url : '',
    channels: (text(component, X.channels) ?? '').split(/\s+/).filter(Boolean),
  };
  if (url && !candidate.changeNotesUrl) warnings.push('its URL is not a web address, so it was left out');
  const checked = eventFieldsSchema.safeParse(candidate);
  if (!checked.success) throw new EventProblem(describeIssues(checked.error.issues).message.replace(/^Invalid arguments — /, ''));
  const uidText = text(component, 'uid');
  if (!uidText) warnings.push('it has no UID, so Herald made one from its title and start');
  const sequence: unknown = component.getFirstPropertyValue('sequence');
  return {
    eventNumber,
    uid: uidText ? uidText.slice(0, 255) : stableUid(title, candidate.startsAtUtc),
    sequence: typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : 0,
    isCancelled: (text(component, 'status') ?? '').toUpperCase() === 'CANCELLED',
    fields: checked.data,
    warnings,
  };
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
  return new ICAL.Component((Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[]);
}

/** Reads the file. Fails only when it is not a readable iCalendar file at all. */
export function parseIcs(input: string, defaultZone: string): Result<ParsedIcs> {
  const source = input.replace(/^\uFEFF/, '');
  if (source.trim() === '') return fail('invalid_argument', 'The calendar file is empty.');
  const firstLine = source.trimStart().split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    return fail('invalid_argument', `This is not an iCalendar (.ics) file: it should begin with BEGIN:VCALENDAR, but begins with "${firstLine.trim().slice(0, 40)}".`);
  }
  const split = splitEvents(source);
  let root: ICAL.Component;
  const components: ICAL.Component[] = [];
  try {
    root = parseComponent(split.outline);
    if (root.name !== 'vcalendar') return fail('invalid_argument', 'This is not an iCalendar (.ics) file: it has no VCALENDAR.');
    if (split.events.length > MAX_ICS_EVENTS) return fail('invalid_argument', `The calendar file has ${split.events.length} events; Herald imports at most ${MAX_ICS_EVENTS} at a time.`);
    for (const block of split.events) {
      const event = parseComponent(`BEGIN:VCALENDAR\r\n${block}\r\nEND:VCALENDAR`).getFirstSubcomponent('vevent');
      if (event) components.push(event);
    }
  } catch (error) {
    return fail('invalid_argument', describeParseFailure(error, source));
  }
  if (components.length === 0) return fail('invalid_argument', 'The calendar file has no events (VEVENT) to import.');

  const fileZones = new Map<string, ICAL.Timezone>();
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    const tzid = zone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') fileZones.set(tzid, new ICAL.Timezone(zone));
  }
  const events: ParsedIcsEvent[] = [];
  const problems: ImportProblem[] = [];
  const seenUids = new Map<string, number>();
  components.forEach((component, index) => {
    const eventNumber = index + 1;
    const named = (() => {
      const summary = text(component, 'summary');
      return summary ? `Event ${eventNumber} ("${summary.slice(0, 60)}")` : `Event ${eventNumber}`;
    })();
    try {
      const event = readEvent(component, eventNumber, { defaultZone, fileZones });
      const earlier = seenUids.get(event.uid);
      if (earlier !== undefined) {
        problems.push({ eventNumber, message: `${named} has the same UID as event ${earlier}, so it was left out.` });
        return;
      }
      seenUids.set(event.uid, eventNumber);
      events.push(event);
    } catch (error) {
      const reason = error instanceof EventProblem ? error.message : `it could not be read (${(error as Error).message})`;
      problems.push({ eventNumber, message: `${named} cannot be imported: ${reason}.` });
    }
  });
  return ok({ events, problems });
}
