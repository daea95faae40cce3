import { describe, expect, it } from 'vitest';
import {
  createDraft,
  DEFAULT_APOLOGY,
  draftSchema,
  instantOf,
  markNotApplicable,
  setAnswer,
  setInstantAnswer,
  zoneOf,
  type Draft,
} from '../../../../shared/messages/index.ts';
import { resetToDefaultPlan } from '../../../../shared/plan/index.ts';

const plan = resetToDefaultPlan();
const nowMs = Date.parse('2026-04-23T08:30:00Z');

function draft(typeId: string, stage?: string): Draft {
  const created = createDraft(plan, stage === undefined ? { id: 'd1', typeId } : { id: 'd1', typeId, stage });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe('createDraft', () => {
  it("starts an incident declaration with the apology filled in and the plan's channel", () => {
    expect(draft('incidents')).toEqual({
      id: 'd1',
      typeId: 'incidents',
      stage: 'declared',
      fields: { apology: DEFAULT_APOLOGY },
      notApplicable: {},
      body: '',
      channel: 'operations-engineering-update',
    });
  });

  it('starts a maintenance notice with #ask-cloud-platform, upgrade and London time', () => {
    expect(draft('upgrades-maintenance', 'reminder').fields).toEqual({
      workKind: 'upgrade',
      isActionRequired: 'no',
      timeZone: 'Europe/London',
      whereToAsk: '#ask-cloud-platform',
    });
  });

  it('leaves the channel empty for types Herald does not post', () => {
    expect(draft('successes-cto').channel).toBe('');
  });

  it('refuses unknown types and stages', () => {
    expect(createDraft(plan, { id: 'd', typeId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(createDraft(plan, { id: 'd', typeId: 'incidents', stage: 'announcement' })).toMatchObject({
      ok: false,
      error: {
        message:
          '"announcement" is not a stage of Service impacting incidents; it has declared, update, resolved.',
      },
    });
  });

  it('survives JSON storage unchanged', () => {
    const original = { ...draft('incidents'), title: 'Incident - {service}', threadTs: '1776932400.000100' };
    expect(draftSchema.parse(JSON.parse(JSON.stringify(original)))).toEqual(original);
  });
});

describe('typed times', () => {
  it('turns "in 30 min" into an absolute instant', () => {
    const result = setInstantAnswer(draft('incidents'), 'nextUpdateAtUtc', 'in 30 min', {
      nowMs,
      zone: 'Europe/London',
    });
    expect(result.ok && result.value.draft.fields.nextUpdateAtUtc).toBe('2026-04-23T09:00:00.000Z');
  });

  it("reads a clock time in the author's zone", () => {
    const result = setInstantAnswer(draft('incidents'), 'nextUpdateAtUtc', '14:30', {
      nowMs,
      zone: 'Europe/London',
    });
    expect(result.ok && result.value.draft.fields.nextUpdateAtUtc).toBe('2026-04-23T13:30:00.000Z');
  });

  it('explains input it cannot read, naming the field', () => {
    const result = setInstantAnswer(draft('incidents'), 'nextUpdateAtUtc', 'whenever', {
      nowMs,
      zone: 'Europe/London',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: ['fields.nextUpdateAtUtc'] },
    });
  });

  it('reads stored instants strictly', () => {
    const base = draft('incidents');
    expect(instantOf({ fields: { at: '2026-04-23T09:00:00.000Z' } }, 'at')).toBe(
      Date.parse('2026-04-23T09:00:00Z'),
    );
    expect(instantOf({ fields: { at: '2026-04-23 09:00' } }, 'at')).toBeUndefined();
    expect(instantOf(base, 'missing')).toBeUndefined();
  });

  it("uses the draft's own zone when it has a valid one", () => {
    expect(zoneOf({ fields: { timeZone: 'America/New_York' } }, 'Europe/London')).toBe('America/New_York');
    expect(zoneOf({ fields: { timeZone: 'Mars/Base' } }, 'Europe/London')).toBe('Europe/London');
  });
});

describe('not applicable', () => {
  it('records the reason and clears the answer; answering again clears the mark', () => {
    const marked = markNotApplicable(
      { ...draft('incidents'), fields: { userActions: 'x' } },
      'userActions',
      'Nothing to do',
    );
    expect(marked.fields).toEqual({});
    expect(marked.notApplicable).toEqual({ userActions: 'Nothing to do' });
    expect(setAnswer(marked, 'userActions', 'Restart your pods').notApplicable).toEqual({});
  });
});
