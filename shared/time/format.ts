// How Herald writes instants for people: a fixed British English layout
// ("Thu 23 Apr 2026, 12:00 BST") built from zoned wall time rather than from
// Intl's locale output, so the text is identical in Node, Chromium and tests.
import { MONTH_NAMES, WEEKDAY_NAMES } from './calendar-names.ts';
import { wallTimeInZone } from './zoned.ts';

export interface FormatInstantOptions {
  /** "Thu " in front; default true. */
  withWeekday?: boolean;
  /** " 2026" after the month; default true. */
  withYear?: boolean;
  /** " BST" at the end; default true. */
  withZone?: boolean;
}

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** "Thu 23 Apr 2026, 12:00 BST" in `zone`; options drop the weekday, year or zone. */
export function formatInstant(epochMs: number, zone: string, options: FormatInstantOptions = {}): string {
  const { withWeekday = true, withYear = true, withZone = true } = options;
  const wall = wallTimeInZone(epochMs, zone);
  const weekday = withWeekday ? `${WEEKDAY_NAMES[wall.weekday]} ` : '';
  const year = withYear ? ` ${wall.year}` : '';
  const zoneName = withZone ? ` ${wall.zoneAbbreviation}` : '';
  return `${weekday}${wall.day} ${MONTH_NAMES[wall.month - 1]}${year}, ${twoDigits(wall.hour)}:${twoDigits(wall.minute)}${zoneName}`;
}

/** "12:00": the 24-hour clock time in `zone`. */
export function formatTimeOfDay(epochMs: number, zone: string): string {
  const wall = wallTimeInZone(epochMs, zone);
  return `${twoDigits(wall.hour)}:${twoDigits(wall.minute)}`;
}

function describeMinutes(totalMinutes: number): string {
  if (totalMinutes < MINUTES_PER_HOUR) return `${totalMinutes} min`;
  if (totalMinutes < MINUTES_PER_DAY) {
    const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR);
    const minutes = totalMinutes % MINUTES_PER_HOUR;
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  if (totalMinutes < 2 * MINUTES_PER_DAY) {
    const hours = Math.floor((totalMinutes - MINUTES_PER_DAY) / MINUTES_PER_HOUR);
    return hours === 0 ? '1 day' : `1 day ${hours} h`;
  }
  return `${Math.round(totalMinutes / MINUTES_PER_DAY)} days`;
}

/**
 * How far `epochMs` is from `nowMs`, to the nearest minute: "in 30 min",
 * "5 min ago", "in 2 h 5 min", "in 1 day 3 h", "in 3 days", or "now" within
 * half a minute. Durations, not calendar days, so no zone is needed.
 */
export function formatRelative(epochMs: number, nowMs: number): string {
  if (!Number.isFinite(epochMs) || !Number.isFinite(nowMs))
    throw new RangeError('formatRelative needs finite instants');
  const totalMinutes = Math.round(Math.abs(epochMs - nowMs) / MS_PER_MINUTE);
  if (totalMinutes === 0) return 'now';
  const span = describeMinutes(totalMinutes);
  return epochMs > nowMs ? `in ${span}` : `${span} ago`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * How late something is, in words a lead reads at a glance: "1 minute late",
 * "15 minutes late", "2 hours 5 minutes late", "2 days 22 hours late". Under a minute
 * counts as one: once a message is late, it is said to be.
 */
export function formatLateness(lateMs: number): string {
  if (!Number.isFinite(lateMs)) throw new RangeError('formatLateness needs a finite duration');
  const totalMinutes = Math.max(1, Math.floor(lateMs / MS_PER_MINUTE));
  if (totalMinutes < MINUTES_PER_HOUR) return `${plural(totalMinutes, 'minute')} late`;
  if (totalMinutes < MINUTES_PER_DAY) {
    const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR);
    const minutes = totalMinutes % MINUTES_PER_HOUR;
    return minutes === 0
      ? `${plural(hours, 'hour')} late`
      : `${plural(hours, 'hour')} ${plural(minutes, 'minute')} late`;
  }
  const days = Math.floor(totalMinutes / MINUTES_PER_DAY);
  const hours = Math.floor((totalMinutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  return hours === 0 ? `${plural(days, 'day')} late` : `${plural(days, 'day')} ${plural(hours, 'hour')} late`;
}

/** "2026-04-23T11:00:00.000Z". */
export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
