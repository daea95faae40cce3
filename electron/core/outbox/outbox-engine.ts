// The outbox's sending loop. One lane per channel: a lane sends its items in
// enqueue order, one request at a time, while lanes run side by side. Items
// step out of line only when they cannot go yet for reasons of their own
// (held, failed, a later send time, a parent not yet sent); a wait after a
// failure keeps the line behind it. One timer on the injected clock wakes the
// loop for the next backoff, Retry-After, send time or scheduled follow-up.
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { ChannelResolver } from './channel-resolver.ts';
import type { Connectivity } from './connectivity.ts';
import type { Transitions } from './item-transitions.ts';
import type { OutboxRepository } from './outbox-store.ts';
import type { ScheduledReconciler } from './scheduled-reconciler.ts';
import type { PromiseRestamp } from './promise-from-post.ts';
import { attemptItem, methodOf, prerequisiteOf } from './send-attempt.ts';

export interface OutboxEngineDeps {
  repo: OutboxRepository;
  gateway: SlackGateway;
  clock: Clock;
  logger: Logger;
  connectivity: Connectivity;
  transitions: Transitions;
  resolver: ChannelResolver;
  reconciler: ScheduledReconciler;
  /** Re-renders a message whose promise counts from the post (see promise-from-post.ts). */
  restamp?: PromiseRestamp;
}

export interface OutboxEngine {
  start(): void;
  stop(): void;
  /** Looks for work now (after an enqueue, an edit, a connection change). */
  pump(): void;
  /** Clears backoff waits so queued items go at once; Slack's Retry-After still stands. */
  skipBackoff(): void;
  /** Whether any request or check is running. */
  isBusy(): boolean;
}

const CHECK_METHODS = ['conversations.history', 'conversations.replies', 'chat.scheduledMessages.list'];
const timeOf = (iso: string | null) => (iso === null ? 0 : Date.parse(iso));

export function createOutboxEngine(deps: OutboxEngineDeps): OutboxEngine {
  const busyLanes = new Set<string>();
  let isStarted = false;
  let wake: TimerHandle | undefined;

  const isDeferred = (item: OutboxItem, nowMs: number) =>
    item.sendAtUtc !== null && timeOf(item.sendAtUtc) > nowMs;
  const isWaitingForParent = (item: OutboxItem) =>
    (item.threadOf !== null && item.threadTs === null && deps.repo.get(item.threadOf)?.state !== 'sent') ||
    prerequisiteOf(deps.repo, item) === 'wait';
  const cooldownOf = (method: string) => deps.transitions.cooldowns.get(method) ?? 0;
  /** Not before the item's own wait, nor a Retry-After on the methods its attempt will call. */
  const readyAtMs = (item: OutboxItem) =>
    Math.max(
      timeOf(item.nextAttemptAtUtc),
      cooldownOf(methodOf(item)),
      item.isOutcomeUnclear ? Math.max(...CHECK_METHODS.map(cooldownOf)) : 0,
    );

  /**
   * The next item of a channel's line, or undefined when nothing there can go. Reads only the head of
   * the channel's own line (and the earliest item whose channel is not known yet), never the whole queue.
   */
  function laneHead(channelId: string, nowMs: number): OutboxItem | undefined {
    // An earlier item whose channel is not known yet may belong to this line: wait for it.
    const firstUnresolved = deps.repo.queuedIn(null)[0]?.sequence ?? Infinity;
    for (const item of deps.repo.queuedIn(channelId)) {
      if (item.sequence > firstUnresolved) return undefined;
      if (isDeferred(item, nowMs) || isWaitingForParent(item)) continue;
      return item;
    }
    return undefined;
  }

  /** Holds every waiting item whose promised update time has passed, so the lead sees it at once. */
  function holdPassedPromises(nowMs: number): void {
    for (const item of [...deps.repo.timedQueued()]) {
      // An unclear item may already be in Slack: it is checked before anything else.
      if (item.promiseAtUtc === null || item.promiseAfterMs !== null || item.isOutcomeUnclear) continue;
      if (timeOf(item.promiseAtUtc) > nowMs) continue;
      deps.transitions.hold(item, 'promise_passed', {
        code: 'promise_passed',
        message: 'This message promises the next update at a time that has already passed while it waited.',
        fix: 'Give a new next-update time (and check the rest still holds), then confirm to send it.',
      });
    }
  }

  const queuedChannels = () => deps.repo.queuedChannels();

  async function runLane(channelId: string): Promise<void> {
    busyLanes.add(channelId);
    try {
      for (;;) {
        if (!isStarted || !deps.connectivity.isOnline()) break;
        const head = laneHead(channelId, deps.clock.now());
        if (!head || readyAtMs(head) > deps.clock.now()) break;
        // Every attempt moves its item on: out of the queue, to a later time, or the connection off line.
        await attemptItem(
          {
            repo: deps.repo,
            gateway: deps.gateway,
            clock: deps.clock,
            transitions: deps.transitions,
            ...(deps.restamp ? { restamp: deps.restamp } : {}),
          },
          head.id,
        );
      }
    } catch (error) {
      deps.logger.error('outbox.lane_failed', { channelId, error });
    } finally {
      busyLanes.delete(channelId);
      pump();
    }
  }

  /**
   * The next moment something becomes due. Only future moments count: what is due now is either
   * running (and pumps again when it ends) or waiting for the connection (which pumps when it changes).
   */
  function nextWakeMs(nowMs: number): number {
    const candidates = [deps.resolver.retryAtMs()];
    for (const item of deps.repo.timedQueued()) {
      if (item.sendAtUtc !== null) candidates.push(timeOf(item.sendAtUtc));
      if (item.promiseAtUtc !== null && item.promiseAfterMs === null && !item.isOutcomeUnclear)
        candidates.push(timeOf(item.promiseAtUtc));
    }
    if (deps.connectivity.isOnline()) {
      for (const channelId of queuedChannels()) {
        if (busyLanes.has(channelId)) continue;
        const head = laneHead(channelId, nowMs);
        if (head) candidates.push(readyAtMs(head));
      }
      if (!deps.reconciler.isRunning()) candidates.push(deps.reconciler.nextDueMs());
    }
    return Math.min(Infinity, ...candidates.filter((atMs) => atMs > nowMs));
  }

  function armWake(nowMs: number): void {
    if (wake) deps.clock.clearTimer(wake);
    wake = undefined;
    const atMs = nextWakeMs(nowMs);
    if (!Number.isFinite(atMs)) return;
    wake = deps.clock.setTimer(
      () => {
        wake = undefined;
        pump();
      },
      Math.max(0, atMs - nowMs),
    );
  }

  function pump(): void {
    if (!isStarted) return;
    const nowMs = deps.clock.now();
    holdPassedPromises(nowMs);
    if (deps.resolver.hasWork() && !deps.resolver.isRunning()) {
      void deps.resolver.run().then((didChange) => {
        if (didChange) pump();
      });
    }
    if (deps.connectivity.isOnline()) {
      for (const channelId of queuedChannels()) {
        if (busyLanes.has(channelId)) continue;
        const head = laneHead(channelId, nowMs);
        if (head && readyAtMs(head) <= nowMs) void runLane(channelId);
      }
      if (deps.reconciler.nextDueMs() <= nowMs && !deps.reconciler.isRunning()) {
        // Each look moves its item's next look on, so pumping again afterwards cannot loop.
        void deps.reconciler.run().finally(pump);
      }
    }
    armWake(nowMs);
  }

  return {
    start() {
      if (isStarted) return;
      isStarted = true;
      pump();
    },
    stop() {
      isStarted = false;
      if (wake) deps.clock.clearTimer(wake);
      wake = undefined;
    },
    pump,
    skipBackoff() {
      for (const item of [...deps.repo.inState('queued')]) {
        if (item.nextAttemptAtUtc !== null) deps.repo.patch(item.id, { nextAttemptAtUtc: null });
      }
      pump();
    },
    isBusy: () =>
      busyLanes.size > 0 ||
      deps.resolver.isRunning() ||
      deps.reconciler.isRunning() ||
      deps.transitions.pendingCount() > 0,
  };
}
