import { describe, expect, it } from 'vitest';
import { seriesRuleSchema } from '../../../../../shared/calendar/event-series.ts';
import type { EventFields } from '../../../../../shared/calendar/maintenance-event.ts';
import { seriesOccurrences } from '../../../../../electron/core/calendar/event-series.ts';

const fields: EventFields = {
  title: 'Database Patching',
  workKind: 'maintenance',
  what: 'Minor release.',
  why: '',
  // Tue 17 Mar 2026, 09:00 GMT; the clocks go forward on Sun 29 Mar.
  startsAtUtc: '2026-03-17T09:00:00.000Z',
  endsAtUtc: '2026-03-17T10:00:00.000Z',
  timeZone: 'Europe/London',
  services: ['rds'],
  impact: '',
  userActions: '',
  userActionDeadlineUtc: '2026-03-16T17:00:00.000Z',
  changeNotesUrl: '',
  channels: [],
};

describe('seriesOccurrences', () => {
  it('keeps the wall-clock time across a clock change, and moves the deadline with each occurrence', () => {
    const occurrences = seriesOccurrences(fields, { everyWeeks: 2, count: 3 });
    expect(occurrences.map((occurrence) => occurrence.startsAtUtc)).toEqual([
      '2026-03-17T09:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2026-04-14T08:00:00.000Z',
    ]);
    expect(occurrences[1]!.endsAtUtc).toBe('2026-03-31T09:00:00.000Z');
    expect(occurrences[2]!.userActionDeadlineUtc).toBe('2026-04-13T16:00:00.000Z');
  });

  it('refuses a rule of one occurrence, more than 52, or more than two years ahead', () => {
    expect(seriesRuleSchema.safeParse({ everyWeeks: 1, count: 1 }).success).toBe(false);
    expect(seriesRuleSchema.safeParse({ everyWeeks: 1, count: 53 }).success).toBe(false);
    expect(seriesRuleSchema.safeParse({ everyWeeks: 4, count: 40 }).success).toBe(false);
    expect(seriesRuleSchema.safeParse({ everyWeeks: 3, count: 4 }).success).toBe(false);
    expect(seriesRuleSchema.safeParse({ everyWeeks: 4, count: 27 }).success).toBe(true);
  });
});
