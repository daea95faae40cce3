// What a Slack date token (<!date^1776942000^{date_short_pretty} at {time}|…>)
// shows a reader: the instant in the reader's own zone and clock, with
// "today"/"tomorrow" where Slack says them. The preview runs in the lead's
// browser, so "the reader" is the lead: the same view their colleagues in
// that zone get. Pure: the zone, clock style and now are arguments.
import { MONTH_FULL_NAMES, WEEKDAY_FULL_NAMES } from '../../../shared/time/calendar-names.ts';
import { usesTwelveHourClock } from '../../../shared/time/format.ts';
import { wallTimeInZone, type ZonedWallTime } from '../../../shared/time/zoned.ts';

export interface SlackDateOptions {
  /** IANA zone of the reader; undefined: this browser's. */
  timeZone?: string;
  /** 12-hour clock ("6:39 AM") or 24-hour ("06:39"); undefined: the lead's way of writing times (Settings). */
  isTwelveHour?: boolean;
  nowMs: number;
}

type Wall = Pick<ZonedWallTime, 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second'>;

/** The reader's wall clock, from the same zoned time every Herald screen uses (shared/time/zoned.ts). */
function wallTime(epochMs: number, timeZone: string | undefined): Wall {
  return wallTimeInZone(epochMs, timeZone ?? browserZone());
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

const two = (value: number) => String(value).padStart(2, '0');

function browserZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function clock(wall: Wall, isTwelveHour: boolean, withSeconds: boolean): string {
  const seconds = withSeconds ? `:${two(wall.second)}` : '';
  if (!isTwelveHour) return `${two(wall.hour)}:${two(wall.minute)}${seconds}`;
  const hour = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  return `${hour}:${two(wall.minute)}${seconds} ${wall.hour < 12 ? 'AM' : 'PM'}`;
}

function dayDifference(a: Wall, b: Wall): number {
  return Math.round(
    (Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000,
  );
}

function ago(epochMs: number, nowMs: number): string {
  const minutes = Math.round((nowMs - epochMs) / 60_000);
  const size = Math.abs(minutes);
  const span =
    size < 60
      ? `${size} minute${size === 1 ? '' : 's'}`
      : size < 1440
        ? `${Math.round(size / 60)} hours`
        : `${Math.round(size / 1440)} days`;
  if (size === 0) return 'just now';
  return minutes > 0 ? `${span} ago` : `in ${span}`;
}

/** The token's text as the reader sees it; unknown {words} are left as they are, as Slack does. */
export function slackDateText(epochSec: number, format: string, options: SlackDateOptions): string {
  const epochMs = epochSec * 1000;
  const wall = wallTime(epochMs, options.timeZone);
  const today = wallTime(options.nowMs, options.timeZone);
  const isTwelveHour = options.isTwelveHour ?? usesTwelveHourClock();
  const month = MONTH_FULL_NAMES[wall.month - 1] ?? '';
  const dates = {
    date_num: `${wall.year}-${two(wall.month)}-${two(wall.day)}`,
    date: `${month} ${ordinal(wall.day)}, ${wall.year}`,
    date_short: `${month.slice(0, 3)} ${wall.day}, ${wall.year}`,
    date_long: `${WEEKDAY_FULL_NAMES[wall.weekday] ?? ''}, ${month} ${ordinal(wall.day)}, ${wall.year}`,
  };
  const relative = ['yesterday', 'today', 'tomorrow'][dayDifference(wall, today) + 1];
  const capitalised = relative ? relative[0]?.toUpperCase() + relative.slice(1) : undefined;
  const words: Record<string, string> = {
    ...dates,
    date_pretty: capitalised ?? dates.date,
    date_short_pretty: capitalised ?? dates.date_short,
    date_long_pretty: capitalised ?? dates.date_long,
    time: clock(wall, isTwelveHour, false),
    time_secs: clock(wall, isTwelveHour, true),
    ago: ago(epochMs, options.nowMs),
  };
  return format.replace(/\{([a-z_]+)\}/g, (whole, word: string) => words[word] ?? whole);
}
