// Plan channels: the team's communications plan, editable in Settings. An
// edit is validated whole (shared/plan validatePlan) and saved all-or-nothing.
import { z } from 'zod';
import { planSchema } from '../../plan/plan-schema.ts';
import { withinJsonLimits, type JsonLimits } from '../json-limits.ts';

/**
 * The plan arrives unchecked (validatePlan judges it whole, naming every problem), so it is bounded first.
 * The default plan is 5 levels deep, about 200 values and 4,000 characters.
 */
const PLAN_LIMITS: JsonLimits = { maxDepth: 8, maxNodes: 20_000, maxChars: 1_000_000, maxKeyChars: 100 };

const planProblemSchema = z.object({ path: z.string(), message: z.string() });

/** A candidate plan's verdict: the normalised plan, or every problem by field path. */
export const checkedPlanSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: planSchema }),
  z.object({ ok: z.literal(false), error: z.array(planProblemSchema) }),
]);

/** A whole plan as an editor sends it: bounded before validatePlan judges it. */
const candidatePlan = withinJsonLimits(z.unknown(), PLAN_LIMITS);

export const planChannels = {
  'plan:get': { args: z.object({}).strict(), result: planSchema },
  /** The whole edited plan; the answer names each problem when it is not valid. */
  'plan:update': { args: z.object({ plan: candidatePlan }).strict(), result: planSchema },
  'plan:reset': { args: z.object({}).strict(), result: planSchema },
  /** Checks an edited plan without saving it: the plan editor's forms show each problem beside its field. */
  'plan:check': { args: z.object({ plan: candidatePlan }).strict(), result: checkedPlanSchema },
} as const;

export const planEvents = {
  'plan:changed': planSchema,
} as const;
