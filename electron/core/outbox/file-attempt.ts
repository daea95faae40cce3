// One attempt at a `file` item: uploading a file (a maintenance event's
// calendar file) into the thread of the message it goes with, once that
// message is in Slack. Slack has no idempotency key for uploads, so if an
// earlier attempt may have reached Slack (a crash or a lost answer between
// files.completeUploadExternal and recording `sent`), the thread is read
// first (conversations.replies) for a file with the same title, which names
// the event and its calendar revision; only when none is there does the
// upload go again. An upload that stopped before completing leaves a private,
// unshared file in Slack and nothing in the channel, so uploading again is right.
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { AttemptDeps } from './send-attempt.ts';
import { findSharedFile } from './sent-check.ts';

/** The call that shares the file (the last of the SDK's three); its Retry-After holds every upload. */
export const FILE_METHOD = 'files.completeUploadExternal';

const stillQueued = (deps: AttemptDeps, id: string): OutboxItem | undefined => {
  const item = deps.repo.get(id);
  return item?.state === 'queued' ? item : undefined;
};

/** The message the file goes with: its thread, 'wait' while it is on its way, or why it never will be. */
function threadFor(deps: AttemptDeps, item: OutboxItem): { ts: string } | 'wait' | 'dropped' | 'failed' {
  if (item.threadTs !== null) return { ts: item.threadTs };
  const parent = item.waitsFor === null ? undefined : deps.repo.get(item.waitsFor);
  if (parent?.state === 'cancelled' || parent?.state === 'failed') {
    deps.repo.patch(item.id, {
      state: 'cancelled',
      nextAttemptAtUtc: null,
      problem: {
        code: 'message_not_posted',
        message: 'Not uploaded: the message it goes with never reached Slack (cancelled, removed or failed).',
        fix: 'Nothing to do: a file goes again with the message when it is sent again.',
      },
    });
    return 'dropped';
  }
  if (parent && parent.state !== 'sent') return 'wait';
  if (parent?.ts && parent.channelId === item.channelId) return { ts: parent.ts };
  deps.transitions.fail(item, {
    code: 'thread_parent_unavailable',
    message: parent
      ? 'Herald cannot tell where in Slack the message this file goes with is, so it cannot join its thread.'
      : 'Herald no longer has the message this file goes with.',
    fix: 'Download the calendar file from the event and share it in the channel yourself, or cancel this.',
  });
  return 'failed';
}

export async function attemptFile(deps: AttemptDeps, queued: OutboxItem, channelId: string): Promise<void> {
  let item = queued;
  const file = item.file;
  if (!file) {
    deps.transitions.fail(item, {
      code: 'file_missing',
      message: 'Herald does not have the file this item was to upload.',
      fix: 'Cancel it; the event panel can send the calendar file again.',
    });
    return;
  }
  const thread = threadFor(deps, item);
  if (typeof thread === 'string') return;

  if (item.isOutcomeUnclear) {
    const look = await findSharedFile(deps.gateway, item, channelId, thread.ts);
    const current = stillQueued(deps, item.id);
    if (!current) return;
    switch (look.kind) {
      case 'found':
        deps.transitions.markSent(current, look.ts, 'post');
        return;
      case 'cannot_check':
        deps.transitions.hold(current, 'unconfirmed', {
          ...look.problem,
          fix: 'Look in the thread: if the calendar file is there, cancel this; if not, confirm to upload it.',
        });
        return;
      case 'failure':
        deps.transitions.afterFailure(current, look.failure, { wasSend: false, method: look.method });
        return;
      default:
        item = deps.repo.patch(item.id, { isOutcomeUnclear: false });
    }
  }

  // Persisted before the first request leaves: a crash from here on is an unclear outcome (a power cut: see
  // session-record.ts, after which every queued item is checked first).
  const sending = deps.repo.patch(item.id, {
    state: 'sending',
    attempts: item.attempts + 1,
    firstAttemptAtUtc: item.firstAttemptAtUtc ?? new Date(deps.clock.now()).toISOString(),
    threadTs: thread.ts,
  });
  const answer = await deps.gateway.uploadFile({
    channel: channelId,
    threadTs: thread.ts,
    name: file.name,
    title: file.title,
    content: file.content,
    comment: sending.text,
  });
  if (answer.ok) deps.transitions.markSent(sending, answer.value.ts, 'post');
  else deps.transitions.afterFailure(sending, answer.error, { wasSend: true, method: FILE_METHOD });
}
