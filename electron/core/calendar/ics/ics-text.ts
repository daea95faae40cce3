// Writes an ical.js component tree as RFC 5545 text: CRLF line ends, and
// content lines folded so that no physical line exceeds 75 octets (counting
// the leading space of a continuation), never splitting a UTF-8 character.
// ical.js's own folding lets continuation lines reach 76 octets, so it is
// asked for unfolded lines and the folding happens here.
import ICAL from 'ical.js';

export const MAX_LINE_OCTETS = 75;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Date-time fields as RFC 5545 DATE-TIME text, "20260423T110000"; add "Z" for UTC. */
export function icsDateTime(fields: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}): string {
  const date = `${pad(fields.year, 4)}${pad(fields.month)}${pad(fields.day)}`;
  return `${date}T${pad(fields.hour)}${pad(fields.minute)}${pad(fields.second)}`;
}

/** "20260423T110000Z": an instant as a UTC DATE-TIME, to the second. */
export function icsUtcStamp(epochMs: number): string {
  const date = new Date(epochMs);
  const fields = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
  return `${icsDateTime(fields)}Z`;
}
const CRLF = '\r\n';
// eslint-disable-next-line no-control-regex -- the test is for anything outside 7-bit ASCII
const NON_ASCII = /[^\u0000-\u007f]/;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Folds one content line into physical lines of at most 75 octets. */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most three octets (a four-octet character takes two units), so a line this short needs no
  // look at its characters: most of an export's lines (BEGIN, END, DTSTART, TRIGGER…) return here.
  if (line.length * 3 <= MAX_LINE_OCTETS) return line;
  if (!NON_ASCII.test(line)) {
    // ASCII is one octet a character: most lines need no folding, and the rest fold by length.
    if (line.length <= MAX_LINE_OCTETS) return line;
    const chunks = [line.slice(0, MAX_LINE_OCTETS)];
    for (let at = MAX_LINE_OCTETS; at < line.length; at += MAX_LINE_OCTETS - 1)
      chunks.push(` ${line.slice(at, at + MAX_LINE_OCTETS - 1)}`);
    return chunks.join(CRLF);
  }
  const physical: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      physical.push(current);
      // A continuation line starts with one space, which counts towards its 75.
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  physical.push(current);
  return physical.join(CRLF);
}

function contentLines(component: ICAL.Component, into: string[]): void {
  const name = component.name.toUpperCase();
  into.push(`BEGIN:${name}`);
  for (const property of component.getAllProperties()) {
    const jcal: unknown[] = property.toJSON() as unknown[];
    into.push(ICAL.stringify.property(jcal, ICAL.design.icalendar, true));
  }
  for (const child of component.getAllSubcomponents()) contentLines(child, into);
  into.push(`END:${name}`);
}

/**
 * The component as an iCalendar stream, ending with CRLF as RFC 5545
 * requires, with `extraLines` (already-written content lines, such as
 * events) placed before the root's END line.
 */
export function writeIcs(root: ICAL.Component, extraLines: Iterable<string> = []): string {
  const lines: string[] = [];
  contentLines(root, lines);
  const end = lines.pop()!;
  for (const line of extraLines) lines.push(line);
  lines.push(end);
  return lines.map(foldLine).join(CRLF) + CRLF;
}
