import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTs, formatTs, TsClock, tsToMicros } from '../../../fakes/slack/ts-clock.ts';

describe('TsClock', () => {
  it('stamps with the clock time to the microsecond', () => {
    const clock = new TsClock(() => 1_700_000_000_000);
    expect(clock.nextTs()).toBe('1700000000.000000');
  });

  it('never repeats or goes backwards, even when the clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }), {
          minLength: 1,
          maxLength: 50,
        }),
        (instants) => {
          let index = 0;
          const clock = new TsClock(() => instants[index] ?? 0);
          const stamps: string[] = [];
          for (index = 0; index < instants.length; index += 1) stamps.push(clock.nextTs());
          for (let i = 1; i < stamps.length; i += 1)
            expect(compareTs(stamps[i - 1]!, stamps[i]!)).toBeLessThan(0);
        },
      ),
    );
  });

  it('can be pinned and released', () => {
    const clock = new TsClock(() => 5_000);
    clock.setNowMs(9_000);
    expect(clock.nowSec()).toBe(9);
    clock.setNowMs(null);
    expect(clock.nowMs()).toBe(5_000);
  });
});

describe('ts parsing', () => {
  it('round-trips microseconds and rejects what is not a ts', () => {
    expect(tsToMicros(formatTs(1_700_000_000_000_100))).toBe(1_700_000_000_000_100);
    expect(tsToMicros('1700000000')).toBe(1_700_000_000_000_000);
    expect(tsToMicros('1700000000.5')).toBe(1_700_000_000_500_000);
    expect(tsToMicros('soon')).toBeNaN();
  });
});
