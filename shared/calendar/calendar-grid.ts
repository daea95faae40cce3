// The calendar's days in the user's zone: date keys ("2026-04-23"), month and
// week grids whose cells know their first and last instant (23 or 25 hours
// long on the days the clocks change), and putting events and due messages
// into the days they touch. Bucketing binary-searches the day boundaries
// rather than asking Intl about every item, so a month of a thousand events
// is cheap.
import { MONTH_FULL_NAMES, MONTH_NAMES } from '../time/calendar-names.ts';
import { instantFromWallTime, wallTimeInZone } from '../time/zoned.ts';

/** A calendar date, "YYYY-MM-DD". */
export type DateKey = string;

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface GridDay {
  key: DateKey;
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Whether the day belongs to the month shown (rather than padding the first or last week). */
  isInMonth: boolean;
  /** First instant of the day in the zone. */
  startMs: number;
  /** First instant of the next day. */
  endMs: number;
}

export function isDateKey(text: string): boolean {
  const match = DATE_KEY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function keyParts(key: DateKey): { year: number; month: number; day: number } {
  const match = DATE_KEY.exec(key);
  if (!match) throw new RangeError(`not a date key: ${key}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function makeDateKey(year: number, month: number, day: number): DateKey {
  const date = new Date(Date.UTC(year, month - 1, day));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Calendar arithmetic on dates (no zone: a date is a date). */
export function addDaysToKey(key: DateKey, days: number): DateKey {
  const { year, month, day } = keyParts(key);
  return makeDateKey(year, month, day + days);
}

/** Same day of the month `months` later, clamped to the month's last day (31 Jan + 1 month = 28 Feb). */
export function addMonthsToKey(key: DateKey, months: number): DateKey {
  const { year, month, day } = keyParts(key);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return makeDateKey(year, month + months, Math.min(day, lastDay));
}

export function weekdayOfKey(key: DateKey): number {
  const { year, month, day } = keyParts(key);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenKeys(from: DateKey, to: DateKey): number {
  const a = keyParts(from);
  const b = keyParts(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY,
  );
}

/** The date an instant falls on in `zone`. */
export function dateKeyOf(epochMs: number, zone: string): DateKey {
  const wall = wallTimeInZone(epochMs, zone);
  return makeDateKey(wall.year, wall.month, wall.day);
}

/** The first instant of a date in `zone` (01:00 where midnight is skipped). */
export function startOfDateMs(key: DateKey, zone: string): number {
  const { year, month, day } = keyParts(key);
  return instantFromWallTime({ year, month, day, hour: 0, minute: 0 }, zone);
}

/** The first day of the week containing `key`; weeks start on `weekStartsOn` (1 = Monday). */
export function startOfWeekKey(key: DateKey, weekStartsOn = 1): DateKey {
  const back = (weekdayOfKey(key) - weekStartsOn + 7) % 7;
  return addDaysToKey(key, -back);
}

function daysFrom(
  firstKey: DateKey,
  count: number,
  zone: string,
  isInMonth: (key: DateKey) => boolean,
): GridDay[] {
  const keys = Array.from({ length: count + 1 }, (_, index) => addDaysToKey(firstKey, index));
  const starts = keys.map((key) => startOfDateMs(key, zone));
  return keys.slice(0, count).map((key, index) => {
    const { year, month, day } = keyParts(key);
    return {
      key,
      year,
      month,
      day,
      weekday: weekdayOfKey(key),
      isInMonth: isInMonth(key),
      startMs: starts[index]!,
      endMs: starts[index + 1]!,
    };
  });
}

/** The weeks that show the month containing `key`: four to six rows of seven days. */
export function monthGrid(key: DateKey, zone: string, weekStartsOn = 1): GridDay[][] {
  const { year, month } = keyParts(key);
  const first = makeDateKey(year, month, 1);
  const last = makeDateKey(year, month + 1, 0);
  const gridStart = startOfWeekKey(first, weekStartsOn);
  const weekCount = Math.ceil((daysBetweenKeys(gridStart, last) + 1) / 7);
  const days = daysFrom(gridStart, weekCount * 7, zone, (candidate) => keyParts(candidate).month === month);
  return Array.from({ length: weekCount }, (_, week) => days.slice(week * 7, week * 7 + 7));
}

/** The seven days of the week containing `key`. */
export function weekGrid(key: DateKey, zone: string, weekStartsOn = 1): GridDay[] {
  return daysFrom(startOfWeekKey(key, weekStartsOn), 7, zone, () => true);
}

/** "April 2026". */
export function monthLabel(key: DateKey): string {
  const { year, month } = keyParts(key);
  return `${MONTH_FULL_NAMES[month - 1]} ${year}`;
}

/** "20 – 26 Apr 2026", or across months "27 Apr – 3 May 2026". */
export function weekLabel(days: readonly GridDay[]): string {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return '';
  const end = `${last.day} ${MONTH_NAMES[last.month - 1]} ${last.year}`;
  if (first.year !== last.year) return `${first.day} ${MONTH_NAMES[first.month - 1]} ${first.year} – ${end}`;
  if (first.month !== last.month) return `${first.day} ${MONTH_NAMES[first.month - 1]} – ${end}`;
  return `${first.day} – ${end}`;
}

/** Index of the last day starting at or before `epochMs`, or -1. */
function dayIndexAt(days: readonly GridDay[], epochMs: number): number {
  let low = 0;
  let high = days.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (days[middle]!.startMs <= epochMs) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * Puts each item into every day its window [start, end) touches; an
 * instant (end = start) goes into the day it falls on. Items outside the
 * days are left out. Order within a day follows the input order.
 */
export function bucketByDay<T>(
  days: readonly GridDay[],
  items: readonly T[],
  startMs: (item: T) => number,
  endMs: (item: T) => number = startMs,
): T[][] {
  const buckets: T[][] = days.map(() => []);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return buckets;
  for (const item of items) {
    const start = startMs(item);
    const end = Math.max(start, endMs(item));
    if (start >= last.endMs || (end <= first.startMs && start < first.startMs)) continue;
    const from = Math.max(0, dayIndexAt(days, start));
    // The last day the window reaches: the one holding its final instant (end itself is excluded).
    const to = end > start ? dayIndexAt(days, end - 1) : from;
    for (let index = from; index <= Math.min(to, days.length - 1); index++) buckets[index]!.push(item);
  }
  return buckets;
}
