import { describe, expect, it } from 'vitest';
import {
  applyFormChange,
  formValuesFromDraft,
  typedInstant,
} from '../../../../../renderer/features/composer/form-values.ts';
import { checklists, createDraft, type Draft } from '../../../../../shared/messages/index.ts';
import { resetToDefaultPlan } from '../../../../../shared/plan/index.ts';

const plan = resetToDefaultPlan();
const nowMs = Date.parse('2026-04-23T11:00:00Z'); // 12:00 in London
const context = { nowMs, zone: 'Europe/London' };
const incident = checklists.incident;

function declaration(): Draft {
  const made = createDraft(plan, { id: 'd1', typeId: 'incidents', stage: 'declared' });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

describe('composer form values', () => {
  it('shows a stored instant as a time in the lead’s zone that reads back', () => {
    const draft = { ...declaration(), fields: { nextUpdateAtUtc: '2026-04-23T11:30:00.000Z' } };
    const values = formValuesFromDraft(draft, incident, 'Europe/London');
    expect(values.answers.nextUpdateAtUtc).toBe('Thu 23 Apr 2026, 12:30 BST');
    const again = applyFormChange(draft, incident, values, 'answers.nextUpdateAtUtc', context);
    expect(again.draft.fields.nextUpdateAtUtc).toBe('2026-04-23T11:30:00.000Z');
  });

  it('reads "in 30 min" as an instant when that field is edited', () => {
    const draft = declaration();
    const values = formValuesFromDraft(draft, incident, 'Europe/London');
    values.answers.nextUpdateAtUtc = 'in 30 min';
    const change = applyFormChange(draft, incident, values, 'answers.nextUpdateAtUtc', context);
    expect(change.draft.fields.nextUpdateAtUtc).toBe('2026-04-23T11:30:00.000Z');
    expect(change.instantError).toEqual({ itemId: 'nextUpdateAtUtc', message: null });
  });

  it('rejects a time in the past with the engine’s words and keeps what was typed', () => {
    const draft = declaration();
    const values = formValuesFromDraft(draft, incident, 'Europe/London');
    values.answers.nextUpdateAtUtc = '09:00';
    const change = applyFormChange(draft, incident, values, 'answers.nextUpdateAtUtc', context);
    expect(change.instantError?.message).toContain('has already passed');
    expect(change.draft.fields.nextUpdateAtUtc).toBe('09:00');
    expect(formValuesFromDraft(change.draft, incident, 'Europe/London').answers.nextUpdateAtUtc).toBe(
      '09:00',
    );
  });

  it('maps title, channel and body, dropping an emptied title', () => {
    const draft = declaration();
    const values = {
      ...formValuesFromDraft(draft, incident, 'Europe/London'),
      title: 'Own title',
      channel: ' #ops ',
      body: 'Hello',
    };
    let next = applyFormChange(draft, incident, values, 'title', context).draft;
    expect(next.title).toBe('Own title');
    next = applyFormChange(next, incident, values, 'channel', context).draft;
    expect(next.channel).toBe('ops');
    next = applyFormChange(next, incident, values, 'body', context).draft;
    expect(next.body).toBe('Hello');
    next = applyFormChange(next, incident, { ...values, title: '' }, 'title', context).draft;
    expect('title' in next).toBe(false);
  });

  it('marks an item not applicable with its reason, and brings the answer back when unticked', () => {
    const draft = declaration();
    const values = formValuesFromDraft(draft, incident, 'Europe/London');
    values.answers.userActions = 'Retry your deploy';
    let next = applyFormChange(draft, incident, values, 'answers.userActions', context).draft;
    values.isNotApplicable.userActions = true;
    values.notApplicableReasons.userActions = 'Nothing users can do';
    next = applyFormChange(next, incident, values, 'notApplicableReasons.userActions', context).draft;
    expect(next.notApplicable).toEqual({ userActions: 'Nothing users can do' });
    expect(next.fields.userActions).toBeUndefined();
    values.isNotApplicable.userActions = false;
    next = applyFormChange(next, incident, values, 'isNotApplicable.userActions', context).draft;
    expect(next.fields.userActions).toBe('Retry your deploy');
    expect(next.notApplicable).toEqual({});
  });

  it('leaves answers the checklist does not know (a holding update’s marker) untouched', () => {
    const draft = { ...declaration(), fields: { isHolding: 'yes' } };
    const values = formValuesFromDraft(draft, incident, 'Europe/London');
    values.answers.service = 'Sentry';
    const next = applyFormChange(draft, incident, values, 'answers.service', context).draft;
    expect(next.fields).toEqual({ isHolding: 'yes', service: 'Sentry' });
  });

  it('shows text that is not an instant as it is', () => {
    expect(typedInstant('half past', 'Europe/London')).toBe('half past');
  });
});
