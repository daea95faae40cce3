// Between what the calendar's forms show (a date and a time of day in a zone)
// and the UTC instants the API speaks, plus the short forms the grid uses.
import { instantFromWallTime, wallTimeInZone } from '../../../shared/time/zoned.ts';
import { formatInstant, formatTimeOfDay, timeLocale } from '../../../shared/time/format.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-04-23" for an <input type="date">. */
export function dateInputOf(utc: string, zone: string): string {
  const wall = wallTimeInZone(Date.parse(utc), zone);
  return `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** "12:00" for an <input type="time">: always 24-hour, whatever the lead's way of writing times. */
export function timeInputOf(utc: string, zone: string): string {
  const wall = wallTimeInZone(Date.parse(utc), zone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The UTC instant for a date and time typed in `zone`, or null if either is missing or malformed. */
export function instantFromInputs(date: string, time: string, zone: string): string | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const timeMatch = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!dateMatch || !timeMatch) return null;
  const [hour, minute] = [Number(timeMatch[1]), Number(timeMatch[2])];
  if (hour > 23 || minute > 59) return null;
  try {
    const epochMs = instantFromWallTime(
      { year: Number(dateMatch[1]), month: Number(dateMatch[2]), day: Number(dateMatch[3]), hour, minute },
      zone,
    );
    return new Date(epochMs).toISOString();
  } catch {
    return null;
  }
}

/** "Thu 23 Apr 2026, 12:00 – 17:00 BST", or with both dates when the window spans days. */
export function describeWindow(startsAtUtc: string, endsAtUtc: string, zone: string): string {
  const startMs = Date.parse(startsAtUtc);
  const endMs = Date.parse(endsAtUtc);
  const start = wallTimeInZone(startMs, zone);
  const end = wallTimeInZone(endMs, zone);
  const isSameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  if (isSameDay && start.zoneAbbreviation === end.zoneAbbreviation) {
    return `${formatInstant(startMs, zone, { withZone: false })} – ${formatTimeOfDay(endMs, zone)} ${end.zoneAbbreviation}`;
  }
  return `${formatInstant(startMs, zone)} – ${formatInstant(endMs, zone)}`;
}

/** "locale|zone|instant" → "12:00": the same instants come back every time a view is drawn; bounded, so a long
 * session does not grow it without end. */
const shortTimes = new Map<string, string>();
const MAX_SHORT_TIMES = 20_000;

/** "12:00" in the zone (en-US "12:00 PM"): what a chip in the grid shows, written as every screen writes times. */
export function shortTime(utc: string, zone: string): string {
  const key = `${timeLocale()}|${zone}|${utc}`;
  const known = shortTimes.get(key);
  if (known !== undefined) return known;
  const epochMs = Date.parse(utc);
  if (Number.isNaN(epochMs)) return '';
  const text = formatTimeOfDay(epochMs, zone);
  if (shortTimes.size >= MAX_SHORT_TIMES) shortTimes.clear();
  shortTimes.set(key, text);
  return text;
}

export function longInstant(utc: string, zone: string): string {
  return formatInstant(Date.parse(utc), zone);
}
