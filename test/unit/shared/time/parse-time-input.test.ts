import { describe, expect, it } from 'vitest';

import { parseTimeInput } from '../../../../shared/time/parse-time-input.ts';
import type { ParsedTime, ReadTime } from '../../../../shared/time/parse-time-input.ts';

const LONDON = 'Europe/London';
const MINUTE_MS = 60_000;
/** Thursday 23 April 2026, 10:17:23.456 BST. */
const NOW_MS = Date.parse('2026-04-23T09:17:23.456Z');
const context = { nowMs: NOW_MS, zone: LONDON };

function accepted(result: ParsedTime): ReadTime {
  if (!result.ok) throw new Error(`expected a time, got: ${result.error}`);
  return result.value;
}

function rejected(result: ParsedTime): string {
  if (result.ok) throw new Error(`expected a rejection, got ${new Date(result.value.epochMs).toISOString()}`);
  return result.error;
}

describe('parseTimeInput: durations from now', () => {
  it.each([
    ['in 30 min', 30],
    ['in 30 minutes', 30],
    ['in 30 mins', 30],
    ['30m', 30],
    ['30 min', 30],
    ['+15m', 15],
    ['in 1h', 60],
    ['in 1 hour', 60],
    ['in an hour', 60],
    ['in half an hour', 30],
    ['in a minute', 1],
    ['in 1 hour 30 min', 90],
    ['in 1 h and 30 min', 90],
    ['in 1 hr 30 mins', 90],
    ['1h30', 90],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['in 90 mins', 90],
    ['in 1.5 hours', 90],
    ['in 2 days', 2880],
    ['30 minutes from now', 30],
    ['In 30 Minutes.', 30],
  ])('reads %j as %i minutes from now, to the millisecond', (text, minutes) => {
    expect(accepted(parseTimeInput(text, context)).epochMs).toBe(NOW_MS + minutes * MINUTE_MS);
  });

  it('gives the result back written out in the zone', () => {
    expect(accepted(parseTimeInput('in 30 min', context)).normalised).toBe('Thu 23 Apr 2026, 10:47 BST');
  });

  it('counts elapsed time, not wall-clock time, across a clock change', () => {
    const saturdayMorning = Date.parse('2026-03-28T10:00:00Z');
    const result = accepted(parseTimeInput('in 24 h', { nowMs: saturdayMorning, zone: LONDON }));
    expect(result.normalised).toBe('Sun 29 Mar 2026, 11:00 BST');
  });
});

describe('parseTimeInput: clock times and dates', () => {
  it.each([
    ['14:30', '2026-04-23T13:30:00.000Z'],
    ['14.30', '2026-04-23T13:30:00.000Z'],
    ['at 14:30', '2026-04-23T13:30:00.000Z'],
    ['by 14:30', '2026-04-23T13:30:00.000Z'],
    ['today 14:30', '2026-04-23T13:30:00.000Z'],
    ['14:30:15', '2026-04-23T13:30:15.000Z'],
    ['2:30pm', '2026-04-23T13:30:00.000Z'],
    ['2:30 PM', '2026-04-23T13:30:00.000Z'],
    ['2.30 p.m.', '2026-04-23T13:30:00.000Z'],
    ['2pm', '2026-04-23T13:00:00.000Z'],
    ['2 pm', '2026-04-23T13:00:00.000Z'],
    ['11am', '2026-04-23T10:00:00.000Z'],
    ['noon', '2026-04-23T11:00:00.000Z'],
    ['Midday', '2026-04-23T11:00:00.000Z'],
    ['12pm', '2026-04-23T11:00:00.000Z'],
    ['tomorrow 09:00', '2026-04-24T08:00:00.000Z'],
    ['09:00 tomorrow', '2026-04-24T08:00:00.000Z'],
    ['tomorrow at 9am', '2026-04-24T08:00:00.000Z'],
    ['Tomorrow, 9 AM', '2026-04-24T08:00:00.000Z'],
    ['tmrw noon', '2026-04-24T11:00:00.000Z'],
    ['12am tomorrow', '2026-04-23T23:00:00.000Z'],
    ['tomorrow 00:00', '2026-04-23T23:00:00.000Z'],
    ['23 April 12:00', '2026-04-23T11:00:00.000Z'],
    ['23 Apr 12:00', '2026-04-23T11:00:00.000Z'],
    ['23rd April at 12:00', '2026-04-23T11:00:00.000Z'],
    ['23rd of April 12:00', '2026-04-23T11:00:00.000Z'],
    ['12:00 23 April', '2026-04-23T11:00:00.000Z'],
    ['12:00 on 23 April', '2026-04-23T11:00:00.000Z'],
    ['April 23 12:00', '2026-04-23T11:00:00.000Z'],
    ['23 April 2026 12:00', '2026-04-23T11:00:00.000Z'],
    ['1 May 9am', '2026-05-01T08:00:00.000Z'],
    ['1 Dec 09:00', '2026-12-01T09:00:00.000Z'],
    ['23/04 12:00', '2026-04-23T11:00:00.000Z'],
    ['24/4 12:00', '2026-04-24T11:00:00.000Z'],
    ['23/04/2026 12:00', '2026-04-23T11:00:00.000Z'],
    ['23/04/26 12:00', '2026-04-23T11:00:00.000Z'],
    ['2026-04-23 12:00', '2026-04-23T11:00:00.000Z'],
    ['2026-04-23T12:00', '2026-04-23T11:00:00.000Z'],
    ['Fri 10:00', '2026-04-24T09:00:00.000Z'],
    ['friday 10am', '2026-04-24T09:00:00.000Z'],
    ['thursday 11:00', '2026-04-23T10:00:00.000Z'],
    ['Mon 27 Apr 2026, 09:00 BST', '2026-04-27T08:00:00.000Z'],
    ['Thu 23 Apr 2026, 12:00 BST', '2026-04-23T11:00:00.000Z'],
    ['12:00 UTC', '2026-04-23T12:00:00.000Z'],
    ['12:00 GMT', '2026-04-23T12:00:00.000Z'],
    ['12:00 BST', '2026-04-23T11:00:00.000Z'],
    ['16:00 GMT+5:30', '2026-04-23T10:30:00.000Z'],
    ['14:30\u200b', '2026-04-23T13:30:00.000Z'],
    ['\u00a014:30\u2003', '2026-04-23T13:30:00.000Z'],
    ['\uff11\uff14:\uff13\uff10', '2026-04-23T13:30:00.000Z'],
  ])('reads %j in London as %s', (text, iso) => {
    expect(new Date(accepted(parseTimeInput(text, context)).epochMs).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-04-23T11:00:00Z', '2026-04-23T11:00:00.000Z'],
    ['2026-04-23T11:00:00.250Z', '2026-04-23T11:00:00.250Z'],
    ['2026-04-23T12:00:00+01:00', '2026-04-23T11:00:00.000Z'],
    ['2026-04-23T07:00-0400', '2026-04-23T11:00:00.000Z'],
    ['2026-04-23 11:00Z', '2026-04-23T11:00:00.000Z'],
  ])('reads the ISO instant %j as %s whatever the zone', (text, iso) => {
    const result = accepted(parseTimeInput(text, { nowMs: NOW_MS, zone: 'Asia/Kolkata' }));
    expect(new Date(result.epochMs).toISOString()).toBe(iso);
  });

  it('reads clock times in the zone it is given', () => {
    const result = accepted(parseTimeInput('14:30', { nowMs: NOW_MS, zone: 'America/New_York' }));
    expect(new Date(result.epochMs).toISOString()).toBe('2026-04-23T18:30:00.000Z');
    expect(result.normalised).toBe('Thu 23 Apr 2026, 14:30 EDT');
  });

  it('keeps 12:00 as 12:00 tomorrow across the spring clock change', () => {
    const saturdayMorning = Date.parse('2026-03-28T10:00:00Z');
    const result = accepted(parseTimeInput('tomorrow 12:00', { nowMs: saturdayMorning, zone: LONDON }));
    expect(new Date(result.epochMs).toISOString()).toBe('2026-03-29T11:00:00.000Z');
  });

  it('moves a time in the spring gap forward by the gap, and says so in the result', () => {
    const saturdayMorning = Date.parse('2026-03-28T10:00:00Z');
    const result = accepted(parseTimeInput('tomorrow 01:30', { nowMs: saturdayMorning, zone: LONDON }));
    expect(result.normalised).toBe('Sun 29 Mar 2026, 02:30 BST');
  });

  it('takes the first 01:30 in the autumn overlap unless the zone says GMT', () => {
    const saturday = { nowMs: Date.parse('2026-10-24T11:00:00Z'), zone: LONDON };
    expect(accepted(parseTimeInput('tomorrow 01:30', saturday)).normalised).toBe(
      'Sun 25 Oct 2026, 01:30 BST',
    );
    expect(accepted(parseTimeInput('25 Oct 01:30 GMT', saturday)).normalised).toBe(
      'Sun 25 Oct 2026, 01:30 GMT',
    );
    expect(accepted(parseTimeInput('25 Oct 01:30 BST', saturday)).normalised).toBe(
      'Sun 25 Oct 2026, 01:30 BST',
    );
  });

  it('reads a date without a year early next year around New Year', () => {
    const newYearsEve = { nowMs: Date.parse('2026-12-30T10:00:00Z'), zone: LONDON };
    expect(accepted(parseTimeInput('2 Jan 09:00', newYearsEve)).normalised).toBe('Sat 2 Jan 2027, 09:00 GMT');
    expect(accepted(parseTimeInput('02/01 09:00', newYearsEve)).normalised).toBe('Sat 2 Jan 2027, 09:00 GMT');
  });

  it('reads 29 February without a year in a leap year', () => {
    const leapYear = { nowMs: Date.parse('2028-01-10T10:00:00Z'), zone: LONDON };
    expect(accepted(parseTimeInput('29 Feb 12:00', leapYear)).normalised).toBe('Tue 29 Feb 2028, 12:00 GMT');
  });
});

describe('parseTimeInput: rejections', () => {
  it('does not move a passed clock time to tomorrow, and names the form that would', () => {
    expect(rejected(parseTimeInput('09:00', context))).toBe(
      '09:00 today has already passed — type "tomorrow 09:00" if you meant that.',
    );
    expect(rejected(parseTimeInput('today 9am', context))).toContain('type "tomorrow 09:00"');
    expect(rejected(parseTimeInput('10:17', context))).toContain('10:17 today has already passed');
  });

  it('suggests next week for a weekday whose time has passed today', () => {
    expect(rejected(parseTimeInput('Thu 09:00', context))).toBe(
      '09:00 today has already passed — type "Thu 30 Apr 2026 09:00" if you meant next week.',
    );
  });

  it('rejects a date earlier this year rather than jumping a year ahead', () => {
    expect(rejected(parseTimeInput('22 Apr 12:00', context))).toBe(
      '22 Apr 2026, 12:00 has already passed — add the year if you meant 22 Apr 2027.',
    );
  });

  it('rejects past instants with the instant written out', () => {
    expect(rejected(parseTimeInput('2026-04-22T12:00:00Z', context))).toBe(
      'Wed 22 Apr 2026, 13:00 BST has already passed.',
    );
    expect(rejected(parseTimeInput('23/04/2025 12:00', context))).toBe(
      'Wed 23 Apr 2025, 12:00 BST has already passed.',
    );
  });

  it('rejects a duration of nothing', () => {
    expect(rejected(parseTimeInput('in 0 min', context))).toContain('That is now');
  });

  it('rejects times more than maxAheadDays ahead (366 by default)', () => {
    expect(rejected(parseTimeInput('in 367 days', context))).toContain('more than 366 days ahead');
    expect(rejected(parseTimeInput('2027-04-25 12:00', context))).toContain('more than 366 days ahead');
    expect(accepted(parseTimeInput('in 366 days', context)).epochMs).toBe(NOW_MS + 366 * 86_400_000);
    const withinADay = { ...context, maxAheadDays: 1 };
    expect(rejected(parseTimeInput('in 2 days', withinADay))).toContain('more than 1 days ahead');
    expect(parseTimeInput('in 23 h', withinADay).ok).toBe(true);
  });

  it.each([
    ['', 'Type when the next update is due'],
    ['   ', 'Type when the next update is due'],
    ['soon', 'could not read "soon" as a time'],
    ['asap', 'could not read'],
    ['🙂', 'could not read "🙂" as a time'],
    ['⏰ 14:30', 'could not read'],
    ['\ud800', 'could not read'],
    ['\u0000\u0007', 'Type when the next update is due'],
    ['in 30', 'Add a unit: "in 30 min" or "in 30 h"'],
    ['in 30 seconds', 'could not read'],
    ['9', 'Write "9" as a clock time'],
    ['tomorrow 9', 'Write "9" as a clock time'],
    ['1430', 'Write "1430" as a clock time'],
    ['tomorrow', 'Add a time of day'],
    ['23 April', 'Add a time of day'],
    ['25:00', '25:00 is not a time of day'],
    ['14:60', '14:60 is not a time of day'],
    ['13pm', '13pm is not a time of day'],
    ['0am', '0am is not a time of day'],
    ['midnight', 'Midnight is ambiguous'],
    ['31/04 12:00', 'There is no 31 Apr 2026.'],
    ['29 Feb 12:00', 'There is no 29 Feb 2026.'],
    ['30/02/2027 12:00', 'There is no 30 Feb 2027.'],
    ['04/23 12:00', 'There is no month 23: write dates day first, as in 23/04.'],
    ['2026-02-30T12:00:00Z', 'is not a real date and time'],
    ['2026-04-23T12:00:00+25:00', 'is not a UTC offset'],
    ['12:00 GMT+19', 'is not a UTC offset'],
    ['Fri 23 Apr 2026 12:00', '23 Apr 2026 is a Thursday, not a Friday.'],
    ['tomorrow 23 Apr 12:00', 'either a date or "tomorrow"'],
    ['12:00 EST', '"EST" is not the time zone in use (Europe/London, BST on that day)'],
    ['14:30 15:30', 'could not read'],
  ])('rejects %j: %s', (text, expectedPart) => {
    expect(rejected(parseTimeInput(text, context))).toContain(expectedPart);
  });

  it('rejects a 10,000-character string without reading it', () => {
    expect(rejected(parseTimeInput('in 30 min '.repeat(1000), context))).toContain('too long');
    expect(rejected(parseTimeInput('x'.repeat(10_000), context))).toContain('too long');
  });

  it('quotes at most 40 characters of what was typed', () => {
    expect(rejected(parseTimeInput('a'.repeat(60), context))).toContain(`"${'a'.repeat(40)}…"`);
  });

  it('reports a bad zone or clock as a sentence instead of throwing', () => {
    expect(rejected(parseTimeInput('14:30', { nowMs: NOW_MS, zone: 'Mars/Olympus_Mons' }))).toContain(
      'not a time zone',
    );
    expect(rejected(parseTimeInput('14:30', { nowMs: Number.NaN, zone: LONDON }))).toContain('current time');
  });

  it('falls back to 366 days when maxAheadDays is not a positive number', () => {
    expect(parseTimeInput('in 300 days', { ...context, maxAheadDays: -5 }).ok).toBe(true);
    expect(parseTimeInput('in 300 days', { ...context, maxAheadDays: Number.NaN }).ok).toBe(true);
  });
});
