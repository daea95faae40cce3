// What callers may ask of the outbox: enqueue a message, amend a queued one,
// confirm a held one. Kept apart from the item so the API contract and the
// in-process callers (incidents, composer) share one definition.
import { z } from 'zod';
import { draftSchema } from '../messages/draft-schema.ts';
import {
  blocksSchema,
  checklistSnapshotEntrySchema,
  editPurposes,
  outboxSourceSchema,
  sendOverrideSchema,
  slackTsSchema,
} from './outbox-item.ts';
import { messageFactsSchema } from '../team-sync/message-facts.ts';

/** Slack truncates beyond 40,000 characters; a little slack here lets Slack's own msg_too_long speak. */
export const MAX_OUTBOX_TEXT_CHARS = 50_000;

const channelRef = z.string().trim().min(1).max(100);
const text = z.string().min(1).max(MAX_OUTBOX_TEXT_CHARS);
const isoInstant = z.iso.datetime();

export const enqueueRequestSchema = z
  .object({
    /** A channel name ("ops-update" or "#ops-update") or a channel id. */
    channel: channelRef,
    text,
    blocks: blocksSchema.optional(),
    threadTs: slackTsSchema.optional(),
    /** Reply under another outbox item once that one is sent (an update to a still-queued declaration). */
    threadOf: z.string().trim().min(1).max(200).optional(),
    replyBroadcast: z.boolean().default(false),
    /** Herald sends it at this time. */
    sendAtUtc: isoInstant.optional(),
    /** Slack sends it at this time (chat.scheduleMessage). */
    scheduleForUtc: isoInstant.optional(),
    /** The next-update time the message promises. */
    promiseAtUtc: isoInstant.optional(),
    /** The promise counts from when the message reaches Slack, not from now (see OutboxItem.promiseAfterMs). */
    promiseFromPost: z.boolean().optional(),
    source: outboxSourceSchema.default({}),
    /** What the message is about, carried in its Slack metadata (incident or maintenance facts). */
    facts: messageFactsSchema.optional(),
    checklist: z.array(checklistSnapshotEntrySchema).max(200).default([]),
    override: sendOverrideSchema.optional(),
    /** The draft being sent, kept with the message so it can be reopened to correct it. */
    draft: draftSchema.strict().optional(),
    /** Goes only once this other outbox item is done; cancelled if that one fails (see OutboxItem.waitsFor). */
    waitsFor: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((request) => request.threadTs === undefined || request.threadOf === undefined, {
    message: 'give either threadTs or threadOf, not both',
    path: ['threadOf'],
  })
  .refine((request) => !request.promiseFromPost || request.promiseAtUtc !== undefined, {
    message: 'promiseFromPost needs the promise (promiseAtUtc) it moves',
    path: ['promiseFromPost'],
  })
  .refine((request) => request.sendAtUtc === undefined || request.scheduleForUtc === undefined, {
    message: 'give either sendAtUtc (Herald sends later) or scheduleForUtc (Slack sends later), not both',
    path: ['scheduleForUtc'],
  })
  .refine(
    (request) => !request.replyBroadcast || request.threadTs !== undefined || request.threadOf !== undefined,
    {
      message: 'replyBroadcast only applies to a thread reply',
      path: ['replyBroadcast'],
    },
  );
export type EnqueueRequest = z.input<typeof enqueueRequestSchema>;
export type ParsedEnqueueRequest = z.output<typeof enqueueRequestSchema>;

/** Changes to a queued item. `null` clears an optional field. */
export const outboxPatchSchema = z
  .object({
    channel: channelRef.optional(),
    text: text.optional(),
    blocks: blocksSchema.nullable().optional(),
    replyBroadcast: z.boolean().optional(),
    sendAtUtc: isoInstant.nullable().optional(),
    scheduleForUtc: isoInstant.nullable().optional(),
    promiseAtUtc: isoInstant.nullable().optional(),
  })
  .strict();
export type OutboxPatch = z.output<typeof outboxPatchSchema>;

/** Re-confirming a held item, optionally amended. */
export const confirmRequestSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    text: text.optional(),
    blocks: blocksSchema.nullable().optional(),
    /** The new promised time, or null when the amended message no longer promises one. */
    promiseAtUtc: isoInstant.nullable().optional(),
    /** For an item held because its schedule passed: a new time, or null to send now. */
    scheduleForUtc: isoInstant.nullable().optional(),
  })
  .strict();
export type ConfirmRequest = z.output<typeof confirmRequestSchema>;

/**
 * Changing a message Herald already posted (chat.update), through the outbox like a send: it waits in the
 * channel's line behind earlier sends, survives a restart, and happens once. The target is named by the item
 * that posted it (its history entry) and where Slack keeps it.
 */
export const editRequestSchema = z
  .object({
    target: z
      .object({
        itemId: z.string().trim().min(1).max(200),
        /** Where Slack keeps it; both left out (null) for a message still on its way (found by itemId in the outbox). */
        channelId: z.string().trim().min(1).max(100).nullable().default(null),
        channelName: z.string().max(100).nullable().default(null),
        ts: slackTsSchema.nullable().default(null),
        /** The thread it is a reply in, if it is one (for its permalink). */
        threadTs: slackTsSchema.nullable().default(null),
      })
      .strict()
      .refine((target) => (target.ts === null) === (target.channelId === null), {
        message: 'give both the channel id and the ts of a message in Slack, or neither for one still queued',
        path: ['ts'],
      }),
    purpose: z.enum(editPurposes),
    text,
    blocks: blocksSchema.optional(),
    /** The next-update time the edited message promises: passed before it reaches Slack → held. */
    promiseAtUtc: isoInstant.optional(),
    /**
     * What the message says now, written over its Slack metadata with the edit (a corrected promise travels to
     * every lead's Herald). Left out, Slack keeps the metadata the message had.
     */
    facts: messageFactsSchema.optional(),
    source: outboxSourceSchema.default({}),
    checklist: z.array(checklistSnapshotEntrySchema).max(200).default([]),
    override: sendOverrideSchema.optional(),
    /** The draft being sent, kept with the message so it can be reopened to correct it. */
    draft: draftSchema.strict().optional(),
  })
  .strict();
export type EditRequest = z.input<typeof editRequestSchema>;
export type ParsedEditRequest = z.output<typeof editRequestSchema>;
