// The composer form's values and the draft they stand for. The form holds
// what the author typed (a time as "in 30 min", a channel with its "#"); the
// draft holds what the engine understands (an ISO instant, a bare name).
// Each change maps one form field onto the draft, so re-reading a relative
// time only happens when that field is edited. Pure: no DOM.
import { findItem, type ChecklistDefinition } from '../../../shared/messages/checklists/index.ts';
import { markNotApplicable, setAnswer, setInstantAnswer } from '../../../shared/messages/draft-edits.ts';
import type { Draft } from '../../../shared/messages/draft-schema.ts';
import { zoneOf } from '../../../shared/messages/draft.ts';
import { formatInstant } from '../../../shared/time/index.ts';

export interface ComposerFormValues {
  title: string;
  channel: string;
  body: string;
  /** Checklist item id → what is in its field. */
  answers: Record<string, string>;
  isNotApplicable: Record<string, boolean>;
  notApplicableReasons: Record<string, string>;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** What an instant answer shows in its field: the time in the draft's zone (which reads back), or the text as typed. */
export function typedInstant(answer: string, zone: string): string {
  if (!ISO_INSTANT.test(answer)) return answer;
  const epochMs = Date.parse(answer);
  return Number.isFinite(epochMs) ? formatInstant(epochMs, zone) : answer;
}

export function formValuesFromDraft(
  draft: Draft,
  checklist: ChecklistDefinition | undefined,
  userZone: string,
): ComposerFormValues {
  const zone = zoneOf(draft, userZone);
  const answers: Record<string, string> = {};
  const isNotApplicable: Record<string, boolean> = {};
  const notApplicableReasons: Record<string, string> = {};
  for (const item of checklist?.items ?? []) {
    const answer = draft.fields[item.id] ?? '';
    answers[item.id] = item.valueKind === 'instant' ? typedInstant(answer, zone) : answer;
    isNotApplicable[item.id] = Object.hasOwn(draft.notApplicable, item.id);
    notApplicableReasons[item.id] = draft.notApplicable[item.id] ?? '';
  }
  return {
    title: draft.title ?? '',
    channel: draft.channel,
    body: draft.body,
    answers,
    isNotApplicable,
    notApplicableReasons,
  };
}

export interface FormChange {
  draft: Draft;
  /** For an instant field: the engine's reason it could not be read (null: it could, or it is empty). */
  instantError?: { itemId: string; message: string | null };
}

export interface FormChangeContext {
  nowMs: number;
  /** The lead's zone; a draft with its own zone (maintenance windows) reads times in that. */
  zone: string;
}

function withoutTitle(draft: Draft): Draft {
  const { title: _title, ...rest } = draft;
  return rest;
}

/** The draft after the form field `name` changed to what `values` now hold. */
export function applyFormChange(
  draft: Draft,
  checklist: ChecklistDefinition | undefined,
  values: ComposerFormValues,
  name: string,
  context: FormChangeContext,
): FormChange {
  if (name === 'title')
    return { draft: values.title === '' ? withoutTitle(draft) : { ...draft, title: values.title } };
  if (name === 'channel')
    return { draft: { ...draft, channel: values.channel.trim().replace(/^#/, '').trim() } };
  if (name === 'body') return { draft: { ...draft, body: values.body } };
  const [group, itemId = ''] = name.split('.', 2);
  const item = checklist ? findItem(checklist, itemId) : undefined;
  if (item === undefined) return { draft };
  if (group === 'isNotApplicable' || group === 'notApplicableReasons') {
    if (values.isNotApplicable[itemId] === true)
      return { draft: markNotApplicable(draft, itemId, values.notApplicableReasons[itemId] ?? '') };
    // Ticked off again: the answer in the field comes back.
    return applyFormChange(draft, checklist, values, `answers.${itemId}`, context);
  }
  if (group !== 'answers') return { draft };
  const typed = values.answers[itemId] ?? '';
  if (values.isNotApplicable[itemId] === true) return { draft };
  if (item.valueKind !== 'instant') return { draft: setAnswer(draft, itemId, typed) };
  if (typed.trim() === '')
    return { draft: setAnswer(draft, itemId, ''), instantError: { itemId, message: null } };
  const read = setInstantAnswer(draft, itemId, typed, {
    nowMs: context.nowMs,
    zone: zoneOf(draft, context.zone),
  });
  if (read.ok) return { draft: read.value.draft, instantError: { itemId, message: null } };
  // Keep what was typed (the field shows it; lint reports it as unreadable) so nothing is lost on reload.
  return { draft: setAnswer(draft, itemId, typed), instantError: { itemId, message: read.error.message } };
}
