// A message being written: which type and stage it is, the answers to its
// checklist, free text, and where it goes. Plain JSON so it can be stored
// as it is; every answer is a string (instants as ISO 8601 UTC).
import { z } from 'zod';
import { answersRecord } from '../api/json-limits.ts';
import { fail, ok, type Result } from '../api/result.ts';
import { findType, slackChannelsOf, type Plan } from '../plan/index.ts';
import { isValidTimeZone } from '../time/index.ts';
import { findChecklist } from './checklists/index.ts';

/** Generous bounds: enough for any real message, so Slack's own limits are what lint reports. */
const MAX_ANSWER_CHARS = 50_000;
const MAX_BODY_CHARS = 100_000;

export const draftSchema = z.object({
  id: z.string().min(1).max(200),
  typeId: z.string().max(100),
  stage: z.string().max(100),
  /** The author's own title; may use placeholders. Absent or blank: the plan's title pattern. */
  title: z.string().max(2_000).optional(),
  /** Checklist item id → answer. */
  fields: answersRecord(MAX_ANSWER_CHARS),
  /** Checklist item id → why it does not apply. */
  notApplicable: answersRecord(1_000),
  /** Free text shown after the title; may use placeholders. */
  body: z.string().max(MAX_BODY_CHARS),
  /** Slack channel name to post to, without "#". */
  channel: z.string().max(100),
  /** The Slack thread to reply in (an incident update replies to its declaration). */
  threadTs: z
    .string()
    .regex(/^\d+\.\d+$/, 'must be a Slack message timestamp such as 1776942000.123456')
    .optional(),
});
export type Draft = z.infer<typeof draftSchema>;

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
