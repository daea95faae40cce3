// Plan channels: the team's communications plan, editable in Settings. An
// edit is validated whole (shared/plan validatePlan) and saved all-or-nothing.
import { z } from 'zod';
import { planSchema } from '../../plan/plan-schema.ts';

export const planChannels = {
  'plan:get': { args: z.object({}).strict(), result: planSchema },
  /** The whole edited plan; the answer names each problem when it is not valid. */
  'plan:update': { args: z.object({ plan: z.unknown() }).strict(), result: planSchema },
  'plan:reset': { args: z.object({}).strict(), result: planSchema },
} as const;

export const planEvents = {
  'plan:changed': planSchema,
} as const;
