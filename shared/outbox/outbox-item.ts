// An outgoing Slack message as the outbox keeps it: what to send, where, why
// (its source and the checklist at send time), and where it is on its way.
// Shared so the renderer can show each item's state with the same types.
import { z } from 'zod';
import { withinJsonLimits, type JsonLimits } from '../api/json-limits.ts';
import { draftSchema } from '../messages/draft-schema.ts';
import { messageFactsSchema } from '../team-sync/message-facts.ts';
import { outboxFileSchema } from './outbox-file.ts';

/** Slack message timestamps: "1776942000.123456". */
export const slackTsSchema = z
  .string()
  .regex(/^\d+\.\d+$/, 'must be a Slack message timestamp such as 1776942000.123456');

export const outboxStates = [
  'queued',
  'sending',
  'scheduled',
  'sent',
  'failed',
  'cancelled',
  'held',
] as const;
export type OutboxState = (typeof outboxStates)[number];

/**
 * What an item does in Slack. Every kind goes through the same lanes (one per
 * channel, in enqueue order), the same exactly-once attempt and the same
 * states; `sent` means done.
 * - message: posts (chat.postMessage) or schedules (chat.scheduleMessage) a message.
 * - delete_scheduled: removes the message `targetId` scheduled in Slack (chat.deleteScheduledMessage).
 * - edit: changes a message Herald already posted (chat.update; `editOf` names it). Every kind waits in its
 *   channel's line, so it never overtakes an earlier send to the same channel.
 * - file: uploads `file` (files.getUploadURLExternal, upload, files.completeUploadExternal) into the thread of
 *   the message `waitsFor` names, once that one is sent: a maintenance announcement's calendar file.
 */
export const outboxItemKinds = ['message', 'delete_scheduled', 'edit', 'file'] as const;
export type OutboxItemKind = (typeof outboxItemKinds)[number];

/** States an item never leaves by itself. */
export const finishedStates: ReadonlySet<OutboxState> = new Set(['sent', 'cancelled']);

/**
 * Why an item waits for the lead:
 * - promise_passed: it promises a next update at a time that has already gone by.
 * - unconfirmed: an earlier attempt may have reached Slack and Herald cannot read the channel to check.
 * - schedule_passed: the time it was to be scheduled for went by while it waited.
 */
export const heldReasons = ['promise_passed', 'unconfirmed', 'schedule_passed'] as const;
export type HeldReason = (typeof heldReasons)[number];

/** Why an edit is made: the incident's headline kept current, or the lead correcting a sent message. */
export const editPurposes = ['headline', 'correction'] as const;
export type EditPurpose = (typeof editPurposes)[number];

const idText = z.string().trim().min(1).max(200);

/** Where the message came from, so history and incidents can find it again. */
export const outboxSourceSchema = z
  .object({
    draftId: idText.optional(),
    typeId: idText.optional(),
    stage: idText.optional(),
    incidentId: idText.optional(),
    eventId: idText.optional(),
  })
  .strict();
export type OutboxSource = z.infer<typeof outboxSourceSchema>;

/** One checklist item's state when the message was sent (lint's ChecklistEntry, frozen). */
export const checklistSnapshotEntrySchema = z
  .object({
    itemId: z.string().max(200),
    label: z.string().max(1_000),
    state: z.enum(['done', 'missing', 'not_applicable']),
    required: z.boolean(),
  })
  .strict();
export type ChecklistSnapshotEntry = z.infer<typeof checklistSnapshotEntrySchema>;

/** The author chose to send despite blocking warnings: why, and which warnings. */
export const sendOverrideSchema = z
  .object({
    reason: z.string().trim().min(1).max(2_000),
    warnings: z
      .array(z.object({ code: z.string().max(100), message: z.string().max(2_000) }).strict())
      .max(100),
  })
  .strict();
export type SendOverride = z.infer<typeof sendOverrideSchema>;

/** A reason in plain words with what to do about it. */
export const outboxProblemSchema = z.object({
  /** Slack's error code, or Herald's own name for the problem. */
  code: z.string(),
  message: z.string(),
  fix: z.string(),
});
export type OutboxProblem = z.infer<typeof outboxProblemSchema>;

/**
 * Block Kit blocks, already rendered. Slack is the judge of each block type's
 * own fields, but the envelope is documented (at most 50 blocks, each with a
 * `type` and an optional `block_id` of at most 255 characters), and the whole
 * value is bounded: the deepest documented block (rich text: list → section →
 * element → style) is about six levels, and 50 blocks of 3,000-character text
 * fit well within the character limit.
 */
export const BLOCKS_LIMITS: JsonLimits = {
  maxDepth: 12,
  maxNodes: 10_000,
  maxChars: 200_000,
  maxKeyChars: 100,
};
const blockSchema = z
  .object({
    type: z.string().trim().min(1).max(50),
    block_id: z.string().max(255).optional(),
  })
  .catchall(z.unknown());
export const blocksSchema = withinJsonLimits(z.array(blockSchema).max(50), BLOCKS_LIMITS);

const isoInstant = z.iso.datetime();

/** The message an `edit` item changes: the outbox item (and history entry) that posted it, and where it is. */
export const editTargetSchema = z
  .object({
    /** The id of the item that posted it: its history entry and its herald_id. */
    itemId: z.string().trim().min(1).max(200),
    /** Null while the message is still on its way to Slack: the edit waits for it (`waitsFor`) and reads its ts then. */
    ts: slackTsSchema.nullable(),
    purpose: z.enum(editPurposes),
  })
  .strict();
export type EditTarget = z.infer<typeof editTargetSchema>;

export const outboxItemSchema = z.object({
  /** Given before the first attempt and carried in the message's metadata (`herald_id`). */
  id: z.string(),
  /** Enqueue order: items to the same channel go out in this order. */
  sequence: z.number().int().nonnegative(),
  /** Items stored before kinds existed are messages. */
  kind: z.enum(outboxItemKinds).default('message'),
  /** The outbox item this one acts on (the scheduled message a delete_scheduled removes); null for a message. */
  targetId: z.string().nullable().default(null),
  /**
   * Goes only once this other item is done (`sent`); cancelled if that one fails or is cancelled.
   * A re-scheduled message waits for the removal of the one it replaces.
   */
  waitsFor: z.string().nullable().default(null),
  /** For an `edit`: the message it changes (its channel is the item's channel). Null otherwise. */
  editOf: editTargetSchema.nullable().default(null),
  /** For a `file`: what it uploads (see outbox-file.ts). Absent (or null) for every other kind. */
  file: outboxFileSchema.nullable().optional(),
  state: z.enum(outboxStates),
  /** The channel as the caller gave it: a name (with or without #) or an id. */
  channel: z.string(),
  /** Filled in once the channel is resolved. */
  channelId: z.string().nullable(),
  channelName: z.string().nullable(),
  text: z.string(),
  blocks: blocksSchema.nullable(),
  /** Reply in this thread… */
  threadTs: slackTsSchema.nullable(),
  /** …or in the thread of this other outbox item, once it is sent. */
  threadOf: z.string().nullable(),
  replyBroadcast: z.boolean(),
  /** Herald sends it at this time (Herald must be running). */
  sendAtUtc: isoInstant.nullable(),
  /** Slack sends it at this time (chat.scheduleMessage). */
  scheduleForUtc: isoInstant.nullable(),
  /** The next-update time this message promises; passed before sending → held. */
  promiseAtUtc: isoInstant.nullable(),
  /**
   * A promise that counts from when the message reaches Slack (an incident's declaration): how long after it was
   * queued the promise falls. Each attempt moves `promiseAtUtc`, the text and the metadata on by the whole minutes
   * the message waited, so what readers see and the reminders agree. Null: the promise is taken as written.
   */
  promiseAfterMs: z.number().int().positive().nullable().default(null),
  source: outboxSourceSchema,
  /** What the message is about, written as Slack metadata with its herald_id (items from before it: none). */
  facts: messageFactsSchema.nullable().default(null),
  checklist: z.array(checklistSnapshotEntrySchema),
  override: sendOverrideSchema.nullable(),
  /** The draft as it was sent, so the message can be reopened in the composer to correct it. */
  draft: draftSchema.nullable().default(null),
  attempts: z.number().int().nonnegative(),
  /** An earlier attempt may have reached Slack: look for it before posting again. */
  isOutcomeUnclear: z.boolean(),
  /** Not before this time (backoff or Retry-After). */
  nextAttemptAtUtc: isoInstant.nullable(),
  /** Why it failed or is held; for queued items, the last transient trouble. */
  problem: outboxProblemSchema.nullable(),
  heldReason: z.enum(heldReasons).nullable(),
  ts: slackTsSchema.nullable(),
  permalink: z.string().nullable(),
  scheduledMessageId: z.string().nullable(),
  createdAtUtc: isoInstant,
  updatedAtUtc: isoInstant,
  firstAttemptAtUtc: isoInstant.nullable(),
  sentAtUtc: isoInstant.nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;
