// The open draft's lint, as main will judge it: a new message is linted as
// it stands; a correction of a message in Slack keeps the promise that
// message already made without it counting as a new one (correction-lint).
import { lintCorrection } from '../../../shared/messages/correction-lint.ts';
import { lintShapedDraft, type LintContext, type LintResult } from '../../../shared/messages/lint.ts';
import type { Draft } from '../../../shared/messages/draft-schema.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import type { OpenCorrection } from './composer-store.ts';

export function lintOpenDraft(
  draft: Draft,
  plan: Plan,
  context: LintContext,
  correction: OpenCorrection | null,
): LintResult {
  return correction
    ? lintCorrection(draft, correction.original, plan, context)
    : lintShapedDraft(draft, plan, context);
}
