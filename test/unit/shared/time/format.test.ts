import { afterEach, describe, expect, it } from 'vitest';

import {
  formatInstant,
  formatLateness,
  formatNumericDate,
  formatRelative,
  formatTimeOfDay,
  numericDatePattern,
  parseNumericDate,
  setTimeLocale,
  timeLocale,
  toIsoUtc,
} from '../../../../shared/time/format.ts';

const LONDON = 'Europe/London';
const NOON_BST = Date.parse('2026-04-23T11:00:00Z');
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

describe('formatInstant', () => {
  it('writes weekday, date, year, 24-hour time and zone by default', () => {
    expect(formatInstant(NOON_BST, LONDON)).toBe('Thu 23 Apr 2026, 12:00 BST');
  });

  it('writes GMT in winter', () => {
    expect(formatInstant(Date.parse('2026-12-01T09:05:00Z'), LONDON)).toBe('Tue 1 Dec 2026, 09:05 GMT');
  });

  it('drops the weekday, year or zone on request', () => {
    expect(formatInstant(NOON_BST, LONDON, { withWeekday: false })).toBe('23 Apr 2026, 12:00 BST');
    expect(formatInstant(NOON_BST, LONDON, { withYear: false })).toBe('Thu 23 Apr, 12:00 BST');
    expect(formatInstant(NOON_BST, LONDON, { withZone: false })).toBe('Thu 23 Apr 2026, 12:00');
    expect(formatInstant(NOON_BST, LONDON, { withWeekday: false, withYear: false, withZone: false })).toBe(
      '23 Apr, 12:00',
    );
  });

  it.each([
    ['America/New_York', 'Thu 23 Apr 2026, 07:00 EDT'],
    ['Asia/Kolkata', 'Thu 23 Apr 2026, 16:30 IST'],
    ['Pacific/Chatham', 'Thu 23 Apr 2026, 23:45 GMT+12:45'],
    ['UTC', 'Thu 23 Apr 2026, 11:00 UTC'],
  ])('writes the same instant in %s as %s', (zone, expected) => {
    expect(formatInstant(NOON_BST, zone)).toBe(expected);
  });

  it('tells the two 01:30s of the autumn overlap apart by their zone', () => {
    expect(formatInstant(Date.parse('2026-10-25T00:30:00Z'), LONDON)).toBe('Sun 25 Oct 2026, 01:30 BST');
    expect(formatInstant(Date.parse('2026-10-25T01:30:00Z'), LONDON)).toBe('Sun 25 Oct 2026, 01:30 GMT');
  });
});

describe('formatTimeOfDay', () => {
  it('writes a zero-padded 24-hour clock time in the zone', () => {
    expect(formatTimeOfDay(NOON_BST, LONDON)).toBe('12:00');
    expect(formatTimeOfDay(Date.parse('2026-01-01T08:05:59Z'), LONDON)).toBe('08:05');
    expect(formatTimeOfDay(Date.parse('2026-01-01T23:59:00Z'), 'Asia/Kolkata')).toBe('05:29');
  });
});

describe('formatRelative', () => {
  const now = NOON_BST;
  it.each([
    [0, 'now'],
    [29_000, 'now'],
    [-29_000, 'now'],
    [MINUTE_MS, 'in 1 min'],
    [30 * MINUTE_MS, 'in 30 min'],
    [-5 * MINUTE_MS, '5 min ago'],
    [59 * MINUTE_MS, 'in 59 min'],
    [HOUR_MS, 'in 1 h'],
    [2 * HOUR_MS + 5 * MINUTE_MS, 'in 2 h 5 min'],
    [-(2 * HOUR_MS + 5 * MINUTE_MS), '2 h 5 min ago'],
    [23 * HOUR_MS + 59 * MINUTE_MS, 'in 23 h 59 min'],
    [DAY_MS, 'in 1 day'],
    [DAY_MS + 3 * HOUR_MS + 20 * MINUTE_MS, 'in 1 day 3 h'],
    [3 * DAY_MS, 'in 3 days'],
    [3 * DAY_MS + 5 * HOUR_MS, 'in 3 days'],
    [-10 * DAY_MS, '10 days ago'],
  ])('describes %i ms from now as %j', (deltaMs, expected) => {
    expect(formatRelative(now + deltaMs, now)).toBe(expected);
  });

  it('rounds to the nearest minute', () => {
    expect(formatRelative(now + 29 * MINUTE_MS + 31_000, now)).toBe('in 30 min');
    expect(formatRelative(now + 29 * MINUTE_MS + 29_000, now)).toBe('in 29 min');
  });

  it('refuses instants that are not numbers', () => {
    expect(() => formatRelative(Number.NaN, now)).toThrow(RangeError);
  });
});

describe('toIsoUtc', () => {
  it('writes the instant as ISO 8601 in UTC', () => {
    expect(toIsoUtc(NOON_BST)).toBe('2026-04-23T11:00:00.000Z');
  });
});

describe('formatLateness', () => {
  it.each([
    [0, '1 minute late'],
    [59_999, '1 minute late'],
    [60_000, '1 minute late'],
    [15 * 60_000, '15 minutes late'],
    [60 * 60_000, '1 hour late'],
    [125 * 60_000, '2 hours 5 minutes late'],
    [24 * 60 * 60_000, '1 day late'],
    [(2 * 24 + 22) * 60 * 60_000 + 59_000, '2 days 22 hours late'],
  ])('%i ms → %s', (lateMs, expected) => {
    expect(formatLateness(lateMs)).toBe(expected);
  });

  it('refuses a duration that is not a number', () => {
    expect(() => formatLateness(Number.NaN)).toThrow(RangeError);
  });
});

describe('the lead’s way of writing times', () => {
  const instant = Date.parse('2026-04-23T13:05:00.000Z'); // 14:05 BST
  afterEach(() => setTimeLocale('en-GB'));

  it('writes British English, 24-hour, by default', () => {
    expect(timeLocale()).toBe('en-GB');
    expect(formatInstant(instant, 'Europe/London')).toBe('Thu 23 Apr 2026, 14:05 BST');
    expect(formatTimeOfDay(instant, 'Europe/London')).toBe('14:05');
    expect(formatNumericDate(instant, 'Europe/London')).toBe('23/04/2026');
    expect(numericDatePattern()).toBe('DD/MM/YYYY');
  });

  it('writes US English with a 12-hour clock once chosen', () => {
    setTimeLocale('en-US');
    expect(formatInstant(instant, 'Europe/London')).toBe('Thu, Apr 23, 2026, 2:05 PM BST');
    expect(formatInstant(instant, 'Europe/London', { withYear: false, withZone: false })).toBe(
      'Thu, Apr 23, 2:05 PM',
    );
    expect(formatTimeOfDay(Date.parse('2026-04-23T23:30:00.000Z'), 'Europe/London')).toBe('12:30 AM');
    expect(formatNumericDate(instant, 'Europe/London')).toBe('04/23/2026');
    expect(numericDatePattern()).toBe('MM/DD/YYYY');
  });

  it('reads dates typed the lead’s way, or ISO, and refuses dates that do not exist', () => {
    expect(parseNumericDate('23/04/2026')).toEqual({ year: 2026, month: 4, day: 23 });
    expect(parseNumericDate('2026-04-23')).toEqual({ year: 2026, month: 4, day: 23 });
    expect(parseNumericDate('04/23/2026')).toBeNull();
    expect(parseNumericDate('31/02/2026')).toBeNull();
    setTimeLocale('en-US');
    expect(parseNumericDate('04/23/2026')).toEqual({ year: 2026, month: 4, day: 23 });
    expect(parseNumericDate('23/04/2026')).toBeNull();
  });
});
