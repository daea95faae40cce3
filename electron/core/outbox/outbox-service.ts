// The outbox as core sees it: the persisted queue, the sending engine, the
// connection status, and the API handlers. Every Slack message Herald sends
// goes through here. Other core services (incidents, the composer's send)
// call it in process and hear about sent items through onSent.
import { randomUUID } from 'node:crypto';
import type { OutboxList } from '../../../shared/api/channels/outbox.ts';
import { ok, type Result } from '../../../shared/api/index.ts';
import type { SlackStatus } from '../../../shared/api/channels/slack.ts';
import type { ConnectionStatus } from '../../../shared/outbox/connection-status.ts';
import { countBySection } from '../../../shared/outbox/outbox-sections.ts';
import type { FileRequest } from '../../../shared/outbox/outbox-file.ts';
import {
  finishedStates,
  outboxStates,
  type OutboxItem,
  type OutboxSource,
  type OutboxState,
} from '../../../shared/outbox/outbox-item.ts';
import type {
  ConfirmRequest,
  EditRequest,
  EnqueueRequest,
  OutboxPatch,
} from '../../../shared/outbox/outbox-requests.ts';
import { explainSlackError } from '../../../shared/slack/errors.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { Clock } from '../clock/clock.ts';
import type { HistoryService } from '../history/history-service.ts';
import type { Logger } from '../logging/logger.ts';
import type { ChannelDirectory } from '../slack/channel-directory.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import { createChannelResolver } from './channel-resolver.ts';
import { createConnectivity } from './connectivity.ts';
import { createTransitions, type SentVia } from './item-transitions.ts';
import { createOutboxCommands } from './outbox-commands.ts';
import { createOutboxEngine } from './outbox-engine.ts';
import { createOutboxRepository, type OutboxFiles } from './outbox-store.ts';
import type { PromiseRestamp } from './promise-from-post.ts';
import { createScheduledReconciler } from './scheduled-reconciler.ts';

export interface OutboxServiceDeps {
  /** The item files (outbox-store.ts openOutboxFiles). */
  files: OutboxFiles;
  gateway: SlackGateway;
  directory: Pick<ChannelDirectory, 'lookup' | 'cached'>;
  history: Pick<HistoryService, 'recordSent' | 'recordEdit'>;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  /** The connected workspace's URL, for permalinks Slack would not give. */
  workspaceUrl: () => Promise<string | null>;
  random?: () => number;
  createId?: () => string;
  /** Re-renders a message whose promise counts from when it reaches Slack (see promise-from-post.ts). */
  restamp?: PromiseRestamp;
  /** The last run may have lost unsynced writes (storage/session-record.ts): check every queued item in Slack first. */
  mayHaveLostWrites?: boolean;
}

export type SentListener = (item: OutboxItem, via: SentVia) => void;

export interface OutboxService {
  enqueue(request: EnqueueRequest): Result<OutboxItem>;
  /** Queues an edit of a message already in Slack (chat.update), in line behind earlier sends to its channel. */
  enqueueEdit(request: EditRequest): Result<OutboxItem>;
  /** Queues the removal of a message scheduled in Slack (see OutboxCommands.enqueueDeletion). */
  enqueueDeletion(targetId: string, source?: OutboxSource): Result<OutboxItem>;
  /** Queues a file upload into a message's thread (see OutboxCommands.enqueueFile). */
  enqueueFile(request: FileRequest): Result<OutboxItem>;
  /** Looks in Slack now at these scheduled items (chat.scheduledMessages.list), so what they show is true. */
  reconcileNow(ids: readonly string[]): Promise<void>;
  get(id: string): OutboxItem | undefined;
  list(states?: readonly OutboxState[], page?: { limit?: number; offset?: number }): OutboxList;
  update(id: string, patch: OutboxPatch): Result<OutboxItem>;
  cancel(id: string): Promise<Result<OutboxItem>>;
  retry(id: string): Result<OutboxItem>;
  confirm(request: ConfirmRequest): Result<OutboxItem>;
  /** Tries now: checks the connection if it is down and skips backoff waits. */
  flush(): OutboxList;
  connection(): ConnectionStatus;
  /** Hears every item the moment it is sent (its `ts` is set). Returns the unsubscribe function. */
  onSent(listener: SentListener): () => void;
  /** Hears every state change of every item. Returns the unsubscribe function. */
  onChanged(listener: (item: OutboxItem) => void): () => void;
  /** Starts sending (checks the connection first). */
  start(): void;
  stop(): void;
  /** Whether a Slack request or check is running (shutdown and tests wait for quiet). */
  isBusy(): boolean;
  /** Resolves once every new item and every cancel so far is synced to disk. */
  synced(): Promise<void>;
  /**
   * Resolves once a new item is safe from a power cut: synced to disk, or already in Slack (which then holds
   * it; the post does not wait for the fsync). What an enqueue's answer waits for.
   */
  whenSafe(id: string): Promise<void>;
  /** Blocking: every write so far on disk (an orderly stop, before it is noted as clean). */
  syncNow(): void;
  handlers: {
    'outbox:enqueue': Handler<'outbox:enqueue'>;
    'outbox:list': Handler<'outbox:list'>;
    'outbox:update': Handler<'outbox:update'>;
    'outbox:cancel': Handler<'outbox:cancel'>;
    'outbox:retry': Handler<'outbox:retry'>;
    'outbox:confirm': Handler<'outbox:confirm'>;
    'outbox:flush': Handler<'outbox:flush'>;
  };
}

/**
 * Items found mid-send on start-up: the process stopped after the request may have left. After a power cut
 * (`mayHaveLostWrites`) a queued item may be one whose unsynced `sending` was lost: it is checked too.
 */
function recoverInterrupted(
  repo: ReturnType<typeof createOutboxRepository>,
  mayHaveLostWrites: boolean,
): void {
  if (mayHaveLostWrites) {
    for (const item of [...repo.inState('queued')]) {
      if (item.isOutcomeUnclear) continue;
      repo.patch(item.id, {
        isOutcomeUnclear: true,
        problem: {
          code: 'interrupted',
          message: 'The computer stopped while Herald was running, so this message may already be in Slack.',
          fix: 'Nothing to do: Herald checks whether it arrived before sending it.',
        },
      });
    }
  }
  for (const item of [...repo.inState('sending')]) {
    repo.patch(item.id, {
      state: 'queued',
      isOutcomeUnclear: true,
      problem: {
        code: 'interrupted',
        message: 'Herald stopped while this message was being sent.',
        fix: 'Nothing to do: Herald checks whether it arrived before sending it again.',
      },
    });
  }
}

export function createOutboxService(deps: OutboxServiceDeps): OutboxService {
  const random = deps.random ?? Math.random;
  const sentListeners = new Set<SentListener>();
  const changeListeners = new Set<(item: OutboxItem) => void>();
  /** Answers waiting for their new item to be safe: resolved early when it reaches Slack before its fsync ends. */
  const reachedSlack = new Map<string, () => void>();
  const repo = createOutboxRepository(
    deps.files,
    () => deps.clock.now(),
    (item) => {
      if (item.state === 'sent' || item.state === 'scheduled') reachedSlack.get(item.id)?.();
      deps.bus.emit('outbox:changed', item);
      for (const listener of [...changeListeners]) {
        try {
          listener(item);
        } catch (error) {
          deps.logger.error('outbox.change_listener_threw', { error });
        }
      }
    },
  );
  const connectivity = createConnectivity({
    gateway: deps.gateway,
    clock: deps.clock,
    logger: deps.logger,
    random,
  });
  const transitions = createTransitions({
    repo,
    gateway: deps.gateway,
    connectivity,
    clock: deps.clock,
    logger: deps.logger,
    random,
    workspaceUrl: deps.workspaceUrl,
    onSent(item, via) {
      // An edit changes its target's history entry (a new version); every other item is a new entry.
      if (via === 'edit') deps.history.recordEdit(item);
      else deps.history.recordSent(item, via);
      for (const listener of [...sentListeners]) {
        try {
          listener(item, via);
        } catch (error) {
          deps.logger.error('outbox.sent_listener_threw', { error });
        }
      }
    },
    onPermalink: (item) => {
      if (item.kind === 'message') deps.history.recordSent(item, 'post');
    },
  });
  const resolver = createChannelResolver({
    repo,
    directory: deps.directory,
    connectivity,
    transitions,
    clock: deps.clock,
    logger: deps.logger,
  });
  const reconciler = createScheduledReconciler({
    repo,
    gateway: deps.gateway,
    clock: deps.clock,
    connectivity,
    transitions,
  });
  const engine = createOutboxEngine({
    repo,
    gateway: deps.gateway,
    clock: deps.clock,
    logger: deps.logger,
    connectivity,
    transitions,
    resolver,
    reconciler,
    ...(deps.restamp ? { restamp: deps.restamp } : {}),
  });
  const commands = createOutboxCommands({
    repo,
    gateway: deps.gateway,
    directory: deps.directory,
    clock: deps.clock,
    transitions,
    createId: deps.createId ?? randomUUID,
    changed: () => engine.pump(),
  });

  recoverInterrupted(repo, deps.mayHaveLostWrites ?? false);
  connectivity.onChange((status) => {
    deps.bus.emit('connection:changed', status);
    engine.pump();
  });
  let isStarted = false;
  // Connecting Slack is the way out of a stopped queue. Connecting has just checked the token with
  // auth.test, so Slack is known to answer; disconnecting stops sending until it is connected again.
  const unsubscribe = deps.bus.subscribe((event, payload) => {
    if (event !== 'slack:changed' || !isStarted) return;
    transitions.refreshWorkspaceUrl();
    if ((payload as SlackStatus).connected) connectivity.reportOnline();
    else connectivity.reportAuthFailure({ kind: 'not_connected', ...explainSlackError('not_connected') });
  });

  const list = (
    states?: readonly OutboxState[],
    page: { limit?: number; offset?: number } = {},
  ): OutboxList => {
    const matching = (states ?? outboxStates).flatMap((state) => [...repo.inState(state)]);
    const total = matching.length;
    const sections = countBySection(matching.map((item) => item.state));
    if (page.limit === undefined && !page.offset) {
      return {
        items: matching.sort((a, b) => a.sequence - b.sequence),
        connection: connectivity.status(),
        total,
        sections,
      };
    }
    // A page: what is still on its way (enqueue order) before what has finished (newest first).
    const unfinished = matching
      .filter((item) => !finishedStates.has(item.state))
      .sort((a, b) => a.sequence - b.sequence);
    const finishedAt = (item: OutboxItem) => item.sentAtUtc ?? item.updatedAtUtc;
    const finished = matching
      .filter((item) => finishedStates.has(item.state))
      .sort((a, b) => finishedAt(b).localeCompare(finishedAt(a)) || b.sequence - a.sequence);
    const offset = page.offset ?? 0;
    return {
      items: [...unfinished, ...finished].slice(offset, offset + (page.limit ?? total)),
      connection: connectivity.status(),
      total,
      sections,
    };
  };

  const service: OutboxService = {
    enqueue: (request) => commands.enqueue(request),
    enqueueEdit: (request) => commands.enqueueEdit(request),
    enqueueDeletion: (targetId, source) => commands.enqueueDeletion(targetId, source),
    enqueueFile: (request) => commands.enqueueFile(request),
    reconcileNow: async (ids) => {
      if (!isStarted || !connectivity.isOnline()) return;
      await reconciler.lookNow(ids);
      engine.pump();
    },
    get: (id) => repo.get(id),
    list,
    update: (id, patch) => commands.update(id, patch),
    cancel: (id) => commands.cancel(id),
    retry: (id) => commands.retry(id),
    confirm: (request) => commands.confirm(request),
    flush() {
      if (isStarted && !connectivity.isOnline()) connectivity.checkNow();
      engine.skipBackoff();
      return list();
    },
    connection: () => connectivity.status(),
    onSent(listener) {
      sentListeners.add(listener);
      return () => sentListeners.delete(listener);
    },
    onChanged(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    start() {
      if (isStarted) return;
      isStarted = true;
      transitions.refreshWorkspaceUrl();
      engine.start();
      connectivity.checkNow();
    },
    stop() {
      isStarted = false;
      engine.stop();
      connectivity.stop();
      unsubscribe();
    },
    isBusy: () => engine.isBusy() || connectivity.isProbing(),
    synced: () => repo.synced(),
    syncNow: () => repo.syncNow(),
    whenSafe(id) {
      const inSlack = new Promise<void>((resolve) => reachedSlack.set(id, resolve));
      return Promise.race([repo.synced(), inSlack]).finally(() => reachedSlack.delete(id));
    },
    handlers: {
      // Answered once the new item is safe: on disk for good (fsynced together with any other enqueued
      // meanwhile), or already in Slack.
      'outbox:enqueue': async (args) => {
        const queued = commands.enqueue(args);
        if (queued.ok) await service.whenSafe(queued.value.id);
        return queued;
      },
      'outbox:list': ({ states, limit, offset }) => Promise.resolve(ok(list(states, { limit, offset }))),
      'outbox:update': ({ id, patch }) => Promise.resolve(commands.update(id, patch)),
      // Answered once on disk for good, like an enqueue: a cancelled message must not come back after a power cut.
      'outbox:cancel': async ({ id }) => {
        const cancelled = await commands.cancel(id);
        if (cancelled.ok) await repo.synced();
        return cancelled;
      },
      'outbox:retry': ({ id }) => Promise.resolve(commands.retry(id)),
      'outbox:confirm': (args) => Promise.resolve(commands.confirm(args)),
      'outbox:flush': () => Promise.resolve(ok(service.flush())),
    },
  };
  return service;
}
