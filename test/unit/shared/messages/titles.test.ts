import { describe, expect, it } from 'vitest';
import {
  checkTitle,
  createDraft,
  isDescriptiveTitle,
  tidyTitle,
  titleOf,
  type Draft,
} from '../../../../shared/messages/index.ts';
import { resetToDefaultPlan, updateType, validatePlan, type Plan } from '../../../../shared/plan/index.ts';

const plan = resetToDefaultPlan();
const zone = 'Europe/London';

function draftFor(typeId: string, stage: string, fields: Record<string, string>, inPlan: Plan = plan): Draft {
  const created = createDraft(inPlan, { id: 'd', typeId, stage });
  if (!created.ok) throw new Error(created.error.message);
  return { ...created.value, fields: { ...created.value.fields, ...fields } };
}

describe('generated titles', () => {
  it.each([
    [
      'incidents',
      'declared',
      { service: 'Cloud Platform', priority: 'high' },
      'High Priority Incident Declared - Cloud Platform',
    ],
    ['incidents', 'declared', { service: 'Cloud Platform' }, 'Incident Declared - Cloud Platform'],
    ['incidents', 'update', { service: 'Sentry' }, 'Incident Update - Sentry'],
    ['incidents', 'resolved', { service: 'Sentry' }, 'Incident Resolved - Sentry'],
    [
      'upgrades-maintenance',
      'announcement',
      { subject: 'Certificate Manager' },
      'Certificate Manager Upgrade',
    ],
    ['upgrades-maintenance', 'announcement', { subject: 'Kubernetes 1.14' }, 'Kubernetes 1.14 Upgrade'],
    [
      'upgrades-maintenance',
      'announcement',
      { subject: 'Service', workKind: 'decommissioning', isActionRequired: 'yes' },
      'Action Required - Decommissioning Service',
    ],
    [
      'upgrades-maintenance',
      'reminder',
      { subject: 'Kubernetes 1.14' },
      'Reminder - Kubernetes 1.14 Upgrade',
    ],
    [
      'upgrades-maintenance',
      'cancelled',
      { subject: 'Kubernetes 1.14' },
      'Cancelled - Kubernetes 1.14 Upgrade',
    ],
    ['new-features', 'message', { feature: 'Self-service DNS' }, 'New Feature - Self-service DNS'],
    [
      'postmortems',
      'message',
      { service: 'Sentry outage on 3 March' },
      'Postmortem - Sentry outage on 3 March',
    ],
    ['successes-smt', 'message', { achievement: 'Cut build times by half' }, 'Cut build times by half'],
    [
      'blog-requests',
      'message',
      { topic: 'How we run incidents' },
      'Blog post request - How we run incidents',
    ],
  ])('%s/%s from %j is "%s"', (typeId, stage, fields, expected) => {
    expect(titleOf(draftFor(typeId, stage, fields), plan, { zone }).title).toBe(expected);
  });

  it('uses the type\'s own pattern for a stage without one: "Incident - Sentry unavailable"', () => {
    const updated = updateType(plan, 'incidents', { stageTitlePatterns: {} });
    const edited = updated.ok ? validatePlan(updated.value) : updated;
    if (!edited.ok) throw new Error(edited.error.message);
    const draft = draftFor('incidents', 'update', { service: 'Sentry unavailable' }, edited.value);
    expect(titleOf(draft, edited.value, { zone }).title).toBe('Incident - Sentry unavailable');
  });

  it('lets the author override the title, placeholders included', () => {
    const draft = {
      ...draftFor('incidents', 'update', { service: 'Sentry' }),
      title: 'Incident - {service} unavailable',
    };
    expect(titleOf(draft, plan, { zone }).title).toBe('Incident - Sentry unavailable');
  });

  it('falls back to the pattern when the override is blank', () => {
    const draft = { ...draftFor('incidents', 'update', { service: 'Sentry' }), title: '  ' };
    expect(titleOf(draft, plan, { zone }).title).toBe('Incident Update - Sentry');
  });

  it('reports unknown placeholders and empty answers, leaving no braces behind', () => {
    const draft = { ...draftFor('incidents', 'update', {}), title: '{sevrice} down - {service}' };
    expect(titleOf(draft, plan, { zone })).toEqual({
      title: 'down',
      unknown: ['sevrice'],
      empty: ['service'],
    });
  });

  it("writes times in titles as plain text in the draft's zone", () => {
    const draft = {
      ...draftFor('incidents', 'update', { service: 'Sentry', nextUpdateAtUtc: '2026-04-23T09:00:00.000Z' }),
      title: 'Sentry - next update {next_update}',
    };
    expect(titleOf(draft, plan, { zone }).title).toBe('Sentry - next update Thu 23 Apr 2026, 10:00 BST');
  });
});

describe('tidyTitle', () => {
  it('drops separators left dangling by empty placeholders', () => {
    expect(tidyTitle(' - Certificate Manager Upgrade')).toBe('Certificate Manager Upgrade');
    expect(tidyTitle('Incident -  - Sentry -')).toBe('Incident - Sentry');
    expect(tidyTitle('A\n  B')).toBe('A B');
  });
});

describe('checkTitle', () => {
  it("accepts the plan's examples", () => {
    for (const title of [
      'Kubernetes 1.14 Upgrade',
      'Incident - Sentry unavailable',
      'Action Required - Decommissioning Service',
      'High Priority Incident Declared - Cloud Platform',
    ]) {
      expect(checkTitle(title)).toEqual([]);
    }
  });

  it('reports a missing title', () => {
    expect(checkTitle(' - ')).toMatchObject([{ code: 'missing_title' }]);
  });

  it('reports titles that say only what kind of message it is', () => {
    for (const title of ['Incident', 'Incident Update', 'Important: please read', 'Upgrade', 'FYI']) {
      expect(isDescriptiveTitle(title)).toBe(false);
      expect(checkTitle(title)).toMatchObject([{ code: 'title_not_descriptive' }]);
    }
  });

  it('reports a title too long for a Slack header', () => {
    expect(checkTitle(`Sentry ${'x'.repeat(150)}`)).toMatchObject([
      { code: 'title_too_long', message: expect.stringContaining('157 characters') as unknown },
    ]);
  });
});
