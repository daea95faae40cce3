// The words of a typed time ("in 1 h 30 min", "tomorrow 9am", "23/04 12:00",
// an ISO instant) recognised into a structured form. No clock and no zone
// here: parse-time-input.ts decides what instant a form means and whether it
// is acceptable.

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

export interface CalendarDate {
  /** Absent when the person left the year out ("23 April"). */
  year?: number;
  month: number;
  day: number;
}

export type TimeInputForm =
  | { kind: 'instant'; epochMs: number }
  | { kind: 'duration'; durationMs: number }
  | {
      kind: 'wall';
      clock: ClockTime;
      date?: CalendarDate;
      /** 0 for "today", 1 for "tomorrow". */
      dayOffset?: 0 | 1;
      /** 0 = Sunday; checked against the date, or picks the next such day. */
      weekday?: number;
      /** A trailing zone word ("utc", "bst"), lower-case. */
      zoneWord?: string;
    }
  /** Recognisably a time, but wrong in a way worth explaining. */
  | { kind: 'invalid'; message: string };

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
const MONTH_PATTERN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY_PATTERN =
  'sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?';
const WEEKDAY_PREFIXES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** A trailing zone: an abbreviation ("bst", "utc") or an offset as formatInstant writes it ("gmt+5:30"). */
const ZONE_WORD_PATTERN = '(?:gmt|utc)[+-]\\d{1,2}(?::\\d{2})?|[a-z]{1,5}';
/** Words that belong to the grammar, so a trailing one is never taken for a zone. */
const GRAMMAR_WORD = new RegExp(
  `^(?:today|tomorrow|tmrw|noon|midday|midnight|am|pm|at|on|of|the|${MONTH_PATTERN}|${WEEKDAY_PATTERN})$`,
);

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

function daysInMonth(year: number, month: number): number {
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
  const body = text.replace(/^(?:in |\+ ?)/, '');
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

/** Pulls recognised pieces out of the text one by one; whatever is left must be filler. */
class Remainder {
  constructor(private text: string) {}

  take(pattern: string): RegExpExecArray | null {
    const match = new RegExp(`(?<= )(?:${pattern})(?= )`).exec(this.text);
    if (match)
      this.text = `${this.text.slice(0, match.index)} ${this.text.slice(match.index + match[0].length)}`;
    return match;
  }

  /** Takes the last word if it matches `pattern` and passes `isWanted`. */
  takeTrailing(pattern: string, isWanted: (word: string) => boolean): string | undefined {
    const match = new RegExp(`(?<= )(?:${pattern})(?= $)`).exec(this.text);
    if (!match || !isWanted(match[0])) return undefined;
    this.text = `${this.text.slice(0, match.index)} `;
    return match[0];
  }

  rest(): string {
    return this.text.replace(/ (?:at|on|the)(?= )/g, ' ').trim();
  }
}

function monthNumber(name: string): number {
  return (
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
      name.slice(0, 3),
    ) + 1
  );
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function takeClock(remainder: Remainder): ClockTime | { kind: 'invalid'; message: string } | undefined {
  const named = remainder.take('noon|midday|midnight');
  if (named?.[0] === 'midnight') {
    return {
      kind: 'invalid',
      message: 'Midnight is ambiguous: type "00:00" with the day it starts, or "23:59".',
    };
  }
  if (named) return { hour: 12, minute: 0, second: 0 };

  const twelveHour = remainder.take('(\\d{1,2})(?:[:.](\\d{2}))? ?(am|pm)');
  if (twelveHour) {
    const hour = Number(twelveHour[1]);
    const minute = Number(twelveHour[2] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) {
      return {
        kind: 'invalid',
        message: `${twelveHour[0]} is not a time of day: use 1-12 with am/pm, or 24-hour time like 14:30.`,
      };
    }
    return { hour: (hour % 12) + (twelveHour[3] === 'pm' ? 12 : 0), minute, second: 0 };
  }

  const twentyFourHour = remainder.take('(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?');
  if (twentyFourHour) {
    const [hour, minute, second] = [1, 2, 3].map((index) => Number(twentyFourHour[index] ?? 0)) as [
      number,
      number,
      number,
    ];
    if (hour > 23 || minute > 59 || second > 59) {
      return {
        kind: 'invalid',
        message: `${twentyFourHour[0]} is not a time of day: hours go 00-23 and minutes 00-59.`,
      };
    }
    return { hour, minute, second };
  }
  return undefined;
}

function takeDate(remainder: Remainder): CalendarDate | undefined {
  const iso = remainder.take('(\\d{4})-(\\d{1,2})-(\\d{1,2})');
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  // Day first, as in the UK: 23/04 is 23 April.
  const slashed = remainder.take('(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?');
  if (slashed) return { year: fullYear(slashed[3]), month: Number(slashed[2]), day: Number(slashed[1]) };
  const dayMonth = remainder.take(`(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTH_PATTERN})(?: (\\d{4}))?`);
  if (dayMonth)
    return { year: fullYear(dayMonth[3]), month: monthNumber(dayMonth[2] ?? ''), day: Number(dayMonth[1]) };
  const monthDay = remainder.take(`(${MONTH_PATTERN}) (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?`);
  if (monthDay)
    return { year: fullYear(monthDay[3]), month: monthNumber(monthDay[1] ?? ''), day: Number(monthDay[2]) };
  return undefined;
}

/** "14:30", "2:30pm", "noon", "tomorrow 09:00", "Thu 23 Apr 2026, 12:00 BST", "23/04 12:00", … */
function recogniseWallTime(text: string): TimeInputForm | null {
  // "2026-04-23t12:00" without an offset is a wall time in the person's zone.
  const remainder = new Remainder(` ${text.replace(/^(\d{4}-\d{1,2}-\d{1,2})t(?=\d)/, '$1 ')} `);
  const zoneWord = remainder.takeTrailing(ZONE_WORD_PATTERN, (word) => !GRAMMAR_WORD.test(word));
  const dayWord = remainder.take('today|tomorrow|tmrw')?.[0];
  const clock = takeClock(remainder);
  if (clock && 'kind' in clock) return clock;
  const date = takeDate(remainder);
  const weekdayWord = remainder.take(WEEKDAY_PATTERN)?.[0];

  const rest = remainder.rest();
  if (rest !== '') {
    if (/^\d{1,4}$/.test(rest) && (clock === undefined || date === undefined)) {
      return {
        kind: 'invalid',
        message: `Write "${rest}" as a clock time, for example 09:00, 9am or 21:00.`,
      };
    }
    return null;
  }
  if (!clock) {
    if (date || dayWord || weekdayWord)
      return {
        kind: 'invalid',
        message: 'Add a time of day, for example "tomorrow 09:00" or "23 Apr 12:00".',
      };
    return null;
  }
  if (date && dayWord) return { kind: 'invalid', message: `Give either a date or "${dayWord}", not both.` };
  const form: TimeInputForm = { kind: 'wall', clock };
  if (date) form.date = date;
  if (dayWord) form.dayOffset = dayWord === 'today' ? 0 : 1;
  if (weekdayWord) form.weekday = WEEKDAY_PREFIXES.indexOf(weekdayWord.slice(0, 3));
  if (zoneWord) form.zoneWord = zoneWord;
  return form;
}

/** The structured meaning of already-normalised text, or null when it is not a time at all. */
export function recogniseTimeInput(text: string): TimeInputForm | null {
  return recogniseIsoInstant(text) ?? recogniseDuration(text) ?? recogniseWallTime(text);
}

export { daysInMonth };
