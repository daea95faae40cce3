// One attempt at one item, the heart of "exactly once": if an earlier attempt
// may have reached Slack, look for it first; never send a promise that has
// already passed; persist `sending` before the request leaves; then record
// what Slack answered. Re-reads the item after every wait, because the lead
// may have cancelled it meanwhile.
//
// `sending` is written to the file system before the request leaves, not
// fsynced: a killed Herald keeps it, and only a power cut can lose it, after
// which every queued item is checked in Slack before it is sent
// (storage/session-record.ts; docs/decisions.md "One fsync per message").
import { isDeepStrictEqual } from 'node:util';
import type { Result } from '../../../shared/api/result.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { Clock } from '../clock/clock.ts';
import type { HistoryMessage, SlackGateway } from '../slack/slack-gateway.ts';
import type { Transitions } from './item-transitions.ts';
import type { OutboxRepository } from './outbox-store.ts';
import { attemptDeletion, DELETE_METHOD } from './delete-attempt.ts';
import { attemptFile, FILE_METHOD } from './file-attempt.ts';
import { stampPromise, type PromiseRestamp } from './promise-from-post.ts';
import { findPosted, findScheduled, UNREADABLE_CODES, type CheckOutcome } from './sent-check.ts';

/** Slack refuses to schedule a message less than a few seconds ahead; below this Herald holds it instead. */
export const SCHEDULE_MIN_LEAD_MS = 15_000;

export interface AttemptDeps {
  repo: OutboxRepository;
  gateway: SlackGateway;
  clock: Clock;
  transitions: Transitions;
  /** Re-renders a message whose promise counts from the post (see promise-from-post.ts). */
  restamp?: PromiseRestamp;
}

export function methodOf(item: Pick<OutboxItem, 'kind' | 'scheduleForUtc'>): string {
  if (item.kind === 'edit') return 'chat.update';
  if (item.kind === 'delete_scheduled') return DELETE_METHOD;
  if (item.kind === 'file') return FILE_METHOD;
  return item.scheduleForUtc === null ? 'chat.postMessage' : 'chat.scheduleMessage';
}

/**
 * An item waiting for another (OutboxItem.waitsFor): 'go' once that one is done, 'wait' while it is on
 * its way, 'drop' when it failed or was cancelled (the reason to send this one is gone).
 */
export function prerequisiteOf(repo: OutboxRepository, item: OutboxItem): 'go' | 'wait' | 'drop' {
  if (item.waitsFor === null) return 'go';
  const before = repo.get(item.waitsFor);
  // Finished long ago and pruned: it was done.
  if (!before || before.state === 'sent') return 'go';
  return before.state === 'failed' || before.state === 'cancelled' ? 'drop' : 'wait';
}

const stillQueued = (repo: OutboxRepository, id: string): OutboxItem | undefined => {
  const item = repo.get(id);
  return item?.state === 'queued' ? item : undefined;
};

async function checkEarlierAttempt(
  deps: AttemptDeps,
  item: OutboxItem,
  channelId: string,
): Promise<CheckOutcome> {
  if (item.scheduleForUtc === null) {
    // A reply whose `sending` (with its thread) was lost in a power cut is looked for in its parent's thread.
    const parent =
      item.threadTs === null && item.threadOf !== null ? deps.repo.get(item.threadOf) : undefined;
    const threadTs = item.threadTs ?? (parent?.state === 'sent' ? parent.ts : null);
    return findPosted(deps.gateway, { ...item, threadTs }, channelId);
  }
  return findScheduled(deps.gateway, item, channelId, Math.floor(Date.parse(item.scheduleForUtc) / 1000));
}

/** Whether the item may go now; if not, puts it where it belongs and answers false. */
function passesPreSendChecks(deps: AttemptDeps, item: OutboxItem): boolean {
  const nowMs = deps.clock.now();
  // A promise that counts from the post cannot pass while the message waits.
  if (item.promiseAfterMs === null && item.promiseAtUtc !== null && Date.parse(item.promiseAtUtc) <= nowMs) {
    deps.transitions.hold(item, 'promise_passed', {
      code: 'promise_passed',
      message: 'This message promises the next update at a time that has already passed while it waited.',
      fix: 'Give a new next-update time (and check the rest still holds), then confirm to send it.',
    });
    return false;
  }
  if (item.scheduleForUtc !== null && Date.parse(item.scheduleForUtc) - nowMs < SCHEDULE_MIN_LEAD_MS) {
    deps.transitions.hold(item, 'schedule_passed', {
      code: 'schedule_passed',
      message: 'The time this message was to be scheduled for went by while it waited to reach Slack.',
      fix: 'Confirm to send it now, give a new time, or cancel it.',
    });
    return false;
  }
  return true;
}

/**
 * The thread to reply in (null: none): the item's own, or its parent item's once that is sent. When the parent
 * cannot be used the item is failed here, with the reason, and the error only tells the caller to stop.
 */
function threadOf(deps: AttemptDeps, item: OutboxItem): Result<string | null, 'item_failed'> {
  if (item.threadTs !== null || item.threadOf === null) return { ok: true, value: item.threadTs };
  const parent = deps.repo.get(item.threadOf);
  if (parent?.state === 'sent' && parent.ts !== null && parent.channelId === item.channelId)
    return { ok: true, value: parent.ts };
  deps.transitions.fail(item, {
    code: 'thread_parent_unavailable',
    message:
      parent?.state === 'sent' && parent.channelId !== item.channelId
        ? 'The message this replies to went to a different channel, so this reply cannot join its thread.'
        : 'Herald cannot find the Slack message this replies to.',
    fix: 'Send it as a new message in the channel, or cancel it.',
  });
  return { ok: false, error: 'item_failed' };
}

/** Whether the message in Slack already carries the facts this edit writes (an edit without facts: any). */
function carriesFacts(message: HistoryMessage, item: OutboxItem): boolean {
  if (item.facts === null) return true;
  const { metadata } = message;
  return metadata.kind === 'herald' && isDeepStrictEqual(metadata.facts, item.facts);
}

/**
 * An edit (chat.update). Slack keeps no id for an edit, so "exactly once" means: if an earlier attempt may
 * have landed, read the message first, and if it already says what this edit says, the edit is done.
 */
async function attemptEdit(deps: AttemptDeps, item: OutboxItem, channelId: string): Promise<void> {
  const target = item.editOf;
  if (target === null) {
    deps.transitions.fail(item, {
      code: 'edit_target_missing',
      message: 'Herald does not know which Slack message this edit changes.',
      fix: 'Cancel it and edit the message again from History.',
    });
    return;
  }
  // A message that was still on its way when the edit was queued: it is in Slack now (the edit waited for it).
  const posting = target.ts === null || item.threadTs === null ? deps.repo.get(target.itemId) : undefined;
  const ts = target.ts ?? posting?.ts ?? null;
  const threadTs = item.threadTs ?? posting?.threadTs ?? null;
  if (ts === null) {
    deps.transitions.fail(item, {
      code: 'edit_target_missing',
      message: 'Herald cannot find the Slack message this edit changes.',
      fix: 'Cancel it and edit the message again from History.',
    });
    return;
  }
  let current: OutboxItem | undefined = item;
  if (item.isOutcomeUnclear) {
    const answer = await deps.gateway.readMessage(channelId, ts, threadTs);
    current = stillQueued(deps.repo, item.id);
    if (!current) return;
    // A channel Herald may post to but not read: applying the same text again is harmless, so go ahead.
    const isUnreadable =
      !answer.ok && answer.error.kind === 'platform' && UNREADABLE_CODES.has(answer.error.code);
    if (!answer.ok && !isUnreadable) {
      deps.transitions.afterFailure(current, answer.error, {
        wasSend: false,
        method: threadTs === null ? 'conversations.history' : 'conversations.replies',
      });
      return;
    }
    if (answer.ok && answer.value?.text === current.text && carriesFacts(answer.value, current)) {
      deps.transitions.markSent(current, ts, 'edit');
      return;
    }
    current = deps.repo.patch(item.id, { isOutcomeUnclear: false });
  }
  if (!passesPreSendChecks(deps, current)) return;
  const nowIso = new Date(deps.clock.now()).toISOString();
  const sending = deps.repo.patch(item.id, {
    state: 'sending',
    attempts: current.attempts + 1,
    firstAttemptAtUtc: current.firstAttemptAtUtc ?? nowIso,
    editOf: { ...target, ts },
    threadTs,
  });
  const answer = await deps.gateway.update({
    channel: channelId,
    ts,
    text: sending.text,
    // Slack keeps a message's blocks when an update leaves them out: an edit without blocks clears them.
    blocks: sending.blocks ?? [],
    // The message's facts as they stand now replace its metadata, so other leads' Heralds read the correction.
    // An edit without facts leaves the metadata out, and Slack keeps what the message had.
    ...(sending.facts === null ? {} : { stamp: { heraldId: target.itemId, facts: sending.facts } }),
  });
  if (answer.ok) deps.transitions.markSent(sending, ts, 'edit');
  else deps.transitions.afterFailure(sending, answer.error, { wasSend: true, method: methodOf(sending) });
}

export async function attemptItem(deps: AttemptDeps, itemId: string): Promise<void> {
  let item = stillQueued(deps.repo, itemId);
  if (!item || item.channelId === null) return;
  const channelId = item.channelId;
  // A file waits for (and joins the thread of) the message it goes with: it settles that itself.
  if (item.kind === 'file') return attemptFile(deps, item, channelId);
  const prerequisite = prerequisiteOf(deps.repo, item);
  if (prerequisite === 'wait') return;
  if (prerequisite === 'drop') {
    deps.repo.patch(item.id, {
      state: 'cancelled',
      nextAttemptAtUtc: null,
      problem:
        item.kind === 'edit'
          ? {
              code: 'prerequisite_failed',
              message: 'Not applied: the message it edits never reached Slack (it failed or was cancelled).',
              fix: 'Send the corrected message as a new one if it should still go.',
            }
          : {
              code: 'prerequisite_failed',
              message: 'Not sent: the step it waited for (removing the message it replaces) did not happen.',
              fix: 'Look at that item in the outbox; send this again from its draft if it should still go.',
            },
    });
    return;
  }
  if (item.kind === 'edit') return attemptEdit(deps, item, channelId);
  if (item.kind === 'delete_scheduled') return attemptDeletion(deps, item);

  if (item.isOutcomeUnclear) {
    const outcome = await checkEarlierAttempt(deps, item, channelId);
    item = stillQueued(deps.repo, itemId);
    if (!item) return;
    switch (outcome.kind) {
      case 'found':
        deps.transitions.markSent(item, outcome.ts, 'post');
        return;
      case 'found_scheduled':
        deps.transitions.markScheduled(item, outcome.scheduledMessageId, outcome.postAtSec);
        return;
      case 'cannot_check':
        deps.transitions.hold(item, 'unconfirmed', outcome.problem);
        return;
      case 'failure':
        deps.transitions.afterFailure(item, outcome.failure, { wasSend: false, method: outcome.method });
        return;
      case 'absent':
        item = deps.repo.patch(itemId, { isOutcomeUnclear: false });
        break;
    }
  }

  if (!passesPreSendChecks(deps, item)) return;
  const thread = threadOf(deps, item);
  if (!thread.ok) return;

  // Persisted before the request leaves: a crash from here on is an unclear outcome, checked on restart.
  // A promise that counts from the post is stamped in the same write, so the item records what may be in Slack.
  const nowMs = deps.clock.now();
  const nowIso = new Date(nowMs).toISOString();
  const sending = deps.repo.patch(itemId, {
    state: 'sending',
    attempts: item.attempts + 1,
    firstAttemptAtUtc: item.firstAttemptAtUtc ?? nowIso,
    threadTs: thread.value,
    ...stampPromise(item, nowMs, deps.restamp),
  });
  const message = {
    channel: channelId,
    text: sending.text,
    ...(sending.blocks === null ? {} : { blocks: sending.blocks }),
    ...(sending.threadTs === null
      ? {}
      : { threadTs: sending.threadTs, replyBroadcast: sending.replyBroadcast }),
  };

  if (sending.scheduleForUtc === null) {
    const answer = await deps.gateway.post({ ...message, heraldId: sending.id, facts: sending.facts });
    if (answer.ok) deps.transitions.markSent(sending, answer.value.ts, 'post');
    else deps.transitions.afterFailure(sending, answer.error, { wasSend: true, method: methodOf(sending) });
    return;
  }
  const postAtSec = Math.floor(Date.parse(sending.scheduleForUtc) / 1000);
  const answer = await deps.gateway.schedule({ ...message, postAtSec });
  if (answer.ok)
    deps.transitions.markScheduled(sending, answer.value.scheduledMessageId, answer.value.postAtSec);
  else deps.transitions.afterFailure(sending, answer.error, { wasSend: true, method: methodOf(sending) });
}
