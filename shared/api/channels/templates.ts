// Template channels: Herald's built-in templates (one per plan type and
// stage) and the team's own, saved from drafts.
import { z } from 'zod';
import { templateSchema } from '../../messages/template-schema.ts';

const templateId = z.string().trim().min(1).max(200);

export const templateChannels = {
  'templates:list': { args: z.object({}).strict(), result: z.array(templateSchema) },
  /** Creates (no id) or replaces (id of one of the team's own) a template. */
  'templates:save': {
    args: z
      .object({
        template: templateSchema
          .omit({ id: true, isBuiltIn: true })
          .extend({ id: templateId.optional() })
          .strict(),
      })
      .strict(),
    result: templateSchema,
  },
  'templates:delete': { args: z.object({ id: templateId }).strict(), result: z.object({ id: templateId }) },
  'templates:duplicate': { args: z.object({ id: templateId }).strict(), result: templateSchema },
  'templates:fromDraft': {
    args: z
      .object({ draftId: z.string().trim().min(1).max(200), name: z.string().trim().min(1).max(120) })
      .strict(),
    result: templateSchema,
  },
} as const;

export const templateEvents = {
  'templates:changed': z.object({ count: z.number().int() }),
} as const;
