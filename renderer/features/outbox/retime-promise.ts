// Moving a held message's next-update promise to a new time: every place the
// message states the old time (Slack date tokens, and the written-out
// fallback) is rewritten to the new one, in the text and in the blocks, so
// the message never promises a time that has gone.
import { formatInstant, slackDate } from '../../../shared/time/index.ts';

const TOKEN = /<!date\^(\d+)\^([^|>]*)\|[^>]*>/g;
const FALLBACK = /^<!date\^\d+\^[^|>]*\|([^>]*)>$/;

/** The text with each statement of `oldIso` changed to `newMs` (written in `zone`). */
export function retimeText(text: string, oldIso: string, newMs: number, zone: string): string {
  const oldMs = Date.parse(oldIso);
  if (!Number.isFinite(oldMs)) return text;
  const oldSeconds = String(Math.floor(oldMs / 1000));
  const newSeconds = String(Math.floor(newMs / 1000));
  const newFallback = FALLBACK.exec(slackDate(newMs, zone))?.[1] ?? formatInstant(newMs, zone);
  const withTokens = text.replace(TOKEN, (token, seconds: string, format: string) =>
    seconds === oldSeconds ? `<!date^${newSeconds}^${format}|${newFallback}>` : token,
  );
  // Outside tokens (a plain-text title or header), the time is written out in full.
  const oldWritten = formatInstant(oldMs, zone);
  return withTokens
    .split(/(<!date\^[^>]*>)/)
    .map((part) =>
      part.startsWith('<!date^') ? part : part.replaceAll(oldWritten, formatInstant(newMs, zone)),
    )
    .join('');
}

/** The same change through every string in Block Kit blocks. */
export function retimeBlocks<T>(blocks: T, oldIso: string, newMs: number, zone: string): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return retimeText(value, oldIso, newMs, zone);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  return walk(blocks) as T;
}
