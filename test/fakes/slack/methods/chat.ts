// chat.postMessage, chat.update, chat.delete and chat.getPermalink, with
// Slack's checks in Slack's order: scope, channel, archived/membership, then
// content (no_text, msg_too_long, invalid_blocks, invalid_metadata_format).
// chat.update also holds the workspace's edit window (edit_window_closed).
import { requirePostable, requireScope, visibleChannel, type Caller } from '../access.ts';
import { boolArg, jsonArg, stringArg } from '../args.ts';
import { readContent } from '../content.ts';
import { postMessage } from '../posting.ts';
import { messageJson } from '../render.ts';
import { SlackError } from '../slack-error.ts';
import { tsToMicros } from '../ts-clock.ts';
import type { PostedMessage } from '../types.ts';
import type { MethodContext, MethodSpec } from './method-context.ts';

/** A thread_ts argument: absent, or a well-formed ts (Slack rejects other shapes). */
export function readThreadTs(context: MethodContext): string | undefined {
  const threadTs = stringArg(context.args, 'thread_ts');
  if (threadTs === undefined || threadTs === '') return undefined;
  if (Number.isNaN(tsToMicros(threadTs))) throw new SlackError('invalid_arguments');
  return threadTs;
}

export const chatPostMessage: MethodSpec = {
  acceptedScopes: ['chat:write'],
  handler: (context) => {
    const { workspace, clock, caller, args } = context;
    requireScope(caller, 'chat:write');
    const channel = visibleChannel(workspace, caller, args);
    requirePostable(caller, channel);
    const content = readContent(args);
    const threadTs = readThreadTs(context);
    const unfurlLinks = boolArg(args, 'unfurl_links');
    const unfurlMedia = boolArg(args, 'unfurl_media');
    const posted = postMessage(workspace, clock, {
      channelId: channel.id,
      author: caller.user,
      content,
      ...(threadTs === undefined ? {} : { threadTs }),
      replyBroadcast: boolArg(args, 'reply_broadcast') ?? false,
      ...(unfurlLinks === undefined ? {} : { unfurlLinks }),
      ...(unfurlMedia === undefined ? {} : { unfurlMedia }),
    });
    return {
      channel: channel.id,
      ts: posted.ts,
      message: messageJson(workspace, posted, { includeMetadata: true }),
    };
  },
};

/** The caller's own message at `ts` in the channel, for update and delete. */
function ownMessage(context: MethodContext, refusal: string): { message: PostedMessage; caller: Caller } {
  const { workspace, caller, args } = context;
  requireScope(caller, 'chat:write');
  const channel = visibleChannel(workspace, caller, args);
  const ts = stringArg(args, 'ts');
  const message = ts === undefined || ts === '' ? undefined : workspace.findMessage(channel.id, ts);
  if (!message || message.subtype === 'tombstone') throw new SlackError('message_not_found');
  // chat.update documents is_inactive for an archived channel; chat.delete documents nothing, so is_archived.
  if (channel.isArchived)
    throw new SlackError(refusal === 'cant_update_message' ? 'is_inactive' : 'is_archived');
  if (message.user !== caller.user.id) throw new SlackError(refusal);
  return { message, caller };
}

/** True when chat.update was sent `metadata: {}`, which Slack reads as "remove the metadata". */
function clearsMetadata(context: MethodContext): boolean {
  const value = jsonArg(context.args, 'metadata', 'invalid_metadata_format');
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

/** chat.update with reply_broadcast: shows an existing reply at the channel's top level too. */
function broadcastReply(context: MethodContext, message: PostedMessage): Record<string, unknown> {
  const hasContent = stringArg(context.args, 'text') !== undefined || context.args.blocks !== undefined;
  if (hasContent) throw new SlackError('no_dual_broadcast_content_update');
  const isReply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  if (!isReply) throw new SlackError('cant_broadcast_message');
  message.reply_broadcast = true;
  return {
    channel: message.channel,
    ts: message.ts,
    text: message.text,
    message: messageJson(context.workspace, message, { includeMetadata: true }),
  };
}

export const chatUpdate: MethodSpec = {
  acceptedScopes: ['chat:write'],
  handler: (context) => {
    const { message, caller } = ownMessage(context, 'cant_update_message');
    if (boolArg(context.args, 'reply_broadcast') === true) return broadcastReply(context, message);
    const windowMinutes = context.workspace.team.editWindowMinutes;
    if (windowMinutes !== undefined) {
      const ageMs = context.clock.nowMs() - tsToMicros(message.ts) / 1000;
      if (ageMs > windowMinutes * 60_000) throw new SlackError('edit_window_closed');
    }
    const isClearingMetadata = clearsMetadata(context);
    const content = readContent(isClearingMetadata ? { ...context.args, metadata: undefined } : context.args);
    message.text = content.text;
    // Slack's documented rule: blocks left out are kept; an empty array removes them; given ones replace them.
    if (content.blocks) message.blocks = content.blocks;
    else if (context.args.blocks !== undefined) delete message.blocks;
    // Metadata is different: left out, it is kept; `{}` removes it; otherwise it is replaced.
    if (isClearingMetadata) delete message.metadata;
    else if (content.metadata) message.metadata = content.metadata;
    message.edited = { user: caller.user.id, ts: context.clock.nextTs() };
    return {
      channel: message.channel,
      ts: message.ts,
      text: message.text,
      message: messageJson(context.workspace, message, { includeMetadata: true }),
    };
  },
};

export const chatDelete: MethodSpec = {
  acceptedScopes: ['chat:write'],
  handler: (context) => {
    const { message } = ownMessage(context, 'cant_delete_message');
    const hasReplies =
      message.thread_ts === message.ts &&
      context.workspace.threadReplies(message.channel, message.ts).length > 0;
    if (hasReplies) {
      // Slack keeps a deleted parent as a tombstone while its thread has replies.
      Object.assign(message, { subtype: 'tombstone', text: 'This message was deleted.' });
      delete message.blocks;
      delete message.metadata;
    } else {
      context.workspace.removeMessage(message.channel, message.ts);
    }
    return { channel: message.channel, ts: message.ts };
  },
};

export const chatGetPermalink: MethodSpec = {
  acceptedScopes: [],
  handler: ({ workspace, caller, args }) => {
    const channel = visibleChannel(workspace, caller, args);
    const ts = stringArg(args, 'message_ts');
    const message = ts === undefined || ts === '' ? undefined : workspace.findMessage(channel.id, ts);
    if (!message) throw new SlackError('message_not_found');
    const path = `${workspace.url}archives/${channel.id}/p${message.ts.replace('.', '')}`;
    const isReply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
    const query = isReply ? `?thread_ts=${message.thread_ts}&cid=${channel.id}` : '';
    return { channel: channel.id, permalink: `${path}${query}` };
  },
};
