// A promise that counts from when its message reaches Slack (OutboxItem.promiseAfterMs): an incident declared
// while Slack cannot be reached promises "the next update in 30 minutes" to people who only read it once it is
// posted. At each attempt the promise moves on by the whole minutes the message has waited, so it stays on the
// lead's minute and never moves for a message that went at once. The words and metadata are re-rendered by a
// function core gives the outbox (the outbox knows no plans or drafts).
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';

const MINUTE_MS = 60_000;

/** What a message says once its promise has moved: its text, blocks, metadata and draft, re-rendered. */
export type PromiseRestamp = (
  item: OutboxItem,
  promiseAtUtc: string,
) => Pick<OutboxItem, 'text' | 'blocks' | 'facts' | 'draft'> | null;

/** The promise as it stands if the message goes at `nowMs`; null when it does not move with the post. */
export function promiseAtPost(
  item: Pick<OutboxItem, 'promiseAfterMs' | 'createdAtUtc'>,
  nowMs: number,
): string | null {
  if (item.promiseAfterMs === null) return null;
  const queuedAtMs = Date.parse(item.createdAtUtc);
  const waitedMs = Math.max(0, nowMs - queuedAtMs);
  const movedMs = Math.floor(waitedMs / MINUTE_MS) * MINUTE_MS;
  return new Date(queuedAtMs + item.promiseAfterMs + movedMs).toISOString();
}

/**
 * The change that stamps the promise on an item about to be sent: part of the same `sending` write that is
 * synced before the request leaves, so whatever may have reached Slack is what the item records. Empty when the
 * promise does not move or there is nothing to re-render it with.
 */
export function stampPromise(
  item: OutboxItem,
  nowMs: number,
  restamp: PromiseRestamp | undefined,
): Partial<Pick<OutboxItem, 'promiseAtUtc' | 'text' | 'blocks' | 'facts' | 'draft'>> {
  const promiseAtUtc = promiseAtPost(item, nowMs);
  if (promiseAtUtc === null || promiseAtUtc === item.promiseAtUtc || !restamp) return {};
  const rendered = restamp(item, promiseAtUtc);
  return rendered === null ? {} : { ...rendered, promiseAtUtc };
}
