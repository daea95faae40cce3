import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysToKey,
  addMonthsToKey,
  bucketByDay,
  dateKeyOf,
  isDateKey,
  monthGrid,
  monthLabel,
  startOfWeekKey,
  weekGrid,
  weekLabel,
} from '../../../../shared/calendar/calendar-grid.ts';
import { ZONE } from './event-fixtures.ts';

const HOUR_MS = 3_600_000;

describe('date keys', () => {
  it('validate real dates only', () => {
    expect(['2026-04-23', '2028-02-29'].map(isDateKey)).toEqual([true, true]);
    expect(['2026-02-29', '2026-4-23', '23/04/2026', '2026-13-01'].map(isDateKey)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('do calendar arithmetic, clamping months to their last day', () => {
    expect(addDaysToKey('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToKey('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonthsToKey('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToKey('2026-12-15', 1)).toBe('2027-01-15');
    expect(startOfWeekKey('2026-04-23')).toBe('2026-04-20');
    expect(startOfWeekKey('2026-04-23', 0)).toBe('2026-04-19');
  });

  it('read the date of an instant in the zone (late evening UTC is already tomorrow in summer)', () => {
    expect(dateKeyOf(Date.parse('2026-04-22T23:30:00Z'), ZONE)).toBe('2026-04-23');
    expect(dateKeyOf(Date.parse('2026-01-22T23:30:00Z'), ZONE)).toBe('2026-01-22');
  });
});

describe('month and week grids', () => {
  it('lay April 2026 out in five Monday-first weeks, padding with March and May', () => {
    const weeks = monthGrid('2026-04-23', ZONE);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toMatchObject({ key: '2026-03-30', isInMonth: false, weekday: 1 });
    expect(weeks[4]![6]).toMatchObject({ key: '2026-05-03', isInMonth: false });
    expect(weeks.flat().filter((day) => day.isInMonth)).toHaveLength(30);
    expect(monthLabel('2026-04-23')).toBe('April 2026');
  });

  it('need six weeks for a month that starts late in the week', () => {
    expect(monthGrid('2026-08-01', ZONE)).toHaveLength(6);
  });

  it('know the days the clocks change are 23 and 25 hours long', () => {
    const march = monthGrid('2026-03-01', ZONE).flat();
    const october = monthGrid('2026-10-01', ZONE).flat();
    const length = (days: typeof march, key: string) => {
      const day = days.find((candidate) => candidate.key === key)!;
      return (day.endMs - day.startMs) / HOUR_MS;
    };
    expect([length(march, '2026-03-28'), length(march, '2026-03-29'), length(march, '2026-03-30')]).toEqual([
      24, 23, 24,
    ]);
    expect([
      length(october, '2026-10-24'),
      length(october, '2026-10-25'),
      length(october, '2026-10-26'),
    ]).toEqual([24, 25, 24]);
  });

  it('chain days without gaps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), (offset) => {
        const days = monthGrid(addDaysToKey('2025-06-01', offset), ZONE).flat();
        for (let index = 1; index < days.length; index++)
          expect(days[index]!.startMs).toBe(days[index - 1]!.endMs);
      }),
      { numRuns: 40 },
    );
  });

  it('give the week around a date, with a label', () => {
    const week = weekGrid('2026-04-30', ZONE);
    expect(week.map((day) => day.key)).toEqual([
      '2026-04-27',
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
    ]);
    expect(weekLabel(week)).toBe('27 Apr – 3 May 2026');
    expect(weekLabel(weekGrid('2026-04-23', ZONE))).toBe('20 – 26 Apr 2026');
    expect(weekLabel(weekGrid('2026-12-30', ZONE))).toBe('28 Dec 2026 – 3 Jan 2027');
  });
});

describe('putting items into days', () => {
  const week = weekGrid('2026-04-23', ZONE);
  const keysOf = (buckets: string[][], id: string) =>
    week.filter((_, index) => buckets[index]!.includes(id)).map((day) => day.key);
  const item = (id: string, from: string, to: string = from) => ({
    id,
    startMs: Date.parse(from),
    endMs: Date.parse(to),
  });
  const bucket = (...items: ReturnType<typeof item>[]) =>
    bucketByDay(
      week,
      items,
      (entry) => entry.startMs,
      (entry) => entry.endMs,
    ).map((day) => day.map((entry) => entry.id));

  it('puts a window into every day it touches, but not the day its end falls exactly on', () => {
    const buckets = bucket(
      item('overnight', '2026-04-22T21:00:00Z', '2026-04-24T08:00:00Z'),
      item('to-midnight', '2026-04-20T20:00:00Z', '2026-04-20T23:00:00Z'),
    );
    expect(keysOf(buckets, 'overnight')).toEqual(['2026-04-22', '2026-04-23', '2026-04-24']);
    // 23:00 UTC is midnight BST: the window ends as the 21st begins.
    expect(keysOf(buckets, 'to-midnight')).toEqual(['2026-04-20']);
  });

  it('puts an instant into the London day it falls on, and leaves out what is outside the days', () => {
    const buckets = bucket(
      item('late', '2026-04-22T23:30:00Z'),
      item('before', '2026-04-19T10:00:00Z'),
      item('after', '2026-04-27T10:00:00Z'),
      item('spanning-in', '2026-04-18T10:00:00Z', '2026-04-20T10:00:00Z'),
    );
    expect(keysOf(buckets, 'late')).toEqual(['2026-04-23']);
    expect(keysOf(buckets, 'before')).toEqual([]);
    expect(keysOf(buckets, 'after')).toEqual([]);
    expect(keysOf(buckets, 'spanning-in')).toEqual(['2026-04-20']);
  });
});
