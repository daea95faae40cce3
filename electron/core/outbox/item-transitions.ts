// The state changes an item goes through once the outbox has tried it: sent,
// scheduled in Slack, held for the lead, failed, or back in the queue after
// a failure (with the right wait). Each is persisted (and announced) by the
// repository before anything else happens.
import type { HeldReason, OutboxItem, OutboxProblem } from '../../../shared/outbox/outbox-item.ts';
import type { Clock } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { GatewayFailure, SlackGateway } from '../slack/slack-gateway.ts';
import type { Connectivity } from './connectivity.ts';
import { decideAfterFailure, problemOf } from './failure-policy.ts';
import type { OutboxRepository } from './outbox-store.ts';
import { backoffDelayMs } from './retry-policy.ts';

/** The shortest wait after a failure, whatever Slack says: a Retry-After of 0 must not become a busy loop. */
const MIN_WAIT_MS = 1_000;

/** How a sent item reached Slack: posted by Herald, posted by Slack at its scheduled time, or an edit applied. */
export type SentVia = 'post' | 'schedule' | 'edit';

export interface TransitionDeps {
  repo: OutboxRepository;
  gateway: Pick<SlackGateway, 'permalink'>;
  connectivity: Connectivity;
  clock: Clock;
  logger: Logger;
  random: () => number;
  /** A sent item, already persisted: history, incidents. */
  onSent: (item: OutboxItem, via: SentVia) => void;
  /** A sent item's permalink arrived. */
  onPermalink: (item: OutboxItem) => void;
  /** The workspace's URL, for a permalink Slack would not give. */
  workspaceUrl: () => Promise<string | null>;
}

export interface Transitions {
  /** Slack methods waiting out a Retry-After: method → not before (epoch ms). */
  readonly cooldowns: Map<string, number>;
  markSent(item: OutboxItem, ts: string | null, via: SentVia, note?: OutboxProblem): OutboxItem;
  markScheduled(item: OutboxItem, scheduledMessageId: string, postAtSec: number): OutboxItem;
  /** An item that posts nothing (a removal) is done: `sent`, without history or sent listeners. */
  markDone(item: OutboxItem, note?: OutboxProblem): OutboxItem;
  hold(item: OutboxItem, reason: HeldReason, problem: OutboxProblem): OutboxItem;
  fail(item: OutboxItem, problem: OutboxProblem): OutboxItem;
  /**
   * After a failed call for this item: `wasSend` when the call was the post
   * (or schedule) itself, false when it was a check; `method` is the Slack
   * method that failed, for its rate-limit cooldown.
   */
  afterFailure(
    item: OutboxItem,
    failure: GatewayFailure,
    options: { wasSend: boolean; method: string },
  ): OutboxItem;
  /** Work still running in the background (permalink look-ups). */
  pendingCount(): number;
  /** Learns the workspace URL again (on start, and when Slack is connected). */
  refreshWorkspaceUrl(): void;
}

/** The link Slack itself gives for a message: the workspace URL, the channel, and the ts without its dot. */
export function permalinkFor(
  workspaceUrl: string,
  channelId: string,
  ts: string,
  threadTs: string | null,
): string {
  const base = workspaceUrl.endsWith('/') ? workspaceUrl : `${workspaceUrl}/`;
  const path = `${base}archives/${channelId}/p${ts.replace('.', '')}`;
  return threadTs !== null && threadTs !== ts ? `${path}?thread_ts=${threadTs}&cid=${channelId}` : path;
}

export function createTransitions(deps: TransitionDeps): Transitions {
  const cooldowns = new Map<string, number>();
  const failureStreaks = new Map<string, number>();
  let pendingPermalinks = 0;
  /** Known once asked: lets `markSent` store the permalink in the same write as the ts. */
  let workspaceUrl: string | null | undefined;
  const learnWorkspaceUrl = async () => {
    workspaceUrl = await deps.workspaceUrl();
    return workspaceUrl;
  };
  const nowIso = () => new Date(deps.clock.now()).toISOString();

  /**
   * The link to a sent message. Built from the workspace URL when it is known (Slack's own format,
   * and one request fewer per message against the rate limits), else asked of chat.getPermalink.
   */
  async function addPermalink(item: OutboxItem): Promise<void> {
    if (item.ts === null || item.channelId === null) return;
    pendingPermalinks += 1;
    try {
      const url = await learnWorkspaceUrl();
      let permalink = url ? permalinkFor(url, item.channelId, item.ts, item.threadTs) : null;
      if (permalink === null) {
        const answer = await deps.gateway.permalink(item.channelId, item.ts);
        permalink = answer.ok && answer.value !== '' ? answer.value : null;
      }
      if (permalink === null || !deps.repo.get(item.id)) return;
      deps.onPermalink(deps.repo.patch(item.id, { permalink }));
    } catch (error) {
      deps.logger.error('outbox.permalink_failed', { error });
    } finally {
      pendingPermalinks -= 1;
    }
  }

  function notifySent(item: OutboxItem, via: SentVia): void {
    try {
      deps.onSent(item, via);
    } catch (error) {
      deps.logger.error('outbox.on_sent_threw', { error });
    }
  }

  const transitions: Transitions = {
    cooldowns,
    markSent(item, ts, via, note) {
      failureStreaks.delete(item.id);
      const permalink =
        typeof workspaceUrl === 'string' && ts !== null && item.channelId !== null
          ? permalinkFor(workspaceUrl, item.channelId, ts, item.threadTs)
          : null;
      const sent = deps.repo.patch(item.id, {
        state: 'sent',
        ts,
        permalink,
        sentAtUtc: nowIso(),
        isOutcomeUnclear: false,
        nextAttemptAtUtc: null,
        heldReason: null,
        problem: note ?? null,
      });
      deps.logger.info('outbox.sent', { id: item.id, channelId: item.channelId, via });
      notifySent(sent, via);
      if (permalink === null) void addPermalink(sent);
      return sent;
    },
    markScheduled(item, scheduledMessageId, postAtSec) {
      failureStreaks.delete(item.id);
      return deps.repo.patch(item.id, {
        state: 'scheduled',
        scheduledMessageId,
        scheduleForUtc: new Date(postAtSec * 1000).toISOString(),
        isOutcomeUnclear: false,
        nextAttemptAtUtc: null,
        problem: null,
      });
    },
    markDone(item, note) {
      failureStreaks.delete(item.id);
      deps.logger.info('outbox.done', { id: item.id, kind: item.kind, channelId: item.channelId });
      return deps.repo.patch(item.id, {
        state: 'sent',
        sentAtUtc: nowIso(),
        isOutcomeUnclear: false,
        nextAttemptAtUtc: null,
        heldReason: null,
        problem: note ?? null,
      });
    },
    hold(item, reason, problem) {
      failureStreaks.delete(item.id);
      return deps.repo.patch(item.id, { state: 'held', heldReason: reason, problem, nextAttemptAtUtc: null });
    },
    fail(item, problem) {
      failureStreaks.delete(item.id);
      deps.logger.warn('outbox.failed', { id: item.id, code: problem.code });
      return deps.repo.patch(item.id, {
        state: 'failed',
        problem,
        isOutcomeUnclear: false,
        nextAttemptAtUtc: null,
      });
    },
    afterFailure(item, failure, { wasSend, method }) {
      const decision = decideAfterFailure(failure);
      const problem = problemOf(failure);
      // A send that clearly did not happen leaves nothing to look for; a check that failed changes nothing.
      const unclearIf = (mayHaveReachedSlack: boolean) =>
        wasSend ? mayHaveReachedSlack : item.isOutcomeUnclear;
      switch (decision.action) {
        case 'stop_for_auth': {
          const queued = deps.repo.patch(item.id, {
            state: 'queued',
            isOutcomeUnclear: unclearIf(false),
            problem,
          });
          deps.connectivity.reportAuthFailure(failure);
          return queued;
        }
        case 'rate_limited': {
          const untilMs = deps.clock.now() + Math.max(MIN_WAIT_MS, decision.retryAfterMs);
          cooldowns.set(method, Math.max(cooldowns.get(method) ?? 0, untilMs));
          return deps.repo.patch(item.id, {
            state: 'queued',
            isOutcomeUnclear: unclearIf(false),
            nextAttemptAtUtc: new Date(untilMs).toISOString(),
            problem,
          });
        }
        case 'offline': {
          const queued = deps.repo.patch(item.id, {
            state: 'queued',
            isOutcomeUnclear: unclearIf(decision.mayHaveReachedSlack),
            problem,
          });
          deps.connectivity.reportNetworkFailure(failure);
          return queued;
        }
        case 'back_off': {
          const streak = (failureStreaks.get(item.id) ?? 0) + 1;
          failureStreaks.set(item.id, streak);
          const delayMs = Math.max(MIN_WAIT_MS, backoffDelayMs(streak, deps.random));
          return deps.repo.patch(item.id, {
            state: 'queued',
            isOutcomeUnclear: unclearIf(decision.mayHaveReachedSlack),
            nextAttemptAtUtc: new Date(deps.clock.now() + delayMs).toISOString(),
            problem,
          });
        }
        case 'fail':
          if (wasSend) return transitions.fail(item, decision.problem);
          // The check itself cannot be done: never guess, ask the lead.
          return transitions.hold(item, 'unconfirmed', {
            code: 'unconfirmed',
            message: `Herald could not check whether an earlier attempt reached Slack: ${decision.problem.message}`,
            fix: 'Look in the channel: if the message is there, cancel it here; if not, confirm to send it.',
          });
      }
    },
    pendingCount: () => pendingPermalinks,
    refreshWorkspaceUrl() {
      pendingPermalinks += 1;
      learnWorkspaceUrl()
        .catch(() => undefined)
        .finally(() => {
          pendingPermalinks -= 1;
        });
    },
  };
  return transitions;
}
