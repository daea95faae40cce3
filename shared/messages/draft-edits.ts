// Small pure changes the composer makes to a draft, so that parsing typed
// times and recording "not applicable" work the same everywhere.
import { fail, ok, type Result } from '../api/result.ts';
import { parseTimeInput, toIsoUtc } from '../time/index.ts';
import type { Draft } from './draft.ts';

export function setAnswer(draft: Draft, itemId: string, answer: string): Draft {
  const notApplicable = { ...draft.notApplicable };
  delete notApplicable[itemId];
  return { ...draft, fields: { ...draft.fields, [itemId]: answer }, notApplicable };
}

/**
 * Reads a typed time ("in 30 min", "14:30", "tomorrow 09:00") in `zone` and
 * stores it as an absolute instant; the error message is for the author.
 */
export function setInstantAnswer(
  draft: Draft,
  itemId: string,
  typed: string,
  context: { nowMs: number; zone: string },
): Result<{ draft: Draft; normalised: string }> {
  const parsed = parseTimeInput(typed, context);
  if (!parsed.ok) return fail('invalid_argument', parsed.error, { fields: [`fields.${itemId}`] });
  return ok({
    draft: setAnswer(draft, itemId, toIsoUtc(parsed.value.epochMs)),
    normalised: parsed.value.normalised,
  });
}

/** Marks an item "not applicable" with the author's reason, clearing any answer. */
export function markNotApplicable(draft: Draft, itemId: string, reason: string): Draft {
  const fields = { ...draft.fields };
  delete fields[itemId];
  return { ...draft, fields, notApplicable: { ...draft.notApplicable, [itemId]: reason } };
}
