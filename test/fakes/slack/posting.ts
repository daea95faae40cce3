// Putting a message into a channel: shared by chat.postMessage, scheduled
// delivery and `fake.addMessage`. Threading follows Slack: replying to a
// reply lands in its parent's thread, the parent gains `thread_ts`, and a
// reply to a ts that does not exist is stored but shows up nowhere (Slack
// answers ok and the reply is orphaned).
import type { MessageContent } from './content.ts';
import type { TsClock } from './ts-clock.ts';
import type { Workspace } from './workspace.ts';
import type { PostedMessage, UserSeed } from './types.ts';

export interface NewMessage {
  channelId: string;
  author: UserSeed;
  content: MessageContent;
  threadTs?: string;
  replyBroadcast?: boolean;
  unfurlLinks?: boolean;
  unfurlMedia?: boolean;
  scheduledMessageId?: string;
  /** Files the message shares (files.completeUploadExternal). */
  fileIds?: string[];
  /** When the message is stamped (default: the clock's now). */
  atMs?: number;
}

function threadRoot(workspace: Workspace, channelId: string, threadTs: string): string {
  const target = workspace.findMessage(channelId, threadTs);
  if (!target) return threadTs;
  const rootTs = target.thread_ts ?? target.ts;
  const root = workspace.findMessage(channelId, rootTs);
  if (root && root.thread_ts === undefined) root.thread_ts = root.ts;
  return rootTs;
}

export function postMessage(workspace: Workspace, clock: TsClock, message: NewMessage): PostedMessage {
  const threadTs =
    message.threadTs === undefined ? undefined : threadRoot(workspace, message.channelId, message.threadTs);
  const posted: PostedMessage = {
    channel: message.channelId,
    ts: clock.nextTs(message.atMs),
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    text: message.content.text,
    ...(message.content.blocks ? { blocks: message.content.blocks } : {}),
    ...(message.content.metadata ? { metadata: message.content.metadata } : {}),
    reply_broadcast: threadTs !== undefined && (message.replyBroadcast ?? false),
    user: message.author.id,
    ...(message.author.botId ? { bot_id: message.author.botId, app_id: message.author.appId } : {}),
    ...(message.unfurlLinks === undefined ? {} : { unfurl_links: message.unfurlLinks }),
    ...(message.unfurlMedia === undefined ? {} : { unfurl_media: message.unfurlMedia }),
    ...(message.scheduledMessageId === undefined ? {} : { scheduled_message_id: message.scheduledMessageId }),
    ...(message.fileIds && message.fileIds.length > 0 ? { files: [...message.fileIds] } : {}),
  };
  workspace.storeMessage(posted);
  return posted;
}

/** What `fake.messages()` hands out: deep copies, so tests cannot change the fake's state. */
export function copyMessage(message: PostedMessage): PostedMessage {
  return structuredClone(message);
}
