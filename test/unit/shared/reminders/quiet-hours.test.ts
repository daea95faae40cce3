import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isInQuietHours,
  quietHoursEndAfter,
  releaseInstantMs,
} from '../../../../shared/reminders/quiet-hours.ts';

const overnight = { startHHMM: '22:00', endHHMM: '07:00', zone: 'Europe/London' };
const lunch = { startHHMM: '12:00', endHHMM: '13:00', zone: 'Europe/London' };
/** UTC instant for a London summer (BST) wall time on Thu 23 Apr 2026. */
const bst = (hour: number, minute = 0, day = 23) => Date.UTC(2026, 3, day, hour - 1, minute);

describe('isInQuietHours', () => {
  it('covers an overnight window, start inclusive and end exclusive', () => {
    expect(isInQuietHours(bst(21, 59), overnight)).toBe(false);
    expect(isInQuietHours(bst(22, 0), overnight)).toBe(true);
    expect(isInQuietHours(bst(3, 0), overnight)).toBe(true);
    expect(isInQuietHours(bst(6, 59), overnight)).toBe(true);
    expect(isInQuietHours(bst(7, 0), overnight)).toBe(false);
  });

  it('covers a same-day window', () => {
    expect(isInQuietHours(bst(12, 30), lunch)).toBe(true);
    expect(isInQuietHours(bst(13, 0), lunch)).toBe(false);
    expect(isInQuietHours(bst(3, 0), lunch)).toBe(false);
  });

  it('reads local time in the given zone, so DST moves the window in UTC', () => {
    // 22:30 UTC is 22:30 GMT in January (quiet) and 23:30 BST in July (quiet); 21:30 UTC differs.
    expect(isInQuietHours(Date.UTC(2026, 0, 15, 21, 30), overnight)).toBe(false);
    expect(isInQuietHours(Date.UTC(2026, 6, 15, 21, 30), overnight)).toBe(true);
  });

  it('treats an empty window (start equals end) as no quiet hours', () => {
    expect(isInQuietHours(bst(3, 0), { ...overnight, endHHMM: '22:00' })).toBe(false);
  });
});

describe('quietHoursEndAfter', () => {
  it('finds the end the same morning or the next morning', () => {
    expect(quietHoursEndAfter(bst(3, 0), overnight)).toBe(bst(7, 0));
    expect(quietHoursEndAfter(bst(23, 0), overnight)).toBe(bst(7, 0, 24));
  });

  it('is 07:00 local across both DST changes in London', () => {
    expect(quietHoursEndAfter(Date.UTC(2026, 2, 28, 23, 0), overnight)).toBe(Date.UTC(2026, 2, 29, 6, 0));
    expect(quietHoursEndAfter(Date.UTC(2026, 9, 24, 23, 0), overnight)).toBe(Date.UTC(2026, 9, 25, 7, 0));
  });

  it('moves an end inside the spring-forward gap forward by the gap', () => {
    const endsInGap = { startHHMM: '23:00', endHHMM: '01:30', zone: 'Europe/London' };
    // 01:30 does not exist on 29 Mar 2026; 02:30 BST (01:30 UTC) is the first instant after it.
    expect(quietHoursEndAfter(Date.UTC(2026, 2, 28, 23, 30), endsInGap)).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it('always lands after the instant, outside quiet hours, within a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), (epochMs) => {
        const endMs = quietHoursEndAfter(epochMs, overnight);
        expect(endMs).toBeGreaterThan(epochMs);
        expect(endMs - epochMs).toBeLessThanOrEqual(25 * 3_600_000);
        expect(isInQuietHours(endMs, overnight)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('releaseInstantMs', () => {
  it('keeps the due instant outside quiet hours or without them', () => {
    expect(releaseInstantMs(bst(15), bst(10), overnight)).toBe(bst(15));
    expect(releaseInstantMs(bst(23), bst(10), undefined)).toBe(bst(23));
  });

  it('moves a due instant inside quiet hours to their end', () => {
    expect(releaseInstantMs(bst(23), bst(10), overnight)).toBe(bst(7, 0, 24));
  });

  it('holds a reminder already past due while quiet hours are on', () => {
    expect(releaseInstantMs(bst(21), bst(23), overnight)).toBe(bst(7, 0, 24));
    expect(releaseInstantMs(bst(21), bst(21, 30), overnight)).toBe(bst(21));
  });
});
