import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  addDaysInZone,
  instantFromWallTime,
  isValidTimeZone,
  startOfDayInZone,
  wallTimeInZone,
} from '../../../../shared/time/zoned.ts';

const LONDON = 'Europe/London';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const utc = (iso: string): number => Date.parse(iso);

/** London's clocks change at 01:00 UTC on the last Sundays of March and October. */
const LONDON_TRANSITIONS = [
  { year: 2025, spring: 30, autumn: 26 },
  { year: 2026, spring: 29, autumn: 25 },
  { year: 2027, spring: 28, autumn: 31 },
];

const PROPERTY_ZONES = [
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];

describe('wallTimeInZone', () => {
  it('reads a summer instant in London as BST, one hour ahead of UTC', () => {
    expect(wallTimeInZone(utc('2026-04-23T11:00:00Z'), LONDON)).toEqual({
      year: 2026,
      month: 4,
      day: 23,
      hour: 12,
      minute: 0,
      second: 0,
      millisecond: 0,
      weekday: 4,
      offsetMinutes: 60,
      zoneAbbreviation: 'BST',
    });
  });

  it('reads a winter instant in London as GMT', () => {
    const wall = wallTimeInZone(utc('2026-01-15T09:05:07.250Z'), LONDON);
    expect(wall).toMatchObject({
      hour: 9,
      minute: 5,
      second: 7,
      millisecond: 250,
      offsetMinutes: 0,
      zoneAbbreviation: 'GMT',
    });
  });

  it.each([
    ['America/New_York', '2026-01-15T12:00:00Z', -300, 'EST'],
    ['America/New_York', '2026-07-15T12:00:00Z', -240, 'EDT'],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 330, 'IST'],
    ['Australia/Lord_Howe', '2026-01-15T12:00:00Z', 660, 'LHDT'],
    ['Australia/Lord_Howe', '2026-07-15T12:00:00Z', 630, 'LHST'],
    ['Pacific/Chatham', '2026-01-15T12:00:00Z', 825, 'GMT+13:45'],
    ['Pacific/Chatham', '2026-07-15T12:00:00Z', 765, 'GMT+12:45'],
    ['UTC', '2026-07-15T12:00:00Z', 0, 'UTC'],
  ])('gives %s at %s an offset of %i minutes, called %s', (zone, iso, offsetMinutes, abbreviation) => {
    expect(wallTimeInZone(utc(iso), zone)).toMatchObject({ offsetMinutes, zoneAbbreviation: abbreviation });
  });

  it('crosses the date line: Chatham is already on the next day', () => {
    expect(wallTimeInZone(utc('2026-04-23T12:00:00Z'), 'Pacific/Chatham')).toMatchObject({
      day: 24,
      hour: 0,
      minute: 45,
      weekday: 5,
    });
  });

  it('reads instants before 1970', () => {
    expect(wallTimeInZone(utc('1969-07-20T20:17:00Z'), 'UTC')).toMatchObject({
      year: 1969,
      month: 7,
      day: 20,
      weekday: 0,
    });
  });

  it('refuses an instant that is not a number', () => {
    expect(() => wallTimeInZone(Number.NaN, LONDON)).toThrow(RangeError);
  });
});

describe.each(LONDON_TRANSITIONS)('London clock changes in $year', ({ year, spring, autumn }) => {
  const pad = (value: number): string => String(value).padStart(2, '0');
  const springDay = `${year}-03-${pad(spring)}`;
  const autumnDay = `${year}-10-${pad(autumn)}`;

  it(`jumps from 00:59 GMT to 02:00 BST on Sunday ${springDay}`, () => {
    const jump = utc(`${springDay}T01:00:00Z`);
    expect(wallTimeInZone(jump - 1, LONDON)).toMatchObject({
      hour: 0,
      minute: 59,
      second: 59,
      zoneAbbreviation: 'GMT',
      weekday: 0,
    });
    expect(wallTimeInZone(jump, LONDON)).toMatchObject({
      hour: 2,
      minute: 0,
      zoneAbbreviation: 'BST',
      weekday: 0,
    });
  });

  it(`falls back from 01:59 BST to 01:00 GMT on Sunday ${autumnDay}`, () => {
    const fall = utc(`${autumnDay}T01:00:00Z`);
    expect(wallTimeInZone(fall - 1, LONDON)).toMatchObject({
      hour: 1,
      minute: 59,
      zoneAbbreviation: 'BST',
      weekday: 0,
    });
    expect(wallTimeInZone(fall, LONDON)).toMatchObject({
      hour: 1,
      minute: 0,
      zoneAbbreviation: 'GMT',
      weekday: 0,
    });
  });

  it('moves a wall time in the spring gap forward by the gap (01:30 → 02:30 BST)', () => {
    const wall = { year, month: 3, day: spring, hour: 1, minute: 30 };
    for (const disambiguation of ['earlier', 'later'] as const) {
      const instant = instantFromWallTime(wall, LONDON, disambiguation);
      expect(instant).toBe(utc(`${springDay}T01:30:00Z`));
      expect(wallTimeInZone(instant, LONDON)).toMatchObject({ hour: 2, minute: 30, zoneAbbreviation: 'BST' });
    }
  });

  it('resolves the edges of the spring gap', () => {
    const at = (hour: number, minute: number): number =>
      instantFromWallTime({ year, month: 3, day: spring, hour, minute }, LONDON);
    expect(at(0, 59)).toBe(utc(`${springDay}T00:59:00Z`));
    expect(at(1, 0)).toBe(utc(`${springDay}T01:00:00Z`));
    expect(at(2, 0)).toBe(utc(`${springDay}T01:00:00Z`));
    expect(at(3, 0)).toBe(utc(`${springDay}T02:00:00Z`));
  });

  it('picks the earlier (BST) or later (GMT) 01:30 in the autumn overlap', () => {
    const wall = { year, month: 10, day: autumn, hour: 1, minute: 30 };
    expect(instantFromWallTime(wall, LONDON)).toBe(utc(`${autumnDay}T00:30:00Z`));
    expect(instantFromWallTime(wall, LONDON, 'earlier')).toBe(utc(`${autumnDay}T00:30:00Z`));
    expect(instantFromWallTime(wall, LONDON, 'later')).toBe(utc(`${autumnDay}T01:30:00Z`));
  });

  it('resolves the edges of the autumn overlap', () => {
    const at = (hour: number, minute: number, disambiguation: 'earlier' | 'later'): number =>
      instantFromWallTime({ year, month: 10, day: autumn, hour, minute }, LONDON, disambiguation);
    expect(at(0, 59, 'later')).toBe(utc(`${autumnDay}T23:59:00Z`) - DAY_MS);
    expect(at(1, 0, 'earlier')).toBe(utc(`${autumnDay}T00:00:00Z`));
    expect(at(1, 0, 'later')).toBe(utc(`${autumnDay}T01:00:00Z`));
    expect(at(2, 0, 'earlier')).toBe(utc(`${autumnDay}T02:00:00Z`));
  });

  it('makes the spring Sunday 23 hours long and the autumn Sunday 25 hours long', () => {
    const springStart = startOfDayInZone(utc(`${springDay}T12:00:00Z`), LONDON);
    const autumnStart = startOfDayInZone(utc(`${autumnDay}T12:00:00Z`), LONDON);
    expect(springStart).toBe(utc(`${springDay}T00:00:00Z`));
    expect(addDaysInZone(springStart, 1, LONDON) - springStart).toBe(23 * HOUR_MS);
    expect(autumnStart).toBe(utc(`${autumnDay}T00:00:00Z`) - HOUR_MS);
    expect(addDaysInZone(autumnStart, 1, LONDON) - autumnStart).toBe(25 * HOUR_MS);
  });

  it('keeps 12:00 as 12:00 when adding days across both clock changes', () => {
    const saturdayNoonGmt = instantFromWallTime(
      { year, month: 3, day: spring - 1, hour: 12, minute: 0 },
      LONDON,
    );
    const sundayNoonBst = addDaysInZone(saturdayNoonGmt, 1, LONDON);
    expect(sundayNoonBst - saturdayNoonGmt).toBe(23 * HOUR_MS);
    expect(wallTimeInZone(sundayNoonBst, LONDON)).toMatchObject({
      day: spring,
      hour: 12,
      minute: 0,
      zoneAbbreviation: 'BST',
    });

    const saturdayNoonBst = instantFromWallTime(
      { year, month: 10, day: autumn - 1, hour: 12, minute: 0 },
      LONDON,
    );
    const sundayNoonGmt = addDaysInZone(saturdayNoonBst, 1, LONDON);
    expect(sundayNoonGmt - saturdayNoonBst).toBe(25 * HOUR_MS);
    expect(wallTimeInZone(sundayNoonGmt, LONDON)).toMatchObject({
      day: autumn,
      hour: 12,
      minute: 0,
      zoneAbbreviation: 'GMT',
    });

    const sevenMonthsLater = addDaysInZone(saturdayNoonGmt, 220, LONDON);
    expect(wallTimeInZone(sevenMonthsLater, LONDON)).toMatchObject({
      hour: 12,
      minute: 0,
      zoneAbbreviation: 'GMT',
    });
    expect(addDaysInZone(sevenMonthsLater, -220, LONDON)).toBe(saturdayNoonGmt);
  });

  it('moves a day-later time that lands in the gap forward by the gap', () => {
    const saturday0130 = instantFromWallTime(
      { year, month: 3, day: spring - 1, hour: 1, minute: 30 },
      LONDON,
    );
    expect(wallTimeInZone(addDaysInZone(saturday0130, 1, LONDON), LONDON)).toMatchObject({
      hour: 2,
      minute: 30,
      zoneAbbreviation: 'BST',
    });
  });

  it('keeps the GMT occurrence of 01:30 when adding zero days in the overlap', () => {
    const later = instantFromWallTime({ year, month: 10, day: autumn, hour: 1, minute: 30 }, LONDON, 'later');
    expect(addDaysInZone(later, 0, LONDON)).toBe(later);
  });
});

describe('zones with unusual daylight saving', () => {
  it('moves a Lord Howe time in its 30-minute spring gap forward by 30 minutes', () => {
    // First Sunday of October 2026: 02:00 LHST becomes 02:30 LHDT.
    const instant = instantFromWallTime(
      { year: 2026, month: 10, day: 4, hour: 2, minute: 15 },
      'Australia/Lord_Howe',
    );
    expect(wallTimeInZone(instant, 'Australia/Lord_Howe')).toMatchObject({
      hour: 2,
      minute: 45,
      offsetMinutes: 660,
    });
  });

  it('finds two Lord Howe 01:45s half an hour apart in its autumn overlap', () => {
    // First Sunday of April 2026: 02:00 LHDT becomes 01:30 LHST.
    const wall = { year: 2026, month: 4, day: 5, hour: 1, minute: 45 };
    const earlier = instantFromWallTime(wall, 'Australia/Lord_Howe', 'earlier');
    const later = instantFromWallTime(wall, 'Australia/Lord_Howe', 'later');
    expect(later - earlier).toBe(30 * 60_000);
    expect(wallTimeInZone(earlier, 'Australia/Lord_Howe').offsetMinutes).toBe(660);
    expect(wallTimeInZone(later, 'Australia/Lord_Howe').offsetMinutes).toBe(630);
  });

  it('moves a Chatham time in its 02:45 spring gap forward by an hour', () => {
    // Last Sunday of September 2026: 02:45 CHAST becomes 03:45 CHADT.
    const instant = instantFromWallTime(
      { year: 2026, month: 9, day: 27, hour: 3, minute: 0 },
      'Pacific/Chatham',
    );
    expect(wallTimeInZone(instant, 'Pacific/Chatham')).toMatchObject({
      hour: 4,
      minute: 0,
      offsetMinutes: 825,
    });
  });

  it('starts a day at 01:00 where midnight is skipped (Santiago, September 2026)', () => {
    const noon = utc('2026-09-06T16:00:00Z');
    expect(wallTimeInZone(startOfDayInZone(noon, 'America/Santiago'), 'America/Santiago')).toMatchObject({
      day: 6,
      hour: 1,
      minute: 0,
    });
  });
});

describe('instantFromWallTime', () => {
  it('rolls overflowing fields over like Date.UTC', () => {
    expect(instantFromWallTime({ year: 2026, month: 4, day: 31, hour: 24, minute: 0 }, 'UTC')).toBe(
      utc('2026-05-02T00:00:00Z'),
    );
  });

  it('keeps seconds and milliseconds', () => {
    expect(
      instantFromWallTime(
        { year: 2026, month: 4, day: 23, hour: 12, minute: 0, second: 5, millisecond: 9 },
        LONDON,
      ),
    ).toBe(utc('2026-04-23T11:00:05.009Z'));
  });

  it('refuses an unknown zone', () => {
    expect(() =>
      instantFromWallTime({ year: 2026, month: 4, day: 23, hour: 12, minute: 0 }, 'Mars/Olympus_Mons'),
    ).toThrow(RangeError);
  });
});

describe('addDaysInZone', () => {
  it('refuses a fractional number of days', () => {
    expect(() => addDaysInZone(0, 1.5, LONDON)).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/London', 'America/New_York', 'UTC', 'Pacific/Chatham'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  it.each(['', 'Europe/Londres', 'Mars/Olympus_Mons', 'GMT+25'])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('properties', () => {
  // Arbitrary instants, plus instants clustered around London's clock changes.
  const anyInstant = fc.oneof(
    fc.integer({ min: utc('1900-01-01T00:00:00Z'), max: utc('2100-01-01T00:00:00Z') }),
    fc
      .tuple(
        fc.constantFrom(
          ...LONDON_TRANSITIONS.flatMap(({ year, spring, autumn }) => [
            utc(`${year}-03-${spring}T01:00:00Z`),
            utc(`${year}-10-${autumn}T01:00:00Z`),
          ]),
        ),
        fc.integer({ min: -3 * HOUR_MS, max: 3 * HOUR_MS }),
      )
      .map(([transition, deltaMs]) => transition + deltaMs),
  );
  const anyZone = fc.constantFrom(...PROPERTY_ZONES);

  it('round-trips instant → wall time → instant, with the matching occurrence in an overlap', () => {
    fc.assert(
      fc.property(anyInstant, anyZone, (epochMs, zone) => {
        const wall = wallTimeInZone(epochMs, zone);
        const earlier = instantFromWallTime(wall, zone, 'earlier');
        const later = instantFromWallTime(wall, zone, 'later');
        expect([earlier, later]).toContain(epochMs);
        // The occurrence is identified by its offset.
        const chosen = wallTimeInZone(earlier, zone).offsetMinutes === wall.offsetMinutes ? earlier : later;
        expect(chosen).toBe(epochMs);
      }),
      { numRuns: 300 },
    );
  });

  it('starts every day at or before the instant, on the same calendar date, less than 25 hours earlier', () => {
    fc.assert(
      fc.property(anyInstant, anyZone, (epochMs, zone) => {
        const start = startOfDayInZone(epochMs, zone);
        const wall = wallTimeInZone(epochMs, zone);
        expect(start).toBeLessThanOrEqual(epochMs);
        expect(epochMs - start).toBeLessThan(25 * HOUR_MS);
        expect(wallTimeInZone(start, zone)).toMatchObject({
          year: wall.year,
          month: wall.month,
          day: wall.day,
        });
        expect(wallTimeInZone(start - 1, zone).day).not.toBe(wall.day);
      }),
    );
  });

  it('keeps the wall-clock time when adding days, unless the target falls in a gap', () => {
    fc.assert(
      fc.property(anyInstant, anyZone, fc.integer({ min: -400, max: 400 }), (epochMs, zone, days) => {
        const start = wallTimeInZone(epochMs, zone);
        const moved = wallTimeInZone(addDaysInZone(epochMs, days, zone), zone);
        const expectedDate = new Date(Date.UTC(start.year, start.month - 1, start.day + days));
        expect(moved).toMatchObject({
          year: expectedDate.getUTCFullYear(),
          month: expectedDate.getUTCMonth() + 1,
          day: expectedDate.getUTCDate(),
        });
        const isInGap = moved.hour !== start.hour || moved.minute !== start.minute;
        if (isInGap) {
          // Only possible when the target wall time does not exist at all.
          const target = { ...start, year: moved.year, month: moved.month, day: moved.day };
          expect(wallTimeInZone(instantFromWallTime(target, zone), zone)).not.toMatchObject({
            hour: start.hour,
            minute: start.minute,
          });
        }
        expect(addDaysInZone(epochMs, 0, zone)).toBe(epochMs);
      }),
    );
  });
});

describe('cached offsets read the same wall time as Intl', () => {
  // What Intl itself prints, asked directly: the reference the cached reading must match to the second.
  const formatters = new Map<string, Intl.DateTimeFormat>();
  function intlWall(epochMs: number, zone: string) {
    let formatter = formatters.get(zone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      formatters.set(zone, formatter);
    }
    const parts = formatter.formatToParts(epochMs);
    const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    return [
      field('year'),
      field('month'),
      field('day'),
      field('hour') % 24,
      field('minute'),
      field('second'),
    ];
  }
  const offsetOf = (epochMs: number, zone: string) => {
    const [year, month, day, hour, minute, second] = intlWall(epochMs, zone) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(epochMs / 1000) * 1000;
  };
  const ownWall = (epochMs: number, zone: string) => {
    const wall = wallTimeInZone(epochMs, zone);
    return [wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second];
  };
  // Zones with 30-minute DST (Lord Howe), Ramadan pauses (Casablanca), a skipped day (Apia, 2011) and odd historic offsets.
  const zones = [
    ...PROPERTY_ZONES,
    'Africa/Casablanca',
    'Pacific/Apia',
    'Africa/Monrovia',
    'America/St_Johns',
    'Europe/Dublin',
  ];

  it('at random instants from 1890 to 2210, including either side of the cached range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2210, 0, 1) }),
        (zone, epochMs) => {
          expect(ownWall(epochMs, zone)).toEqual(intlWall(epochMs, zone));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('every few minutes through each clock change of 2011 to 2027, where the cached hours disagree', () => {
    const stepMs = 6 * HOUR_MS;
    let changes = 0;
    for (const zone of zones) {
      let offsetMs = offsetOf(Date.UTC(2011, 0, 1), zone);
      for (let fromMs = Date.UTC(2011, 0, 1); fromMs < Date.UTC(2027, 0, 1); fromMs += stepMs) {
        const nextOffsetMs = offsetOf(fromMs + stepMs, zone);
        const isChange = nextOffsetMs !== offsetMs;
        offsetMs = nextOffsetMs;
        if (!isChange) continue;
        changes++;
        for (let epochMs = fromMs - 1; epochMs <= fromMs + stepMs + 1; epochMs += 7 * 60_000 + 1)
          expect(ownWall(epochMs, zone), `${zone} at ${new Date(epochMs).toISOString()}`).toEqual(
            intlWall(epochMs, zone),
          );
      }
    }
    expect(changes).toBeGreaterThan(100);
  });
});
