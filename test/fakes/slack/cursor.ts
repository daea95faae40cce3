// Opaque paging cursors shaped like Slack's: base64 of "<kind>:<position>"
// (Slack's own look like base64 of "team:C061FA5PB" or "next_ts:1512…").
import { SlackError } from './slack-error.ts';

export function encodeCursor(kind: string, position: string): string {
  return Buffer.from(`${kind}:${position}`, 'utf8').toString('base64');
}

/** The position inside a cursor of the given kind, or `invalid_cursor` as Slack answers. */
export function decodeCursor(kind: string, cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const prefix = `${kind}:`;
  if (!decoded.startsWith(prefix) || decoded.length === prefix.length) throw new SlackError('invalid_cursor');
  return decoded.slice(prefix.length);
}
