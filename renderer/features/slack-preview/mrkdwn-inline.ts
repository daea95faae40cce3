// Slack mrkdwn, one line at a time, into a small tree the preview renders
// with React elements (never as HTML). Follows Slack's own rules closely
// enough to preview honestly: *bold*, _italic_ and ~strike~ need a word
// boundary outside and a non-space inside, `code` and <…> tokens are opaque,
// and entities (&amp; &lt; &gt;) are decoded only in the text we show.
// Pure: no DOM, so it is unit-tested in Node.

import { parseHeraldLink, type HeraldLinkTarget } from '../../../shared/deep-links/herald-link.ts';

export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'bold' | 'italic' | 'strike'; children: InlineNode[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; url: string; label: string }
  /** An "Open in Herald" link (herald://…): opened in this Herald, not the browser. */
  | { kind: 'heraldLink'; link: string; target: HeraldLinkTarget; label: string }
  | { kind: 'date'; epochSec: number; format: string; fallback: string; linkUrl?: string }
  | { kind: 'channel'; id: string; name?: string }
  | { kind: 'user'; id: string; name?: string }
  | { kind: 'broadcast'; name: string };

const EMPHASIS: Readonly<Record<string, 'bold' | 'italic' | 'strike'>> = {
  '*': 'bold',
  _: 'italic',
  '~': 'strike',
};

/** Slack's three entities; anything else stays as typed. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** Only web and mail links become clickable; any other scheme is shown as text. */
export function isSafeHref(url: string): boolean {
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(url);
}

function isBoundary(char: string | undefined): boolean {
  return char === undefined || /[\s.,;:!?'"“”‘’()[\]{}<>/\\*_~-]/.test(char);
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/** Where each `code` span and <token> starts and ends (end exclusive); delimiters inside them do not count. */
function opaqueSpans(line: string): Map<number, number> {
  const spans = new Map<number, number>();
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char !== '`' && char !== '<') continue;
    const close = line.indexOf(char === '`' ? '`' : '>', index + 1);
    if (close === -1 || close === index + 1) continue;
    spans.set(index, close + 1);
    index = close;
  }
  return spans;
}

/** Positions that may close an emphasis of each kind, ascending, outside opaque spans. */
function closerPositions(line: string, spans: Map<number, number>): Map<string, number[]> {
  const closers = new Map<string, number[]>(Object.keys(EMPHASIS).map((char) => [char, []]));
  for (let index = 0; index < line.length; index++) {
    const spanEnd = spans.get(index);
    if (spanEnd !== undefined) {
      index = spanEnd - 1;
      continue;
    }
    const char = line[index] ?? '';
    if (char in EMPHASIS && index > 0 && !isSpace(line[index - 1]) && isBoundary(line[index + 1]))
      closers.get(char)?.push(index);
  }
  return closers;
}

/** First entry greater than `after` (binary search on an ascending list). */
function firstAfter(sorted: readonly number[], after: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) > after) high = middle;
    else low = middle + 1;
  }
  return sorted[low];
}

function tokenNode(inner: string): InlineNode {
  const [target = '', ...labelParts] = inner.split('|');
  const label = labelParts.join('|');
  if (target.startsWith('!date^')) {
    const [, epoch = '', format = '', linkUrl] = target.split('^');
    const epochSec = Number(epoch);
    if (/^\d+$/.test(epoch) && Number.isSafeInteger(epochSec)) {
      return {
        kind: 'date',
        epochSec,
        format: decodeEntities(format),
        fallback: decodeEntities(label),
        ...(linkUrl && isSafeHref(linkUrl) ? { linkUrl } : {}),
      };
    }
    return { kind: 'text', text: decodeEntities(label || inner) };
  }
  if (target.startsWith('#'))
    return { kind: 'channel', id: target.slice(1), ...(label ? { name: decodeEntities(label) } : {}) };
  if (target.startsWith('@'))
    return { kind: 'user', id: target.slice(1), ...(label ? { name: decodeEntities(label) } : {}) };
  if (target.startsWith('!')) {
    const name = target.slice(1).split('^')[0] ?? '';
    return { kind: 'broadcast', name: decodeEntities(label.replace(/^@/, '') || name) };
  }
  const url = decodeEntities(target);
  if (isSafeHref(url)) return { kind: 'link', url, label: decodeEntities(label) || url };
  const herald = parseHeraldLink(url);
  if (herald.ok)
    return { kind: 'heraldLink', link: url, target: herald.target, label: decodeEntities(label) || url };
  return { kind: 'text', text: decodeEntities(label || target) };
}

function parseRange(
  line: string,
  from: number,
  to: number,
  spans: Map<number, number>,
  closers: Map<string, number[]>,
): InlineNode[] {
  const nodes: InlineNode[] = [];
  let textStart = from;
  const flushText = (end: number) => {
    if (end > textStart) {
      const text = decodeEntities(line.slice(textStart, end));
      const last = nodes.at(-1);
      if (last?.kind === 'text') last.text += text;
      else nodes.push({ kind: 'text', text });
    }
  };
  let index = from;
  while (index < to) {
    const char = line[index] ?? '';
    const spanEnd = spans.get(index);
    if (spanEnd !== undefined && spanEnd <= to) {
      flushText(index);
      const inner = line.slice(index + 1, spanEnd - 1);
      nodes.push(char === '`' ? { kind: 'code', text: decodeEntities(inner) } : tokenNode(inner));
      index = spanEnd;
      textStart = index;
      continue;
    }
    const emphasis = EMPHASIS[char];
    if (
      emphasis !== undefined &&
      isBoundary(line[index - 1]) &&
      !isSpace(line[index + 1]) &&
      index + 1 < to
    ) {
      const close = firstAfter(closers.get(char) ?? [], index + 1);
      if (close !== undefined && close < to) {
        flushText(index);
        nodes.push({ kind: emphasis, children: parseRange(line, index + 1, close, spans, closers) });
        index = close + 1;
        textStart = index;
        continue;
      }
    }
    index += 1;
  }
  flushText(to);
  return nodes;
}

/** One line of mrkdwn as inline nodes. */
export function parseInline(line: string): InlineNode[] {
  const spans = opaqueSpans(line);
  return parseRange(line, 0, line.length, spans, closerPositions(line, spans));
}
