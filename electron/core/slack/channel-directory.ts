// The channels Herald can see in Slack: fetched with conversations.list
// (public and private, archived left out, every cursor page), cached in a
// store so names resolve offline, and refreshed on request or when a name is
// not found. Resolving flags a channel Herald is not a member of, with the fix.
import { z } from 'zod';
import {
  channelSummarySchema,
  type ChannelList,
  type ChannelResolution,
  type ChannelSummary,
} from '../../../shared/api/channels/channels.ts';
import type { SlackIdentity } from '../../../shared/api/channels/slack.ts';
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import { isChannelId, normaliseChannelName } from '../../../shared/outbox/channel-ref.ts';
import type { Handler } from '../api/router.ts';
import type { Clock } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';
import { failureToResult, waitOnClock } from './gateway-support.ts';
import type { GatewayFailure, SlackGateway } from './slack-gateway.ts';

const storedDirectorySchema = z.object({
  /** The workspace the list belongs to: a list from another workspace is never used. */
  workspaceId: z.string().nullable(),
  refreshedAtUtc: z.iso.datetime().nullable(),
  channels: z.array(channelSummarySchema),
});
type StoredDirectory = z.output<typeof storedDirectorySchema>;

export const channelDirectoryStoreDefinition: StoreDefinition<typeof storedDirectorySchema> = {
  name: 'slack-channels',
  schema: storedDirectorySchema,
  defaults: () => ({ workspaceId: null, refreshedAtUtc: null, channels: [] }),
};

/** Rate-limit waits a refresh sits out before giving up (conversations.list allows ~20 calls a minute). */
const MAX_RATE_LIMIT_WAITS = 3;
const MAX_PAGES = 100;

export type ChannelLookup =
  | { status: 'found'; channel: ChannelSummary | { id: string; name: null; isPrivate: null; isMember: null } }
  | { status: 'not_found'; message: string; fix: string }
  | { status: 'unavailable'; failure: GatewayFailure };

export interface ChannelDirectoryDeps {
  store: VersionedStore<StoredDirectory>;
  gateway: SlackGateway;
  clock: Clock;
  logger: Logger;
  /** The connected identity (workspace, bot name, scopes); null when not connected. */
  identity: () => Promise<SlackIdentity | null>;
}

export interface ChannelDirectory {
  list(): Promise<Result<ChannelList>>;
  refresh(): Promise<Result<ChannelList>>;
  resolve(names: readonly string[]): Promise<Result<ChannelResolution[]>>;
  /** For the outbox: a channel name or id to the channel, refreshing once when a name is unknown. */
  lookup(ref: string): Promise<ChannelLookup>;
  /** The cached entry for a name or id, without asking Slack (undefined until the cache is known to be this workspace's). */
  cached(ref: string): ChannelSummary | undefined;
  handlers: {
    'channels:list': Handler<'channels:list'>;
    'channels:refresh': Handler<'channels:refresh'>;
    'channels:resolve': Handler<'channels:resolve'>;
  };
}

type Refreshed = Result<StoredDirectory, GatewayFailure>;

export function createChannelDirectory(deps: ChannelDirectoryDeps): ChannelDirectory {
  let inflight: Promise<Refreshed> | undefined;
  /** The workspace last seen connected, so `cached` can answer without waiting for the identity. */
  let knownWorkspaceId: string | null | undefined;

  const current = async (): Promise<StoredDirectory> => {
    const stored = deps.store.read();
    const identity = await deps.identity();
    knownWorkspaceId = identity?.workspaceId ?? null;
    return identity !== null && stored.workspaceId === identity.workspaceId
      ? stored
      : channelDirectoryStoreDefinition.defaults();
  };
  const asList = (stored: StoredDirectory): ChannelList => ({
    channels: stored.channels,
    refreshedAtUtc: stored.refreshedAtUtc,
  });
  const asResult = (refreshed: Refreshed): Result<ChannelList> =>
    refreshed.ok ? ok(asList(refreshed.value)) : failureToResult(refreshed.error);

  async function fetchAll(): Promise<Result<ChannelSummary[], GatewayFailure>> {
    const channels: ChannelSummary[] = [];
    let cursor: string | undefined;
    let waits = 0;
    for (let pages = 0; pages < MAX_PAGES;) {
      const page = await deps.gateway.listChannelsPage(cursor);
      if (!page.ok) {
        if (page.error.kind === 'rate_limited' && waits < MAX_RATE_LIMIT_WAITS) {
          waits += 1;
          await waitOnClock(deps.clock, page.error.retryAfterMs);
          continue;
        }
        return page;
      }
      pages += 1;
      channels.push(...page.value.items);
      if (page.value.nextCursor === null) return { ok: true, value: channels };
      cursor = page.value.nextCursor;
    }
    deps.logger.warn('channels.too_many_pages', { pages: MAX_PAGES });
    return { ok: true, value: channels };
  }

  async function doRefresh(): Promise<Refreshed> {
    const identity = await deps.identity();
    const fetched = await fetchAll();
    if (!fetched.ok) return fetched;
    const stored: StoredDirectory = {
      workspaceId: identity?.workspaceId ?? null,
      refreshedAtUtc: new Date(deps.clock.now()).toISOString(),
      channels: [...fetched.value].sort((a, b) => a.name.localeCompare(b.name)),
    };
    deps.store.write(stored);
    deps.logger.info('channels.refreshed', { count: stored.channels.length });
    return { ok: true, value: stored };
  }

  /** One refresh at a time: callers that arrive meanwhile share its answer. */
  function refresh(): Promise<Refreshed> {
    inflight ??= doRefresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  async function list(): Promise<Result<ChannelList>> {
    const stored = await current();
    return stored.refreshedAtUtc === null ? asResult(await refresh()) : ok(asList(stored));
  }

  function find(stored: StoredDirectory, ref: string): ChannelSummary | undefined {
    if (isChannelId(ref)) return stored.channels.find((channel) => channel.id === ref.trim());
    const name = normaliseChannelName(ref);
    return stored.channels.find((channel) => channel.name === name);
  }

  function describeMissing(name: string, identity: SlackIdentity | null): { message: string; fix: string } {
    const actor = identity?.actorName ?? 'herald';
    const isBot = identity?.tokenKind !== 'user';
    return {
      message: `Herald cannot find #${name} in Slack.`,
      fix: isBot
        ? `Check the channel name in the plan. If #${name} is private, invite @${actor} to it ` +
          `(type /invite @${actor} in the channel), then refresh the channel list.`
        : `Check the channel name in the plan. If #${name} is private, join it first, then refresh the channel list.`,
    };
  }

  function describeNotMember(channel: ChannelSummary, identity: SlackIdentity | null): ChannelResolution {
    const actor = identity?.actorName ?? 'herald';
    const isBot = identity?.tokenKind !== 'user';
    const canPost = !channel.isPrivate && isBot && (identity?.scopes ?? []).includes('chat:write.public');
    return {
      name: channel.name,
      status: 'not_member',
      id: channel.id,
      canPost,
      message: canPost
        ? `Herald is not a member of #${channel.name}. It can post there, but cannot read the channel to make sure a retry never posts twice.`
        : `Herald is not a member of #${channel.name}, so it cannot post there.`,
      fix: isBot
        ? `Invite @${actor} to #${channel.name}: open the channel in Slack and type /invite @${actor}.`
        : `Join #${channel.name} in Slack.`,
    };
  }

  async function resolve(names: readonly string[]): Promise<Result<ChannelResolution[]>> {
    const identity = await deps.identity();
    if (identity === null)
      return fail('not_connected', 'Slack is not connected.', { fix: 'Connect Slack in Settings first.' });
    let stored = await current();
    const isUnknown = (ref: string) => !isChannelId(ref) && find(stored, ref) === undefined;
    if (stored.refreshedAtUtc === null || names.some(isUnknown)) {
      const refreshed = await refresh();
      // Offline with a cache: answer from the cache rather than not at all.
      if (!refreshed.ok && stored.refreshedAtUtc === null) return failureToResult(refreshed.error);
      stored = await current();
    }
    return ok(
      names.map((ref): ChannelResolution => {
        const channel = find(stored, ref);
        if (!channel)
          return {
            name: normaliseChannelName(ref),
            status: 'not_found',
            ...describeMissing(normaliseChannelName(ref), identity),
          };
        return channel.isMember
          ? { name: channel.name, status: 'ok', id: channel.id }
          : describeNotMember(channel, identity);
      }),
    );
  }

  async function lookup(ref: string): Promise<ChannelLookup> {
    const stored = await current();
    const known = find(stored, ref);
    if (known) return { status: 'found', channel: known };
    // An id Herald has not listed (a channel shared later, say) is still worth trying.
    if (isChannelId(ref))
      return { status: 'found', channel: { id: ref.trim(), name: null, isPrivate: null, isMember: null } };
    const refreshed = await refresh();
    if (!refreshed.ok) return { status: 'unavailable', failure: refreshed.error };
    const channel = find(refreshed.value, ref);
    if (channel) return { status: 'found', channel };
    return { status: 'not_found', ...describeMissing(normaliseChannelName(ref), await deps.identity()) };
  }

  return {
    list,
    refresh: async () => asResult(await refresh()),
    resolve,
    lookup,
    cached(ref) {
      const stored = deps.store.read();
      return knownWorkspaceId !== undefined && knownWorkspaceId === stored.workspaceId
        ? find(stored, ref)
        : undefined;
    },
    handlers: {
      'channels:list': () => list(),
      'channels:refresh': async () => asResult(await refresh()),
      'channels:resolve': async ({ names }) => {
        const resolved = await resolve(names);
        return resolved.ok ? ok({ results: resolved.value }) : resolved;
      },
    },
  };
}
