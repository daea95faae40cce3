import { describe, expect, it } from 'vitest';

import {
  formatInstant,
  formatLateness,
  formatRelative,
  formatTimeOfDay,
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
