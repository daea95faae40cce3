// Checking a correction of a message already in Slack. It is checked like a
// new message, with one difference: a next-update time the message already
// promised, left as it was, may have passed since — that is what was said
// then, not a new promise, so it does not block the correction. A changed
// promise is a new one and must still be ahead. Zod-free: the composer and
// main both use it.
import { instantOf, type Draft } from './draft.ts';
import { lintShapedDraft, type LintContext, type LintResult } from './lint.ts';
import type { Plan } from '../plan/plan-schema.ts';

/** Whether the correction keeps the promise the message made when it was sent (or makes none, as before). */
export function keepsPromise(draft: Pick<Draft, 'fields'>, original: Pick<Draft, 'fields'>): boolean {
  return instantOf(draft, 'nextUpdateAtUtc') === instantOf(original, 'nextUpdateAtUtc');
}

export function lintCorrection(
  draft: Draft,
  original: Pick<Draft, 'fields'>,
  plan: Plan,
  context: LintContext,
): LintResult {
  const lint = lintShapedDraft(draft, plan, context);
  if (!keepsPromise(draft, original)) return lint;
  const warnings = lint.warnings.filter((warning) => warning.code !== 'next_update_in_past');
  return { ...lint, warnings, canSendWithoutOverride: !warnings.some((warning) => warning.isBlocking) };
}
