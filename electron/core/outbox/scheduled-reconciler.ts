// Following up messages Slack was asked to post later. They carry no metadata
// (Slack drops scheduled messages that do), so once their time has passed
// Herald checks Slack's list of scheduled messages and then the channel: found
// → sent; gone before its time → cancelled in Slack; gone and not posted →
// failed, so the lead knows.
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { Clock } from '../clock/clock.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Transitions } from './item-transitions.ts';
import type { OutboxRepository } from './outbox-store.ts';
import { findDelivered, findScheduled, type CheckOutcome } from './sent-check.ts';
import { decideAfterFailure } from './failure-policy.ts';
import type { Connectivity } from './connectivity.ts';

/** How long after its time Herald first looks for a scheduled message. */
export const RECONCILE_GRACE_MS = 30_000;
/** How often to look again once its time has passed while Slack still lists it, or after a failed look. */
export const RECONCILE_AGAIN_MS = 5 * 60_000;
/** How often to look before its time, to notice a message removed in Slack. */
export const RECONCILE_BEFORE_MS = 15 * 60_000;
/** Slack will not cancel a message this close to its time; gone earlier means cancelled in Slack. */
const CANCEL_CUTOFF_MS = 60_000;

export interface ReconcilerDeps {
  repo: OutboxRepository;
  gateway: SlackGateway;
  clock: Clock;
  connectivity: Connectivity;
  transitions: Transitions;
}

export interface ScheduledReconciler {
  /** When the next look is due (epoch ms), or Infinity. */
  nextDueMs(): number;
  /** Looks at every scheduled item that is due. */
  run(): Promise<void>;
  /** Looks at these scheduled items now, due or not (a screen is about to show them). */
  lookNow(ids: readonly string[]): Promise<void>;
  isRunning(): boolean;
}

export function createScheduledReconciler(deps: ReconcilerDeps): ScheduledReconciler {
  const againAtMs = new Map<string, number>();
  let isRunning = false;

  const postAtMsOf = (item: OutboxItem) => Date.parse(item.scheduleForUtc ?? item.createdAtUtc);
  /** The next look: shortly after its time, and every so often before it. */
  const nextLookMs = (item: OutboxItem, fromMs: number) => {
    const afterTimeMs = postAtMsOf(item) + RECONCILE_GRACE_MS;
    return afterTimeMs > fromMs
      ? Math.min(afterTimeMs, fromMs + RECONCILE_BEFORE_MS)
      : fromMs + RECONCILE_AGAIN_MS;
  };
  const dueAtMs = (item: OutboxItem) => {
    let atMs = againAtMs.get(item.id);
    if (atMs === undefined) {
      atMs = nextLookMs(item, deps.clock.now());
      againAtMs.set(item.id, atMs);
    }
    return atMs;
  };
  const scheduledItems = () =>
    [...deps.repo.inState('scheduled')]
      .filter((item) => item.channelId !== null)
      .sort((a, b) => a.sequence - b.sequence);

  /** A look failed: wait, or go offline, or stop for the token. */
  function afterLookFailed(item: OutboxItem, outcome: Extract<CheckOutcome, { kind: 'failure' }>): void {
    const decision = decideAfterFailure(outcome.failure);
    const nowMs = deps.clock.now();
    if (decision.action === 'offline') deps.connectivity.reportNetworkFailure(outcome.failure);
    if (decision.action === 'stop_for_auth') deps.connectivity.reportAuthFailure(outcome.failure);
    const waitMs = decision.action === 'rate_limited' ? decision.retryAfterMs : RECONCILE_AGAIN_MS;
    againAtMs.set(item.id, nowMs + waitMs);
  }

  async function reconcile(item: OutboxItem): Promise<void> {
    const channelId = item.channelId ?? '';
    const postAtMs = postAtMsOf(item);
    const postAtSec = Math.floor(postAtMs / 1000);
    const listed = await findScheduled(deps.gateway, item, channelId, postAtSec);
    const current = deps.repo.get(item.id);
    if (current?.state !== 'scheduled') return;
    if (listed.kind === 'failure') return afterLookFailed(current, listed);
    if (listed.kind === 'found_scheduled') {
      againAtMs.set(item.id, nextLookMs(current, deps.clock.now()));
      return;
    }
    if (listed.kind === 'cannot_check') {
      againAtMs.delete(item.id);
      deps.transitions.fail(current, { ...listed.problem, code: 'scheduled_unverifiable' });
      return;
    }
    if (deps.clock.now() < postAtMs - CANCEL_CUTOFF_MS) {
      againAtMs.delete(item.id);
      deps.repo.patch(item.id, {
        state: 'cancelled',
        problem: {
          code: 'cancelled_in_slack',
          message: 'This scheduled message was removed in Slack before its time.',
          fix: 'Queue it again if it should still go.',
        },
      });
      return;
    }
    const delivered = await findDelivered(deps.gateway, current, channelId, postAtSec);
    const latest = deps.repo.get(item.id);
    if (latest?.state !== 'scheduled') return;
    switch (delivered.kind) {
      case 'found':
        againAtMs.delete(item.id);
        deps.transitions.markSent(latest, delivered.ts, 'schedule');
        return;
      case 'cannot_check':
        againAtMs.delete(item.id);
        deps.transitions.markSent(latest, null, 'schedule', {
          code: 'delivery_unverified',
          message:
            'Slack no longer lists this scheduled message, and Herald cannot read the channel to see it.',
          fix: 'Look in the channel to make sure it arrived; invite Herald to the channel so it can check by itself.',
        });
        return;
      case 'failure':
        return afterLookFailed(latest, delivered);
      default:
        againAtMs.delete(item.id);
        deps.transitions.fail(latest, {
          code: 'scheduled_not_delivered',
          message: 'Slack did not post this scheduled message (it may have been deleted in Slack).',
          fix: 'Retry to send it now, or cancel it.',
        });
    }
  }

  return {
    nextDueMs: () => {
      const items = scheduledItems();
      // Forget items that are no longer scheduled.
      for (const id of againAtMs.keys()) if (deps.repo.get(id)?.state !== 'scheduled') againAtMs.delete(id);
      return Math.min(Infinity, ...items.map(dueAtMs));
    },
    isRunning: () => isRunning,
    async lookNow(ids) {
      for (const id of ids) {
        const item = deps.repo.get(id);
        if (item?.state !== 'scheduled' || item.channelId === null) continue;
        if (!deps.connectivity.isOnline()) break;
        await reconcile(item);
      }
    },
    async run() {
      if (isRunning) return;
      isRunning = true;
      try {
        for (const item of scheduledItems()) {
          if (!deps.connectivity.isOnline()) break;
          if (dueAtMs(item) <= deps.clock.now()) await reconcile(item);
        }
      } finally {
        isRunning = false;
      }
    },
  };
}
