// A message Herald sent, as history keeps it: when and where it went, the
// link to it, what kind of message it was, and the checklist as it stood at
// send time together with any override the author gave.
import { z } from 'zod';
import {
  checklistSnapshotEntrySchema,
  outboxSourceSchema,
  sendOverrideSchema,
  slackTsSchema,
} from '../outbox/outbox-item.ts';

export const historyEntrySchema = z.object({
  /** The outbox item's id (also the herald_id in the Slack message's metadata). */
  id: z.string(),
  channelId: z.string(),
  channelName: z.string().nullable(),
  text: z.string(),
  /** Null only for a scheduled message Slack reports as delivered in a channel Herald cannot read. */
  ts: slackTsSchema.nullable(),
  threadTs: slackTsSchema.nullable(),
  replyBroadcast: z.boolean(),
  permalink: z.string().nullable(),
  sentAtUtc: z.iso.datetime(),
  /** 'post': Herald posted it; 'schedule': Slack posted it at the scheduled time. */
  via: z.enum(['post', 'schedule']),
  source: outboxSourceSchema,
  checklist: z.array(checklistSnapshotEntrySchema),
  override: sendOverrideSchema.nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
