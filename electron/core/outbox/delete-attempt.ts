// One attempt at a `delete_scheduled` item: removing a message Herald had
// Slack schedule (chat.deleteScheduledMessage), exactly once. If an earlier
// attempt may have reached Slack, Slack's list of scheduled messages says
// whether the message is still there before anything is asked again. Slack
// answers `invalid_scheduled_message_id` both for a message already removed
// and for one it has posted (or will post within the minute, when it no
// longer lets it go); the message's own time tells the two apart.
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { GatewayFailure } from '../slack/slack-gateway.ts';
import type { AttemptDeps } from './send-attempt.ts';
import { findScheduled } from './sent-check.ts';

export const DELETE_METHOD = 'chat.deleteScheduledMessage';
/** Slack will not remove a scheduled message this close to its time (it answers invalid_scheduled_message_id). */
export const DELETE_CUTOFF_MS = 60_000;

/** The problem codes a finished deletion can carry, for whoever follows its outcome (the calendar). */
export const deletionOutcomes = {
  /** Slack had posted the message, or was about to: it could not be removed. */
  tooLate: 'too_late_to_delete',
  /** The message was no longer scheduled in Slack (removed there, or by an attempt whose answer was lost). */
  alreadyGone: 'already_removed',
} as const;

const isGoneAnswer = (failure: GatewayFailure) =>
  failure.kind === 'platform' && failure.code === 'invalid_scheduled_message_id';

/** When Slack was to post the target message (epoch ms), or null if Herald no longer knows. */
function postAtMsOf(deps: AttemptDeps, item: OutboxItem): number | null {
  const target = item.targetId === null ? undefined : deps.repo.get(item.targetId);
  return target?.scheduleForUtc ? Date.parse(target.scheduleForUtc) : null;
}

/** The removal is done: the deletion item finishes, and the message it removed is cancelled. */
function finish(deps: AttemptDeps, item: OutboxItem, wasAlreadyGone: boolean): void {
  deps.transitions.markDone(
    item,
    wasAlreadyGone
      ? {
          code: deletionOutcomes.alreadyGone,
          message: 'The message was no longer scheduled in Slack, so there was nothing left to remove.',
          fix: 'Nothing to do.',
        }
      : undefined,
  );
  const target = item.targetId === null ? undefined : deps.repo.get(item.targetId);
  if (target?.state === 'scheduled') {
    deps.repo.patch(target.id, {
      state: 'cancelled',
      problem: {
        code: 'removed_from_slack',
        message: 'Removed from Slack before its time, because what it said no longer held.',
        fix: 'Nothing to do: its replacement (if any) is in the outbox or in drafts.',
      },
    });
  }
}

/** Slack no longer has it scheduled: removed already, or too late because it has posted (or is about to). */
function settleGone(deps: AttemptDeps, item: OutboxItem): void {
  const postAtMs = postAtMsOf(deps, item);
  if (postAtMs !== null && deps.clock.now() < postAtMs - DELETE_CUTOFF_MS) {
    finish(deps, item, true);
    return;
  }
  // The target stays `scheduled`: the reconciler finds it in the channel and records it as sent.
  deps.transitions.fail(item, {
    code: deletionOutcomes.tooLate,
    message: 'Too late to remove: Slack has already posted this message (or posts it within the minute).',
    fix: 'Herald has drafted a correction to send in its place.',
  });
}

export async function attemptDeletion(deps: AttemptDeps, queued: OutboxItem): Promise<void> {
  let item = queued;
  const { channelId, scheduledMessageId } = item;
  if (channelId === null || scheduledMessageId === null) {
    deps.transitions.fail(item, {
      code: 'nothing_to_remove',
      message: 'Herald does not know which scheduled Slack message to remove.',
      fix: 'Look in the channel’s scheduled messages in Slack and remove it there.',
    });
    return;
  }

  if (item.isOutcomeUnclear) {
    const look = await findScheduled(deps.gateway, item, channelId, 0);
    const current = deps.repo.get(item.id);
    if (current?.state !== 'queued') return;
    switch (look.kind) {
      case 'found_scheduled':
        item = deps.repo.patch(item.id, { isOutcomeUnclear: false });
        break;
      case 'absent':
        settleGone(deps, current);
        return;
      case 'cannot_check':
        deps.transitions.hold(current, 'unconfirmed', look.problem);
        return;
      case 'failure':
        deps.transitions.afterFailure(current, look.failure, { wasSend: false, method: look.method });
        return;
      default:
        return;
    }
  }

  // Persisted before the request leaves: a crash from here on is an unclear outcome (a power cut: see session-record.ts).
  const sending = deps.repo.patch(item.id, {
    state: 'sending',
    attempts: item.attempts + 1,
    firstAttemptAtUtc: item.firstAttemptAtUtc ?? new Date(deps.clock.now()).toISOString(),
  });
  const answer = await deps.gateway.cancelScheduled(channelId, scheduledMessageId);
  if (answer.ok) finish(deps, sending, false);
  else if (isGoneAnswer(answer.error)) settleGone(deps, sending);
  else deps.transitions.afterFailure(sending, answer.error, { wasSend: true, method: DELETE_METHOD });
}
