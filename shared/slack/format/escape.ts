// Turning user text into Slack mrkdwn that shows exactly what was typed: the
// three characters Slack reserves (&, <, >) become entities, broadcast
// mentions typed by hand (@here, @channel, @everyone) cannot ping, and
// invisible characters that could hide or reorder text are removed.

/** Word joiner: invisible, but stops Slack reading "@here" as a broadcast. */
const WORD_JOINER = '\u2060';

/**
 * C0/C1 control characters other than tab and newline, and the bidirectional
 * overrides and isolates that can make text read differently from its bytes.
 */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Not followed by a letter or digit: "@here_" and "@here-team" are caught too, "@heretic" is not.
const BROADCAST_MENTION = /@(here|channel|everyone)(?![\p{L}\p{N}])/giu;

/** Normalises line ends and drops characters that no message should carry. */
export function sanitiseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(UNSAFE_CHARACTERS, '');
}

/** Slack's three mrkdwn escapes. `&` first, so entities are not escaped twice. */
export function escapeEntities(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Breaks "@here" and friends so they read the same but notify nobody. */
export function neutraliseMentions(text: string): string {
  return text.replace(BROADCAST_MENTION, (_match, word: string) => `@${WORD_JOINER}${word}`);
}

/**
 * User text for a mrkdwn message. Mentions written as tokens (`<!channel>`,
 * `<@U123>`) are defused by the `<` escape; bare `@here` by the word joiner.
 * Formatting characters (*bold*, _italic_) are kept: people use them on purpose.
 */
export function escapeMrkdwn(text: string): string {
  return neutraliseMentions(escapeEntities(sanitiseText(text)));
}

/**
 * Text for inside a ``` block. Slack still decodes entities there, so the
 * escapes apply; a run of three backticks would end the block early, so a
 * zero-width space splits it. Broadcast words are defused here too: code
 * that says "@here" is rare, a ping by accident is worse.
 */
export function escapeCode(text: string): string {
  return neutraliseMentions(escapeEntities(sanitiseText(text))).replace(/`{3,}/g, (run) =>
    run.split('').join('\u200b'),
  );
}

/** A whole code block, fenced on lines of their own. */
export function codeBlock(text: string): string {
  const body = escapeCode(text).replace(/^\n+|\n+$/g, '');
  return `\`\`\`\n${body}\n\`\`\``;
}

/** Plain text for a header block: one line, no mrkdwn parsing happens there. */
export function plainTextLine(text: string): string {
  return neutraliseMentions(sanitiseText(text))
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

// No spaces, no characters that end a token, nothing invisible or control.
const SAFE_URL =
  // eslint-disable-next-line no-control-regex
  /^https?:\/\/[^\s<>|"`\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]+$/i;

/** True for an http(s) URL that can sit inside a Slack link token unchanged. */
export function isLinkableUrl(text: string): boolean {
  if (!SAFE_URL.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `<https://…|label>` for a safe URL; anything else is shown as escaped text,
 * so a malformed URL can never open a token.
 */
export function slackLink(url: string, label?: string): string {
  const trimmed = url.trim();
  if (!isLinkableUrl(trimmed)) return escapeMrkdwn(trimmed);
  const escapedUrl = escapeEntities(trimmed);
  if (label === undefined || label.trim() === '') return `<${escapedUrl}>`;
  // `|` and `>` would end the label early; Slack has no escape for `|`.
  const safeLabel = escapeMrkdwn(label).replaceAll('|', '\u2223').replace(/\n/g, ' ');
  return `<${escapedUrl}|${safeLabel}>`;
}

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/**
 * A channel reference. With a known channel id it becomes a real link
 * (`<#C123>`); otherwise "#name" as plain text, which is still readable.
 */
export function channelReference(
  nameOrText: string,
  channelIds: Readonly<Record<string, string>> = {},
): string {
  const name = nameOrText.trim().replace(/^#/, '').toLowerCase();
  const id = channelIds[name];
  if (id !== undefined && CHANNEL_ID.test(id)) return `<#${id}>`;
  return escapeMrkdwn(nameOrText.trim());
}

/**
 * Re-applies mention neutralising to finished mrkdwn, leaving Slack tokens
 * (`<…>`) alone: pieces escaped separately can meet, as "@" followed by a
 * placeholder whose answer is "here".
 */
export function neutraliseMentionsOutsideTokens(mrkdwn: string): string {
  return mrkdwn
    .split(/(<[^<>]*>)/)
    .map((part) => (part.startsWith('<') && part.endsWith('>') ? part : neutraliseMentions(part)))
    .join('');
}
