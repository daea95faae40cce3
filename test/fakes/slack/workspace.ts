// The fake workspace's mutable state: team, users, tokens, channels with their
// members, messages and scheduled messages. It knows how to find things the
// way Slack does (a channel by id, `#name` or name) and how to return to its
// seed on reset; it knows nothing about HTTP or API methods.
import { compareTs } from './ts-clock.ts';
import type {
  ChannelSeed,
  NewChannel,
  PostedMessage,
  ScheduledMessage,
  StoredFile,
  TeamSeed,
  TokenSeed,
  UserSeed,
} from './types.ts';

export interface WorkspaceSeed {
  team: TeamSeed;
  users: readonly UserSeed[];
  tokens: readonly TokenSeed[];
  channels: readonly ChannelSeed[];
}

export interface ChannelState {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  isGeneral: boolean;
  memberIds: Set<string>;
  topic: string;
  purpose: string;
  createdSec: number;
}

export interface TokenState extends TokenSeed {
  /** The error Slack gives for this token once revoked. */
  revokedError?: string;
}

function toChannelState(seed: ChannelSeed): ChannelState {
  return {
    id: seed.id,
    name: seed.name,
    isPrivate: seed.isPrivate ?? false,
    isArchived: seed.isArchived ?? false,
    isGeneral: seed.isGeneral ?? false,
    memberIds: new Set(seed.memberIds),
    topic: seed.topic ?? '',
    purpose: seed.purpose ?? '',
    createdSec: seed.createdSec ?? 1_600_000_000,
  };
}

export class Workspace {
  team!: TeamSeed;
  users = new Map<string, UserSeed>();
  tokens = new Map<string, TokenState>();
  /** In creation order, which is also conversations.list order. */
  channels: ChannelState[] = [];
  private messagesByChannel = new Map<string, PostedMessage[]>();
  scheduled: ScheduledMessage[] = [];
  /** Uploaded files by id, and the upload tickets (the secret part of an upload URL) naming them. */
  files = new Map<string, StoredFile>();
  uploadTickets = new Map<string, string>();
  private addedChannelCount = 0;
  private fileCount = 0;
  private readonly seed: WorkspaceSeed;

  constructor(seed: WorkspaceSeed) {
    this.seed = seed;
    this.reset();
  }

  reset(): void {
    this.team = { ...this.seed.team };
    this.users = new Map(this.seed.users.map((user) => [user.id, { ...user }]));
    this.tokens = new Map(this.seed.tokens.map((token) => [token.token, { ...token }]));
    this.channels = this.seed.channels.map(toChannelState);
    this.messagesByChannel = new Map();
    this.scheduled = [];
    this.files = new Map();
    this.uploadTickets = new Map();
    this.fileCount = 0;
  }

  /** A new file id shaped like Slack's (F + upper-case alphanumerics). */
  nextFileId(): string {
    this.fileCount += 1;
    return `F0FAKE${String(this.fileCount).padStart(5, '0')}`;
  }

  get url(): string {
    return `https://${this.team.domain}.slack.com/`;
  }

  /** The first bot user: whose membership `addChannel`/`setMember` change by default. */
  get defaultBotUserId(): string {
    const bot = [...this.users.values()].find((user) => user.botId !== undefined);
    return bot?.id ?? [...this.users.keys()][0] ?? '';
  }

  /** By id, `#name` or bare name. */
  findChannel(ref: string): ChannelState | undefined {
    const trimmed = ref.trim();
    const byId = this.channels.find((channel) => channel.id === trimmed);
    if (byId) return byId;
    const name = trimmed.startsWith('#') ? trimmed.slice(1) : trimmed;
    return this.channels.find((channel) => channel.name === name);
  }

  addChannel(spec: NewChannel, createdSec: number): ChannelState {
    if (this.findChannel(spec.name)) throw new Error(`Fake Slack: channel name already taken: ${spec.name}`);
    this.addedChannelCount += 1;
    const prefix = spec.isPrivate ? 'G' : 'C';
    const id = spec.id ?? `${prefix}0NEW${String(this.addedChannelCount).padStart(4, '0')}`;
    const memberIds = new Set(spec.memberIds ?? []);
    if (spec.isBotMember ?? true) memberIds.add(this.defaultBotUserId);
    const channel = toChannelState({ ...spec, id, memberIds: [...memberIds], createdSec });
    this.channels.push(channel);
    return channel;
  }

  channelMessages(channelId: string): PostedMessage[] {
    let list = this.messagesByChannel.get(channelId);
    if (!list) {
      list = [];
      this.messagesByChannel.set(channelId, list);
    }
    return list;
  }

  /** Stores a message in ts order (appends in the usual case of a fresh ts). */
  storeMessage(message: PostedMessage): void {
    const list = this.channelMessages(message.channel);
    const last = list.at(-1);
    if (!last || compareTs(last.ts, message.ts) < 0) {
      list.push(message);
      return;
    }
    const index = list.findIndex((existing) => compareTs(existing.ts, message.ts) > 0);
    list.splice(index === -1 ? list.length : index, 0, message);
  }

  findMessage(channelId: string, ts: string): PostedMessage | undefined {
    return this.messagesByChannel.get(channelId)?.find((message) => message.ts === ts);
  }

  removeMessage(channelId: string, ts: string): void {
    const list = this.channelMessages(channelId);
    const index = list.findIndex((message) => message.ts === ts);
    if (index !== -1) list.splice(index, 1);
  }

  /** Replies of a thread (not its parent), oldest first. */
  threadReplies(channelId: string, threadTs: string): PostedMessage[] {
    return this.channelMessages(channelId).filter(
      (message) => message.thread_ts === threadTs && message.ts !== threadTs,
    );
  }

  allMessages(): PostedMessage[] {
    return [...this.messagesByChannel.values()].flat().sort((a, b) => compareTs(a.ts, b.ts));
  }
}
