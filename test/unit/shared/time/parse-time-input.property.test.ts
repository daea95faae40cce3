import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatInstant } from '../../../../shared/time/format.ts';
import { parseTimeInput } from '../../../../shared/time/parse-time-input.ts';
import type { ParsedTime } from '../../../../shared/time/parse-time-input.ts';

// Any code point, lone surrogates included (fast-check's 'binary' unit takes seconds to set up).
const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((codePoint) => String.fromCodePoint(codePoint));
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ZONES = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];

const anyNow = fc.integer({
  min: Date.parse('2000-01-01T00:00:00Z'),
  max: Date.parse('2090-01-01T00:00:00Z'),
});
const anyZone = fc.constantFrom(...ZONES);

/** Words and numbers from the grammar, shuffled: reaches far deeper than random characters. */
const VOCABULARY = [
  'in',
  'at',
  'on',
  'the',
  'and',
  'a',
  'an',
  'half',
  '+',
  '30',
  '1',
  '9',
  '12',
  '23',
  '0',
  '99',
  '1.5',
  'min',
  'mins',
  'minutes',
  'm',
  'h',
  'hour',
  'hours',
  'day',
  'days',
  '1h30',
  'noon',
  'midday',
  'midnight',
  'today',
  'tomorrow',
  'tmrw',
  'am',
  'pm',
  'p.m.',
  '2pm',
  '12am',
  '14:30',
  '09:00',
  '25:00',
  '9.30',
  'apr',
  'April',
  'feb',
  '29',
  '31',
  '23/04',
  '29/02',
  '04/23',
  '2026',
  '2026-04-23',
  '2026-04-23T12:00',
  '2026-04-23T11:00:00Z',
  'thu',
  'Friday',
  'BST',
  'GMT',
  'UTC',
  'EST',
  'GMT+5:30',
  'GMT+99',
  ',',
  '🙂',
  '\u0000',
  '\ud800',
];
const wordSoup = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 8 }).map((words) => words.join(' '));

function expectWellFormed(result: ParsedTime, nowMs: number, zone: string, maxAheadDays = 366): void {
  if (result.ok) {
    expect(result.value.epochMs).toBeGreaterThan(nowMs);
    expect(result.value.epochMs - nowMs).toBeLessThanOrEqual(maxAheadDays * DAY_MS);
    expect(result.value.normalised).toBe(formatInstant(result.value.epochMs, zone));
  } else {
    expect(result.error.length).toBeGreaterThan(10);
    expect(result.error).not.toMatch(/undefined|NaN|\[object/);
  }
}

describe('parseTimeInput properties', () => {
  it('never throws, and any accepted time is in the future and within the window', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: anyCodePoint }), fc.string(), wordSoup),
        anyNow,
        anyZone,
        (text, nowMs, zone) => {
          expectWellFormed(parseTimeInput(text, { nowMs, zone }), nowMs, zone);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('honours any maxAheadDays', () => {
    fc.assert(
      fc.property(wordSoup, anyNow, fc.integer({ min: 1, max: 400 }), (text, nowMs, maxAheadDays) => {
        expectWellFormed(
          parseTimeInput(text, { nowMs, zone: 'Europe/London', maxAheadDays }),
          nowMs,
          'Europe/London',
          maxAheadDays,
        );
      }),
    );
  });

  it('reads "in N min" as exactly N minutes from now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 366 * 1440 }), anyNow, anyZone, (minutes, nowMs, zone) => {
        const result = parseTimeInput(`in ${minutes} min`, { nowMs, zone });
        expect(result).toMatchObject({ ok: true, value: { epochMs: nowMs + minutes * MINUTE_MS } });
      }),
    );
  });

  it('reads back its own written-out times, including either side of a clock change', () => {
    const future = fc.tuple(anyNow, fc.integer({ min: 1, max: 365 * 1440 })).map(([nowMs, minutesAhead]) => ({
      nowMs,
      targetMs: Math.floor(nowMs / MINUTE_MS) * MINUTE_MS + minutesAhead * MINUTE_MS,
    }));
    fc.assert(
      fc.property(future, anyZone, fc.boolean(), ({ nowMs, targetMs }, zone, withWeekday) => {
        const written = formatInstant(targetMs, zone, { withWeekday });
        expect(parseTimeInput(written, { nowMs, zone })).toMatchObject({
          ok: true,
          value: { epochMs: targetMs },
        });
      }),
      { numRuns: 300 },
    );
  });
});
