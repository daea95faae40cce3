// chat.scheduleMessage, chat.scheduledMessages.list and
// chat.deleteScheduledMessage. Scheduled messages sit in the workspace until
// `deliverScheduled` posts them (see scheduled-delivery.ts).
import { requirePostable, requireScope, visibleChannel } from '../access.ts';
import { boolArg, intArg, stringArg } from '../args.ts';
import { readContent } from '../content.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { readLimit } from '../paging.ts';
import { SlackError } from '../slack-error.ts';
import type { ScheduledMessage } from '../types.ts';
import { readThreadTs } from './chat.ts';
import type { MethodSpec } from './method-context.ts';

const MAX_AHEAD_SEC = 120 * 24 * 60 * 60;
/** Slack refuses more than 30 scheduled messages for one channel in one 5-minute window. */
const WINDOW_SEC = 5 * 60;
const MAX_PER_WINDOW = 30;
/** Slack will not cancel a message this close to (or past) its posting time. */
const CANCEL_CUTOFF_SEC = 60;

let scheduledCounter = 0;

function nextScheduledId(): string {
  scheduledCounter += 1;
  return `Q${String(1_000_000_000 + scheduledCounter)}`;
}

export const chatScheduleMessage: MethodSpec = {
  acceptedScopes: ['chat:write'],
  handler: (context) => {
    const { workspace, clock, caller, args } = context;
    requireScope(caller, 'chat:write');
    const channel = visibleChannel(workspace, caller, args);
    requirePostable(caller, channel);
    const postAtRaw = stringArg(args, 'post_at');
    const postAt =
      postAtRaw === undefined || postAtRaw.trim() === '' ? Number.NaN : Math.floor(Number(postAtRaw));
    if (!Number.isFinite(postAt)) throw new SlackError('invalid_time');
    const nowSec = clock.nowSec();
    if (postAt < nowSec) throw new SlackError('time_in_past');
    if (postAt > nowSec + MAX_AHEAD_SEC) throw new SlackError('time_too_far');
    const content = readContent(args);
    const threadTs = readThreadTs(context);
    const windowStart = postAt - (postAt % WINDOW_SEC);
    const inSameWindow = workspace.scheduled.filter(
      (other) =>
        other.channel === channel.id &&
        other.post_at >= windowStart &&
        other.post_at < windowStart + WINDOW_SEC,
    );
    if (inSameWindow.length >= MAX_PER_WINDOW) throw new SlackError('restricted_too_many');
    const scheduled: ScheduledMessage = {
      id: nextScheduledId(),
      channel: channel.id,
      post_at: postAt,
      date_created: nowSec,
      ...content,
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      reply_broadcast: threadTs !== undefined && (boolArg(args, 'reply_broadcast') ?? false),
      user: caller.user.id,
      ...(caller.user.botId ? { bot_id: caller.user.botId, app_id: caller.user.appId } : {}),
    };
    workspace.scheduled.push(scheduled);
    return {
      channel: channel.id,
      scheduled_message_id: scheduled.id,
      post_at: postAt,
      message: {
        type: 'delayed_message',
        ...(scheduled.bot_id
          ? { subtype: 'bot_message', bot_id: scheduled.bot_id, app_id: scheduled.app_id }
          : {}),
        text: scheduled.text,
        user: scheduled.user,
        team: workspace.team.id,
        ...(scheduled.blocks ? { blocks: scheduled.blocks } : {}),
      },
    };
  },
};

export const chatScheduledMessagesList: MethodSpec = {
  acceptedScopes: [],
  handler: ({ workspace, caller, args }) => {
    const channelRef = stringArg(args, 'channel');
    const channelId =
      channelRef === undefined || channelRef === '' ? undefined : visibleChannel(workspace, caller, args).id;
    const oldest = intArg(args, 'oldest', 'invalid_arguments') ?? 0;
    const latest = intArg(args, 'latest', 'invalid_arguments') ?? Number.POSITIVE_INFINITY;
    const limit = readLimit(args, 100, 100);
    const cursor = stringArg(args, 'cursor');
    const mine = workspace.scheduled
      .filter(
        (message) =>
          message.user === caller.user.id && (channelId === undefined || message.channel === channelId),
      )
      .filter((message) => message.post_at >= oldest && message.post_at <= latest)
      .sort((a, b) => a.post_at - b.post_at || a.id.localeCompare(b.id));
    let start = 0;
    if (cursor !== undefined && cursor !== '') {
      const startId = decodeCursor('scheduled', cursor);
      start = mine.findIndex((message) => message.id === startId);
      if (start === -1) throw new SlackError('invalid_cursor');
    }
    const page = mine.slice(start, start + limit);
    const next = mine[start + limit];
    return {
      scheduled_messages: page.map((message) => ({
        id: message.id,
        channel_id: message.channel,
        post_at: message.post_at,
        date_created: message.date_created,
        text: message.text,
      })),
      response_metadata: { next_cursor: next ? encodeCursor('scheduled', next.id) : '' },
    };
  },
};

export const chatDeleteScheduledMessage: MethodSpec = {
  acceptedScopes: ['chat:write'],
  handler: ({ workspace, clock, caller, args }) => {
    requireScope(caller, 'chat:write');
    const channel = visibleChannel(workspace, caller, args);
    const id = stringArg(args, 'scheduled_message_id');
    if (id === undefined || id === '') throw new SlackError('invalid_arguments');
    const index = workspace.scheduled.findIndex(
      (message) => message.id === id && message.channel === channel.id && message.user === caller.user.id,
    );
    const found = workspace.scheduled[index];
    if (!found || found.post_at - clock.nowSec() <= CANCEL_CUTOFF_SEC)
      throw new SlackError('invalid_scheduled_message_id');
    workspace.scheduled.splice(index, 1);
    return {};
  },
};
