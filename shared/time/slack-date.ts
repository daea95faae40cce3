// Slack's date token, which Slack renders in each reader's own time zone,
// with a fallback (for notifications and old clients) written in ours.
import { formatInstant } from './format.ts';

/** "Thursday, April 23rd at 12:00 PM"-style, in each reader's zone and clock preference. */
export const DEFAULT_SLACK_DATE_FORMAT = '{date_short_pretty} at {time}';

/**
 * Makes `text` safe inside a `<…|…>` token: Slack's three mrkdwn escapes, and
 * look-alikes for `|` and `^`, which would otherwise end the format or
 * fallback early (Slack has no escape for them).
 */
function escapeTokenText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('|', '\u2223')
    .replaceAll('^', '\u02c6');
}

/**
 * `<!date^1776942000^{date_short_pretty} at {time}|Thu 23 Apr 2026, 12:00 BST>`:
 * each reader sees the time in their own zone; the fallback after `|` is
 * formatInstant in `fallbackZone`. Slack tokens count whole seconds, so any
 * milliseconds are dropped.
 */
export function slackDate(
  epochMs: number,
  fallbackZone: string,
  tokenFormat: string = DEFAULT_SLACK_DATE_FORMAT,
): string {
  const epochSeconds = Math.floor(epochMs / 1000);
  // An empty format would leave readers with nothing but the fallback.
  const format = tokenFormat.trim() === '' ? DEFAULT_SLACK_DATE_FORMAT : tokenFormat.replace(/[\r\n]+/g, ' ');
  const fallback = formatInstant(epochMs, fallbackZone);
  return `<!date^${epochSeconds}^${escapeTokenText(format)}|${escapeTokenText(fallback)}>`;
}
