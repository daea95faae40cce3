import { describe, expect, it } from 'vitest';
import {
  applyTemplate,
  createDraft,
  defaultTemplates,
  escapeTemplateText,
  fillTemplate,
  parseTemplate,
  placeholdersIn,
  renderMrkdwn,
  templateFromDraft,
  templateSchema,
  templatesFor,
  unknownPlaceholders,
  type Draft,
} from '../../../../shared/messages/index.ts';
import { resetToDefaultPlan } from '../../../../shared/plan/index.ts';

const plan = resetToDefaultPlan();

function newDraft(typeId: string, stage: string): Draft {
  const created = createDraft(plan, { id: 'd', typeId, stage });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe('fillTemplate', () => {
  it('fills placeholders from values', () => {
    expect(fillTemplate('{service} is down until {end}', { service: 'Sentry', end: '12:00' })).toEqual({
      text: 'Sentry is down until 12:00',
      unknown: [],
      empty: [],
    });
  });

  it('reports unknown placeholders and removes them instead of leaving braces', () => {
    expect(fillTemplate('Hi {foo}, {service}', { service: 'Sentry' })).toEqual({
      text: 'Hi , Sentry',
      unknown: ['foo'],
      empty: [],
    });
  });

  it('reports known placeholders that have no value yet', () => {
    expect(fillTemplate('Next update {next_update}.', { next_update: '' })).toEqual({
      text: 'Next update .',
      unknown: [],
      empty: ['next_update'],
    });
  });

  it('treats {{ and }} as literal braces and other braces as text', () => {
    expect(fillTemplate('{{service}} { a: 1 } {SERVICE}', { service: 'x' }).text).toBe(
      '{service} { a: 1 } x',
    );
    expect(parseTemplate(escapeTemplateText('{service}'))).toEqual([{ kind: 'text', text: '{service}' }]);
  });

  it('escapes only the literal text when asked', () => {
    expect(
      fillTemplate('a < {x}', { x: '<b>' }, { escapeText: (text) => text.replace('<', '&lt;') }).text,
    ).toBe('a &lt; <b>');
  });

  it('does not read "constructor" or other inherited names as values', () => {
    expect(fillTemplate('{constructor}', {}).unknown).toEqual(['constructor']);
  });
});

describe('default templates', () => {
  it('exist for every stage of every default type and use only placeholders the type can fill', () => {
    const templates = defaultTemplates();
    for (const type of plan.types) {
      for (const stage of type.stages) {
        const [template] = templatesFor(templates, type.id, stage);
        expect(template, `${type.id}/${stage}`).toBeDefined();
        expect(templateSchema.parse(template)).toEqual(template);
        expect(unknownPlaceholders(template!, plan)).toEqual([]);
        expect(placeholdersIn(template!.body).length).toBeGreaterThan(0);
      }
    }
  });

  it('fill their placeholders from the draft when rendered', () => {
    const [template] = templatesFor(defaultTemplates(), 'upgrades-maintenance', 'reminder');
    const draft = applyTemplate(template!, newDraft('upgrades-maintenance', 'reminder'));
    const answered = {
      ...draft,
      fields: { ...draft.fields, subject: 'Kubernetes 1.14', startsAtUtc: '2026-05-05T08:00:00.000Z' },
    };
    expect(renderMrkdwn(answered, plan, { zone: 'Europe/London' })).toContain(
      'A reminder that the work on Kubernetes 1.14 starts <!date^1777968000^{date_short_pretty} at {time}|Tue 5 May 2026, 09:00 BST>.',
    );
  });
});

describe('applyTemplate', () => {
  it('pre-fills only answers the draft does not have yet', () => {
    const [template] = templatesFor(defaultTemplates(), 'incidents', 'declared');
    const draft = { ...newDraft('incidents', 'declared'), title: 'Mine', notApplicable: {} };
    const applied = applyTemplate(
      { ...template!, fields: { ...template!.fields, apology: 'Other apology' } },
      { ...draft, fields: { ...draft.fields, actionBeingTaken: 'Rolling back.' } },
    );
    expect(applied.fields.actionBeingTaken).toBe('Rolling back.');
    expect(applied.fields.apology).toMatch(/^We are sorry/);
    expect(applied.body).toBe(template!.body);
    expect(applied.title).toBeUndefined();
  });
});

describe('templateFromDraft', () => {
  it('turns the names the draft is about into placeholders and keeps only stable answers', () => {
    const draft: Draft = {
      ...newDraft('incidents', 'update'),
      title: 'Incident - Sentry unavailable',
      body: 'Sentry is still down. Use {{local}} logging meanwhile; see {channel}.',
      fields: {
        service: 'Sentry',
        apology: 'Sorry!',
        serviceImpact: 'Errors are not being recorded by Sentry.',
      },
    };
    const template = templateFromDraft(draft, plan, { id: 't1', name: ' Sentry outage ' });
    expect(template).toEqual({
      id: 't1',
      name: 'Sentry outage',
      typeId: 'incidents',
      stage: 'update',
      title: 'Incident - {service} unavailable',
      body: '{service} is still down. Use {{local}} logging meanwhile; see {channel}.',
      fields: { service: 'Sentry', apology: 'Sorry!' },
      isBuiltIn: false,
    });
    expect(unknownPlaceholders(template, plan)).toEqual([]);
  });

  it('never rewrites inside an existing placeholder', () => {
    const draft: Draft = {
      ...newDraft('incidents', 'update'),
      body: 'The {service} team says hi',
      fields: { service: 'ice' },
    };
    expect(templateFromDraft(draft, plan, { id: 't', name: 'n' }).body).toBe('The {service} team says hi');
  });

  it("lists the author's own templates before the built-in ones", () => {
    const own = templateFromDraft(newDraft('incidents', 'update'), plan, { id: 'mine', name: 'Mine' });
    expect(
      templatesFor([...defaultTemplates(), own], 'incidents', 'update').map((template) => template.id),
    ).toEqual(['mine', 'default:incidents:update']);
  });

  it('reports placeholders the type cannot fill', () => {
    expect(
      unknownPlaceholders({ typeId: 'incidents', title: '{subject}', body: '{service} {nope}' }, plan),
    ).toEqual(['subject', 'nope']);
  });
});
