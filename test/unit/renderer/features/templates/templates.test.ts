import { describe, expect, it } from 'vitest';
import { defaultTemplates, type Template } from '../../../../../shared/messages/templates.ts';
import { resetToDefaultPlan, retireType, validatePlan } from '../../../../../shared/plan/index.ts';
import {
  formFromTemplate,
  templateFormProblems,
  templateFromForm,
} from '../../../../../renderer/features/templates/template-form.ts';
import {
  groupTemplates,
  listOrder,
  matchesQuery,
} from '../../../../../renderer/features/templates/template-groups.ts';
import {
  previewDraft,
  previewTemplate,
  slotText,
} from '../../../../../renderer/features/templates/template-preview.ts';

const plan = resetToDefaultPlan();
const own = (overrides: Partial<Template>): Template => ({
  id: 'own-1',
  name: 'Our declaration',
  typeId: 'incidents',
  stage: 'declared',
  body: 'Trouble with {service}.',
  fields: {},
  isBuiltIn: false,
  ...overrides,
});

describe('grouping templates', () => {
  it('follows the plan’s type order, then each type’s stage order, own templates first', () => {
    const templates = [
      ...defaultTemplates(),
      own({ id: 'own-1' }),
      own({ id: 'own-2', stage: 'resolved', name: 'Ours resolved' }),
    ];
    const groups = groupTemplates(templates, plan);
    expect(groups.map((group) => group.typeId)).toEqual(plan.types.map((type) => type.id));
    const incidents = groups.find((group) => group.typeId === 'incidents')!;
    expect(incidents.stages.map((stage) => stage.stageName)).toEqual(['Declared', 'Update', 'Resolved']);
    expect(incidents.stages[0]!.templates.map((template) => template.id)).toEqual([
      'own-1',
      'default:incidents:declared',
    ]);
  });

  it('keeps templates of types no longer in the plan in a last group, and marks retired types', () => {
    const edited = retireType(plan, 'blog-requests');
    const retired = edited.ok ? validatePlan(edited.value) : edited;
    if (!retired.ok) throw new Error('retire failed');
    const groups = groupTemplates(
      [...defaultTemplates(), own({ typeId: 'gone', stage: 'message' })],
      retired.value,
    );
    expect(groups.at(-1)).toMatchObject({ typeId: 'gone', isMissingFromPlan: true });
    expect(groups.find((group) => group.typeId === 'blog-requests')?.isRetired).toBe(true);
  });

  it('filters by every word of the query and drops empty groups', () => {
    const groups = groupTemplates(defaultTemplates(), plan, 'postmortem READY');
    expect(listOrder(groups).map((template) => template.id)).toEqual(['default:postmortems:message']);
    expect(matchesQuery(own({}), 'trouble service')).toBe(true);
    expect(matchesQuery(own({}), 'trouble sentry')).toBe(false);
  });
});

describe('previewing a template', () => {
  it('renders the message the template starts, with slots for the answers each message gives', () => {
    const preview = previewTemplate(own({}), plan, 'Europe/London');
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.where).toBe('#operations-engineering-update');
    expect(preview.value.message.text).toContain(`Trouble with ${slotText('service')}.`);
    expect(preview.value.message.text).toContain('Incident Declared');
    expect(preview.value.unknownPlaceholders).toEqual([]);
  });

  it('keeps the template’s pre-filled answers rather than slots', () => {
    const draft = previewDraft(own({ fields: { actionBeingTaken: 'We are on it.' } }), plan);
    expect(draft.ok && draft.value.fields.actionBeingTaken).toBe('We are on it.');
  });

  it('reports placeholders the type cannot fill, and a type the plan no longer has', () => {
    const preview = previewTemplate(own({ body: 'Hello {nonsense}' }), plan, 'Europe/London');
    expect(preview.ok && preview.value.unknownPlaceholders).toEqual(['nonsense']);
    expect(previewTemplate(own({ typeId: 'gone' }), plan, 'UTC').ok).toBe(false);
  });

  it('previews every built-in template without a problem', () => {
    for (const template of defaultTemplates()) {
      const preview = previewTemplate(template, plan, 'Europe/London');
      expect(preview.ok && preview.value.unknownPlaceholders, template.id).toEqual([]);
    }
  });
});

describe('the template form', () => {
  it('round-trips a template, leaving an empty title out so the plan’s title is used', () => {
    const template = own({ title: 'Custom {service}', fields: { apology: 'Sorry.' } });
    expect(templateFromForm(formFromTemplate(template), template.id)).toEqual({
      id: 'own-1',
      name: 'Our declaration',
      typeId: 'incidents',
      stage: 'declared',
      title: 'Custom {service}',
      body: 'Trouble with {service}.',
      fields: { apology: 'Sorry.' },
    });
    expect(templateFromForm({ ...formFromTemplate(template), title: '  ' })).not.toHaveProperty('title');
  });

  it('finds no problem in a good template', () => {
    expect(templateFormProblems(formFromTemplate(own({})), plan)).toEqual({});
  });

  it('puts each problem on its field: name, stage, unknown placeholders, an answer the type does not ask', () => {
    const values = {
      ...formFromTemplate(own({})),
      name: ' ',
      stage: 'message',
      title: '{oops} title',
      body: '{service} and {nope}',
      answers: [
        { itemId: 'apology', value: 'x' },
        { itemId: 'madeUp', value: 'y' },
      ],
    };
    const problems = templateFormProblems(values, plan);
    expect(Object.keys(problems).sort()).toEqual(['answers.1.value', 'body', 'name', 'stage', 'title']);
    expect(problems.body).toContain('{nope}');
    expect(problems.title).toContain('{oops}');
  });

  it('asks for a type when the template’s type has left the plan', () => {
    expect(templateFormProblems({ ...formFromTemplate(own({})), typeId: 'gone' }, plan)).toEqual({
      typeId: 'Choose a message type from the plan.',
    });
  });
});
