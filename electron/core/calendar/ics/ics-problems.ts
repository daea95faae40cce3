// Plain words for a calendar file that cannot be read: which line is wrong
// and how, rather than the parser's internal message. Also the UID Herald
// makes for an event that arrived without one.
import { createHash } from 'node:crypto';

/** The 1-based line of `source` holding `fragment` (the parser quotes whole lines or their tail), if found. */
function lineNumberOf(source: string, fragment: string): number | null {
  const needle = fragment.slice(0, 40);
  const index = source.split(/\r?\n/).findIndex((candidate) => candidate.includes(needle));
  return index === -1 ? null : index + 1;
}

function lineLabel(source: string, fragment: string): string {
  const where = lineNumberOf(source, fragment);
  return where ? `Line ${where}` : 'A line';
}

export function describeParseFailure(error: unknown, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const badLine = /^invalid line \(([^)]*)\) "([\s\S]*)"$/.exec(message);
  if (badLine) {
    const content = badLine[2] ?? '';
    if (badLine[1]?.includes('double quote')) {
      return `${lineLabel(source, content)} of the calendar file opens a quoted parameter value (") but never closes it.`;
    }
    const shown = content.length > 60 ? `${content.slice(0, 60)}…` : content;
    return `${lineLabel(source, content)} of the calendar file is not an iCalendar line (a name, a colon, then a value): "${shown}".`;
  }
  if (message.includes('component began but did not end')) {
    return 'The calendar file is cut short: a BEGIN: line has no matching END: line.';
  }
  const badParameters =
    /^(?:Invalid parameters|Missing parameter value|Empty parameter name) in '([\s\S]*)'$/.exec(message);
  if (badParameters) {
    return `${lineLabel(source, badParameters[1] ?? '')} of the calendar file has a malformed parameter (the part between ";" and ":").`;
  }
  return `The calendar file could not be read: ${message.slice(0, 200)}.`;
}

/** A UID derived from what the event is, so importing the same file twice updates rather than duplicates. */
export function stableUid(title: string, startsAtUtc: string): string {
  const digest = createHash('sha256').update(`${title}\n${startsAtUtc}`).digest('hex').slice(0, 24);
  return `imported-${digest}@herald`;
}
