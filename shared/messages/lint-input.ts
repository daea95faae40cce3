// Linting a draft and plan that arrive as unknown values: their shapes are
// checked first (zod), so any input, however malformed, gets an answer.
// Main and the tests use it; the composer holds typed values and calls
// lintShapedDraft directly, without loading zod.
import { planSchema } from '../plan/plan-schema.ts';
import { draftSchema } from './draft-schema.ts';
import { lintShapedDraft, refusal, type LintContext, type LintResult } from './lint.ts';

/**
 * The checklist state and warnings for `draft`. Never throws: a draft or
 * plan that is not even the right shape gets a single blocking warning.
 */
export function lintDraft(draft: unknown, plan: unknown, context: LintContext): LintResult {
  const parsedDraft = draftSchema.safeParse(draft);
  if (!parsedDraft.success) {
    const where = parsedDraft.error.issues[0]?.path.join('.') || 'draft';
    return refusal(
      'invalid_draft',
      `This draft cannot be checked: ${where} is not valid (${parsedDraft.error.issues[0]?.message ?? 'unknown problem'}).`,
    );
  }
  const parsedPlan = planSchema.safeParse(plan);
  if (!parsedPlan.success)
    return refusal(
      'invalid_plan',
      'The communications plan could not be read, so the draft cannot be checked against it.',
    );
  return lintShapedDraft(parsedDraft.data, parsedPlan.data, context);
}
