// What the lead (or another core service) can do to the queue: enqueue, edit
// or cancel an item until it is being sent, retry a failed one, release a
// held one. Each command checks the item's state first and answers a Result;
// the engine is nudged afterwards to act on the change.
import type { z } from 'zod';
import { describeIssues, fail, ok, type Result } from '../../../shared/api/index.ts';
import { isChannelId } from '../../../shared/outbox/channel-ref.ts';
import type { OutboxItem, OutboxSource } from '../../../shared/outbox/outbox-item.ts';
import { newEditItem, newQueuedItem } from '../../../shared/outbox/new-queued-item.ts';
import { fileRequestSchema, type FileRequest } from '../../../shared/outbox/outbox-file.ts';
import {
  editRequestSchema,
  enqueueRequestSchema,
  type ConfirmRequest,
  type EditRequest,
  type EnqueueRequest,
  type OutboxPatch,
  type ParsedEditRequest,
} from '../../../shared/outbox/outbox-requests.ts';
import type { Clock } from '../clock/clock.ts';
import type { ChannelDirectory } from '../slack/channel-directory.ts';
import { failureToResult } from '../slack/gateway-support.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Transitions } from './item-transitions.ts';
import type { ItemChange, OutboxRepository } from './outbox-store.ts';
import { SCHEDULE_MIN_LEAD_MS } from './send-attempt.ts';

export interface CommandDeps {
  repo: OutboxRepository;
  gateway: Pick<SlackGateway, 'cancelScheduled'>;
  directory: Pick<ChannelDirectory, 'cached'>;
  clock: Clock;
  transitions: Transitions;
  createId: () => string;
  /** Called after every change, so the engine looks at the queue again. */
  changed: () => void;
}

export interface OutboxCommands {
  enqueue(request: EnqueueRequest): Result<OutboxItem>;
  /**
   * Queues an edit of a sent message. A newer edit of the same message for the same purpose replaces one
   * still waiting (its text would be out of date the moment it landed).
   */
  enqueueEdit(request: EditRequest): Result<OutboxItem>;
  /**
   * Queues the removal of a message scheduled in Slack (chat.deleteScheduledMessage), in its channel's
   * line after everything queued there before it. Answers the removal already queued, if there is one.
   */
  enqueueDeletion(targetId: string, source?: OutboxSource): Result<OutboxItem>;
  /**
   * Queues a file upload into the thread of the message `withItemId` (which it waits for). A newer calendar
   * version for the same message replaces one still waiting to go.
   */
  enqueueFile(request: FileRequest): Result<OutboxItem>;
  update(id: string, patch: OutboxPatch): Result<OutboxItem>;
  cancel(id: string): Promise<Result<OutboxItem>>;
  retry(id: string): Result<OutboxItem>;
  confirm(request: ConfirmRequest): Result<OutboxItem>;
}

/** The times a request may carry, each of which must still be ahead when it is queued. */
interface TimedRequest {
  promiseAtUtc?: string | null | undefined;
  scheduleForUtc?: string | null | undefined;
}
/** A posted message can be edited once it is in Slack; one in these states gets there first (the edit waits). */
const ON_ITS_WAY: ReadonlySet<OutboxItem['state']> = new Set(['queued', 'sending', 'held', 'sent']);

const STATE_WORDS: Record<OutboxItem['state'], string> = {
  queued: 'waiting to be sent',
  sending: 'being sent right now',
  scheduled: 'scheduled in Slack',
  sent: 'already sent',
  failed: 'failed',
  cancelled: 'cancelled',
  held: 'held for you to confirm',
};

/** Whether the lead rewrote the words or the promise themselves (then nothing re-renders them). */
const isRewritten = (change: { text?: unknown; blocks?: unknown; promiseAtUtc?: unknown }) =>
  change.text !== undefined || change.blocks !== undefined || change.promiseAtUtc !== undefined;

export function createOutboxCommands(deps: CommandDeps): OutboxCommands {
  const nowMs = () => deps.clock.now();
  const nowIso = () => new Date(nowMs()).toISOString();
  const find = (id: string): Result<OutboxItem> => {
    const item = deps.repo.get(id);
    return item
      ? ok(item)
      : fail('not_found', 'There is no such message in the outbox.', {
          fix: 'It may have been cleared; check History.',
        });
  };
  const done = (item: OutboxItem): Result<OutboxItem> => {
    deps.changed();
    return ok(deps.repo.get(item.id) ?? item);
  };

  function checkTimes(times: TimedRequest): Result<null> {
    if (times.promiseAtUtc != null && Date.parse(times.promiseAtUtc) <= nowMs()) {
      return fail('invalid_argument', 'The promised next-update time has already passed.', {
        fix: 'Choose a later time.',
        fields: ['promiseAtUtc'],
      });
    }
    if (times.scheduleForUtc != null && Date.parse(times.scheduleForUtc) - nowMs() < SCHEDULE_MIN_LEAD_MS) {
      return fail('invalid_argument', 'Slack can only schedule a message for a time still ahead.', {
        fix: 'Choose a later time, or send it now.',
        fields: ['scheduleForUtc'],
      });
    }
    return ok(null);
  }

  /** A request as its schema reads it, refused when it is malformed or its promised or scheduled time has passed. */
  function readRequest<Schema extends z.ZodType<TimedRequest>>(
    schema: Schema,
    request: unknown,
  ): Result<z.output<Schema>> {
    const parsed = schema.safeParse(request);
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error.issues);
      return fail('invalid_argument', message, { fields });
    }
    const times = checkTimes(parsed.data);
    return times.ok ? ok(parsed.data) : times;
  }

  /** Resolved from the channel cache when it can be; otherwise looked up before sending. An id is used as it is. */
  function channelFields(channel: string): Pick<OutboxItem, 'channel' | 'channelId' | 'channelName'> {
    const trimmed = channel.trim();
    const cached = deps.directory.cached(trimmed);
    if (cached) return { channel: trimmed, channelId: cached.id, channelName: cached.name };
    return { channel: trimmed, channelId: isChannelId(trimmed) ? trimmed : null, channelName: null };
  }

  /**
   * Where an edit goes: the channel Slack keeps the message in, or, for a message still on its way there
   * (named by its outbox item alone), that item's channel, waiting for it to be sent.
   */
  function editPlacement(
    target: ParsedEditRequest['target'],
  ): Result<{ channel: Pick<OutboxItem, 'channel' | 'channelId' | 'channelName'>; waitsFor: string | null }> {
    if (target.ts !== null && target.channelId !== null) {
      const { channelId, channelName } = target;
      return ok({ channel: { channel: channelId, channelId, channelName }, waitsFor: null });
    }
    const posting = deps.repo.get(target.itemId);
    if (!posting || posting.kind !== 'message')
      return fail('not_found', 'The message this edit changes is neither in Slack nor in the outbox.', {
        fields: ['target'],
      });
    if (!ON_ITS_WAY.has(posting.state))
      return fail(
        'conflict',
        `This message is ${STATE_WORDS[posting.state]}, so there is no message in Slack for this edit to change.`,
        {
          fix:
            posting.state === 'scheduled'
              ? 'Change it in the Outbox before Slack posts it.'
              : 'Send the corrected message as a new one.',
        },
      );
    const channel = {
      channel: posting.channel,
      channelId: posting.channelId,
      channelName: posting.channelName,
    };
    return ok({ channel, waitsFor: posting.state === 'sent' ? null : posting.id });
  }

  /** Children of a cancelled item can never join its thread. */
  function failOrphans(parentId: string): void {
    for (const child of deps.repo.all()) {
      if (child.threadOf !== parentId || child.threadTs !== null) continue;
      if (child.state !== 'queued' && child.state !== 'held' && child.state !== 'failed') continue;
      deps.transitions.fail(child, {
        code: 'thread_parent_cancelled',
        message: 'The message this replies to was cancelled, so this reply has no thread to join.',
        fix: 'Send it as a new message, or cancel it.',
      });
    }
  }

  return {
    enqueue(request) {
      const read = readRequest(enqueueRequestSchema, request);
      if (!read.ok) return read;
      const args = read.value;
      if (args.threadOf !== undefined) {
        const parent = deps.repo.get(args.threadOf);
        if (!parent)
          return fail('not_found', 'The message this should reply to is not in the outbox.', {
            fields: ['threadOf'],
          });
        if (parent.state === 'cancelled')
          return fail('conflict', 'The message this should reply to was cancelled.', {
            fields: ['threadOf'],
          });
      }
      const item = deps.repo.add(
        newQueuedItem(args, { id: deps.createId(), nowIso: nowIso(), channel: channelFields(args.channel) }),
      );
      return done(item);
    },

    enqueueEdit(request) {
      const read = readRequest(editRequestSchema, request);
      if (!read.ok) return read;
      const args = read.value;
      const where = editPlacement(args.target);
      if (!where.ok) return where;
      for (const waiting of deps.repo.all()) {
        const isSameEdit =
          waiting.kind === 'edit' &&
          waiting.editOf?.itemId === args.target.itemId &&
          waiting.editOf.purpose === args.purpose;
        // Even one that may have reached Slack: the newer edit replaces the whole message after it anyway.
        const isWaiting =
          waiting.state === 'queued' || waiting.state === 'held' || waiting.state === 'failed';
        if (isSameEdit && isWaiting)
          deps.repo.patch(waiting.id, {
            state: 'cancelled',
            nextAttemptAtUtc: null,
            problem: {
              code: 'superseded',
              message: 'A newer edit of the same message replaced this one before it reached Slack.',
              fix: 'Nothing to do.',
            },
          });
      }
      return done(
        deps.repo.add(newEditItem(args, { id: deps.createId(), nowIso: nowIso(), ...where.value })),
      );
    },

    enqueueDeletion(targetId, source) {
      const found = find(targetId);
      if (!found.ok) return found;
      const target = found.value;
      if (target.kind !== 'message' || target.state !== 'scheduled' || target.scheduledMessageId === null)
        return fail(
          'conflict',
          `This message is ${STATE_WORDS[target.state]}, not waiting in Slack, so there is nothing to remove there.`,
        );
      const pending = deps.repo
        .all()
        .find(
          (other) =>
            other.kind === 'delete_scheduled' &&
            other.targetId === targetId &&
            other.state !== 'cancelled' &&
            other.state !== 'failed',
        );
      if (pending) return ok(pending);
      const queued = newQueuedItem(
        {
          ...enqueueRequestSchema.parse({ channel: target.channel, text: target.text }),
          source: source ?? target.source,
        },
        {
          id: deps.createId(),
          nowIso: nowIso(),
          channel: { channel: target.channel, channelId: target.channelId, channelName: target.channelName },
        },
      );
      return done(
        deps.repo.add({
          ...queued,
          kind: 'delete_scheduled',
          targetId,
          scheduledMessageId: target.scheduledMessageId,
        }),
      );
    },

    enqueueFile(request) {
      const parsed = fileRequestSchema.safeParse(request);
      if (!parsed.success) {
        const { message, fields } = describeIssues(parsed.error.issues);
        return fail('invalid_argument', message, { fields });
      }
      const args = parsed.data;
      const found = find(args.withItemId);
      if (!found.ok) return found;
      const parent = found.value;
      if (parent.kind !== 'message' || parent.state === 'cancelled' || parent.state === 'failed')
        return fail('conflict', `The message this file goes with is ${STATE_WORDS[parent.state]}.`);
      if (parent.state === 'sent' && parent.ts === null)
        return fail('conflict', 'Herald cannot tell where in Slack the message this file goes with is.');
      for (const waiting of deps.repo.all()) {
        const isOlderVersion =
          waiting.kind === 'file' &&
          waiting.waitsFor === parent.id &&
          waiting.file?.calendar?.uid === args.file.calendar?.uid &&
          (waiting.file?.calendar?.sequence ?? 0) < (args.file.calendar?.sequence ?? 0);
        // One that may already be in Slack stays: its check finds it, and the newer version follows it.
        const isWaiting =
          (waiting.state === 'queued' && !waiting.isOutcomeUnclear) ||
          waiting.state === 'held' ||
          waiting.state === 'failed';
        if (isOlderVersion && isWaiting)
          deps.repo.patch(waiting.id, {
            state: 'cancelled',
            nextAttemptAtUtc: null,
            problem: {
              code: 'superseded',
              message: 'A newer version of the calendar file replaced this one before it reached Slack.',
              fix: 'Nothing to do.',
            },
          });
      }
      const nowIso = new Date(nowMs()).toISOString();
      const queued = newQueuedItem(
        {
          ...enqueueRequestSchema.parse({ channel: parent.channel, text: args.comment }),
          source: args.source,
        },
        {
          id: deps.createId(),
          nowIso,
          channel: { channel: parent.channel, channelId: parent.channelId, channelName: parent.channelName },
        },
      );
      return done(
        deps.repo.add({
          ...queued,
          kind: 'file',
          file: args.file,
          waitsFor: parent.id,
          threadTs: parent.state === 'sent' ? parent.ts : null,
        }),
      );
    },

    update(id, patch) {
      const found = find(id);
      if (!found.ok) return found;
      const item = found.value;
      const changesWhere =
        patch.channel !== undefined ||
        patch.replyBroadcast !== undefined ||
        patch.sendAtUtc != null ||
        patch.scheduleForUtc != null;
      if (item.kind === 'edit' && changesWhere)
        return fail(
          'invalid_argument',
          'An edit changes a message already in Slack: only its text can change.',
          {
            fix: 'Cancel the edit and send a new message instead.',
          },
        );
      if (item.kind === 'delete_scheduled' || item.kind === 'file')
        return fail('conflict', 'Only a message can be edited here; cancel this step and queue it again.');
      if (item.state !== 'queued')
        return fail('conflict', `This message is ${STATE_WORDS[item.state]}, so it can no longer be edited.`);
      if (item.isOutcomeUnclear) {
        return fail(
          'conflict',
          'An earlier attempt may already have reached Slack, so Herald will not change it until it has checked.',
          {
            fix: 'Try again once Herald is back in touch with Slack.',
          },
        );
      }
      const sendAtUtc = patch.sendAtUtc === undefined ? item.sendAtUtc : patch.sendAtUtc;
      const scheduleForUtc = patch.scheduleForUtc === undefined ? item.scheduleForUtc : patch.scheduleForUtc;
      if (sendAtUtc !== null && scheduleForUtc !== null) {
        return fail(
          'invalid_argument',
          'A message is either sent later by Herald or scheduled in Slack, not both.',
          { fields: ['scheduleForUtc'] },
        );
      }
      const times = checkTimes({ promiseAtUtc: patch.promiseAtUtc, scheduleForUtc: patch.scheduleForUtc });
      if (!times.ok) return times;
      const change: ItemChange = {
        ...(patch.channel !== undefined && patch.channel.trim() !== item.channel
          ? channelFields(patch.channel)
          : {}),
        ...(patch.text === undefined ? {} : { text: patch.text }),
        ...(patch.blocks === undefined ? {} : { blocks: patch.blocks }),
        ...(patch.replyBroadcast === undefined
          ? {}
          : { replyBroadcast: patch.replyBroadcast && (item.threadTs !== null || item.threadOf !== null) }),
        ...(patch.promiseAtUtc === undefined ? {} : { promiseAtUtc: patch.promiseAtUtc }),
        // Words or a time the lead wrote here are sent as written: a promise no longer moves with the post.
        ...(isRewritten(patch) ? { promiseAfterMs: null } : {}),
        sendAtUtc,
        scheduleForUtc,
      };
      return done(deps.repo.patch(id, change));
    },

    async cancel(id) {
      const found = find(id);
      if (!found.ok) return found;
      const item = found.value;
      if (item.state === 'cancelled') return ok(item);
      if (item.state === 'sending')
        return fail('conflict', 'This message is being sent right now, so it can no longer be cancelled.');
      if (item.state === 'sent')
        return fail('conflict', 'This message has already been sent.', {
          fix: 'Delete it in Slack if it should not be there.',
        });
      if (item.state === 'scheduled' && item.channelId !== null && item.scheduledMessageId !== null) {
        const answer = await deps.gateway.cancelScheduled(item.channelId, item.scheduledMessageId);
        if (!answer.ok) {
          if (answer.error.kind === 'platform' && answer.error.code === 'invalid_scheduled_message_id') {
            return fail('conflict', 'Too late to cancel: Slack posts it within a minute, or already has.', {
              fix: 'Delete it in Slack once it appears.',
            });
          }
          return failureToResult(answer.error);
        }
        const latest = deps.repo.get(id);
        if (latest?.state !== 'scheduled') return ok(latest ?? item);
      }
      const cancelled = deps.repo.patch(id, {
        state: 'cancelled',
        nextAttemptAtUtc: null,
        ...(item.isOutcomeUnclear
          ? {
              problem: {
                code: 'cancelled_maybe_sent',
                message: 'Cancelled, but an earlier attempt may already have reached Slack.',
                fix: 'Look in the channel and delete it there if it arrived.',
              },
            }
          : {}),
      });
      failOrphans(id);
      return done(cancelled);
    },

    retry(id) {
      const found = find(id);
      if (!found.ok) return found;
      const item = found.value;
      if (item.state === 'queued') return done(deps.repo.patch(id, { nextAttemptAtUtc: null }));
      if (item.state !== 'failed')
        return fail(
          'conflict',
          `This message is ${STATE_WORDS[item.state]}; only a failed message can be retried.`,
        );
      const parent = item.threadOf === null ? undefined : deps.repo.get(item.threadOf);
      if (item.threadTs === null && parent?.state === 'cancelled') {
        return fail('conflict', 'The message this replies to was cancelled.', {
          fix: 'Send it as a new message instead.',
        });
      }
      const hasSchedulePassed =
        item.scheduleForUtc !== null && Date.parse(item.scheduleForUtc) - nowMs() < SCHEDULE_MIN_LEAD_MS;
      return done(
        deps.repo.patch(id, {
          state: 'queued',
          problem: null,
          nextAttemptAtUtc: null,
          // A removal keeps the id of the message it removes.
          ...(item.kind === 'message' ? { scheduledMessageId: null } : {}),
          // A failed Slack-scheduled message whose time has passed goes now.
          ...(hasSchedulePassed ? { scheduleForUtc: null } : {}),
          // A channel that was not found may have been created or renamed since.
          ...(item.problem?.code === 'channel_not_found' ? channelFields(item.channel) : {}),
        }),
      );
    },

    confirm(request) {
      const found = find(request.id);
      if (!found.ok) return found;
      const item = found.value;
      if (item.state !== 'held')
        return fail(
          'conflict',
          `This message is ${STATE_WORDS[item.state]}; only a held message needs confirming.`,
        );
      const promiseAtUtc = request.promiseAtUtc === undefined ? item.promiseAtUtc : request.promiseAtUtc;
      if (promiseAtUtc !== null && Date.parse(promiseAtUtc) <= nowMs()) {
        return fail('conflict', 'The promised next-update time has passed, so the message would be stale.', {
          fix: 'Give a new next-update time (or remove the promise) and confirm again.',
          fields: ['promiseAtUtc'],
        });
      }
      const scheduleForUtc =
        item.heldReason === 'schedule_passed'
          ? (request.scheduleForUtc ?? null)
          : request.scheduleForUtc === undefined
            ? item.scheduleForUtc
            : request.scheduleForUtc;
      const times = checkTimes({ scheduleForUtc });
      if (!times.ok) return times;
      return done(
        deps.repo.patch(item.id, {
          state: 'queued',
          heldReason: null,
          problem: null,
          nextAttemptAtUtc: null,
          promiseAtUtc,
          scheduleForUtc,
          // The lead looked in the channel and vouches the message is not there.
          ...(item.heldReason === 'unconfirmed' ? { isOutcomeUnclear: false } : {}),
          ...(request.text === undefined ? {} : { text: request.text }),
          ...(request.blocks === undefined ? {} : { blocks: request.blocks }),
          ...(isRewritten(request) ? { promiseAfterMs: null } : {}),
        }),
      );
    },
  };
}
