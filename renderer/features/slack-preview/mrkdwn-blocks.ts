// Slack mrkdwn cut into the pieces Slack lays out separately: ``` code
// blocks, "> " quotes and paragraphs of lines. Lines stay as source text so
// the view can parse (and memoise) each paragraph on its own: typing at the
// end of a long message then re-parses only the paragraph being typed in.
// Pure: no DOM.
import { decodeEntities } from './mrkdwn-inline.ts';

export type MrkdwnBlock =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'code'; text: string };

const FENCE = '```';
const QUOTE = /^(?:&gt;|>)\s?/;

type LinesBlock = Extract<MrkdwnBlock, { lines: string[] }>;

function proseBlocks(text: string, blocks: MrkdwnBlock[]): void {
  let current = null as LinesBlock | null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const isQuote = QUOTE.test(line);
    const kind = isQuote ? 'quote' : 'paragraph';
    const content = isQuote ? line.replace(QUOTE, '') : line;
    if (current !== null && current.kind === kind) {
      current.lines.push(content);
    } else {
      const next: LinesBlock = { kind, lines: [content] };
      blocks.push(next);
      current = next;
    }
  }
}

/** The layout of a mrkdwn text: paragraphs, quotes and code blocks, in order. */
export function parseMrkdwnBlocks(text: string): MrkdwnBlock[] {
  const blocks: MrkdwnBlock[] = [];
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf(FENCE, position);
    const close = open === -1 ? -1 : text.indexOf(FENCE, open + FENCE.length);
    if (open === -1 || close === -1) {
      proseBlocks(text.slice(position), blocks);
      break;
    }
    proseBlocks(text.slice(position, open), blocks);
    const code = text
      .slice(open + FENCE.length, close)
      .replace(/^\n/, '')
      .replace(/\n$/, '');
    blocks.push({ kind: 'code', text: decodeEntities(code) });
    position = close + FENCE.length;
  }
  return blocks;
}
