// The shared picture: every lead's Herald reads the plan's Slack channels
// (and the threads of open incidents) incrementally and folds what the
// messages' metadata says into its own incidents and maintenance calendar. Slack is the log; the
// cursors say how far this Herald has read it; local state is a cache that
// a fresh data folder rebuilds from Slack (within the bounded look-back).
//
// Polling runs on the injected clock (so the harness's test clock drives it)
// every POLL_MS, which keeps a Herald within 30 s of Slack when Slack allows
// it. Slack's rate limits are shared by every Herald of the app in the
// workspace: a 429 stops the cycle and the next one waits for Retry-After,
// carrying on from the page cursor it saved. Under Slack's 2025 limits for
// non-Marketplace apps (1 history call a minute, 15 messages a page) the same
// loop works, only slower.
import { ok, fail, type Result } from '../../../shared/api/result.ts';
import type { SyncStatus, WorkspaceUserView } from '../../../shared/api/channels/team.ts';
import { slackChannelsOf, type Plan } from '../../../shared/plan/index.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { IncidentRouting, IncidentsService } from '../incidents/incidents-service.ts';
import type { Logger } from '../logging/logger.ts';
import type { OutboxPort } from '../messages/outbox-port.ts';
import type { ChannelDirectory } from '../slack/channel-directory.ts';
import type { GatewayFailure, HistoryMessage, SlackGateway } from '../slack/slack-gateway.ts';
import type { VersionedStore } from '../storage/versioned-store.ts';
import type { MessageFacts } from '../../../shared/team-sync/message-facts.ts';
import { eventOwner } from '../../../shared/team-sync/owner-wording.ts';
import { maintenanceFactsOf } from './maintenance-facts.ts';
import type { Recheck } from './correction-rechecks.ts';
import { compareTs, msToTs, newerTs, type StoredCursors } from './sync-cursors.ts';

/** How often each Herald reads Slack: under 30 s behind, at a few calls a minute for a plan's few channels. */
export const POLL_MS = 15_000;
/** The first sync on a new install reads this far back, not the whole history. */
export const FIRST_SYNC_LOOKBACK_MS = 7 * 86_400_000;
/** Page size asked for; Slack may answer fewer (15 for non-Marketplace apps). */
const PAGE_LIMIT = 200;
const MINUTE_MS = 60_000;
/**
 * Messages (and recently resolved incidents' threads) read again per round for a correction: one call each, so a
 * round costs at most this many more calls (12 a minute at POLL_MS, well inside Slack's Tier 3), and each of n
 * watched is read again about every n / 12 minutes. A round Slack slowed down reads none (recheckSome).
 */
export const MAX_RECHECKS_PER_ROUND = 3;
export interface TeamSyncDeps {
  gateway: SlackGateway;
  directory: Pick<ChannelDirectory, 'lookup'>;
  plan: () => Plan;
  incidents: IncidentsService;
  /** Where other leads' maintenance goes: the calendar. */
  calendar: Pick<CalendarService, 'mergeFromSlack' | 'get' | 'recordHandover'>;
  outbox: Pick<OutboxPort, 'enqueue'>;
  store: VersionedStore<StoredCursors>;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  /** The connected workspace's id; null when Slack is not connected. */
  workspaceId: () => Promise<string | null>;
  /** This Herald's lead: who takes over when they press "Take over comms". */
  lead: () => { userId: string; name: string } | null;
  /** Hears every Herald message with facts read in a channel (the audiences view's ledger). */
  onHeard?: (message: HeardInChannel) => void;
  /**
   * Messages to read again in case their sender corrected them in place (correction-rechecks.ts), in a stable order:
   * a few each round, in turn (MAX_RECHECKS_PER_ROUND).
   */
  rechecks?: () => readonly Recheck[];
}

/** A Herald message read in a plan channel (or a thread in it), with its checked facts. */
export interface HeardInChannel {
  channel: string;
  ts: string;
  heraldId: string;
  actor: string;
  facts: MessageFacts;
}

export interface TeamSync {
  /** One full read of every plan channel and followed thread; resolves when done or stopped by Slack. */
  syncOnce(): Promise<SyncStatus>;
  status(): SyncStatus;
  takeOver(incidentId: string): Result<{ incidentId: string; outboxItemId: string }>;
  takeOverMaintenance(eventId: string): Promise<Result<{ eventId: string; outboxItemId: string }>>;
  start(): void;
  stop(): void;
  handlers: {
    'team:users': Handler<'team:users'>;
    'team:syncStatus': Handler<'team:syncStatus'>;
    'team:syncNow': Handler<'team:syncNow'>;
    'incidents:takeOver': Handler<'incidents:takeOver'>;
    'calendar:takeOver': Handler<'calendar:takeOver'>;
  };
}

/** The channels the plan posts to (names, without #), each once. */
export function planChannelNames(plan: Plan): string[] {
  const names = new Set<string>();
  for (const type of plan.types) {
    if (type.isRetired) continue;
    for (const name of slackChannelsOf(type)) names.add(name.replace(/^#/, ''));
  }
  return [...names];
}

class RateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super('rate limited');
  }
}

export function createTeamSync(deps: TeamSyncDeps): TeamSync {
  let timer: TimerHandle | null = null;
  let running: Promise<SyncStatus> | null = null;
  let isStopped = true;
  const callTimes: number[] = [];
  let state: SyncStatus['state'] = 'idle';
  let lastSyncAtUtc: string | null = null;
  let retryAfterMs: number | null = null;
  let problem: string | null = null;
  /** The workspace the cursors being written belong to. */
  let workspaceIdNow: string | null = null;

  /**
   * A round reads every channel and followed thread once. A round Slack cuts short (429) is carried on by the next
   * cycle from what it has not read yet, rather than started again: under a limit of one history read a minute
   * (non-Marketplace apps) a cycle reads one page, and starting from the first channel every time would starve the
   * others. `doneInRound` says in which round each channel (by id) or thread ("channel ts") was last read to the end.
   */
  let round = 0;
  let isRoundOpen = false;
  const doneInRound = new Map<string, number>();
  /** Threads found by the round's channel reads ("channel ts" → channel name), kept until the round ends. */
  let roundThreads = new Map<string, string>();
  /** Where the next round's rechecks start in the (sorted) list, so each message is read again in turn. */
  let recheckFrom = 0;
  /** Slack slowed this round down (429): it has no calls to spare for rechecks. */
  let isRoundLimited = false;
  const now = () => deps.clock.now();

  function status(): SyncStatus {
    const cursors = deps.store.read();
    const cutoff = now() - MINUTE_MS;
    return {
      state,
      lastSyncAtUtc,
      retryAfterUtc: retryAfterMs === null ? null : new Date(retryAfterMs).toISOString(),
      channels: Object.entries(cursors.channels).map(([channel, cursor]) => ({
        channel,
        lastSeenTs: cursor.lastSeenTs,
      })),
      callsLastMinute: callTimes.filter((atMs) => atMs > cutoff).length,
      problem,
    };
  }

  /** Every Slack call goes through here: counted, and a rate limit stops the cycle. */
  async function slack<T>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: GatewayFailure }>,
  ): Promise<T | null> {
    callTimes.push(now());
    while (callTimes.length > 0 && (callTimes[0] ?? 0) <= now() - MINUTE_MS) callTimes.shift();
    const answer = await work();
    if (answer.ok) return answer.value;
    if (answer.error.kind === 'rate_limited') throw new RateLimited(answer.error.retryAfterMs);
    problem = answer.error.message;
    deps.logger.warn('team_sync.read_failed', { code: answer.error.kind });
    return null;
  }

  function fold(message: HistoryMessage, channelName: string): void {
    const { metadata } = message;
    if (metadata.kind !== 'herald' || metadata.facts === null) return;
    const { facts } = metadata;
    deps.onHeard?.({
      channel: channelName,
      ts: message.ts,
      heraldId: metadata.heraldId,
      actor: facts.actor,
      facts,
    });
    if (facts.kind === 'incident') {
      deps.incidents.mergeFromSlack({
        ts: message.ts,
        threadTs: message.threadTs ?? message.ts,
        channel: channelName,
        heraldId: metadata.heraldId,
        actor: facts.actor,
        facts: facts.incident,
        ...(message.editedTs === undefined ? {} : { editedTs: message.editedTs }),
      });
    } else {
      deps.calendar.mergeFromSlack({
        ts: message.ts,
        channel: channelName,
        heraldId: metadata.heraldId,
        actor: facts.actor,
        facts: facts.maintenance,
        comms: facts.comms,
        ...(message.editedTs === undefined ? {} : { editedTs: message.editedTs }),
      });
    }
  }

  /** Reads a channel from where this Herald left off, page by page, saving the place after each page. */
  async function readChannel(
    channelId: string,
    channelName: string,
    threads: Map<string, string>,
  ): Promise<void> {
    const cursors = deps.store.read();
    const known = cursors.channels[channelId] ?? { lastSeenTs: null, pending: null };
    let pending = known.pending ?? {
      oldestTs: known.lastSeenTs ?? msToTs(now() - FIRST_SYNC_LOOKBACK_MS),
      cursor: '',
      newestTs: null,
    };
    for (;;) {
      const page = await slack(() =>
        deps.gateway.historyPage(channelId, {
          oldestTs: pending.oldestTs,
          limit: PAGE_LIMIT,
          ...(pending.cursor === '' ? {} : { cursor: pending.cursor }),
        }),
      );
      if (page === null) return;
      for (const message of page.items) {
        fold(message, channelName);
        if (message.metadata.kind === 'herald' && (message.replyCount ?? 0) > 0)
          threads.set(`${channelId} ${message.ts}`, channelName);
        pending = { ...pending, newestTs: newerTs(pending.newestTs, message.ts) };
      }
      const finished = page.nextCursor === null;
      const saved = pending;
      // Nothing new and nothing half-read: the place is unchanged, so the disk is left alone.
      if (finished && saved.newestTs === null && known.pending === null) return;
      deps.store.update((current) => ({
        ...current,
        workspaceId: current.workspaceId ?? workspaceIdNow,
        channels: {
          ...current.channels,
          [channelId]: finished
            ? { lastSeenTs: newerTs(known.lastSeenTs, saved.newestTs), pending: null }
            : { lastSeenTs: known.lastSeenTs, pending: { ...saved, cursor: page.nextCursor ?? '' } },
        },
      }));
      if (finished) return;
      pending = { ...pending, cursor: page.nextCursor ?? '' };
    }
  }

  /**
   * Reads a thread's replies newer than the last one seen; `isWhole` reads it all, its parent first. An open
   * subject's thread is read whole every round: Slack answers with each message as it is now (its metadata and
   * `edited`), so a correction of a message this Herald read before is seen without rereading the channel.
   * A thread fits one page (Slack's 200, or 15 for non-Marketplace apps), so this costs no more calls than
   * reading only the new replies; the merge keeps the newest edit and ignores repeats.
   */
  async function readThread(key: string, channelName: string, isWhole: boolean): Promise<void> {
    const [channelId = '', threadTs = ''] = key.split(' ');
    let newest = deps.store.read().threads[key] ?? null;
    let cursor: string | undefined;
    for (;;) {
      const page = await slack(() =>
        deps.gateway.repliesPage(channelId, threadTs, {
          ...(isWhole ? {} : { oldestTs: newest ?? threadTs }),
          limit: PAGE_LIMIT,
          ...(cursor === undefined ? {} : { cursor }),
        }),
      );
      if (page === null) return;
      for (const message of page.items) {
        // The parent is read with the channel; read whole, it may carry an edit (a corrected declaration).
        if (message.ts !== threadTs || isWhole) fold(message, channelName);
        newest = newerTs(newest, message.ts);
      }
      const seen = newest;
      if (seen !== null && seen !== deps.store.read().threads[key])
        deps.store.update((current) => ({
          ...current,
          workspaceId: current.workspaceId ?? workspaceIdNow,
          threads: { ...current.threads, [key]: seen },
        }));
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }

  /**
   * Reads again a few of the messages (and threads) that may have been corrected since this Herald read them
   * (deps.rechecks), from where the last round stopped.
   */
  async function recheckSome(channelIds: ReadonlyMap<string, string>): Promise<void> {
    // Under a limit of one history call a minute (non-Marketplace apps), every round meets a 429: the calls go to
    // new messages (incident updates above all), and corrections wait for a round that has calls to spare.
    if (isRoundLimited) return;
    const idOf = new Map([...channelIds].map(([name, id]) => [name.toLowerCase(), id]));
    const rechecks = (deps.rechecks?.() ?? []).flatMap((recheck) => {
      const channelId = idOf.get(recheck.channel.toLowerCase());
      return channelId === undefined ? [] : [{ ...recheck, channelId }];
    });
    if (rechecks.length === 0) return;
    const count = Math.min(MAX_RECHECKS_PER_ROUND, rechecks.length);
    const start = recheckFrom % rechecks.length;
    for (let n = 0; n < count; n++) {
      const recheck = rechecks[(start + n) % rechecks.length]!;
      const key = `recheck ${recheck.channelId} ${recheck.ts}`;
      if (doneInRound.get(key) === round) continue;
      if (recheck.isThread) {
        // A resolved incident's thread, read whole as an open one's is: the corrected resolution is a reply in it.
        await readThread(`${recheck.channelId} ${recheck.ts}`, recheck.channel, true);
      } else {
        const message = await slack(() => deps.gateway.readMessage(recheck.channelId, recheck.ts, null));
        // Null: gone from the channel, or Slack failed (noted in `problem`); either way the next one is read.
        if (message !== null) fold(message, recheck.channel);
      }
      doneInRound.set(key, round);
    }
    recheckFrom = start + count;
  }

  async function cycle(): Promise<SyncStatus> {
    const workspaceId = await deps.workspaceId();
    if (workspaceId === null) {
      state = 'not_connected';
      return status();
    }
    workspaceIdNow = workspaceId;
    const stored = deps.store.read();
    if (stored.workspaceId !== null && stored.workspaceId !== workspaceId) {
      // Another workspace's places mean nothing here: start afresh (with the bounded look-back).
      deps.store.write({ workspaceId, channels: {}, threads: {} });
    }
    state = 'syncing';
    problem = null;
    try {
      if (!isRoundOpen) {
        round += 1;
        isRoundOpen = true;
        isRoundLimited = false;
        roundThreads = new Map();
      }
      const threads = roundThreads;
      const channelIds = new Map<string, string>();
      for (const name of planChannelNames(deps.plan())) {
        const found = await deps.directory.lookup(name);
        // A channel Herald is not in cannot be read (not_in_channel); Herald posts there without reading it.
        if (found.status !== 'found' || found.channel.isMember === false) continue;
        channelIds.set(name, found.channel.id);
      }
      for (const [name, channelId] of channelIds) {
        if (doneInRound.get(channelId) === round) continue;
        await readChannel(channelId, name, threads);
        doneInRound.set(channelId, round);
      }
      // The threads of open incidents, read whole: where updates and hand-overs are posted, and where edits are
      // seen. Those of incidents resolved in the last day are read again among the rechecks (below), a few a round.
      const openThreads = new Set<string>();
      for (const incident of deps.incidents.list()) {
        if (incident.state !== 'open' || incident.threadTs === null) continue;
        const channelId = channelIds.get(incident.channel.replace(/^#/, ''));
        if (channelId === undefined) continue;
        const key = `${channelId} ${incident.threadTs}`;
        threads.set(key, incident.channel.replace(/^#/, ''));
        openThreads.add(key);
      }
      const byAge = [...threads].sort(([a], [b]) =>
        compareTs(a.split(' ')[1] ?? '0', b.split(' ')[1] ?? '0'),
      );
      for (const [key, channelName] of byAge) {
        if (doneInRound.get(key) === round) continue;
        await readThread(key, channelName, openThreads.has(key));
        doneInRound.set(key, round);
      }
      await recheckSome(channelIds);
      isRoundOpen = false;
      retryAfterMs = null;
      lastSyncAtUtc = new Date(now()).toISOString();
      state = 'idle';
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      isRoundLimited = true;
      retryAfterMs = now() + error.retryAfterMs;
      state = 'waiting_for_slack';
      deps.logger.info('team_sync.rate_limited', { retryAfterMs: error.retryAfterMs });
    }
    const reading = status();
    deps.bus.emit('team:syncChanged', reading);
    return reading;
  }

  function syncOnce(): Promise<SyncStatus> {
    running ??= cycle()
      .catch((error: unknown) => {
        state = 'idle';
        problem = 'Herald could not read Slack just now; it will try again.';
        deps.logger.error('team_sync.failed', { error: String(error) });
        return status();
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule(delayMs: number): void {
    if (isStopped) return;
    if (timer !== null) deps.clock.clearTimer(timer);
    timer = deps.clock.setTimer(() => {
      timer = null;
      void syncOnce().then(() => {
        const waitMs = retryAfterMs === null ? POLL_MS : Math.max(POLL_MS, retryAfterMs - now());
        schedule(waitMs);
      });
    }, delayMs);
  }

  /** A take-over names who has comms now: refused until this Herald's lead is named. */
  const noLead = () =>
    fail('invalid_argument', 'Name yourself as the lead in Settings first, so Slack can say who has comms.', {
      fields: ['lead'],
    });

  function takeOver(incidentId: string): Result<{ incidentId: string; outboxItemId: string }> {
    const lead = deps.lead();
    if (lead === null) return noLead();
    const incident = deps.incidents.get(incidentId);
    if (!incident) return fail('not_found', 'There is no such incident.');
    if (incident.state !== 'open')
      return fail('conflict', 'This incident is resolved: there is nothing to take over.');
    if (incident.owner === lead.userId) return fail('conflict', 'You already have comms for this incident.');
    const routing: IncidentRouting = {
      incidentId,
      kind: 'handover' as const,
      ...(incident.threadTs ? { threadTs: incident.threadTs } : { threadOf: incident.declarationOutboxId }),
    };
    const facts = deps.incidents.factsFor(routing, null, incident.title);
    const queued = deps.outbox.enqueue({
      channel: incident.channel,
      text: `Comms for this incident are now with <@${lead.userId}>.`,
      ...(incident.threadTs ? { threadTs: incident.threadTs } : { threadOf: incident.declarationOutboxId }),
      source: { incidentId, stage: 'handover' },
      facts: { kind: 'incident', actor: lead.userId, incident: facts },
    });
    if (!queued.ok) return queued;
    const recorded = deps.incidents.recordHandover(incidentId, queued.value);
    if (!recorded.ok) return recorded;
    return ok({ incidentId, outboxItemId: queued.value.id });
  }

  /**
   * "Take over comms" on another lead's maintenance: a short note (with the event's facts, naming the owner it takes
   * over from) broadcast from the thread of the event's first message, so every lead's Herald reads it with the
   * channel. Refused while Slack is not connected: the other leads would not hear of it, and nothing is changed.
   */
  async function takeOverMaintenance(
    eventId: string,
  ): Promise<Result<{ eventId: string; outboxItemId: string }>> {
    const lead = deps.lead();
    if (lead === null) return noLead();
    if ((await deps.workspaceId()) === null)
      return fail(
        'slack_error',
        'Connect Slack in Settings first: the other leads hear of a take-over only through Slack.',
      );
    const detail = deps.calendar.get(eventId);
    if (!detail.ok) return detail;
    const { event } = detail.value;
    if (event.status === 'cancelled' || event.status === 'complete')
      return fail('conflict', 'This maintenance is over: there is nothing to take over.');
    const owner = eventOwner(event, lead.userId);
    if (owner === lead.userId) return fail('conflict', 'You already have comms for this maintenance.');
    const channel = event.channels[0];
    if (channel === undefined)
      return fail(
        'conflict',
        'Herald has not seen this maintenance in a Slack channel, so there is nowhere to say it.',
      );
    const parent = (event.ownerEvents ?? []).find((known) => known.stage !== 'handover');
    const facts = maintenanceFactsOf(detail.value, 'handover', lead.userId, {
      owner: lead.userId,
      previousOwner: owner,
    });
    const queued = deps.outbox.enqueue({
      channel,
      text: `Comms for this maintenance are now with <@${lead.userId}>.`,
      ...(parent ? { threadTs: parent.ts, replyBroadcast: true } : {}),
      source: { eventId, stage: 'handover' },
      facts,
    });
    if (!queued.ok) return queued;
    const recorded = deps.calendar.recordHandover(eventId, queued.value.id);
    if (!recorded.ok) return recorded;
    return ok({ eventId, outboxItemId: queued.value.id });
  }

  async function users(): Promise<Result<{ users: WorkspaceUserView[] }>> {
    const all: WorkspaceUserView[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const answer = await deps.gateway.listUsersPage(cursor);
      if (!answer.ok) return fail('slack_error', answer.error.message, { fix: answer.error.fix });
      all.push(...answer.value.items);
      if (answer.value.nextCursor === null) break;
      cursor = answer.value.nextCursor;
    }
    return ok({ users: all.sort((a, b) => a.name.localeCompare(b.name)) });
  }

  return {
    syncOnce,
    status,
    takeOver,
    takeOverMaintenance,
    start() {
      isStopped = false;
      schedule(1_000);
    },
    stop() {
      isStopped = true;
      if (timer !== null) deps.clock.clearTimer(timer);
      timer = null;
    },
    handlers: {
      'team:users': () => users(),
      'team:syncStatus': () => Promise.resolve(ok(status())),
      'team:syncNow': async () => ok(await syncOnce()),
      'incidents:takeOver': ({ incidentId }) => Promise.resolve(takeOver(incidentId)),
      'calendar:takeOver': ({ eventId }) => takeOverMaintenance(eventId),
    },
  };
}
