import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { slackDate } from '../../../../shared/time/slack-date.ts';

// Any code point, lone surrogates included (fast-check's 'binary' unit takes seconds to set up).
const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((codePoint) => String.fromCodePoint(codePoint));
const NOON_BST = Date.parse('2026-04-23T11:00:00Z');

describe('slackDate', () => {
  it('writes a date token with seconds since the epoch and a fallback in the given zone', () => {
    expect(slackDate(NOON_BST, 'Europe/London')).toBe(
      '<!date^1776942000^{date_short_pretty} at {time}|Thu 23 Apr 2026, 12:00 BST>',
    );
  });

  it('uses the token format it is given', () => {
    expect(slackDate(NOON_BST, 'America/New_York', '{time}')).toBe(
      '<!date^1776942000^{time}|Thu 23 Apr 2026, 07:00 EDT>',
    );
  });

  it('falls back to the default format when given an empty one', () => {
    expect(slackDate(NOON_BST, 'Europe/London', '  ')).toContain('^{date_short_pretty} at {time}|');
  });

  it('drops milliseconds, rounding down', () => {
    expect(slackDate(NOON_BST + 999, 'UTC', '{time}')).toMatch(/^<!date\^1776942000\^/);
    expect(slackDate(-1, 'UTC', '{time}')).toMatch(/^<!date\^-1\^/);
  });

  it('escapes &, < and > and replaces | and ^ so a format cannot break out of the token', () => {
    expect(slackDate(NOON_BST, 'UTC', 'a & b <@U123> | c ^ d')).toBe(
      '<!date^1776942000^a &amp; b &lt;@U123&gt; \u2223 c \u02c6 d|Thu 23 Apr 2026, 11:00 UTC>',
    );
  });

  it('keeps the token whole for any format', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: anyCodePoint }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (format, epochMs) => {
          const token = slackDate(epochMs, 'Europe/London', format);
          expect(token).toMatch(/^<!date\^\d+\^[^|<>^\r\n]*\|[^|<>^]*>$/);
        },
      ),
    );
  });
});
