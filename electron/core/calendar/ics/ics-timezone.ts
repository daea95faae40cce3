// VTIMEZONE components for an IANA zone, read from the platform's time-zone
// data (Intl) rather than a hand-kept table: one observance for the offset in
// force at the start of the years covered, then one per change of offset in
// them (for London, the last Sundays of March and October). Calendar clients
// use these to place "12:00 Europe/London" even where they know no IANA names.
import ICAL from 'ical.js';
import { wallTimeInZone } from '../../../../shared/time/zoned.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface OffsetChange {
  /** The first instant with the new offset. */
  atMs: number;
  fromMinutes: number;
  toMinutes: number;
  /** The abbreviation in force after the change ("BST", "GMT"). */
  name: string;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes ahead of UTC, from one cached formatter ("GMT+01:00"): this runs once per day scanned. */
function offsetAt(epochMs: number, zone: string): number {
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, formatter);
  }
  const name = formatter.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-\u2212])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!match) return name === 'GMT' ? 0 : wallTimeInZone(epochMs, zone).offsetMinutes;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60;
  return match[1] === '+' ? minutes : -minutes;
}

/** Every change of UTC offset in [fromMs, toMs), to the minute. Zones change at most once a day. */
export function offsetChanges(zone: string, fromMs: number, toMs: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let previousMs = fromMs;
  let previousOffset = offsetAt(fromMs, zone);
  for (let probeMs = fromMs + MS_PER_DAY; probeMs < toMs + MS_PER_DAY; probeMs += MS_PER_DAY) {
    const atMs = Math.min(probeMs, toMs);
    const offset = offsetAt(atMs, zone);
    if (offset !== previousOffset) {
      // The change lies in (previousMs, atMs]: narrow it to the minute.
      let low = previousMs;
      let high = atMs;
      while (high - low > MS_PER_MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
        if (offsetAt(middle, zone) === previousOffset) low = middle;
        else high = middle;
      }
      changes.push({
        atMs: high,
        fromMinutes: previousOffset,
        toMinutes: offset,
        name: wallTimeInZone(high, zone).zoneAbbreviation,
      });
      previousOffset = offset;
    }
    previousMs = atMs;
    if (atMs === toMs) break;
  }
  return changes;
}

/** Wall-clock fields of an instant, to the second. */
export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A zone's offsets over some years, for reading many instants' wall times cheaply. */
export interface ZoneOffsets {
  /**
   * The wall time at `epochMs`, or null when it cannot be written as wall time alone: outside the table,
   * or the second pass through an hour the clocks went back over.
   */
  wallAt(epochMs: number): WallFields | null;
}

const offsetTables = new Map<string, ZoneOffsets>();

/** The offset table of `zone` from 1 January of `fromYear` to the end of `toYear` (the same span as its VTIMEZONE). */
export function zoneOffsets(zone: string, fromYear: number, toYear: number): ZoneOffsets {
  const key = `${zone}|${fromYear}|${toYear}`;
  let table = offsetTables.get(key);
  if (!table) {
    if (offsetTables.size > 200) offsetTables.clear();
    table = buildZoneOffsets(zone, Date.UTC(fromYear, 0, 1), Date.UTC(toYear + 1, 0, 1));
    offsetTables.set(key, table);
  }
  return table;
}

function buildZoneOffsets(zone: string, fromMs: number, toMs: number): ZoneOffsets {
  const changes = offsetChanges(zone, fromMs, toMs);
  const initialMinutes = offsetAt(fromMs, zone);
  return {
    wallAt(epochMs) {
      if (zone === 'UTC' || epochMs < fromMs || epochMs >= toMs) return null;
      // The last change at or before the instant (changes are in time order, a few a year).
      let low = 0;
      let high = changes.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (changes[middle]!.atMs <= epochMs) low = middle + 1;
        else high = middle;
      }
      const change = changes[low - 1];
      const offsetMinutes = change ? change.toMinutes : initialMinutes;
      // Just after clocks go back, the wall clock repeats times it showed before the change.
      if (
        change &&
        change.toMinutes < change.fromMinutes &&
        epochMs < change.atMs + (change.fromMinutes - change.toMinutes) * MS_PER_MINUTE
      )
        return null;
      const wall = new Date(epochMs + offsetMinutes * MS_PER_MINUTE);
      return {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
        second: wall.getUTCSeconds(),
      };
    },
  };
}

/** Wall time as a floating iCalendar date-time (no zone), for observance onsets. */
function floatingTime(epochMs: number, offsetMinutes: number): ICAL.Time {
  const wall = new Date(epochMs + offsetMinutes * MS_PER_MINUTE);
  return ICAL.Time.fromData({
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    isDate: false,
  });
}

function observance(
  kind: 'standard' | 'daylight',
  onsetMs: number,
  fromMinutes: number,
  toMinutes: number,
  name: string,
): ICAL.Component {
  const component = new ICAL.Component(kind);
  // The onset is written in the wall time in force just before it (RFC 5545 §3.6.5).
  component.addPropertyWithValue('dtstart', floatingTime(onsetMs, fromMinutes));
  component.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(fromMinutes * 60));
  component.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(toMinutes * 60));
  component.addPropertyWithValue('tzname', name);
  return component;
}

const built = new Map<string, unknown[]>();

/** A VTIMEZONE for `zone` valid from 1 January of `fromYear` to the end of `toYear` (a fresh copy each call). */
export function vtimezone(zone: string, fromYear: number, toYear: number): ICAL.Component {
  const key = `${zone}|${fromYear}|${toYear}`;
  let jcal = built.get(key);
  if (!jcal) {
    if (built.size > 200) built.clear();
    jcal = buildVtimezone(zone, fromYear, toYear).toJSON() as unknown[];
    built.set(key, jcal);
  }
  return new ICAL.Component(structuredClone(jcal));
}

function buildVtimezone(zone: string, fromYear: number, toYear: number): ICAL.Component {
  const fromMs = Date.UTC(fromYear, 0, 1);
  const toMs = Date.UTC(toYear + 1, 0, 1);
  const changes = offsetChanges(zone, fromMs, toMs);
  const initialOffset = offsetAt(fromMs, zone);
  const smallestOffset = Math.min(initialOffset, ...changes.map((change) => change.toMinutes));
  const component = new ICAL.Component('vtimezone');
  component.addPropertyWithValue('tzid', zone);
  component.addSubcomponent(
    observance(
      initialOffset > smallestOffset ? 'daylight' : 'standard',
      fromMs,
      initialOffset,
      initialOffset,
      wallTimeInZone(fromMs, zone).zoneAbbreviation,
    ),
  );
  for (const change of changes) {
    component.addSubcomponent(
      observance(
        change.toMinutes > change.fromMinutes ? 'daylight' : 'standard',
        change.atMs,
        change.fromMinutes,
        change.toMinutes,
        change.name,
      ),
    );
  }
  return component;
}
