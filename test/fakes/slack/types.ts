// Public types of the fake Slack server: how a test seeds the workspace, the
// faults it can inject, and the records it reads back. Fields that mirror
// Slack's own payloads keep Slack's snake_case names (thread_ts, bot_id…);
// fields that are the fake's own use camelCase with units.
import type { Socket } from 'node:net';

export interface TeamSeed {
  id: string;
  name: string;
  domain: string;
  /**
   * The workspace's "people can edit their messages for N minutes" setting; unset: any time (Slack's default).
   * Past it, chat.update answers `edit_window_closed`. Slack does not say whether apps are exempt; the fake
   * holds every caller to it, the stricter reading.
   */
  editWindowMinutes?: number;
}

export type TokenKind = 'bot' | 'user';

export interface TokenSeed {
  token: string;
  kind: TokenKind;
  /** The Slack user the token acts as (a bot token acts as its bot user). */
  userId: string;
  scopes: readonly string[];
  /**
   * The app the token was issued to (default: the workspace's first bot app).
   * Slack counts rate limits per method per workspace per app, so every token
   * of one app shares them.
   */
  appId?: string;
}

export interface UserSeed {
  id: string;
  name: string;
  realName: string;
  /** Set for bot users: the bot and app behind the user. */
  botId?: string;
  appId?: string;
  /** The profile's display name (Slack: `profile.display_name`, often empty). */
  displayName?: string;
  /** A deactivated account: still listed by users.list, with `deleted: true`. */
  isDeleted?: boolean;
  /** Slackbot is a bot that Slack reports with `is_bot: false`. */
  isSlackbot?: boolean;
}

export interface ChannelSeed {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  isGeneral?: boolean;
  /** User ids that are members. */
  memberIds: readonly string[];
  topic?: string;
  purpose?: string;
  /** Epoch seconds. */
  createdSec?: number;
}

/** What `addChannel` takes: id and membership are filled in when missing. */
export interface NewChannel {
  name: string;
  id?: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  /** Whether the default bot user is a member (default true). */
  isBotMember?: boolean;
  memberIds?: readonly string[];
  topic?: string;
  purpose?: string;
}

export interface FakeSlackOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  team?: Partial<TeamSeed>;
  /** Replaces the default bot user, human user and their tokens. */
  users?: readonly UserSeed[];
  tokens?: readonly TokenSeed[];
  /** Scopes of the default bot token (ignored when `tokens` is given). */
  botScopes?: readonly string[];
  /** Replaces the default named channels (generic ones are still added up to `totalChannels`). */
  channels?: readonly ChannelSeed[];
  /** Total channel count including generic filler channels (default 250) so paging is exercised. */
  totalChannels?: number;
  /** The fake's clock in epoch ms (default Date.now): timestamps, scheduling, rate-limit windows. */
  nowMs?: () => number;
  /** Slack's per-method rate limits (tiers); default off, so tests opt in. See rate-limits.ts. */
  rateLimits?: RateLimitMode;
  /**
   * Answer without the `x-oauth-scopes` header, as some proxies and gateways in front of Slack do; WebClient then
   * reports no `response_metadata.scopes`. Default false.
   */
  omitScopesHeader?: boolean;
}

/**
 * `off`: only limits set with `setRateLimit`. `tiers`: Slack's documented
 * tiers for an internal (or Marketplace) app. `non_marketplace`: the tiers,
 * plus Slack's 2025 limits for commercially distributed apps outside the
 * Marketplace (conversations.history/replies: 1 a minute, 15 messages a page).
 */
export type RateLimitMode = 'off' | 'tiers' | 'non_marketplace';

export interface SlackMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** A message as the fake stores it; `fake.messages()` returns copies of these. */
export interface PostedMessage {
  channel: string;
  ts: string;
  /** Set for thread replies (and on a parent once it has replies, as in Slack). */
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  metadata?: SlackMetadata;
  reply_broadcast: boolean;
  user: string;
  bot_id?: string;
  app_id?: string;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
  edited?: { user: string; ts: string };
  /** 'tombstone' once a thread parent is deleted: Slack keeps it while replies remain. */
  subtype?: 'tombstone';
  /** Set when the message came from a scheduled message. */
  scheduled_message_id?: string;
  /** Ids of the files the message shares (files.completeUploadExternal). */
  files?: string[];
}

/** A file uploaded with files.getUploadURLExternal + completeUploadExternal; `fake.files()` returns copies. */
export interface StoredFile {
  id: string;
  name: string;
  title: string;
  /** Bytes announced to files.getUploadURLExternal. */
  length: number;
  alt_txt?: string;
  snippet_type?: string;
  /** The uploader. */
  user: string;
  /** Epoch seconds. */
  created: number;
  /** The uploaded bytes; undefined until the upload POST arrives. */
  content?: Buffer;
  /** Once files.completeUploadExternal has accepted it. */
  isCompleted: boolean;
  isDeleted: boolean;
  /** Where it was shared: one message per share. */
  shares: { channel: string; ts: string; thread_ts?: string }[];
}

export interface ScheduledMessage {
  id: string;
  channel: string;
  /** Epoch seconds. */
  post_at: number;
  /** Epoch seconds. */
  date_created: number;
  text: string;
  blocks?: unknown[];
  metadata?: SlackMetadata;
  thread_ts?: string;
  reply_broadcast: boolean;
  user: string;
  bot_id?: string;
  app_id?: string;
}

export type Fault =
  | { kind: 'rate_limited'; retryAfterSec: number }
  | { kind: 'http_status'; status: number }
  | { kind: 'drop_before' }
  | { kind: 'drop_after' }
  | { kind: 'delay'; ms: number }
  | { kind: 'slack_error'; error: string };

export interface FaultOptions {
  /** How many matching requests the fault hits (default 1; Infinity until cleared). */
  times?: number;
}

export interface FaultHandle {
  /** How many requests the fault has hit so far. */
  readonly hitCount: number;
  cancel(): void;
}

/** One request that reached the fake's API (not control calls, not requests refused while offline). */
export interface RequestRecord {
  method: string;
  /** The arguments as the fake parsed them, never including a token. */
  args: Record<string, unknown>;
  atMs: number;
  /** The injected fault or rate-limit window that shaped the answer, if any. */
  fault?: Fault['kind'] | 'rate_limit_window';
  /** HTTP status sent; undefined when the socket was dropped or the reply is still pending. */
  status?: number;
  /** Slack's `error` code when the answer was `ok: false`. */
  error?: string;
}

export interface DeliveryReport {
  delivered: PostedMessage[];
  /** Due messages that vanished without posting (they carried metadata, or the channel was archived). */
  dropped: ScheduledMessage[];
}

/** A message put straight into a channel, e.g. a colleague's post that history should show. */
export interface SeedMessage {
  text: string;
  /** Author's user id (default: the first human user). */
  user?: string;
  blocks?: unknown[];
  metadata?: SlackMetadata;
  thread_ts?: string;
  reply_broadcast?: boolean;
}

export interface FakeSlack {
  /** The Web API base with a trailing slash, for WebClient's `slackApiUrl`. */
  readonly url: string;
  /** Base of the control API, e.g. http://127.0.0.1:PORT/_fake/ */
  readonly controlUrl: string;
  readonly port: number;
  readonly team: TeamSeed;
  /** The first bot token and user token of the workspace. */
  readonly botToken: string;
  readonly userToken: string | undefined;
  /** Every API request that reached the fake (copies, tokens never included). */
  readonly requests: RequestRecord[];
  messages(channelIdOrName?: string): PostedMessage[];
  scheduled(): ScheduledMessage[];
  /** Every file uploaded (or begun), oldest first, with its bytes in `content`: e.g. an .ics to parse. */
  files(): StoredFile[];
  /** Posts scheduled messages due at `nowEpochSec` (default: the fake's clock). */
  deliverScheduled(nowEpochSec?: number): DeliveryReport;
  inject(method: string, fault: Fault, options?: FaultOptions): FaultHandle;
  clearFaults(): void;
  /** A sliding one-minute window for a method, shared by every caller; null removes it. */
  setRateLimit(method: string, limit: { perMinute: number } | null): void;
  /** Slack's per-method tiers: off, as an internal app, or as a non-Marketplace app (see rate-limits.ts). */
  setRateLimitMode(mode: RateLimitMode): void;
  readonly rateLimitMode: RateLimitMode;
  /** While offline every API connection is destroyed at once; the control API still answers. */
  setOffline(isOffline: boolean): void;
  /** Later calls with the token fail with `error` (default invalid_auth). */
  revokeToken(token: string, error?: string): void;
  addChannel(channel: NewChannel): { id: string; name: string };
  /** Adds or removes a user (default: the bot) as a channel member. */
  setMember(channelIdOrName: string, isMember: boolean, userId?: string): void;
  addMessage(channelIdOrName: string, message: SeedMessage): PostedMessage;
  /** Pins the fake's clock (epoch ms); null returns to the clock given in options. */
  setNowMs(nowMs: number | null): void;
  /** Back to the seeded workspace: no messages, requests, faults, limits (rate-limit mode as started); online; tokens restored. */
  reset(): void;
  close(): Promise<void>;
}

/** What the control API drives: the fake itself, which may also drop the control request's own socket when going offline. */
export interface ControlTarget extends FakeSlack {
  setOffline(isOffline: boolean, spareSocket?: Socket): void;
}
