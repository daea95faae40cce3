// What callers may ask of the outbox: enqueue a message, amend a queued one,
// confirm a held one. Kept apart from the item so the API contract and the
// in-process callers (incidents, composer) share one definition.
import { z } from 'zod';
import {
  blocksSchema,
  checklistSnapshotEntrySchema,
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
    source: outboxSourceSchema.default({}),
    /** What the message is about, carried in its Slack metadata (incident or maintenance facts). */
    facts: messageFactsSchema.optional(),
    checklist: z.array(checklistSnapshotEntrySchema).max(200).default([]),
    override: sendOverrideSchema.optional(),
    /** Goes only once this other outbox item is done; cancelled if that one fails (see OutboxItem.waitsFor). */
    waitsFor: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((request) => request.threadTs === undefined || request.threadOf === undefined, {
    message: 'give either threadTs or threadOf, not both',
    path: ['threadOf'],
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
