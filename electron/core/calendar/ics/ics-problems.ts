// Plain words for a calendar file that cannot be read: which line is wrong
// and how, rather than the parser's internal message. Also the UID Herald
// makes for an event that arrived without one.
import { createHash } from 'node:crypto';

/** The 1-based line of `source` where the (unfolded) content line `line` starts, if it can be found. */
function lineNumberOf(source: string, line: string): number | null {
  const lines = source.split(/\r?\n/);
  const start = line.slice(0, 40);
  const index = lines.findIndex((candidate) => candidate.startsWith(start));
  return index === -1 ? null : index + 1;
}

export function describeParseFailure(error: unknown, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const badLine = /^invalid line \(no token ";" or ":"\) "([\s\S]*)"$/.exec(message);
  if (badLine) {
    const content = badLine[1] ?? '';
    const where = lineNumberOf(source, content);
    const shown = content.length > 60 ? `${content.slice(0, 60)}…` : content;
    return `${where ? `Line ${where}` : 'A line'} of the calendar file is not an iCalendar line (a name, a colon, then a value): "${shown}".`;
  }
  if (message.includes('component began but did not end')) {
    return 'The calendar file is cut short: a BEGIN: line has no matching END: line.';
  }
  const badParameters = /^(?:Invalid parameters|Missing parameter value|Empty parameter name) in '([\s\S]*)'$/.exec(message);
  if (badParameters) {
    const where = lineNumberOf(source, badParameters[1] ?? '');
    return `${where ? `Line ${where}` : 'A line'} of the calendar file has a malformed parameter (the part between ";" and ":").`;
  }
  return `The calendar file could not be read: ${message.slice(0, 200)}.`;
}

/** A UID derived from what the event is, so importing the same file twice updates rather than duplicates. */
export function stableUid(title: string, startsAtUtc: string): string {
  const digest = createHash('sha256').update(`${title}\n${startsAtUtc}`).digest('hex').slice(0, 24);
  return `imported-${digest}@herald`;
}
