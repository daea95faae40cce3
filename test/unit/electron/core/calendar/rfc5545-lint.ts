// A small, independent RFC 5545 checker for the calendar files Herald writes.
// It shares no code with ical.js or with Herald's writer: line endings and
// folding (≤ 75 octets), content-line grammar, balanced components, the
// properties each component must have exactly once, value formats, and that
// every TZID used is defined. Returns the problems found, [] when clean.

const NAME = /^(?:[A-Za-z0-9-]+)$/;
const DATE_TIME = /^\d{8}T\d{6}Z?$/;
const DATE = /^\d{8}$/;
const UTC_OFFSET = /^[+-]\d{4}(?:\d{2})?$/;
// RFC 5545 CTL: %x00-08 / %x0A-1F / %x7F (tab is allowed).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

interface ContentLine {
  name: string;
  params: Map<string, string[]>;
  value: string;
  lineNumber: number;
}

interface Block {
  name: string;
  lines: ContentLine[];
  children: Block[];
}

// RFC 5545 excludes control characters from parameter values.
/* eslint-disable no-control-regex */
const PARAMETER =
  /^;([A-Za-z0-9-]+)=((?:"[^"\u0000-\u001F]*"|[^";:,\u0000-\u001F]*)(?:,(?:"[^"\u0000-\u001F]*"|[^";:,\u0000-\u001F]*))*)/;
/* eslint-enable no-control-regex */

function parseParams(text: string, problems: string[], lineNumber: number): Map<string, string[]> | null {
  const params = new Map<string, string[]>();
  let rest = text;
  while (rest.startsWith(';')) {
    const match = PARAMETER.exec(rest);
    if (!match) {
      problems.push(`line ${lineNumber}: malformed parameter in "${rest.slice(0, 40)}"`);
      return null;
    }
    params.set(
      match[1]!.toUpperCase(),
      match[2]!.split(',').map((value) => value.replace(/^"|"$/g, '')),
    );
    rest = rest.slice(match[0].length);
  }
  if (!rest.startsWith(':')) {
    problems.push(`line ${lineNumber}: no ":" after the name and parameters`);
    return null;
  }
  return params;
}

function splitContentLine(line: string, lineNumber: number, problems: string[]): ContentLine | null {
  const nameMatch = /^[A-Za-z0-9-]+/.exec(line);
  if (!nameMatch || !NAME.test(nameMatch[0])) {
    problems.push(`line ${lineNumber}: no property name`);
    return null;
  }
  const afterName = line.slice(nameMatch[0].length);
  const params = parseParams(afterName, problems, lineNumber);
  if (!params) return null;
  // The value starts after the first ":" that is not inside a quoted parameter value.
  let inQuotes = false;
  let colonAt = -1;
  for (let index = 0; index < afterName.length; index++) {
    const character = afterName[index];
    if (character === '"') inQuotes = !inQuotes;
    if (character === ':' && !inQuotes) {
      colonAt = index;
      break;
    }
  }
  const value = afterName.slice(colonAt + 1);
  if (CONTROL.test(value))
    problems.push(`line ${lineNumber}: control character in the value of ${nameMatch[0]}`);
  return { name: nameMatch[0].toUpperCase(), params, value, lineNumber };
}

function physicalProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('the file does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push('a line ends with a bare CR or LF');
  text
    .split('\r\n')
    .slice(0, -1)
    .forEach((line, index) => {
      const octets = new TextEncoder().encode(line).length;
      if (octets > 75) problems.push(`line ${index + 1}: ${octets} octets (more than 75)`);
    });
  return problems;
}

function buildTree(lines: ContentLine[], problems: string[]): Block | null {
  const root: Block = { name: '(file)', lines: [], children: [] };
  const stack: Block[] = [root];
  for (const line of lines) {
    const current = stack.at(-1)!;
    if (line.name === 'BEGIN') {
      const block: Block = { name: line.value.toUpperCase(), lines: [], children: [] };
      current.children.push(block);
      stack.push(block);
    } else if (line.name === 'END') {
      if (current.name !== line.value.toUpperCase())
        problems.push(`line ${line.lineNumber}: END:${line.value} closes ${current.name}`);
      stack.pop();
      if (stack.length === 0) return null;
    } else current.lines.push(line);
  }
  if (stack.length !== 1) problems.push(`${stack.at(-1)!.name} is never closed`);
  if (root.children.length !== 1 || root.children[0]!.name !== 'VCALENDAR' || root.lines.length > 0)
    problems.push('the file is not exactly one VCALENDAR');
  return root.children[0] ?? null;
}

function count(block: Block, name: string): number {
  return block.lines.filter((line) => line.name === name).length;
}

function requireOnce(block: Block, names: string[], where: string, problems: string[]): void {
  for (const name of names) {
    const found = count(block, name);
    if (found !== 1) problems.push(`${where} has ${found} ${name} (needs exactly one)`);
  }
}

function checkDateValue(line: ContentLine, where: string, problems: string[]): void {
  const isDate = line.params.get('VALUE')?.[0]?.toUpperCase() === 'DATE';
  if (!(isDate ? DATE : DATE_TIME).test(line.value))
    problems.push(`${where}: ${line.name} "${line.value}" is not a ${isDate ? 'DATE' : 'DATE-TIME'}`);
  if (line.params.has('TZID') && line.value.endsWith('Z'))
    problems.push(`${where}: ${line.name} has both TZID and a UTC time`);
}

export function lintIcs(text: string): string[] {
  const problems = physicalProblems(text);
  const unfolded = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
  const lines = unfolded
    .map((line, index) => splitContentLine(line, index + 1, problems))
    .filter((line): line is ContentLine => line !== null);
  const calendar = buildTree(lines, problems);
  if (!calendar) return problems;
  requireOnce(calendar, ['VERSION', 'PRODID'], 'VCALENDAR', problems);
  if (calendar.lines.find((line) => line.name === 'VERSION')?.value !== '2.0')
    problems.push('VERSION is not 2.0');

  const definedZones = new Set<string>();
  for (const zone of calendar.children.filter((child) => child.name === 'VTIMEZONE')) {
    requireOnce(zone, ['TZID'], 'VTIMEZONE', problems);
    definedZones.add(zone.lines.find((line) => line.name === 'TZID')?.value ?? '');
    const observances = zone.children.filter(
      (child) => child.name === 'STANDARD' || child.name === 'DAYLIGHT',
    );
    if (observances.length === 0) problems.push('a VTIMEZONE has no STANDARD or DAYLIGHT');
    for (const observance of observances) {
      requireOnce(observance, ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO'], observance.name, problems);
      for (const line of observance.lines) {
        if ((line.name === 'TZOFFSETFROM' || line.name === 'TZOFFSETTO') && !UTC_OFFSET.test(line.value))
          problems.push(`${line.name} "${line.value}" is not a UTC offset`);
        if (line.name === 'DTSTART' && (!DATE_TIME.test(line.value) || line.value.endsWith('Z')))
          problems.push(`an observance DTSTART "${line.value}" must be local time`);
      }
    }
  }

  const events = calendar.children.filter((child) => child.name === 'VEVENT');
  events.forEach((event, index) => {
    const where = `VEVENT ${index + 1}`;
    requireOnce(event, ['UID', 'DTSTAMP', 'DTSTART'], where, problems);
    if (count(event, 'DTEND') > 0 && count(event, 'DURATION') > 0)
      problems.push(`${where} has both DTEND and DURATION`);
    for (const line of event.lines) {
      if (['DTSTART', 'DTEND', 'DTSTAMP', 'CREATED', 'LAST-MODIFIED'].includes(line.name))
        checkDateValue(line, where, problems);
      if (['DTSTAMP', 'CREATED', 'LAST-MODIFIED'].includes(line.name) && !line.value.endsWith('Z'))
        problems.push(`${where}: ${line.name} must be UTC`);
      if (line.name === 'SEQUENCE' && !/^\d+$/.test(line.value))
        problems.push(`${where}: SEQUENCE "${line.value}" is not a whole number`);
      if (line.name === 'STATUS' && !['TENTATIVE', 'CONFIRMED', 'CANCELLED'].includes(line.value))
        problems.push(`${where}: STATUS "${line.value}" is not one for events`);
      const tzid = line.params.get('TZID')?.[0];
      if (tzid !== undefined && !definedZones.has(tzid))
        problems.push(`${where}: TZID "${tzid}" has no VTIMEZONE`);
    }
  });
  return problems;
}
