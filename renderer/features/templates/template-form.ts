// The template editor's values and their checks, apart from React so they
// can be tested: what the form holds, the template it saves, and a problem
// sentence for each field that cannot be saved as it is.
import { findChecklist, findItem } from '../../../shared/messages/checklists/index.ts';
import { unknownPlaceholders, type Template } from '../../../shared/messages/templates.ts';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';

export interface TemplateFormValues {
  name: string;
  typeId: string;
  stage: string;
  /** '' uses the plan's title pattern. */
  title: string;
  body: string;
  /** Pre-filled answers, as a list so each has its own control. */
  answers: Array<{ itemId: string; value: string }>;
}

export type TemplateFormField = 'name' | 'typeId' | 'stage' | 'title' | 'body' | `answers.${number}.value`;

/** What templates:save takes: a template without isBuiltIn, the id only when replacing one. */
export interface SaveableTemplate {
  id?: string;
  name: string;
  typeId: string;
  stage: string;
  title?: string;
  body: string;
  fields: Record<string, string>;
}

const MAX_NAME_CHARS = 120;
const MAX_TITLE_CHARS = 2_000;
const MAX_BODY_CHARS = 100_000;

export function formFromTemplate(template: Template): TemplateFormValues {
  return {
    name: template.name,
    typeId: template.typeId,
    stage: template.stage,
    title: template.title ?? '',
    body: template.body,
    answers: Object.entries(template.fields).map(([itemId, value]) => ({ itemId, value })),
  };
}

export function templateFromForm(values: TemplateFormValues, id?: string): SaveableTemplate {
  const template: SaveableTemplate = {
    name: values.name.trim(),
    typeId: values.typeId,
    stage: values.stage,
    body: values.body,
    fields: Object.fromEntries(values.answers.map((answer) => [answer.itemId, answer.value])),
  };
  if (id !== undefined) template.id = id;
  if (values.title.trim() !== '') template.title = values.title;
  return template;
}

function unknownIn(text: string, typeId: string, plan: Plan): string[] {
  return unknownPlaceholders({ typeId, body: text }, plan);
}

function placeholderProblem(names: readonly string[], typeName: string): string {
  const listed = names.map((name) => `{${name}}`).join(', ');
  const they = names.length === 1 ? 'it' : 'they';
  return (
    `${typeName} has nothing to fill ${listed} with, so ${they} would be left out of the message. ` +
    'Use one of the placeholders listed below.'
  );
}

/** Each field's problem, if any; empty when the template can be saved. */
export function templateFormProblems(
  values: TemplateFormValues,
  plan: Plan,
): Partial<Record<TemplateFormField, string>> {
  const problems: Partial<Record<TemplateFormField, string>> = {};
  const name = values.name.trim();
  if (name === '') problems.name = 'Give the template a name.';
  else if (name.length > MAX_NAME_CHARS)
    problems.name = `Keep the name to ${MAX_NAME_CHARS} characters or fewer.`;
  const type = findType(plan, values.typeId);
  if (type === undefined) {
    problems.typeId = 'Choose a message type from the plan.';
    return problems;
  }
  if (!type.stages.includes(values.stage)) problems.stage = `Choose one of the stages of ${type.name}.`;
  if (values.title.length > MAX_TITLE_CHARS)
    problems.title = `Keep the title to ${MAX_TITLE_CHARS.toLocaleString('en-GB')} characters or fewer.`;
  else {
    const unknown = unknownIn(values.title, type.id, plan);
    if (unknown.length > 0) problems.title = placeholderProblem(unknown, type.name);
  }
  if (values.body.length > MAX_BODY_CHARS)
    problems.body = `Keep the text to ${MAX_BODY_CHARS.toLocaleString('en-GB')} characters or fewer.`;
  else {
    const unknown = unknownIn(values.body, type.id, plan);
    if (unknown.length > 0) problems.body = placeholderProblem(unknown, type.name);
  }
  const checklist = findChecklist(type.checklist);
  values.answers.forEach((answer, index) => {
    if (checklist === undefined || findItem(checklist, answer.itemId) === undefined) {
      problems[`answers.${index}.value`] =
        `${type.name} does not ask “${answer.itemId}”; remove this answer.`;
    }
  });
  return problems;
}

/** The question an answer is for, as the composer asks it. */
export function answerLabel(plan: Plan, typeId: string, itemId: string): string {
  const type = findType(plan, typeId);
  const checklist = type && findChecklist(type.checklist);
  return (checklist && findItem(checklist, itemId)?.label) ?? itemId;
}
