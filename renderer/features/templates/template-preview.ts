// A template shown as the message it starts: a draft of its type and stage
// with the template applied, rendered as Slack will show it. Questions the
// template leaves unanswered show their slot (‹service›), so the preview
// has the shape of a real message rather than gaps.
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import { answerOf, createDraft, type Draft } from '../../../shared/messages/draft.ts';
import { findChecklist, itemsForStage } from '../../../shared/messages/checklists/index.ts';
import { renderBlocks } from '../../../shared/messages/render.ts';
import { applyTemplate, unknownPlaceholders, type Template } from '../../../shared/messages/templates.ts';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import type { RenderedMessage } from '../../../shared/slack/format/blocks.ts';

export type TemplateContent = Pick<Template, 'typeId' | 'stage' | 'title' | 'body' | 'fields'>;

export interface TemplatePreview {
  message: Required<RenderedMessage>;
  /** Where a message of this type goes: "#channel", or the place it is copied to. */
  where: string;
  /** Placeholders the type cannot fill: left out of the message. */
  unknownPlaceholders: string[];
}

export const PREVIEW_DRAFT_ID = 'template-preview';

/** `‹service›`: how the preview marks an answer each message gives. */
export function slotText(placeholder: string): string {
  return `‹${placeholder}›`;
}

/** The draft a template starts, with slots in the text answers it leaves open. */
export function previewDraft(template: TemplateContent, plan: Plan): Result<Draft> {
  const type = findType(plan, template.typeId);
  if (type === undefined)
    return fail(
      'not_found',
      `The plan has no message type “${template.typeId}” any more, so this template cannot be previewed.`,
    );
  const created = createDraft(plan, { id: PREVIEW_DRAFT_ID, typeId: template.typeId, stage: template.stage });
  if (!created.ok) return created;
  const draft = applyTemplate(
    { ...template, id: PREVIEW_DRAFT_ID, name: 'preview', isBuiltIn: false },
    created.value,
  );
  const checklist = findChecklist(type.checklist);
  const fields = { ...draft.fields };
  for (const item of checklist ? itemsForStage(checklist, draft.stage) : []) {
    const isWritten = item.valueKind === 'text' || item.valueKind === 'paragraph';
    if (isWritten && answerOf(draft, item.id) === '') fields[item.id] = slotText(item.placeholder);
  }
  return ok({ ...draft, fields });
}

export function previewTemplate(
  template: TemplateContent,
  plan: Plan,
  zone: string,
): Result<TemplatePreview> {
  const draft = previewDraft(template, plan);
  if (!draft.ok) return draft;
  const type = findType(plan, template.typeId);
  const firstChannel = type?.destinations.find((item) => item.kind === 'slack');
  const firstCopy = type?.destinations.find((item) => item.kind === 'copy');
  const where =
    firstChannel?.kind === 'slack'
      ? `#${firstChannel.channel}`
      : firstCopy?.kind === 'copy'
        ? firstCopy.name
        : '';
  return ok({
    message: renderBlocks(draft.value, plan, { zone }),
    where,
    unknownPlaceholders: unknownPlaceholders(template, plan),
  });
}
