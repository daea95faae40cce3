// A draft as Herald keeps it: the message (shared/messages Draft) plus what
// the app knows about it — when it changed, where it came from, where the
// cursor was, and whether it sits in the bin waiting for an undo.
import { z } from 'zod';
import { draftSchema } from '../messages/draft-schema.ts';

const id = z.string().trim().min(1).max(200);

export const draftOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }).strict(),
  z.object({ kind: z.literal('template'), templateId: id }).strict(),
  z.object({ kind: z.literal('duplicate'), draftId: id }).strict(),
  z.object({ kind: z.literal('calendar'), eventId: id, stage: id }).strict(),
  z.object({ kind: z.literal('incident'), incidentId: id }).strict(),
  z.object({ kind: z.literal('reminder'), reminderId: id }).strict(),
  z.object({ kind: z.literal('duty'), dutyId: id }).strict(),
  /** Correcting a message already in Slack: saving it edits that message (its history entry id). */
  z.object({ kind: z.literal('correction'), messageId: id }).strict(),
]);
export type DraftOrigin = z.output<typeof draftOriginSchema>;

export const draftMetaSchema = z.object({
  createdAtUtc: z.iso.datetime(),
  updatedAtUtc: z.iso.datetime(),
  /** Increases by one on every save: lets the composer notice a save from another window. */
  revision: z.number().int().min(0),
  origin: draftOriginSchema,
  /** The checklist item or field that had focus, so reopening returns the cursor to it. */
  focusedField: z.string().max(200).nullable(),
  /** Set while the draft is in the bin; cleared by undo. */
  deletedAtUtc: z.iso.datetime().nullable(),
});
export type DraftMeta = z.output<typeof draftMetaSchema>;

export const storedDraftSchema = z.object({ draft: draftSchema, meta: draftMetaSchema });
export type StoredDraft = z.output<typeof storedDraftSchema>;

export const draftSummarySchema = z.object({
  id,
  typeId: z.string(),
  stage: z.string(),
  /** The author's title, or the start of the body, for lists. */
  label: z.string(),
  channel: z.string(),
  updatedAtUtc: z.iso.datetime(),
  origin: draftOriginSchema,
  deletedAtUtc: z.iso.datetime().nullable(),
});
export type DraftSummary = z.output<typeof draftSummarySchema>;

export function summariseDraft({ draft, meta }: StoredDraft): DraftSummary {
  const label = (draft.title?.trim() || draft.body.trim().split('\n')[0] || '').slice(0, 120);
  return {
    id: draft.id,
    typeId: draft.typeId,
    stage: draft.stage,
    label,
    channel: draft.channel,
    updatedAtUtc: meta.updatedAtUtc,
    origin: meta.origin,
    deletedAtUtc: meta.deletedAtUtc,
  };
}
