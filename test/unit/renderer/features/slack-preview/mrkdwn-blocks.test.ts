import { describe, expect, it } from 'vitest';
import { parseMrkdwnBlocks } from '../../../../../renderer/features/slack-preview/mrkdwn-blocks.ts';

describe('parseMrkdwnBlocks', () => {
  it('splits paragraphs at blank lines and keeps line breaks inside them', () => {
    expect(parseMrkdwnBlocks('*Title*\n\none\ntwo\n\n\nthree')).toEqual([
      { kind: 'paragraph', lines: ['*Title*'] },
      { kind: 'paragraph', lines: ['one', 'two'] },
      { kind: 'paragraph', lines: ['three'] },
    ]);
  });

  it('takes fenced code verbatim, with entities decoded', () => {
    expect(
      parseMrkdwnBlocks('*Example:*\n```\napiVersion: cert-manager.io/v1\n*not bold* &lt;x&gt;\n```\nafter'),
    ).toEqual([
      { kind: 'paragraph', lines: ['*Example:*'] },
      { kind: 'code', text: 'apiVersion: cert-manager.io/v1\n*not bold* <x>' },
      { kind: 'paragraph', lines: ['after'] },
    ]);
  });

  it('treats an unclosed fence as text', () => {
    expect(parseMrkdwnBlocks('a ``` b')).toEqual([{ kind: 'paragraph', lines: ['a ``` b'] }]);
  });

  it('groups quoted lines', () => {
    expect(parseMrkdwnBlocks('&gt; one\n&gt; two\nplain')).toEqual([
      { kind: 'quote', lines: ['one', 'two'] },
      { kind: 'paragraph', lines: ['plain'] },
    ]);
  });
});
