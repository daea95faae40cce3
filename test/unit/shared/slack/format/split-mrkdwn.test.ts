import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMrkdwn } from '../../../../../shared/slack/format/split-mrkdwn.ts';

describe('splitMrkdwn', () => {
  it('keeps short text whole', () => {
    expect(splitMrkdwn('one\n\ntwo', 100)).toEqual(['one\n\ntwo']);
  });

  it('cuts at paragraph breaks, packing whole paragraphs together', () => {
    const paragraph = 'x'.repeat(40);
    expect(splitMrkdwn([paragraph, paragraph, paragraph].join('\n\n'), 90)).toEqual([
      `${paragraph}\n\n${paragraph}`,
      paragraph,
    ]);
  });

  it('cuts a long paragraph at spaces, never inside a token or an entity', () => {
    const text = `${'word '.repeat(5)}<!date^1776942000^{time}|12:00 BST> &amp; more`;
    const pieces = splitMrkdwn(text, 30);
    for (const piece of pieces) {
      expect(piece.split('<').length).toBe(piece.split('>').length);
      expect(piece).not.toMatch(/&(a|am|amp)?$/);
    }
    expect(pieces.join(' ')).toBe(text);
  });

  it('splits a long code block by lines and fences each piece', () => {
    const code = '```\n' + Array.from({ length: 30 }, (_, index) => `line ${index}`).join('\n') + '\n```';
    const pieces = splitMrkdwn(code, 60);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.startsWith('```\n') && piece.endsWith('\n```')).toBe(true);
      expect(piece.length).toBeLessThanOrEqual(60);
    }
  });

  it('keeps a blank line inside a code block with its block', () => {
    expect(splitMrkdwn('*Example:*\n```\na\n\nb\n```\n\nafter', 24)).toEqual([
      '*Example:*\n```\na\n\nb\n```',
      'after',
    ]);
  });

  it('never loses non-space text and keeps every piece within the limit when it can', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'b', ' ', '\n', '&amp;', '<#C1>', 'é', '😀'),
          maxLength: 400,
        }),
        fc.integer({ min: 12, max: 80 }),
        (text, maxChars) => {
          const pieces = splitMrkdwn(text, maxChars);
          expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
          for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(maxChars);
        },
      ),
    );
  });
});
