// A message Herald sent, as history keeps it: when and where it went, the
// link to it, what kind of message it was, and the checklist as it stood at
// send time together with any override the author gave.
import { z } from 'zod';
import { draftSchema } from '../messages/draft-schema.ts';
import {
  checklistSnapshotEntrySchema,
  editPurposes,
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
  /** The draft as sent (or as last corrected), so the message can be reopened in the composer. */
  draft: draftSchema.nullable().default(null),
  /** When the message in Slack was last edited (chat.update); null if never. */
  editedAtUtc: z.iso.datetime().nullable().default(null),
  /** Every earlier text of the message, oldest first, each with when it was replaced and by which edit. */
  versions: z
    .array(
      z.object({
        text: z.string(),
        replacedAtUtc: z.iso.datetime(),
        /** The outbox item of the edit that replaced it. */
        editId: z.string(),
        purpose: z.enum(editPurposes),
      }),
    )
    .default([]),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
