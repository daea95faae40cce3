// The words of a typed time ("in 1 h 30 min", "tomorrow 9am", "23/04 12:00",
// an ISO instant) recognised into a structured form. This file owns
// normalisation, ISO instants and durations; wall-time-grammar.ts owns clock
// times and dates. No clock and no zone here: parse-time-input.ts decides
// what instant a form means and whether it is acceptable.
import type { TimeInputForm } from './time-input-form.ts';
import { recogniseWallTime } from './wall-time-grammar.ts';

const MS_PER_MINUTE = 60_000;
const UNIT_MINUTES: Record<string, number> = {
  d: 1440,
  day: 1440,
  days: 1440,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
};
export const MAX_INPUT_LENGTH = 100;

/** Lower case, one space between words, common look-alikes folded. */
export function normaliseTimeInput(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\b([ap])\.m\.?/g, '$1m')
    .replace(/[,;\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(z|[+-]\d{2}(?::?\d{2})?)$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO 8601 instant with its own offset. Parsed by hand: Date.parse rolls 30 Feb over to March. */
function recogniseIsoInstant(text: string): TimeInputForm | null {
  const match = ISO_INSTANT.exec(text);
  if (!match) return null;
  const field = (index: number): number => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [
    field(1),
    field(2),
    field(3),
    field(4),
    field(5),
    field(6),
  ];
  const fraction = match[7] ?? '';
  const offset = match[8] ?? 'z';
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { kind: 'invalid', message: `${text.toUpperCase()} is not a real date and time.` };
  }
  let offsetMinutes = 0;
  if (offset !== 'z') {
    const digits = offset.slice(1).replace(':', '');
    const [offsetHours, offsetMinutesPart] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || 0)];
    if (offsetHours > 18 || offsetMinutesPart > 59) {
      return { kind: 'invalid', message: `${offset.toUpperCase()} is not a UTC offset.` };
    }
    offsetMinutes = (offsetHours * 60 + offsetMinutesPart) * (offset.startsWith('-') ? -1 : 1);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  return { kind: 'instant', epochMs: date.getTime() - offsetMinutes * MS_PER_MINUTE };
}

// "a"/"an" only before a whole unit word, so "a.m." never reads as "a m(inute)".
const DURATION_PART = /(?:(\d{1,6}(?:\.\d{1,3})?) ?([a-z]+)|(half an?|an?) (minute|hour|day))/y;
const DURATION_SEPARATOR = / ?(?:and )?/y;

/** "in 30 min", "30m", "in 1 hour 30 min", "1h30", "in 2 days", "in half an hour". */
function recogniseDuration(text: string): TimeInputForm | null {
  const hasPrefix = /^(?:in |\+ ?)/.test(text);
  const body = text.replace(/^(?:in |\+ ?)/, '').replace(/ from now$/, '');
  if (hasPrefix && /^\d+(?:\.\d+)?$/.test(body)) {
    return { kind: 'invalid', message: `Add a unit: "in ${body} min" or "in ${body} h".` };
  }
  const compact = /^(\d{1,3})h(\d{1,2})m?$/.exec(body);
  if (compact)
    return { kind: 'duration', durationMs: (Number(compact[1]) * 60 + Number(compact[2])) * MS_PER_MINUTE };

  let totalMinutes = 0;
  let position = 0;
  while (position < body.length) {
    DURATION_PART.lastIndex = position;
    const part = DURATION_PART.exec(body);
    const unitMinutes = part ? UNIT_MINUTES[part[2] ?? part[4] ?? ''] : undefined;
    if (!part || unitMinutes === undefined) return null;
    const amount = part[1] !== undefined ? Number(part[1]) : part[3]?.startsWith('half') ? 0.5 : 1;
    totalMinutes += amount * unitMinutes;
    DURATION_SEPARATOR.lastIndex = DURATION_PART.lastIndex;
    DURATION_SEPARATOR.exec(body);
    position = DURATION_SEPARATOR.lastIndex;
  }
  return position === 0 ? null : { kind: 'duration', durationMs: Math.round(totalMinutes * MS_PER_MINUTE) };
}

/** The structured meaning of already-normalised text, or null when it is not a time at all. */
export function recogniseTimeInput(text: string): TimeInputForm | null {
  return recogniseIsoInstant(text) ?? recogniseDuration(text) ?? recogniseWallTime(text);
}
