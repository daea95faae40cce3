// Outbox channels: every Slack message goes through the persisted outbox,
// which sends each exactly once and in order per channel. The renderer sees
// each item's state, and can edit or cancel one until it is being sent.
import { z } from 'zod';
import { connectionStatusSchema } from '../../outbox/connection-status.ts';
import { outboxItemSchema, outboxStates } from '../../outbox/outbox-item.ts';
import {
  confirmRequestSchema,
  enqueueRequestSchema,
  outboxPatchSchema,
} from '../../outbox/outbox-requests.ts';

const itemId = z.string().trim().min(1).max(200);

export const outboxListSchema = z.object({
  /** Oldest first (enqueue order); with a `limit`, unfinished items first (enqueue order), then finished ones, newest first. */
  items: z.array(outboxItemSchema),
  connection: connectionStatusSchema,
  /** How many items match, beyond the limit too. */
  total: z.number().int().nonnegative(),
  /** How many of them each Outbox section holds (shared/outbox/outbox-sections.ts), beyond the limit too. */
  sections: z
    .object({
      attention: z.number().int().nonnegative(),
      waiting: z.number().int().nonnegative(),
      finished: z.number().int().nonnegative(),
    })
    .strict(),
});
export type OutboxList = z.infer<typeof outboxListSchema>;

export const outboxChannels = {
  'outbox:enqueue': { args: enqueueRequestSchema, result: outboxItemSchema },
  /**
   * Items, optionally only some states (default: everything still kept), optionally a page: `limit`
   * items after skipping `offset`, unfinished ones first so the first page holds what is on its way.
   */
  'outbox:list': {
    args: z
      .object({
        states: z.array(z.enum(outboxStates)).max(outboxStates.length).optional(),
        limit: z.number().int().min(1).max(1_000).optional(),
        offset: z.number().int().min(0).max(1_000_000).optional(),
      })
      .strict(),
    result: outboxListSchema,
  },
  /** Edits a queued item; refused once it is being sent. */
  'outbox:update': {
    args: z.object({ id: itemId, patch: outboxPatchSchema }).strict(),
    result: outboxItemSchema,
  },
  /** Cancels a queued, held, failed or Slack-scheduled item. */
  'outbox:cancel': { args: z.object({ id: itemId }).strict(), result: outboxItemSchema },
  /** Queues a failed item again. */
  'outbox:retry': { args: z.object({ id: itemId }).strict(), result: outboxItemSchema },
  /** Releases a held item, optionally amended (a new promised time, new text). */
  'outbox:confirm': { args: confirmRequestSchema, result: outboxItemSchema },
  /** Tries now: skips backoff waits (never Slack's Retry-After) and checks the connection at once. */
  'outbox:flush': { args: z.object({}).strict(), result: outboxListSchema },
} as const;

export const outboxEvents = {
  'outbox:changed': outboxItemSchema,
  'connection:changed': connectionStatusSchema,
} as const;
