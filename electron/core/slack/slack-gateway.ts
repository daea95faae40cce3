// The Slack gateway: the Web API calls Herald makes, each answering a value
// (never throwing) with failures classified by the WebClient's error codes.
// It owns no retrying: the outbox decides what to retry and when, because
// only it knows whether a message may already have been posted.
import type { WebClient } from '@slack/web-api';
import type { ChannelSummary } from '../../../shared/api/channels/channels.ts';
import type { Result } from '../../../shared/api/result.ts';
import { explainSlackError } from '../../../shared/slack/errors.ts';
import {
  heraldMetadata,
  readHeraldMetadata,
  type MessageFacts,
  type ReadMetadata,
} from '../../../shared/team-sync/message-facts.ts';
import { trackRequest, type SlackClientFactory, type SlackFailure } from './slack-client.ts';

export { HERALD_EVENT_TYPE } from '../../../shared/team-sync/message-facts.ts';

export type GatewayFailure = SlackFailure | { kind: 'not_connected'; message: string; fix: string };
export type GatewayResult<T> = Result<T, GatewayFailure>;

export interface OutgoingMessage {
  channel: string;
  text: string;
  blocks?: readonly Record<string, unknown>[];
  threadTs?: string;
  replyBroadcast?: boolean;
}

export interface HistoryMessage {
  ts: string;
  threadTs?: string;
  text: string;
  userId?: string;
  botId?: string;
  subtype?: string;
  /** The herald_id of a message Herald posted, read from its metadata. */
  heraldId?: string;
  /** The metadata, checked (never trusted): foreign, Herald's without facts, or Herald's facts. */
  metadata: ReadMetadata;
  /** Set on a thread's parent: how many replies it has, and the newest one's ts. */
  replyCount?: number;
  latestReplyTs?: string;
  /** Slack's `edited.ts`: when the message was last edited (absent: never). */
  editedTs?: string;
  /** The files the message shares (an upload), as Slack names them. */
  files?: SharedFile[];
}

/** A file as a message in Slack shows it. */
export interface SharedFile {
  id: string;
  name: string;
  title: string;
}

/** One file to upload and share in a channel (in a thread when `threadTs` is given), with words posted with it. */
export interface FileUpload {
  channel: string;
  threadTs?: string;
  name: string;
  title: string;
  content: string;
  comment: string;
}

/** A person in the workspace, as users.list describes them (bots, Slackbot and deactivated accounts left out). */
export interface WorkspaceUser {
  id: string;
  /** The name to show: display name, else real name, else handle. */
  name: string;
  handle: string;
}

/** Herald's message identity and facts, written as Slack metadata on posts and edits. */
export interface HeraldStamp {
  heraldId: string;
  /** What the message is about; none for a message about nothing Herald tracks. */
  facts?: MessageFacts | null;
}

export interface ScheduledSummary {
  id: string;
  channelId: string;
  postAtSec: number;
  text: string;
}

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

export interface HistoryWindow {
  /** Only messages newer than this (epoch seconds). */
  oldestSec?: number;
  /** Only messages newer than this Slack ts, exactly (a float would lose its last microseconds). */
  oldestTs?: string;
  cursor?: string;
  limit?: number;
}

export interface SlackGateway {
  /** auth.test: is Slack reachable and the token good? */
  probe(): Promise<GatewayResult<{ userId: string; teamId: string; url: string }>>;
  listChannelsPage(cursor?: string): Promise<GatewayResult<Page<ChannelSummary>>>;
  /** Posts with Herald's metadata carrying `heraldId` (so the message can be found again) and its facts. */
  post(message: OutgoingMessage & HeraldStamp): Promise<GatewayResult<{ channelId: string; ts: string }>>;
  /** chat.update; with a stamp, the edit carries Herald's metadata too (replacing the message's). */
  update(message: {
    channel: string;
    ts: string;
    text: string;
    blocks?: readonly Record<string, unknown>[];
    stamp?: HeraldStamp;
  }): Promise<GatewayResult<{ ts: string }>>;
  permalink(channel: string, ts: string): Promise<GatewayResult<string>>;
  /** chat.scheduleMessage, deliberately without metadata: Slack silently drops scheduled messages that carry it. */
  schedule(
    message: OutgoingMessage & { postAtSec: number },
  ): Promise<GatewayResult<{ channelId: string; scheduledMessageId: string; postAtSec: number }>>;
  cancelScheduled(channel: string, scheduledMessageId: string): Promise<GatewayResult<null>>;
  listScheduledPage(channel: string, cursor?: string): Promise<GatewayResult<Page<ScheduledSummary>>>;
  /** A channel's recent top-level messages (and thread broadcasts), newest first, with metadata. */
  historyPage(channel: string, window: HistoryWindow): Promise<GatewayResult<Page<HistoryMessage>>>;
  /** A thread: its parent, then the replies oldest first, with metadata. */
  repliesPage(
    channel: string,
    threadTs: string,
    window: HistoryWindow,
  ): Promise<GatewayResult<Page<HistoryMessage>>>;
  /** One message as Slack holds it now (a reply is read from its thread), or null when it is not there. */
  readMessage(
    channel: string,
    ts: string,
    threadTs: string | null,
  ): Promise<GatewayResult<HistoryMessage | null>>;
  /** users.list, one page (needs users:read). */
  listUsersPage(cursor?: string): Promise<GatewayResult<Page<WorkspaceUser>>>;
  /**
   * Uploads and shares a file (the SDK's filesUploadV2: files.getUploadURLExternal, the upload, then
   * files.completeUploadExternal). The message it posted is named when Slack's answer says (`ts`, else null).
   */
  uploadFile(upload: FileUpload): Promise<GatewayResult<{ fileId: string; ts: string | null }>>;
}

export interface SlackGatewayDeps {
  /** The token and the one URL it is bound to (the Slack connection's), or null when not connected. */
  credential: () => Promise<{ token: string; apiUrl: string } | null>;
  createClient: SlackClientFactory;
}

interface RawMessage {
  ts?: string;
  thread_ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  metadata?: unknown;
  reply_count?: number;
  latest_reply?: string;
  edited?: { ts?: unknown };
  files?: Array<{ id?: unknown; name?: unknown; title?: unknown }>;
}

function sharedFilesOf(raw: RawMessage): SharedFile[] | undefined {
  if (!Array.isArray(raw.files)) return undefined;
  return raw.files.flatMap((file) =>
    typeof file.id === 'string'
      ? [
          {
            id: file.id,
            name: typeof file.name === 'string' ? file.name : '',
            title: typeof file.title === 'string' ? file.title : '',
          },
        ]
      : [],
  );
}

/** Where the upload's message is: its ts in the channel's shares (Slack may leave them out of its answer). */
function sharedTsOf(file: unknown, channelId: string): string | null {
  const shares = (file as { shares?: Record<string, Record<string, Array<{ ts?: unknown }>>> } | null)
    ?.shares;
  for (const visibility of ['public', 'private']) {
    const ts = shares?.[visibility]?.[channelId]?.[0]?.ts;
    if (typeof ts === 'string') return ts;
  }
  return null;
}

function toHistoryMessage(raw: RawMessage): HistoryMessage | undefined {
  if (typeof raw.ts !== 'string') return undefined;
  const metadata = readHeraldMetadata(raw.metadata);
  const heraldId = metadata.kind === 'herald' ? metadata.heraldId : undefined;
  const files = sharedFilesOf(raw);
  return {
    metadata,
    ...(files === undefined ? {} : { files }),
    ...(typeof raw.reply_count === 'number' ? { replyCount: raw.reply_count } : {}),
    ...(typeof raw.latest_reply === 'string' ? { latestReplyTs: raw.latest_reply } : {}),
    ...(typeof raw.edited?.ts === 'string' ? { editedTs: raw.edited.ts } : {}),
    ts: raw.ts,
    text: raw.text ?? '',
    ...(raw.thread_ts === undefined ? {} : { threadTs: raw.thread_ts }),
    ...(raw.user === undefined ? {} : { userId: raw.user }),
    ...(raw.bot_id === undefined ? {} : { botId: raw.bot_id }),
    ...(raw.subtype === undefined ? {} : { subtype: raw.subtype }),
    ...(typeof heraldId === 'string' ? { heraldId } : {}),
  };
}

function nextCursorOf(answer: { response_metadata?: { next_cursor?: string } }): string | null {
  const cursor = answer.response_metadata?.next_cursor;
  return cursor === undefined || cursor === '' ? null : cursor;
}

/** Slack's optional arguments: leave out what is not set rather than sending "undefined". */
function threadArgs(message: OutgoingMessage): Record<string, unknown> {
  if (message.threadTs === undefined) return {};
  return { thread_ts: message.threadTs, reply_broadcast: message.replyBroadcast ?? false };
}

export function createSlackGateway(deps: SlackGatewayDeps): SlackGateway {
  let cached: { key: string; client: WebClient } | undefined;

  async function client(): Promise<WebClient | null> {
    const credential = await deps.credential();
    if (credential === null) return null;
    const { token, apiUrl } = credential;
    const key = `${apiUrl}\n${token}`;
    if (cached?.key !== key) cached = { key, client: deps.createClient(token, apiUrl) };
    return cached.client;
  }

  async function call<T>(work: (web: WebClient) => Promise<T>): Promise<GatewayResult<T>> {
    let web: WebClient | null;
    try {
      web = await client();
    } catch {
      // The secret box could not decrypt the token: as good as not connected.
      web = null;
    }
    if (web === null) {
      const { message, fix } = explainSlackError('not_connected');
      return { ok: false, error: { kind: 'not_connected', message, fix } };
    }
    return trackRequest(web, work);
  }

  const historyArgs = (window: HistoryWindow) => ({
    include_all_metadata: true,
    limit: window.limit ?? 200,
    ...(window.oldestTs !== undefined
      ? { oldest: window.oldestTs }
      : window.oldestSec === undefined
        ? {}
        : { oldest: window.oldestSec.toFixed(6) }),
    ...(window.cursor === undefined ? {} : { cursor: window.cursor }),
  });

  const messagesPage = (answer: {
    messages?: RawMessage[];
    response_metadata?: { next_cursor?: string };
  }): Page<HistoryMessage> => ({
    items: (answer.messages ?? []).map(toHistoryMessage).filter((message) => message !== undefined),
    nextCursor: nextCursorOf(answer),
  });

  return {
    probe: () =>
      call(async (web) => {
        const answer = await web.auth.test();
        return { userId: answer.user_id ?? '', teamId: answer.team_id ?? '', url: answer.url ?? '' };
      }),

    listChannelsPage: (cursor) =>
      call(async (web) => {
        const answer = await web.conversations.list({
          types: 'public_channel,private_channel',
          exclude_archived: true,
          limit: 200,
          ...(cursor === undefined ? {} : { cursor }),
        });
        const items = (answer.channels ?? []).flatMap((channel) =>
          typeof channel.id === 'string' && typeof channel.name === 'string'
            ? [
                {
                  id: channel.id,
                  name: channel.name,
                  isPrivate: channel.is_private === true,
                  isMember: channel.is_member === true,
                },
              ]
            : [],
        );
        return { items, nextCursor: nextCursorOf(answer) };
      }),

    post: (message) =>
      call(async (web) => {
        const answer = await web.chat.postMessage({
          channel: message.channel,
          text: message.text,
          ...(message.blocks ? { blocks: [...message.blocks] as never } : {}),
          ...threadArgs(message),
          metadata: heraldMetadata(message.heraldId, message.facts ?? null) as never,
        });
        return { channelId: answer.channel ?? message.channel, ts: answer.ts ?? '' };
      }),

    update: (message) =>
      call(async (web) => {
        const answer = await web.chat.update({
          channel: message.channel,
          ts: message.ts,
          text: message.text,
          ...(message.blocks ? { blocks: [...message.blocks] as never } : {}),
          ...(message.stamp
            ? { metadata: heraldMetadata(message.stamp.heraldId, message.stamp.facts ?? null) as never }
            : {}),
        });
        return { ts: answer.ts ?? message.ts };
      }),

    permalink: (channel, ts) =>
      call(async (web) => {
        const answer = await web.chat.getPermalink({ channel, message_ts: ts });
        return answer.permalink ?? '';
      }),

    schedule: (message) =>
      call(async (web) => {
        const answer = await web.chat.scheduleMessage({
          channel: message.channel,
          text: message.text,
          post_at: message.postAtSec,
          ...(message.blocks ? { blocks: [...message.blocks] as never } : {}),
          ...threadArgs(message),
        });
        return {
          channelId: answer.channel ?? message.channel,
          scheduledMessageId: answer.scheduled_message_id ?? '',
          postAtSec: answer.post_at ?? message.postAtSec,
        };
      }),

    cancelScheduled: (channel, scheduledMessageId) =>
      call(async (web) => {
        await web.chat.deleteScheduledMessage({ channel, scheduled_message_id: scheduledMessageId });
        return null;
      }),

    listScheduledPage: (channel, cursor) =>
      call(async (web) => {
        const answer = await web.chat.scheduledMessages.list({
          channel,
          limit: 100,
          ...(cursor === undefined ? {} : { cursor }),
        });
        const items = (answer.scheduled_messages ?? []).flatMap((scheduled) =>
          typeof scheduled.id === 'string'
            ? [
                {
                  id: scheduled.id,
                  channelId: scheduled.channel_id ?? channel,
                  postAtSec: scheduled.post_at ?? 0,
                  text: scheduled.text ?? '',
                },
              ]
            : [],
        );
        return { items, nextCursor: nextCursorOf(answer) };
      }),

    historyPage: (channel, window) =>
      call(async (web) => messagesPage(await web.conversations.history({ channel, ...historyArgs(window) }))),

    repliesPage: (channel, threadTs, window) =>
      call(async (web) =>
        messagesPage(await web.conversations.replies({ channel, ts: threadTs, ...historyArgs(window) })),
      ),

    readMessage: (channel, ts, threadTs) =>
      call(async (web) => {
        // The window [ts, ts] holds just that message (a thread's parent is always listed too: filtered out).
        const window = {
          channel,
          oldest: ts,
          latest: ts,
          inclusive: true,
          include_all_metadata: true,
          limit: 1,
        };
        const answer =
          threadTs === null || threadTs === ts
            ? await web.conversations.history(window)
            : await web.conversations.replies({ ...window, ts: threadTs, limit: 2 });
        return messagesPage(answer).items.find((message) => message.ts === ts) ?? null;
      }),

    listUsersPage: (cursor) =>
      call(async (web) => {
        const answer = await web.users.list({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
        const items = (answer.members ?? []).flatMap((member) => {
          const isPerson = !member.is_bot && !member.deleted && member.id !== 'USLACKBOT';
          if (!isPerson || typeof member.id !== 'string') return [];
          const handle = member.name ?? member.id;
          const name = member.profile?.display_name || member.real_name || handle;
          return [{ id: member.id, name, handle }];
        });
        return { items, nextCursor: nextCursorOf(answer) };
      }),

    uploadFile: (upload) =>
      call(async (web) => {
        const args = {
          channel_id: upload.channel,
          initial_comment: upload.comment,
          content: upload.content,
          filename: upload.name,
          title: upload.title,
        };
        const answer = await (upload.threadTs === undefined
          ? web.filesUploadV2(args)
          : web.filesUploadV2({ ...args, thread_ts: upload.threadTs }));
        // One file: one completion, holding the file as Slack shared it.
        const completions = answer.files as unknown as Array<{ files?: unknown[] }>;
        const file = completions[0]?.files?.[0] as { id?: unknown } | undefined;
        return {
          fileId: typeof file?.id === 'string' ? file.id : '',
          ts: sharedTsOf(file, upload.channel),
        };
      }),
  };
}
