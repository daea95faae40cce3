// A zone's offsets handed from one process to another (the bootstrap carries
// the lead's zone to the renderer): the receiving side then reads wall times
// in that stretch, clock changes included, without building any Intl
// formatter, and reads them exactly as Intl would. (The one hour that ends
// with a clock change still asks Intl, as zoned.ts does for any zone.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wallTimeInZone, zoneOffsetSeed, type ZoneOffsetSeed } from '../../../../shared/time/zoned.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** 20 March to 10 April 2026 in London: the spring clock change (29 March, 01:00 UTC) lies inside. */
const FROM = Date.UTC(2026, 2, 20, 9);
const TO = Date.UTC(2026, 3, 10, 9);

/** A fresh copy of zoned.ts (empty tables and caches), with every Intl.DateTimeFormat it builds counted. */
async function freshZonedCountingIntl() {
  vi.resetModules();
  const zoned = await import('../../../../shared/time/zoned.ts');
  const Original = Intl.DateTimeFormat;
  const built: string[] = [];
  vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (
    locale?: string | string[],
    options?: Intl.DateTimeFormatOptions,
  ) {
    built.push(options?.timeZone ?? '(local)');
    return new Original(locale, options);
  } as unknown as typeof Intl.DateTimeFormat);
  return { zoned, built };
}

describe('zone offset seeds', () => {
  afterEach(() => vi.restoreAllMocks());

  it('carries every whole day of the stretch, and the hours of the day the clocks change', () => {
    const seed = zoneOffsetSeed('Europe/London', FROM, TO);
    const days = seed.days.map(([index]) => index);
    expect(days[0]).toBe(Math.floor(FROM / DAY_MS));
    expect(days.at(-1)).toBe(Math.floor(TO / DAY_MS) + 1);
    expect(days.every((index, at) => at === 0 || index === days[at - 1]! + 1)).toBe(true);
    const changeDay = Math.floor(Date.UTC(2026, 2, 29) / DAY_MS);
    expect(seed.hours.map(([index]) => index)).toEqual(
      Array.from({ length: 25 }, (_, hour) => changeDay * 24 + hour),
    );
    expect(new Set(seed.days.map(([, offsetMs]) => offsetMs))).toEqual(new Set([0, HOUR_MS]));
  });

  it('lets another process read wall times in the stretch as Intl does, without building a formatter', async () => {
    const seed: ZoneOffsetSeed = JSON.parse(JSON.stringify(zoneOffsetSeed('Europe/London', FROM, TO)));
    const instants = [
      FROM,
      Date.UTC(2026, 2, 29, 0, 0),
      Date.UTC(2026, 2, 29, 1, 0),
      Date.UTC(2026, 2, 29, 1, 30),
      Date.UTC(2026, 2, 29, 2, 15),
      Date.UTC(2026, 2, 29, 23, 59),
      Date.UTC(2026, 3, 1, 12, 34, 56, 789),
      TO,
    ];
    const expected = instants.map((instant) => {
      const { zoneAbbreviation: _name, ...wall } = wallTimeInZone(instant, 'Europe/London');
      return wall;
    });

    const { zoned, built } = await freshZonedCountingIntl();
    zoned.seedZoneOffsets(seed);
    expect(instants.map((instant) => zoned.wallClockInZone(instant, 'Europe/London'))).toEqual(expected);
    expect(zoned.isValidTimeZone('Europe/London')).toBe(true);
    expect(built).toEqual([]);
    // Outside the stretch the tables fill from Intl as before.
    expect(zoned.wallClockInZone(Date.UTC(2026, 6, 1, 12), 'Europe/London').hour).toBe(13);
    expect(built).not.toEqual([]);
  });

  it('is empty for a zone Intl does not know, and an empty seed vouches for nothing', async () => {
    const seed = zoneOffsetSeed('Europe/Atlantis', FROM, TO);
    expect(seed).toEqual({ zone: 'Europe/Atlantis', days: [], hours: [] });
    const { zoned } = await freshZonedCountingIntl();
    zoned.seedZoneOffsets(seed);
    expect(zoned.isValidTimeZone('Europe/Atlantis')).toBe(false);
  });
});
