// Clock times and dates in what people type ("tomorrow 9am", "Thu 23 Apr
// 2026, 12:00 BST", "23/04 12:00", "Fri 10:00"): each piece is pulled out of
// the text in turn, and the input is a wall time only if nothing but filler
// words is left over.
import type { CalendarDate, ClockTime, TimeInputForm } from './time-input-form.ts';

const MONTH_PATTERN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY_PATTERN =
  'sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?';
const WEEKDAY_PREFIXES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** A trailing zone: an abbreviation ("bst", "utc") or an offset as formatInstant writes it ("gmt+5:30"). */
const ZONE_WORD_PATTERN = '(?:gmt|utc)[+-]\\d{1,2}(?::\\d{2})?|[a-z]{1,5}';
/** Words that belong to the grammar, so a trailing one is never taken for a zone. */
const GRAMMAR_WORD = new RegExp(
  `^(?:today|tomorrow|tmrw|noon|midday|midnight|am|pm|at|on|by|of|the|${MONTH_PATTERN}|${WEEKDAY_PATTERN})$`,
);

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
    return this.text.replace(/ (?:at|on|by|the)(?= )/g, ' ').trim();
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
export function recogniseWallTime(text: string): TimeInputForm | null {
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
