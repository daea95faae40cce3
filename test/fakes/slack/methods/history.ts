// conversations.history (newest first; top-level messages and thread
// broadcasts) and conversations.replies (parent first, then replies oldest
// first). Both page with `limit` and cursors, filter on `oldest`/`latest`
// (exclusive unless `inclusive`), and show metadata only when asked with
// `include_all_metadata`.
import { isMember, requireChannelScope, visibleChannel } from '../access.ts';
import { boolArg, stringArg, type Args } from '../args.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { readLimit } from '../paging.ts';
import { messageJson } from '../render.ts';
import { SlackError } from '../slack-error.ts';
import { tsToMicros } from '../ts-clock.ts';
import type { PostedMessage } from '../types.ts';
import type { MethodContext, MethodSpec } from './method-context.ts';

const HISTORY_SCOPES = ['channels:history', 'groups:history', 'mpim:history', 'im:history'];

function readTsArg(args: Args, name: string, errorCode: string): number | undefined {
  const value = stringArg(args, name);
  if (value === undefined || value === '') return undefined;
  const micros = tsToMicros(value);
  if (Number.isNaN(micros)) throw new SlackError(errorCode);
  return micros;
}

/** Keeps messages inside the oldest/latest window (latest defaults to now: nothing is newer). */
function inWindow(args: Args): (message: PostedMessage) => boolean {
  const oldest = readTsArg(args, 'oldest', 'invalid_ts_oldest') ?? 0;
  const latest = readTsArg(args, 'latest', 'invalid_ts_latest') ?? Number.POSITIVE_INFINITY;
  const inclusive = boolArg(args, 'inclusive') ?? false;
  return (message) => {
    const micros = tsToMicros(message.ts);
    return inclusive ? micros >= oldest && micros <= latest : micros > oldest && micros < latest;
  };
}

function readableChannel({ workspace, caller, args }: MethodContext) {
  const channel = visibleChannel(workspace, caller, args);
  requireChannelScope(caller, channel, 'history');
  // A user can read any public channel; a bot only the ones it has joined.
  if (!isMember(caller, channel) && caller.token.kind === 'bot') throw new SlackError('not_in_channel');
  return channel;
}

/** One page of an ordered list, continuing from the cursor's message; Slack's has_more shape. */
function page(
  context: MethodContext,
  ordered: PostedMessage[],
  limit: number,
  startPredicate: (micros: number) => boolean,
) {
  const cursor = stringArg(context.args, 'cursor');
  let list = ordered;
  if (cursor !== undefined && cursor !== '') {
    const cursorMicros = tsToMicros(decodeCursor('next_ts', cursor));
    if (Number.isNaN(cursorMicros)) throw new SlackError('invalid_cursor');
    list = ordered.filter((message) => startPredicate(tsToMicros(message.ts) - cursorMicros));
  }
  const includeMetadata = boolArg(context.args, 'include_all_metadata') ?? false;
  const shown = list.slice(0, limit);
  const next = list[limit];
  return {
    messages: shown.map((message) => messageJson(context.workspace, message, { includeMetadata })),
    has_more: next !== undefined,
    ...(next ? { response_metadata: { next_cursor: encodeCursor('next_ts', next.ts) } } : {}),
  };
}

export const conversationsHistory: MethodSpec = {
  acceptedScopes: HISTORY_SCOPES,
  handler: (context) => {
    const channel = readableChannel(context);
    const cap = context.pageLimitCap ?? Number.POSITIVE_INFINITY;
    const limit = readLimit(context.args, Math.min(100, cap), Math.min(999, cap));
    const keep = inWindow(context.args);
    const isInChannelView = (message: PostedMessage) =>
      message.thread_ts === undefined || message.thread_ts === message.ts || message.reply_broadcast;
    const newestFirst = context.workspace
      .channelMessages(channel.id)
      .filter((message) => isInChannelView(message) && keep(message))
      .reverse();
    return {
      ...page(context, newestFirst, limit, (delta) => delta <= 0),
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
    };
  },
};

export const conversationsReplies: MethodSpec = {
  acceptedScopes: HISTORY_SCOPES,
  handler: (context) => {
    const { workspace, args } = context;
    const channel = readableChannel(context);
    const ts = stringArg(args, 'ts');
    if (ts === undefined || ts === '') throw new SlackError('invalid_arguments');
    const target = workspace.findMessage(channel.id, ts);
    const rootTs = target?.thread_ts ?? target?.ts;
    const root = rootTs === undefined ? undefined : workspace.findMessage(channel.id, rootTs);
    if (!root) throw new SlackError('thread_not_found');
    const cap = context.pageLimitCap ?? Number.POSITIVE_INFINITY;
    const limit = readLimit(args, Math.min(1000, cap), Math.min(1000, cap));
    const keep = inWindow(args);
    const oldestFirst = [root, ...workspace.threadReplies(channel.id, root.ts)].filter(keep);
    return page(context, oldestFirst, limit, (delta) => delta >= 0);
  },
};
