import { describe, expect, it } from 'vitest';
import {
  boundedRecord,
  findJsonLimitBreach,
  withinJsonLimits,
  type JsonLimits,
} from '../../../../shared/api/json-limits.ts';
import { blocksSchema } from '../../../../shared/outbox/outbox-item.ts';
import { z } from 'zod';

const limits: JsonLimits = { maxDepth: 3, maxNodes: 10, maxChars: 20, maxKeyChars: 5 };

describe('free-form JSON limits', () => {
  it('accepts a value within every limit', () => {
    expect(findJsonLimitBreach({ a: [1, 'two'], b: null }, limits)).toBeNull();
  });

  it('names each breach and where it is', () => {
    expect(findJsonLimitBreach({ a: { b: { c: 1 } } }, limits)).toBeNull();
    expect(findJsonLimitBreach({ a: { b: { c: { d: 1 } } } }, limits)).toMatchObject({
      message: 'is nested more than 3 levels deep',
    });
    expect(
      findJsonLimitBreach(
        Array.from({ length: 10 }, () => 1),
        limits,
      ),
    ).toMatchObject({ message: expect.stringContaining('more than 10 values') });
    expect(findJsonLimitBreach(['x'.repeat(21)], limits)).toMatchObject({
      message: 'is longer than 20 characters',
    });
    expect(findJsonLimitBreach({ a: { longkey: 1 } }, limits)).toEqual({
      message: 'has a key longer than 5 characters',
      path: ['a'],
    });
    expect(findJsonLimitBreach(JSON.parse('{"a":{"__proto__":{"x":1}}}'), limits)).toEqual({
      message: 'uses the reserved key "__proto__"',
      path: ['a'],
    });
    expect(findJsonLimitBreach({ a: [new Date(0)] }, limits)).toEqual({
      message: 'holds something that is not plain JSON',
      path: ['a', 0],
    });
    expect(findJsonLimitBreach({ a: Number.NaN }, limits)).toEqual({
      message: 'holds a number that is not finite',
      path: ['a'],
    });
  });

  it('walks without recursion, so any depth or a cycle ends in a breach, not a stack overflow', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(findJsonLimitBreach(deep, limits)).toMatchObject({ message: 'is nested more than 3 levels deep' });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(findJsonLimitBreach(cycle, { ...limits, maxDepth: 1_000, maxChars: 1_000 })).toMatchObject({
      message: expect.stringContaining('more than 10 values'),
    });
  });

  it('reports a breach as an issue on the field itself', () => {
    const schema = z.object({ free: withinJsonLimits(z.unknown(), limits) }).strict();
    const parsed = schema.safeParse({ free: { a: { b: { c: { d: 1 } } } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['free'],
      message: 'is nested more than 3 levels deep',
    });
  });

  it('bounds a map’s keys, entries and characters in all', () => {
    const map = boundedRecord(z.string(), { maxKeyChars: 4, maxEntries: 2, maxChars: 10 });
    expect(map.safeParse({ a: 'x', b: 'y' }).success).toBe(true);
    expect(map.safeParse({ a: 'x', b: 'y', c: 'z' }).success).toBe(false);
    expect(map.safeParse({ abcde: 'x' }).success).toBe(false);
    expect(map.safeParse({ a: 'x'.repeat(10) }).success).toBe(false);
  });
});

describe('Block Kit blocks', () => {
  it('accept Herald’s own blocks and rich text, and refuse blocks without a type, too many, or nested deep', () => {
    const richText = {
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_list',
          style: 'bullet',
          elements: [
            { type: 'rich_text_section', elements: [{ type: 'text', text: 'x', style: { bold: true } }] },
          ],
        },
      ],
    };
    expect(
      blocksSchema.safeParse([
        { type: 'header', text: { type: 'plain_text', text: 'T', emoji: true } },
        richText,
      ]).success,
    ).toBe(true);
    expect(blocksSchema.safeParse([{ text: 'no type' }]).success).toBe(false);
    expect(blocksSchema.safeParse([{ type: 'divider', block_id: 'x'.repeat(256) }]).success).toBe(false);
    expect(blocksSchema.safeParse(Array.from({ length: 51 }, () => ({ type: 'divider' }))).success).toBe(
      false,
    );
    let deep: unknown = 'bottom';
    for (let level = 0; level < 3_000; level++) deep = level % 2 ? [deep] : { deep };
    const refused = blocksSchema.safeParse([{ type: 'section', deep }]);
    expect(refused.error?.issues[0]?.message).toBe('is nested more than 12 levels deep');
  });
});
