// Message templates: a starting point per message type and stage, and the
// author's own, saved from any draft. A template carries free text and a
// title with placeholders ({service}, {start}) that are filled from the
// draft's answers when the message is rendered, so they stay current as the
// answers change; plus stable answers worth pre-filling (an apology).
import { findType } from '../plan/plan-lookups.ts';
import type { Plan } from '../plan/plan-schema.ts';
import { findChecklist, GLOBAL_PLACEHOLDERS, placeholderNames } from './checklists/index.ts';
import { answerOf, type Draft } from './draft.ts';
import type { Template } from './template-schema.ts';
import { escapeTemplateText, parseTemplate, placeholdersIn } from './template-text.ts';

export { fillTemplate, parseTemplate, placeholdersIn, type FillResult } from './template-text.ts';

export type { Template } from './template-schema.ts';

function builtIn(
  typeId: string,
  stage: string,
  name: string,
  body: string,
  fields: Record<string, string> = {},
): Template {
  return { id: `default:${typeId}:${stage}`, name, typeId, stage, body, fields, isBuiltIn: true };
}

const DEFAULT_TEMPLATES: readonly Template[] = [
  builtIn('new-features', 'message', 'New feature', 'We have released {feature}.'),
  builtIn('github-features', 'message', 'New GitHub feature', 'Something new on GitHub: {feature}.'),
  builtIn(
    'things-learned',
    'message',
    'Show the Thing',
    'Something we learned that could help your team: {topic}.',
  ),
  builtIn(
    'incidents',
    'declared',
    'Incident declared',
    'We know that some people are having problems with {service}, and we are looking into it now.',
    {
      actionBeingTaken: 'An incident team has been formed and is investigating.',
    },
  ),
  builtIn(
    'incidents',
    'update',
    'Incident update',
    'Here is the latest on the incident affecting {service}.',
  ),
  builtIn(
    'incidents',
    'resolved',
    'Incident resolved',
    'The incident affecting {service} is over, and the service is working normally again.',
  ),
  builtIn('postmortems', 'message', 'Postmortem', 'The postmortem for {service} is ready to read.'),
  builtIn(
    'upgrades-maintenance',
    'announcement',
    'Upgrade or maintenance announcement',
    'We are planning work on {subject}, starting {start}. The details are below.',
  ),
  builtIn(
    'upgrades-maintenance',
    'reminder',
    'Upgrade or maintenance reminder',
    'A reminder that the work on {subject} starts {start}.',
  ),
  builtIn(
    'upgrades-maintenance',
    'starting',
    'Work starting',
    'The work on {subject} is starting now. We will post here when it is finished.',
  ),
  builtIn('upgrades-maintenance', 'complete', 'Work complete', 'The work on {subject} is finished.'),
  builtIn(
    'upgrades-maintenance',
    'rescheduled',
    'Work rescheduled',
    'The work on {subject} has moved: it now starts {start}.',
  ),
  builtIn(
    'upgrades-maintenance',
    'cancelled',
    'Work cancelled',
    'The planned work on {subject} will not go ahead.',
  ),
  builtIn('successes-cto', 'message', 'Success for the CTO', '{achievement}.'),
  builtIn('successes-smt', 'message', 'Success for the weeknotes', '{achievement}.'),
  builtIn(
    'successes-department',
    'message',
    'Success for #chat',
    'Some good news from Operations Engineering: {achievement}.',
  ),
  builtIn(
    'blog-requests',
    'message',
    'Blog post request',
    'We would like to publish a post about {topic} on the MoJ Digital blog.',
  ),
];

/** Herald's templates, one per default type and stage; a fresh copy each call. */
export function defaultTemplates(): Template[] {
  return structuredClone([...DEFAULT_TEMPLATES]);
}

/** The templates offered for a type and stage, the author's own first. */
export function templatesFor(templates: readonly Template[], typeId: string, stage: string): Template[] {
  const matching = templates.filter((template) => template.typeId === typeId && template.stage === stage);
  return [
    ...matching.filter((template) => !template.isBuiltIn),
    ...matching.filter((template) => template.isBuiltIn),
  ];
}

/** Placeholders in the template's title and body that its type cannot fill. */
export function unknownPlaceholders(
  template: Pick<Template, 'typeId' | 'title' | 'body'>,
  plan: Plan,
): string[] {
  const type = findType(plan, template.typeId);
  const checklist = type && findChecklist(type.checklist);
  const known = new Set<string>([...GLOBAL_PLACEHOLDERS, ...(checklist ? placeholderNames(checklist) : [])]);
  const used = [...placeholdersIn(template.title ?? ''), ...placeholdersIn(template.body)];
  return [...new Set(used.filter((name) => !known.has(name)))];
}

/** Literal text with each value replaced by its placeholder, earlier values first; the rest escaped. */
function generaliseText(
  text: string,
  replacements: ReadonlyArray<[value: string, placeholder: string]>,
): string {
  const [first, ...rest] = replacements;
  if (first === undefined) return escapeTemplateText(text);
  return text
    .split(first[0])
    .map((piece) => generaliseText(piece, rest))
    .join(`{${first[1]}}`);
}

/** Turns the draft's own names into placeholders, in literal text only (never inside `{…}`). */
function generalise(
  template: string,
  replacements: ReadonlyArray<[value: string, placeholder: string]>,
): string {
  return parseTemplate(template)
    .map((segment) =>
      segment.kind === 'placeholder' ? `{${segment.name}}` : generaliseText(segment.text, replacements),
    )
    .join('');
}

/**
 * A template saved from a draft. Its title and free text keep their
 * placeholders, and the names the draft is about (the service, the
 * subject) become placeholders too, so the template fits the next
 * occasion. Only stable answers (the apology, where to ask) are kept.
 */
export function templateFromDraft(
  draft: Draft,
  plan: Plan,
  identity: { id: string; name: string },
): Template {
  const type = findType(plan, draft.typeId);
  const checklist = type && findChecklist(type.checklist);
  const fields: Record<string, string> = {};
  const replacements: Array<[string, string]> = [];
  for (const item of checklist?.items ?? []) {
    const answer = answerOf(draft, item.id);
    if (answer === '') continue;
    if (item.isReusable === true) fields[item.id] = answer;
    if (item.placement === 'title' && item.valueKind === 'text' && answer.length >= 3) {
      replacements.push([answer, item.placeholder]);
    }
  }
  replacements.sort((a, b) => b[0].length - a[0].length);
  const template: Template = {
    id: identity.id,
    name: identity.name.trim(),
    typeId: draft.typeId,
    stage: draft.stage,
    body: generalise(draft.body, replacements),
    fields,
    isBuiltIn: false,
  };
  if (draft.title !== undefined && draft.title.trim() !== '')
    template.title = generalise(draft.title, replacements);
  return template;
}

/**
 * The draft started from a template: its title and free text, and its
 * pre-filled answers wherever the draft has no answer of its own.
 */
export function applyTemplate(template: Template, draft: Draft): Draft {
  const fields = { ...draft.fields };
  for (const [itemId, answer] of Object.entries(template.fields)) {
    if ((fields[itemId] ?? '').trim() === '' && !Object.hasOwn(draft.notApplicable, itemId))
      fields[itemId] = answer;
  }
  const next: Draft = {
    ...draft,
    typeId: template.typeId,
    stage: template.stage,
    body: template.body,
    fields,
  };
  if (template.title !== undefined) next.title = template.title;
  else delete next.title;
  return next;
}
