// How Herald writes instants for people, in the lead's way of writing times
// (Settings → General): British English, 24-hour, by default ("Thu 23 Apr
// 2026, 12:00 BST"), or US English, 12-hour ("Thu, Apr 23, 2026, 12:00 PM
// BST"). Built from zoned wall time rather than from Intl's locale output, so
// the text is identical in Node, Chromium and tests, and every screen, the
// Slack preview and the notifications agree. The locale is app-wide, like the
// document's language: main and the renderer each set it from the settings
// (setTimeLocale), and every function here reads it.
import { MONTH_NAMES, WEEKDAY_NAMES } from './calendar-names.ts';
import { DEFAULT_TIME_LOCALE, type TimeLocale } from './time-locale.ts';
import { wallClockInZone, wallTimeInZone } from './zoned.ts';

let currentLocale: TimeLocale = DEFAULT_TIME_LOCALE;

/** Sets the way times are written from now on (the settings' `timeLocale`). */
export function setTimeLocale(locale: TimeLocale): void {
  currentLocale = locale;
}

export function timeLocale(): TimeLocale {
  return currentLocale;
}

/** Whether times are written with a 12-hour clock ("2:00 PM"), as in en-US. */
export function usesTwelveHourClock(): boolean {
  return currentLocale === 'en-US';
}

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

function clockText(hour: number, minute: number): string {
  if (!usesTwelveHourClock()) return `${twoDigits(hour)}:${twoDigits(minute)}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${twoDigits(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/**
 * "Thu 23 Apr 2026, 12:00 BST" in `zone` (en-US: "Thu, Apr 23, 2026, 12:00 PM BST"); options drop the weekday,
 * year or zone.
 */
export function formatInstant(epochMs: number, zone: string, options: FormatInstantOptions = {}): string {
  const { withWeekday = true, withYear = true, withZone = true } = options;
  const wall = wallTimeInZone(epochMs, zone);
  const month = MONTH_NAMES[wall.month - 1];
  const zoneName = withZone ? ` ${wall.zoneAbbreviation}` : '';
  const time = clockText(wall.hour, wall.minute);
  if (currentLocale === 'en-US') {
    const weekday = withWeekday ? `${WEEKDAY_NAMES[wall.weekday]}, ` : '';
    const year = withYear ? `, ${wall.year}` : '';
    return `${weekday}${month} ${wall.day}${year}, ${time}${zoneName}`;
  }
  const weekday = withWeekday ? `${WEEKDAY_NAMES[wall.weekday]} ` : '';
  const year = withYear ? ` ${wall.year}` : '';
  return `${weekday}${wall.day} ${month}${year}, ${time}${zoneName}`;
}

/** "12:00" (en-US "12:00 PM"): the clock time in `zone`. */
export function formatTimeOfDay(epochMs: number, zone: string): string {
  const wall = wallClockInZone(epochMs, zone);
  return clockText(wall.hour, wall.minute);
}

/** "23/04/2026" (en-US "04/23/2026"): a calendar date in `zone`, as the lead types one. */
export function formatNumericDate(epochMs: number, zone: string): string {
  const wall = wallClockInZone(epochMs, zone);
  const [first, second] = currentLocale === 'en-US' ? [wall.month, wall.day] : [wall.day, wall.month];
  return `${twoDigits(first)}/${twoDigits(second)}/${wall.year}`;
}

/** How a typed date is laid out: "DD/MM/YYYY" (en-US "MM/DD/YYYY"). */
export function numericDatePattern(): string {
  return currentLocale === 'en-US' ? 'MM/DD/YYYY' : 'DD/MM/YYYY';
}

/**
 * A date the lead typed, in their layout ("23/04/2026", en-US "04/23/2026"; "-" or "." also separate), or
 * ISO "2026-04-23"; null when it is not a real date.
 */
export function parseNumericDate(text: string): { year: number; month: number; day: number } | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  let parts: [number, number, number] | null = null;
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    const [first, second, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
    parts = currentLocale === 'en-US' ? [year, first, second] : [year, second, first];
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
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
