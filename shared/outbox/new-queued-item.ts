// A freshly queued outbox item from a validated enqueue request: every
// attempt, result and timing field at its starting value. One builder for
// the outbox and for the in-memory outbox the send-path tests use.
import type { OutboxItem } from './outbox-item.ts';
import type { ParsedEditRequest, ParsedEnqueueRequest } from './outbox-requests.ts';

/** A promise that counts from the post, as a duration from now; null when it is taken as written. */
function promiseAfterMsOf(request: ParsedEnqueueRequest, nowMs: number): number | null {
  if (!request.promiseFromPost || request.promiseAtUtc === undefined) return null;
  const afterMs = Date.parse(request.promiseAtUtc) - nowMs;
  return afterMs > 0 ? afterMs : null;
}

export function newQueuedItem(
  request: ParsedEnqueueRequest,
  fields: { id: string; nowIso: string; channel: Pick<OutboxItem, 'channel' | 'channelId' | 'channelName'> },
): Omit<OutboxItem, 'sequence'> {
  return {
    id: fields.id,
    kind: 'message',
    editOf: null,
    targetId: null,
    waitsFor: request.waitsFor ?? null,
    state: 'queued',
    ...fields.channel,
    text: request.text,
    blocks: request.blocks ?? null,
    threadTs: request.threadTs ?? null,
    threadOf: request.threadOf ?? null,
    replyBroadcast: request.replyBroadcast,
    sendAtUtc: request.sendAtUtc ?? null,
    scheduleForUtc: request.scheduleForUtc ?? null,
    promiseAtUtc: request.promiseAtUtc ?? null,
    promiseAfterMs: promiseAfterMsOf(request, Date.parse(fields.nowIso)),
    source: request.source,
    facts: request.facts ?? null,
    checklist: request.checklist,
    override: request.override ?? null,
    draft: request.draft ?? null,
    attempts: 0,
    isOutcomeUnclear: false,
    nextAttemptAtUtc: null,
    problem: null,
    heldReason: null,
    ts: null,
    permalink: null,
    scheduledMessageId: null,
    createdAtUtc: fields.nowIso,
    updatedAtUtc: fields.nowIso,
    firstAttemptAtUtc: null,
    sentAtUtc: null,
  };
}

/**
 * A freshly queued edit of a message: in the target's channel (and thread), like a reply would be. `channel`
 * and `waitsFor` are the posting item's while that message is still on its way to Slack.
 */
export function newEditItem(
  request: ParsedEditRequest,
  fields: {
    id: string;
    nowIso: string;
    channel: Pick<OutboxItem, 'channel' | 'channelId' | 'channelName'>;
    waitsFor: string | null;
  },
): Omit<OutboxItem, 'sequence'> {
  const { target } = request;
  const base = newQueuedItem(
    {
      channel: fields.channel.channel,
      text: request.text,
      ...(request.blocks === undefined ? {} : { blocks: request.blocks }),
      replyBroadcast: false,
      ...(request.promiseAtUtc === undefined ? {} : { promiseAtUtc: request.promiseAtUtc }),
      ...(request.facts === undefined ? {} : { facts: request.facts }),
      source: request.source,
      checklist: request.checklist,
      ...(request.override === undefined ? {} : { override: request.override }),
      ...(request.draft === undefined ? {} : { draft: request.draft }),
    },
    { id: fields.id, nowIso: fields.nowIso, channel: fields.channel },
  );
  return {
    ...base,
    kind: 'edit',
    waitsFor: fields.waitsFor,
    editOf: { itemId: target.itemId, ts: target.ts, purpose: request.purpose },
    threadTs: target.threadTs,
  };
}
