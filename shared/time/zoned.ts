// Zone-aware calendar maths on epoch-millisecond instants, using only Intl:
// reading an instant's wall-clock time in an IANA zone, turning a wall-clock
// time back into an instant (with explicit DST gap and overlap rules), and
// day arithmetic that keeps the wall-clock time across 23- and 25-hour days.
import { WEEKDAY_NAMES } from './calendar-names.ts';

// Building an Intl formatter costs about a millisecond, and lists of events check the same few zones
// again and again: remember each answer (the set of zones is small and fixed per runtime).
const knownZones = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let isValid: boolean;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    isValid = true;
  } catch {
    isValid = false;
  }
  if (zone.length <= 64 && knownZones.size < 1_000) knownZones.set(zone, isValid);
  return isValid;
}

/** A wall-clock reading in some zone. Fields may overflow (day 32, hour 25): they roll over like Date.UTC. */
export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  /** Kept so that wall time → instant → wall time round-trips to the millisecond. */
  millisecond?: number;
}

export interface ZonedWallTime extends WallTime {
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes ahead of UTC (BST = 60, New York winter = -300). Fractional only for pre-1900 local mean time. */
  offsetMinutes: number;
  /** 'GMT', 'BST', 'EDT', 'IST', … or 'GMT+5:30' where the zone has no common English abbreviation. */
  zoneAbbreviation: string;
}

export type Disambiguation = 'earlier' | 'later';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// en-GB knows GMT/BST/CET, en-US knows EST/PDT, en-IN knows IST, en-AU knows AEST/LHDT.
const ABBREVIATION_LOCALES = ['en-GB', 'en-US', 'en-IN', 'en-AU'];
const OFFSET_STYLE_NAME = /^(?:GMT|UTC)[+\-\u2212]/;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

function nameFormatter(locale: string, zone: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone}`;
  let formatter = nameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    nameFormatters.set(key, formatter);
  }
  return formatter;
}

function assertInstant(epochMs: number): void {
  if (!Number.isFinite(epochMs) || Number.isNaN(new Date(epochMs).getTime())) {
    throw new RangeError(`not a representable instant: ${epochMs}`);
  }
}

/** The wall time read as if it were UTC: the "local milliseconds" that offsets are measured against. */
function wallAsUtcMs(wall: WallTime): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, wall.millisecond ?? 0);
  return date.getTime();
}

/** Wall fields and weekday as Intl prints them: about 5 µs a call, the cost every cached path below avoids. */
function readWallFromIntl(epochMs: number, zone: string): WallFields {
  const fields: Record<string, string> = {};
  for (const part of partsFormatter(zone).formatToParts(epochMs)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    // Some engines print midnight as 24 even with h23.
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
    weekday: (WEEKDAY_NAMES as readonly string[]).indexOf(fields.weekday ?? ''),
  };
}

type WallFields = Omit<ZonedWallTime, 'offsetMinutes' | 'zoneAbbreviation'>;

// Offsets are remembered per zone at whole UTC days, and around a clock change at whole UTC hours. Zones change
// offset at most once in any two days (see possibleInstants), so when the offsets at the two ends of a day (or hour)
// agree, no change lies between them and every instant inside has that offset too; on the day of a change the two
// hours around the instant are compared, and when they differ too the instant itself is asked of Intl. Only
// instants from 1900 to 2200 are cached (a calendar's working range; local mean time and far futures go to Intl
// each time), and a table is emptied when it reaches 100,000 entries so it cannot grow without bound.
const HOUR_MS = 3_600_000;
const CACHED_FROM_MS = Date.UTC(1900, 0, 1);
const CACHED_TO_MS = Date.UTC(2200, 0, 1);
const MAX_CACHED = 100_000;
const offsetTables = new Map<string, { days: Map<number, number>; hours: Map<number, number> }>();

function offsetFromIntl(epochMs: number, zone: string): number {
  return wallAsUtcMs(readWallFromIntl(epochMs, zone)) - epochMs;
}

/** The offset at the whole `step` containing `epochMs`, if its two ends agree; otherwise null. */
function offsetAcross(
  epochMs: number,
  stepMs: number,
  zone: string,
  table: Map<number, number>,
): number | null {
  const at = (index: number) => {
    let offsetMs = table.get(index);
    if (offsetMs === undefined) {
      offsetMs = offsetFromIntl(index * stepMs, zone);
      if (table.size >= MAX_CACHED) table.clear();
      table.set(index, offsetMs);
    }
    return offsetMs;
  };
  const index = Math.floor(epochMs / stepMs);
  const before = at(index);
  return epochMs === index * stepMs || before === at(index + 1) ? before : null;
}

/** Milliseconds the zone's wall clock is ahead of UTC at this instant. */
function offsetMsAt(epochMs: number, zone: string): number {
  if (!(epochMs >= CACHED_FROM_MS && epochMs < CACHED_TO_MS)) return offsetFromIntl(epochMs, zone);
  let tables = offsetTables.get(zone);
  if (!tables) offsetTables.set(zone, (tables = { days: new Map(), hours: new Map() }));
  return (
    offsetAcross(epochMs, MS_PER_DAY, zone, tables.days) ??
    offsetAcross(epochMs, HOUR_MS, zone, tables.hours) ??
    offsetFromIntl(epochMs, zone)
  );
}

/** Wall fields and weekday only; the expensive zone name is looked up separately. */
function readWall(epochMs: number, zone: string): WallFields {
  if (!(epochMs >= CACHED_FROM_MS && epochMs < CACHED_TO_MS)) return readWallFromIntl(epochMs, zone);
  // The wall clock is the instant moved by the offset, read as UTC (both calendars are Gregorian after 1900).
  const wall = new Date(epochMs + offsetMsAt(epochMs, zone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: wall.getUTCDay(),
  };
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.round(Math.abs(offsetMinutes));
  const hours = Math.floor(absolute / 60);
  const minutes = absolute % 60;
  return minutes === 0 ? `GMT${sign}${hours}` : `GMT${sign}${hours}:${String(minutes).padStart(2, '0')}`;
}

function zoneAbbreviationAt(epochMs: number, zone: string, offsetMinutes: number): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = nameFormatter(locale, zone)
      .formatToParts(epochMs)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && !OFFSET_STYLE_NAME.test(name)) return name;
  }
  return offsetMinutes === 0 ? 'GMT' : formatOffset(offsetMinutes);
}

/** What a clock in `zone` shows at `epochMs`, with the weekday, offset and zone abbreviation in force. */
export function wallTimeInZone(epochMs: number, zone: string): ZonedWallTime {
  const wall = wallClockInZone(epochMs, zone);
  return { ...wall, zoneAbbreviation: zoneAbbreviationAt(epochMs, zone, wall.offsetMinutes) };
}

/** What a clock in `zone` shows at `epochMs`, without the zone's abbreviation (four Intl look-ups to name it). */
export function wallClockInZone(epochMs: number, zone: string): Omit<ZonedWallTime, 'zoneAbbreviation'> {
  assertInstant(epochMs);
  const wall = readWall(epochMs, zone);
  return { ...wall, offsetMinutes: (wallAsUtcMs(wall) - epochMs) / MS_PER_MINUTE };
}

/**
 * A zone's offsets over a stretch of days, exactly as the tables above hold them: [UTC day index, offset ms] at
 * each whole UTC day, and [UTC hour index, offset ms] at each hour of a day in which the clocks change. A page that
 * is handed one (the renderer's bootstrap) reads wall times in that stretch without Intl: its first use of a time
 * zone loads the zone data, tens of milliseconds in the first render of a freshly opened page.
 */
export interface ZoneOffsetSeed {
  zone: string;
  days: Array<[number, number]>;
  hours: Array<[number, number]>;
}

/** The seed for `zone` from `fromMs` to `toMs`; empty for a zone Intl does not know. */
export function zoneOffsetSeed(zone: string, fromMs: number, toMs: number): ZoneOffsetSeed {
  const seed: ZoneOffsetSeed = { zone, days: [], hours: [] };
  if (!isValidTimeZone(zone) || !(fromMs >= CACHED_FROM_MS && toMs < CACHED_TO_MS)) return seed;
  let previous: number | undefined;
  for (let day = Math.floor(fromMs / MS_PER_DAY); day <= Math.floor(toMs / MS_PER_DAY) + 1; day++) {
    const offsetMs = offsetMsAt(day * MS_PER_DAY, zone);
    seed.days.push([day, offsetMs]);
    // The clocks changed during the day before: its hours too, so any instant that day is answered from the table.
    if (previous !== undefined && previous !== offsetMs)
      for (let hour = (day - 1) * 24; hour <= day * 24; hour++)
        seed.hours.push([hour, offsetMsAt(hour * HOUR_MS, zone)]);
    previous = offsetMs;
  }
  return seed;
}

/** Takes a seed made by zoneOffsetSeed (in another process) into this process's tables. */
export function seedZoneOffsets(seed: ZoneOffsetSeed): void {
  if (seed.days.length === 0) return;
  // Only a zone Intl knows has a seed (zoneOffsetSeed), so checking it again would only load the zone data.
  if (seed.zone.length <= 64 && knownZones.size < 1_000) knownZones.set(seed.zone, true);
  let tables = offsetTables.get(seed.zone);
  if (!tables) offsetTables.set(seed.zone, (tables = { days: new Map(), hours: new Map() }));
  for (const [index, offsetMs] of seed.days)
    if (tables.days.size < MAX_CACHED) tables.days.set(index, offsetMs);
  for (const [index, offsetMs] of seed.hours)
    if (tables.hours.size < MAX_CACHED) tables.hours.set(index, offsetMs);
}

/**
 * Every instant at which `zone` shows this wall time, earliest first: one
 * normally, two in a DST overlap, none in a gap. Zones change offset at most
 * once in any two days, so the offsets a day either side are the only candidates.
 */
function possibleInstants(localMs: number, zone: string): { instants: number[]; offsetBeforeMs: number } {
  const offsetBeforeMs = offsetMsAt(localMs - MS_PER_DAY, zone);
  const offsetAfterMs = offsetMsAt(localMs + MS_PER_DAY, zone);
  const candidates = offsetBeforeMs === offsetAfterMs ? [offsetBeforeMs] : [offsetBeforeMs, offsetAfterMs];
  const instants = candidates
    .map((offsetMs) => localMs - offsetMs)
    .filter((instant) => instant + offsetMsAt(instant, zone) === localMs)
    .sort((a, b) => a - b);
  return { instants, offsetBeforeMs };
}

function resolve(localMs: number, zone: string, choose: (instants: number[]) => number): number {
  if (Number.isNaN(localMs)) throw new RangeError('wall time is out of range');
  const { instants, offsetBeforeMs } = possibleInstants(localMs, zone);
  // In a gap the clock has jumped: read the time with the offset from before
  // the jump, which moves it forward by the gap (01:30 → 02:30 BST).
  const instant = instants.length === 0 ? localMs - offsetBeforeMs : choose(instants);
  assertInstant(instant);
  return instant;
}

/**
 * The instant at which `zone` shows `wall`. In a DST gap (01:30 on the last
 * Sunday of March in London) the time moves forward by the gap (02:30 BST);
 * in an overlap (01:30 on the last Sunday of October) `disambiguation` picks
 * the earlier (BST, the default) or later (GMT) occurrence.
 */
export function instantFromWallTime(
  wall: WallTime,
  zone: string,
  disambiguation: Disambiguation = 'earlier',
): number {
  return resolve(wallAsUtcMs(wall), zone, (instants) =>
    disambiguation === 'later' ? (instants.at(-1) as number) : (instants[0] as number),
  );
}

/**
 * The same wall-clock time `days` calendar days later (or earlier, if
 * negative) in `zone`, so 12:00 stays 12:00 across 23- and 25-hour days. When
 * the target time occurs twice, the occurrence with the starting offset wins,
 * which makes adding 0 days the identity.
 */
export function addDaysInZone(epochMs: number, days: number, zone: string): number {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  assertInstant(epochMs);
  // The wall fields only: the zone's abbreviation (four more Intl calls) plays no part in day arithmetic.
  const start = readWall(epochMs, zone);
  const startOffsetMs = wallAsUtcMs(start) - epochMs;
  const targetLocalMs = wallAsUtcMs({ ...start, day: start.day + days });
  return resolve(targetLocalMs, zone, (instants) => {
    const sameOffset = instants.find((instant) => targetLocalMs - instant === startOffsetMs);
    return sameOffset ?? (instants[0] as number);
  });
}

/** The first instant of the calendar day containing `epochMs` in `zone` (01:00 where midnight is skipped). */
export function startOfDayInZone(epochMs: number, zone: string): number {
  assertInstant(epochMs);
  const wall = readWall(epochMs, zone);
  return instantFromWallTime({ year: wall.year, month: wall.month, day: wall.day, hour: 0, minute: 0 }, zone);
}
