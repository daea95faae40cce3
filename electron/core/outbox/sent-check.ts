// Finding out whether an earlier attempt reached Slack, before trying again:
// a posted message is found by the herald_id in its metadata; a scheduled one
// (which carries no metadata) by its channel, time and text in Slack's list of
// scheduled messages, or, once its time has passed, in the channel itself.
import type { OutboxItem, OutboxProblem } from '../../../shared/outbox/outbox-item.ts';
import { explainSlackError } from '../../../shared/slack/errors.ts';
import type {
  GatewayFailure,
  GatewayResult,
  HistoryMessage,
  HistoryWindow,
  Page,
  SlackGateway,
} from '../slack/slack-gateway.ts';

/** How far before the first attempt to look (generous: the local clock and Slack's may disagree). */
export const LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** At most this many pages of 200 messages: "recent history", not the whole channel. */
export const MAX_CHECK_PAGES = 10;

export type CheckOutcome =
  | { kind: 'found'; ts: string }
  | { kind: 'found_scheduled'; scheduledMessageId: string; postAtSec: number }
  | { kind: 'absent' }
  | { kind: 'cannot_check'; problem: OutboxProblem }
  | { kind: 'failure'; failure: GatewayFailure; method: string };

/** Failures that mean Herald may not read this channel: checking is impossible, not just delayed. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set([
  'not_in_channel',
  'channel_not_found',
  'missing_scope',
  'access_denied',
]);

function cannotCheck(item: OutboxItem, failure: GatewayFailure): CheckOutcome {
  const where = item.channelName === null ? 'that channel' : `#${item.channelName}`;
  const code = failure.kind === 'platform' ? failure.code : failure.kind;
  return {
    kind: 'cannot_check',
    problem: {
      code: 'unconfirmed',
      message:
        `An earlier attempt may have reached ${where}, and Herald cannot read ${where} to check ` +
        `(${explainSlackError(code).message.replace(/\.$/, '')}). It will not risk posting twice.`,
      fix:
        `Look in ${where}: if the message is there, cancel it here; if not, confirm to send it. ` +
        'Inviting Herald to the channel lets it check by itself next time.',
    },
  };
}

type PageReader = (window: HistoryWindow) => Promise<GatewayResult<Page<HistoryMessage>>>;

/** Reads pages until `matches` finds a message, pages run out, or the page budget is spent. */
async function search(
  read: PageReader,
  oldestSec: number,
  matches: (message: HistoryMessage) => boolean,
): Promise<GatewayResult<HistoryMessage | null>> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_CHECK_PAGES; page++) {
    const answer = await read({ oldestSec, limit: 200, ...(cursor === undefined ? {} : { cursor }) });
    if (!answer.ok) return answer;
    const found = answer.value.items.find(matches);
    if (found) return { ok: true, value: found };
    if (answer.value.nextCursor === null) break;
    cursor = answer.value.nextCursor;
  }
  return { ok: true, value: null };
}

function readerFor(
  gateway: SlackGateway,
  channelId: string,
  threadTs: string | null,
): { read: PageReader; method: string } {
  return threadTs === null
    ? { read: (window) => gateway.historyPage(channelId, window), method: 'conversations.history' }
    : { read: (window) => gateway.repliesPage(channelId, threadTs, window), method: 'conversations.replies' };
}

function toOutcome(
  item: OutboxItem,
  answer: GatewayResult<HistoryMessage | null>,
  method: string,
): CheckOutcome {
  if (answer.ok) return answer.value === null ? { kind: 'absent' } : { kind: 'found', ts: answer.value.ts };
  const failure = answer.error;
  // A reply whose thread is gone cannot have been posted in it.
  if (failure.kind === 'platform' && failure.code === 'thread_not_found') return { kind: 'absent' };
  if (failure.kind === 'platform' && UNREADABLE_CODES.has(failure.code)) return cannotCheck(item, failure);
  return { kind: 'failure', failure, method };
}

/** Looks for a posted item by its herald_id in the channel (or its thread). */
export async function findPosted(
  gateway: SlackGateway,
  item: OutboxItem,
  channelId: string,
): Promise<CheckOutcome> {
  const sinceMs = Date.parse(item.firstAttemptAtUtc ?? item.createdAtUtc) - LOOKBACK_MS;
  const { read, method } = readerFor(gateway, channelId, item.threadTs);
  const answer = await search(read, Math.max(0, sinceMs / 1000), (message) => message.heraldId === item.id);
  return toOutcome(item, answer, method);
}

/** Looks for a scheduled item in Slack's list of scheduled messages for the channel. */
export async function findScheduled(
  gateway: SlackGateway,
  item: OutboxItem,
  channelId: string,
  postAtSec: number,
): Promise<CheckOutcome> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_CHECK_PAGES; page++) {
    const answer = await gateway.listScheduledPage(channelId, cursor);
    if (!answer.ok) return toOutcome(item, answer, 'chat.scheduledMessages.list');
    const found = answer.value.items.find((scheduled) =>
      item.scheduledMessageId !== null
        ? scheduled.id === item.scheduledMessageId
        : scheduled.postAtSec === postAtSec && scheduled.text === item.text,
    );
    if (found) return { kind: 'found_scheduled', scheduledMessageId: found.id, postAtSec: found.postAtSec };
    if (answer.value.nextCursor === null) break;
    cursor = answer.value.nextCursor;
  }
  return { kind: 'absent' };
}

/** Looks in the channel for a scheduled item Slack has posted: an app's message with the same text, from its time on. */
export async function findDelivered(
  gateway: SlackGateway,
  item: OutboxItem,
  channelId: string,
  postAtSec: number,
): Promise<CheckOutcome> {
  const { read, method } = readerFor(gateway, channelId, item.threadTs);
  const answer = await search(
    read,
    Math.max(0, postAtSec - 60),
    (message) => message.text === item.text && message.heraldId === undefined && message.botId !== undefined,
  );
  return toOutcome(item, answer, method);
}

/**
 * Looks in the thread (or the channel) for a file an earlier attempt uploaded: Slack keeps no idempotency key
 * for uploads, so the file's title, unique per version (outbox-file.ts), and its name stand in for one.
 */
export async function findSharedFile(
  gateway: SlackGateway,
  item: OutboxItem,
  channelId: string,
  threadTs: string | null,
): Promise<CheckOutcome> {
  const file = item.file;
  if (!file) return { kind: 'absent' };
  const sinceMs = Date.parse(item.firstAttemptAtUtc ?? item.createdAtUtc) - LOOKBACK_MS;
  const { read, method } = readerFor(gateway, channelId, threadTs);
  const answer = await search(read, Math.max(0, sinceMs / 1000), (message) =>
    (message.files ?? []).some((shared) => shared.title === file.title && shared.name === file.name),
  );
  return toOutcome(item, answer, method);
}
