// A correction is checked like a new message, except that the promise the
// message already made, left unchanged, may have passed since.
import { describe, expect, it } from 'vitest';
import { keepsPromise, lintCorrection } from '../../../../shared/messages/correction-lint.ts';
import { createDraft, type Draft } from '../../../../shared/messages/draft.ts';
import { resetToDefaultPlan } from '../../../../shared/plan/index.ts';

const defaultPlan = () => resetToDefaultPlan();

const NOW_MS = Date.parse('2026-04-23T12:00:00Z');
const context = { nowMs: NOW_MS, zone: 'Europe/London' };

function update(nextUpdateAtUtc: string): Draft {
  const made = createDraft(defaultPlan(), { id: 'd1', typeId: 'incidents', stage: 'update' });
  if (!made.ok) throw new Error(made.error.message);
  return {
    ...made.value,
    fields: {
      service: 'Sentry',
      serviceImpact: 'Errors are not reaching Sentry.',
      actionBeingTaken: 'We are investigating.',
      userActions: 'None.',
      nextUpdateAtUtc,
    },
  };
}

describe('lintCorrection', () => {
  const passed = '2026-04-23T11:30:00.000Z';
  it('lets a correction keep a promise that has passed since the message was sent', () => {
    const original = update(passed);
    const corrected = { ...original, fields: { ...original.fields, serviceImpact: 'Errors are missing.' } };
    expect(keepsPromise(corrected, original)).toBe(true);
    const lint = lintCorrection(corrected, original, defaultPlan(), context);
    expect(lint.warnings.map((warning) => warning.code)).not.toContain('next_update_in_past');
    expect(lint.canSendWithoutOverride).toBe(true);
  });

  it('holds a changed promise to the rule for a new one', () => {
    const original = update('2026-04-23T12:30:00.000Z');
    const moved = update(passed);
    expect(keepsPromise(moved, original)).toBe(false);
    const lint = lintCorrection(moved, original, defaultPlan(), context);
    expect(lint.warnings.map((warning) => warning.code)).toContain('next_update_in_past');
    expect(lint.canSendWithoutOverride).toBe(false);
  });

  it('still blocks what any message must have', () => {
    const original = update(passed);
    const emptied = { ...original, fields: { ...original.fields, serviceImpact: '' } };
    expect(lintCorrection(emptied, original, defaultPlan(), context).canSendWithoutOverride).toBe(false);
  });
});
