// Draft channels: create, autosave, list, duplicate, delete with undo. Every
// keystroke in the composer ends in drafts:save, so that one is small and
// answers only what changed.
import { z } from 'zod';
import { answersRecord } from '../json-limits.ts';
import { draftSchema } from '../../messages/draft-schema.ts';
import { draftOriginSchema, draftSummarySchema, storedDraftSchema } from '../../drafts/stored-draft.ts';

const draftId = z.string().trim().min(1).max(200);
const answers = answersRecord(50_000);

export const draftChannels = {
  'drafts:create': {
    args: z
      .object({
        typeId: z.string().trim().min(1).max(100),
        stage: z.string().trim().min(1).max(100).optional(),
        channel: z.string().trim().max(100).optional(),
        threadTs: z
          .string()
          .regex(/^\d+\.\d+$/)
          .optional(),
        templateId: z.string().trim().min(1).max(200).optional(),
        fields: answers.optional(),
        title: z.string().max(2_000).optional(),
        body: z.string().max(100_000).optional(),
        origin: draftOriginSchema.optional(),
      })
      .strict(),
    result: storedDraftSchema,
  },
  'drafts:get': { args: z.object({ id: draftId }).strict(), result: storedDraftSchema },
  /** Autosave: the whole draft (it is small), and where the cursor is. */
  'drafts:save': {
    args: z
      .object({ draft: draftSchema.strict(), focusedField: z.string().max(200).nullable().optional() })
      .strict(),
    result: z.object({ id: draftId, revision: z.number().int(), updatedAtUtc: z.iso.datetime() }),
  },
  'drafts:list': {
    args: z.object({ includeDeleted: z.boolean().default(false) }).strict(),
    result: z.array(draftSummarySchema),
  },
  'drafts:duplicate': { args: z.object({ id: draftId }).strict(), result: storedDraftSchema },
  /** Moves the draft to the bin; drafts:restore undoes it. The bin is emptied after 30 days. */
  'drafts:delete': { args: z.object({ id: draftId }).strict(), result: draftSummarySchema },
  'drafts:restore': { args: z.object({ id: draftId }).strict(), result: storedDraftSchema },
  /** The draft the composer had open, so reopening Herald returns to it. */
  'drafts:getCurrent': { args: z.object({}).strict(), result: storedDraftSchema.nullable() },
  'drafts:setCurrent': {
    args: z.object({ id: draftId.nullable() }).strict(),
    result: z.object({ id: draftId.nullable() }),
  },
} as const;

export const draftEvents = {
  'drafts:changed': z.object({ id: draftId, revision: z.number().int(), deleted: z.boolean() }),
} as const;
