// A message being written: which type and stage it is, the answers to its
// checklist, free text, and where it goes. Plain JSON so it can be stored
// as it is; every answer is a string (instants as ISO 8601 UTC).
import { fail, ok, type Result } from '../api/result.ts';
import { findType, slackChannelsOf } from '../plan/plan-lookups.ts';
import type { Plan } from '../plan/plan-schema.ts';
import { isValidTimeZone } from '../time/zoned.ts';
import { findChecklist } from './checklists/index.ts';
import type { Draft } from './draft-schema.ts';

export type { Draft } from './draft-schema.ts';

export interface NewDraftOptions {
  id: string;
  typeId: string;
  /** Defaults to the type's first stage. */
  stage?: string;
  /** Defaults to the type's first Slack channel. */
  channel?: string;
  threadTs?: string;
}

/** A new draft with the checklist's pre-filled answers (apology, where to ask, zone). */
export function createDraft(plan: Plan, options: NewDraftOptions): Result<Draft> {
  const type = findType(plan, options.typeId);
  if (type === undefined)
    return fail('not_found', `The plan has no type with the id "${options.typeId}".`, { fields: ['typeId'] });
  const checklist = findChecklist(type.checklist);
  if (checklist === undefined)
    return fail('invalid_argument', `The type "${type.name}" uses an unknown checklist.`);
  const stage = options.stage ?? type.stages[0] ?? '';
  if (!type.stages.includes(stage)) {
    return fail(
      'invalid_argument',
      `"${stage}" is not a stage of ${type.name}; it has ${type.stages.join(', ')}.`,
      { fields: ['stage'] },
    );
  }
  const fields: Record<string, string> = {};
  for (const item of checklist.items) {
    if (item.defaultValue !== undefined) fields[item.id] = item.defaultValue;
  }
  const draft: Draft = {
    id: options.id,
    typeId: type.id,
    stage,
    fields,
    notApplicable: {},
    body: '',
    channel: (options.channel ?? slackChannelsOf(type)[0] ?? '').replace(/^#/, ''),
  };
  if (options.threadTs !== undefined) draft.threadTs = options.threadTs;
  return ok(draft);
}

/** The answer to an item, trimmed; '' when unanswered. */
export function answerOf(draft: Pick<Draft, 'fields'>, itemId: string): string {
  return Object.hasOwn(draft.fields, itemId) ? (draft.fields[itemId] ?? '').trim() : '';
}

/** An instant answer as epoch ms, or undefined when empty or not an ISO 8601 UTC instant. */
export function instantOf(draft: Pick<Draft, 'fields'>, itemId: string): number | undefined {
  const text = answerOf(draft, itemId);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(text)) return undefined;
  const epochMs = Date.parse(text);
  return Number.isFinite(epochMs) ? epochMs : undefined;
}

/** The zone for written-out times: the draft's own (maintenance windows) or the user's. */
export function zoneOf(draft: Pick<Draft, 'fields'>, fallbackZone: string): string {
  const own = answerOf(draft, 'timeZone');
  return own !== '' && isValidTimeZone(own) ? own : fallbackZone;
}
