// Turns what a comms lead types for "next update at" into an instant, or a
// sentence saying why not. Times are read in the person's zone relative to an
// injected `nowMs`; nothing is silently moved to another day, and no string,
// however odd, makes this throw.
import { MONTH_NAMES, WEEKDAY_FULL_NAMES, WEEKDAY_NAMES } from './calendar-names.ts';
import type { Result } from '../api/result.ts';
import { formatInstant } from './format.ts';
import type { CalendarDate, ClockTime, TimeInputForm } from './time-input-form.ts';
import {
  daysInMonth,
  MAX_INPUT_LENGTH,
  normaliseTimeInput,
  recogniseTimeInput,
} from './time-input-grammar.ts';
import { instantFromWallTime, isValidTimeZone, wallTimeInZone } from './zoned.ts';

/** A time someone typed, read: the instant and Herald's own way of writing it back. */
export interface ReadTime {
  epochMs: number;
  normalised: string;
}

/** The time, or the sentence that says why it is not one. */
export type ParsedTime = Result<ReadTime, string>;

export interface TimeInputContext {
  nowMs: number;
  /** IANA zone the person thinks in, e.g. Europe/London. */
  zone: string;
  /** Furthest ahead a time may be; default 366 days. */
  maxAheadDays?: number;
}

export const DEFAULT_MAX_AHEAD_DAYS = 366;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** A date typed without a year means next year's only when that is this close (the turn of the year). */
const NEXT_YEAR_WINDOW_MS = 183 * MS_PER_DAY;
const EXAMPLES = 'Try "in 30 min", "14:30" or "tomorrow 09:00".';
const UTC_WORDS = new Set(['utc', 'gmt', 'z']);

type WallForm = Extract<TimeInputForm, { kind: 'wall' }>;
interface Settled {
  nowMs: number;
  zone: string;
  maxAheadDays: number;
}

function fail(message: string): ParsedTime {
  return { ok: false, error: message };
}

function clockText(clock: ClockTime): string {
  return `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
}

function dateText(date: Required<CalendarDate>): string {
  return `${date.day} ${MONTH_NAMES[date.month - 1]} ${date.year}`;
}

/** A short, printable echo of what was typed, for error messages. */
function echo(text: string): string {
  const characters = Array.from(text.trim().replace(/\p{Cc}/gu, ' '));
  return characters.length > 40 ? `${characters.slice(0, 40).join('')}…` : characters.join('');
}

function shiftDate(date: Required<CalendarDate>, days: number): Required<CalendarDate> {
  const shifted = new Date(0);
  shifted.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function dayOfWeek(date: Required<CalendarDate>): number {
  const day = new Date(0);
  day.setUTCFullYear(date.year, date.month - 1, date.day);
  return day.getUTCDay();
}

function isRealDate(date: Required<CalendarDate>): boolean {
  return (
    date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month)
  );
}

/** Accepts `epochMs` only if it lies in the window (now, now + maxAheadDays]. */
function accept(epochMs: number, context: Settled, pastMessage?: string): ParsedTime {
  if (epochMs <= context.nowMs)
    return fail(pastMessage ?? `${formatInstant(epochMs, context.zone)} has already passed.`);
  if (epochMs - context.nowMs > context.maxAheadDays * MS_PER_DAY) {
    return fail(`That is more than ${context.maxAheadDays} days ahead. ${EXAMPLES}`);
  }
  return { ok: true, value: { epochMs, normalised: formatInstant(epochMs, context.zone) } };
}

/** The instant of `clock` on `date`, honouring a trailing zone word ("12:00 UTC", "01:30 GMT" in an overlap). */
function instantOf(date: Required<CalendarDate>, form: WallForm, zone: string): number | string {
  const wall = { ...date, ...form.clock };
  const zoneWord = form.zoneWord;
  if (zoneWord === undefined) return instantFromWallTime(wall, zone);
  if (UTC_WORDS.has(zoneWord)) return instantFromWallTime(wall, 'UTC');
  const offset = /^(?:gmt|utc)([+-])(\d{1,2})(?::(\d{2}))?$/.exec(zoneWord);
  if (offset) {
    const offsetMinutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (Number(offset[2]) > 18 || Number(offset[3] ?? 0) > 59)
      return `${zoneWord.toUpperCase()} is not a UTC offset.`;
    return (
      instantFromWallTime(wall, 'UTC') - (offset[1] === '-' ? -offsetMinutes : offsetMinutes) * MS_PER_MINUTE
    );
  }
  const candidates = [instantFromWallTime(wall, zone, 'earlier'), instantFromWallTime(wall, zone, 'later')];
  const match = candidates.find(
    (instant) => wallTimeInZone(instant, zone).zoneAbbreviation.toLowerCase() === zoneWord,
  );
  if (match !== undefined) return match;
  const inUse = `${zone}, ${wallTimeInZone(candidates[0]!, zone).zoneAbbreviation} on that day`;
  return `"${zoneWord.toUpperCase()}" is not the time zone in use (${inUse}): leave it out, or give the time in UTC.`;
}

/** Resolves a wall-clock form to a date: explicit, today/tomorrow, the next such weekday, or today. */
function resolveWall(form: WallForm, context: Settled): ParsedTime {
  const now = wallTimeInZone(context.nowMs, context.zone);
  const today = { year: now.year, month: now.month, day: now.day };
  const at = (date: Required<CalendarDate>): number | string => instantOf(date, form, context.zone);
  const finish = (date: Required<CalendarDate>, pastMessage?: string): ParsedTime => {
    if (!isRealDate(date)) {
      const monthName = MONTH_NAMES[date.month - 1];
      if (monthName === undefined) {
        return fail(`There is no month ${date.month}: write dates day first, as in 23/04.`);
      }
      return fail(`There is no ${date.day} ${monthName} ${date.year}.`);
    }
    if (form.weekday !== undefined && form.weekday !== dayOfWeek(date)) {
      return fail(
        `${dateText(date)} is a ${WEEKDAY_FULL_NAMES[dayOfWeek(date)]}, not a ${WEEKDAY_FULL_NAMES[form.weekday]}.`,
      );
    }
    const instant = at(date);
    return typeof instant === 'string' ? fail(instant) : accept(instant, context, pastMessage);
  };
  const hhmm = clockText(form.clock);
  const todayPassed = `${hhmm} today has already passed — type "tomorrow ${hhmm}" if you meant that.`;

  if (form.date?.year !== undefined) return finish({ ...form.date, year: form.date.year });
  if (form.date) {
    // This year's date if still ahead; next year's only around New Year
    // ("2 Jan" typed on 30 Dec); otherwise it is most likely a slip.
    const thisYear = { ...form.date, year: now.year };
    const nextYear = { ...form.date, year: now.year + 1 };
    const thisYearInstant = isRealDate(thisYear) ? at(thisYear) : undefined;
    if (typeof thisYearInstant === 'number' && thisYearInstant > context.nowMs) return finish(thisYear);
    const nextYearInstant = isRealDate(nextYear) ? at(nextYear) : undefined;
    if (typeof nextYearInstant === 'number' && nextYearInstant - context.nowMs <= NEXT_YEAR_WINDOW_MS)
      return finish(nextYear);
    return finish(
      thisYear,
      `${dateText(thisYear)}, ${hhmm} has already passed — add the year if you meant ${dateText(nextYear)}.`,
    );
  }
  if (form.dayOffset === 1) return finish(shiftDate(today, 1));
  if (form.weekday !== undefined) {
    const daysAhead = (form.weekday - now.weekday + 7) % 7;
    const nextWeek = shiftDate(today, daysAhead === 0 ? 7 : daysAhead);
    const suggestion = `${WEEKDAY_NAMES[form.weekday]} ${dateText(nextWeek)} ${hhmm}`;
    return finish(
      shiftDate(today, daysAhead),
      `${hhmm} today has already passed — type "${suggestion}" if you meant next week.`,
    );
  }
  return finish(today, todayPassed);
}

function settle(context: TimeInputContext): Settled | string {
  if (!Number.isFinite(context.nowMs))
    return 'Herald could not read the current time, so it cannot check this one.';
  if (typeof context.zone !== 'string' || !isValidTimeZone(context.zone)) {
    return `"${echo(String(context.zone))}" is not a time zone Herald knows: choose one in Settings.`;
  }
  const requested = context.maxAheadDays;
  const maxAheadDays =
    requested !== undefined && Number.isFinite(requested) && requested > 0
      ? requested
      : DEFAULT_MAX_AHEAD_DAYS;
  return { nowMs: context.nowMs, zone: context.zone, maxAheadDays };
}

function parseUnguarded(text: string, context: TimeInputContext): ParsedTime {
  const settled = settle(context);
  if (typeof settled === 'string') return fail(settled);
  if (typeof text !== 'string') return fail(`Type a time. ${EXAMPLES}`);
  if (text.length > MAX_INPUT_LENGTH) return fail(`That is too long to be a time. ${EXAMPLES}`);
  const normalised = normaliseTimeInput(text);
  if (normalised === '') return fail(`Type when the next update is due. ${EXAMPLES}`);

  const form = recogniseTimeInput(normalised);
  if (form === null) return fail(`Herald could not read "${echo(text)}" as a time. ${EXAMPLES}`);
  switch (form.kind) {
    case 'invalid':
      return fail(form.message);
    case 'instant':
      return accept(form.epochMs, settled);
    case 'duration':
      if (form.durationMs <= 0) return fail(`That is now, not later. ${EXAMPLES}`);
      return accept(settled.nowMs + form.durationMs, settled);
    case 'wall':
      return resolveWall(form, settled);
  }
}

/**
 * What a comms lead types for "next update at" → an instant within the next
 * `maxAheadDays`, read in `zone` relative to `nowMs`. Accepts "in 30 min",
 * "30m", "in 1 hour 30 min", "14:30", "2:30pm", "noon", "tomorrow 09:00",
 * "09:00 tomorrow", "Fri 10:00", "23 April 12:00", "23/04 12:00",
 * "2026-04-23 12:00", an ISO instant, and Herald's own formatInstant output.
 * A clock time already passed today is rejected with a suggestion rather
 * than moved to tomorrow. `normalised` is formatInstant in `zone`.
 */
export function parseTimeInput(text: string, context: TimeInputContext): ParsedTime {
  try {
    return parseUnguarded(text, context);
  } catch {
    // Only a bug can land here; the person still gets a sentence, not a crash.
    return fail(`Herald could not read that as a time. ${EXAMPLES}`);
  }
}
