// Cutting long mrkdwn into pieces that fit a Block Kit text field without
// changing what it says: at paragraph breaks first, then line breaks, then
// spaces, and never inside a Slack token (`<…>`), an entity (`&amp;`) or a
// code block's fence. Nothing is dropped: a single token too long for any
// piece stays whole, and the limit checker reports it.

const FENCE = '```';

/** Where text may be cut: not inside `<…>`, `&…;` or a surrogate pair. */
function isSafeCut(text: string, index: number): boolean {
  const lastOpen = text.lastIndexOf('<', index - 1);
  if (lastOpen !== -1 && lastOpen > text.lastIndexOf('>', index - 1)) return false;
  const lastAmp = text.lastIndexOf('&', index - 1);
  if (
    lastAmp !== -1 &&
    index - lastAmp <= 6 &&
    /^&[a-z]*$/i.test(text.slice(lastAmp, index)) &&
    /^[a-z]*;/i.test(text.slice(index, index + 7))
  ) {
    return false;
  }
  const code = text.charCodeAt(index);
  return !(code >= 0xdc00 && code <= 0xdfff);
}

/** The last safe cut at or before `limit`, preferring the given separators in order. */
function findCut(text: string, limit: number, separators: readonly string[]): number {
  for (const separator of separators) {
    let at = text.lastIndexOf(separator, limit - separator.length);
    while (at > 0) {
      const cut = at + separator.length;
      if (cut <= limit && isSafeCut(text, cut)) return cut;
      at = text.lastIndexOf(separator, at - 1);
    }
  }
  for (let cut = Math.min(limit, text.length - 1); cut > 0; cut -= 1) {
    if (isSafeCut(text, cut)) return cut;
  }
  // No safe place at all before the limit: the first safe place after it.
  for (let cut = limit + 1; cut < text.length; cut += 1) {
    if (isSafeCut(text, cut)) return cut;
  }
  return text.length;
}

function splitPlain(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const cut = findCut(rest, maxChars, ['\n\n', '\n', ' ']);
    const piece = rest.slice(0, cut).replace(/\s+$/, '');
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** A fenced block split by lines, each piece fenced again so it still shows as code. */
function splitCodeBlock(block: string, maxChars: number): string[] {
  const inner = block.slice(FENCE.length, -FENCE.length).replace(/^\n|\n$/g, '');
  const wrap = (body: string) => `${FENCE}\n${body}\n${FENCE}`;
  const budget = Math.max(1, maxChars - wrap('').length);
  return splitPlain(inner, budget).map(wrap);
}

/** Paragraph-sized units: split at blank lines, except blank lines inside a code block. */
function units(text: string): string[] {
  const result: string[] = [];
  let current: string[] = [];
  let isInFence = false;
  for (const line of text.split('\n')) {
    if (!isInFence && line.trim() === '') {
      if (current.length > 0) result.push(current.join('\n'));
      current = [];
      continue;
    }
    current.push(line);
    if (line.split(FENCE).length % 2 === 0) isInFence = !isInFence;
  }
  if (current.length > 0) result.push(current.join('\n'));
  return result;
}

/** A unit too long for one piece: code blocks split by line and re-fenced, prose at spaces. */
function splitUnit(unit: string, maxChars: number): string[] {
  return unit
    .split(/(```[\s\S]*?```)/)
    .filter((part) => part.trim() !== '')
    .flatMap((part) =>
      part.startsWith(FENCE) && part.endsWith(FENCE) && part.length >= 2 * FENCE.length
        ? splitCodeBlock(part, maxChars)
        : splitPlain(part.trim(), maxChars),
    );
}

/**
 * Splits mrkdwn into pieces of at most `maxChars` (UTF-16 units, which is
 * never fewer than Slack's character count), joining whole paragraphs where
 * they fit. Only whitespace at the cuts is lost.
 */
export function splitMrkdwn(text: string, maxChars: number): string[] {
  if (maxChars < 1) throw new RangeError('maxChars must be at least 1');
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') pieces.push(current);
    current = '';
  };
  for (const unit of units(text)) {
    const joined = current === '' ? unit : `${current}\n\n${unit}`;
    if (joined.length <= maxChars) {
      current = joined;
      continue;
    }
    flush();
    if (unit.length <= maxChars) current = unit;
    else pieces.push(...splitUnit(unit, maxChars));
  }
  flush();
  return pieces;
}
