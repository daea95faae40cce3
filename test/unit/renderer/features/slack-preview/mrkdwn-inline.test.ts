import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  parseInline,
  type InlineNode,
} from '../../../../../renderer/features/slack-preview/mrkdwn-inline.ts';

/** The text a reader would see, ignoring formatting. */
function plain(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'code':
          return node.text;
        case 'bold':
        case 'italic':
        case 'strike':
          return plain(node.children);
        case 'link':
          return node.label;
        case 'date':
          return node.fallback;
        case 'channel':
          return `#${node.name ?? node.id}`;
        case 'user':
          return `@${node.name ?? node.id}`;
        case 'broadcast':
          return `@${node.name}`;
      }
    })
    .join('');
}

describe('parseInline', () => {
  it('reads bold, italic and strike at word boundaries', () => {
    expect(parseInline('a *bold* b _it_ c ~gone~')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'bold', children: [{ kind: 'text', text: 'bold' }] },
      { kind: 'text', text: ' b ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'it' }] },
      { kind: 'text', text: ' c ' },
      { kind: 'strike', children: [{ kind: 'text', text: 'gone' }] },
    ]);
  });

  it('nests formatting, as *_bold italic_*', () => {
    expect(parseInline('*_both_*')).toEqual([
      { kind: 'bold', children: [{ kind: 'italic', children: [{ kind: 'text', text: 'both' }] }] },
    ]);
  });

  it('leaves snake_case_names, 2*3*4 and lone stars alone', () => {
    for (const text of ['snake_case_name', '2*3*4', 'a * b * c', '*not closed', 'ends* here*x']) {
      expect(parseInline(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('keeps code spans opaque and decodes their entities', () => {
    expect(parseInline('run `a *b* &lt;c&gt;` now')).toEqual([
      { kind: 'text', text: 'run ' },
      { kind: 'code', text: 'a *b* <c>' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('reads links with and without labels, and refuses unsafe schemes', () => {
    expect(parseInline('<https://example.org/a?b=1&amp;c=2|the notes>')).toEqual([
      { kind: 'link', url: 'https://example.org/a?b=1&c=2', label: 'the notes' },
    ]);
    expect(parseInline('<https://example.org>')).toEqual([
      { kind: 'link', url: 'https://example.org', label: 'https://example.org' },
    ]);
    expect(parseInline('<javascript:alert(1)|click>')).toEqual([{ kind: 'text', text: 'click' }]);
  });

  it('reads date tokens with their format and fallback', () => {
    expect(
      parseInline('<!date^1776942000^{date_short_pretty} at {time}|Thu 23 Apr 2026, 12:00 BST>'),
    ).toEqual([
      {
        kind: 'date',
        epochSec: 1776942000,
        format: '{date_short_pretty} at {time}',
        fallback: 'Thu 23 Apr 2026, 12:00 BST',
      },
    ]);
  });

  it('reads channel, user and broadcast mentions', () => {
    expect(parseInline('<#C0ASK|ask-cloud-platform> <@U1> <!here>')).toEqual([
      { kind: 'channel', id: 'C0ASK', name: 'ask-cloud-platform' },
      { kind: 'text', text: ' ' },
      { kind: 'user', id: 'U1' },
      { kind: 'text', text: ' ' },
      { kind: 'broadcast', name: 'here' },
    ]);
  });

  it('formats across a link, as *see <url|here>*', () => {
    expect(parseInline('*see <https://a.example|here>*')).toEqual([
      {
        kind: 'bold',
        children: [
          { kind: 'text', text: 'see ' },
          { kind: 'link', url: 'https://a.example', label: 'here' },
        ],
      },
    ]);
  });

  it('decodes only Slack’s three entities', () => {
    expect(decodeEntities('&amp;lt; &lt;b&gt; &quot;')).toBe('&lt; <b> &quot;');
  });

  it('never loses or invents visible text for plain words and punctuation', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '*', '_', '~', '.', '-'), maxLength: 60 }),
        (text) => {
          const shown = plain(parseInline(text));
          expect(shown.replace(/[*_~]/g, '')).toBe(text.replace(/[*_~]/g, ''));
        },
      ),
    );
  });

  it('stays fast on a long line full of unmatched openers', () => {
    const line = ' *a'.repeat(5000);
    const started = performance.now();
    parseInline(line);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('"Open in Herald" links', () => {
  const ID = '3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d';
  it('become links Herald opens itself, for Herald’s own link shape only', () => {
    expect(parseInline(`Kept up to date · <herald://incident/${ID}|Open in Herald>`)).toEqual([
      { kind: 'text', text: 'Kept up to date · ' },
      {
        kind: 'heraldLink',
        link: `herald://incident/${ID}`,
        target: { kind: 'incident', id: ID },
        label: 'Open in Herald',
      },
    ]);
    expect(parseInline('<herald://incident/../etc|Open in Herald>')).toEqual([
      { kind: 'text', text: 'Open in Herald' },
    ]);
    expect(parseInline('<javascript:alert(1)|Open in Herald>')).toEqual([
      { kind: 'text', text: 'Open in Herald' },
    ]);
  });
});
