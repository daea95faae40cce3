import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDraft,
  lintDraft,
  markNotApplicable,
  slackLimitWarnings,
  type Draft,
  type LintResult,
} from '../../../../shared/messages/index.ts';
import { resetToDefaultPlan, retireType, validatePlan } from '../../../../shared/plan/index.ts';
import { hostileDraft } from './arbitraries.ts';
import {
  certManagerUpgrade,
  incidentDeclaration,
  INCIDENT_NOW_MS,
  plan,
  UPGRADE_NOW_MS,
  ZONE,
} from './worked-examples.ts';

const incidentContext = { nowMs: INCIDENT_NOW_MS, zone: ZONE };
const upgradeContext = { nowMs: UPGRADE_NOW_MS, zone: ZONE };

function codes(result: LintResult): string[] {
  return result.warnings.map((warning) => warning.code);
}

function withFields(draft: Draft, fields: Record<string, string>): Draft {
  return { ...draft, fields: { ...draft.fields, ...fields } };
}

function without(draft: Draft, ...itemIds: string[]): Draft {
  const fields = { ...draft.fields };
  for (const itemId of itemIds) delete fields[itemId];
  return { ...draft, fields };
}

describe('lintDraft on incidents', () => {
  it('reports a missing next-update time as its own blocking warning', () => {
    const result = lintDraft(without(incidentDeclaration(), 'nextUpdateAtUtc'), plan, incidentContext);
    expect(result.warnings).toEqual([
      {
        code: 'next_update_missing',
        itemId: 'nextUpdateAtUtc',
        isBlocking: true,
        message: 'Say when the next update will be, as a definite time, and keep to it.',
      },
    ]);
    expect(result.checklist.find((entry) => entry.itemId === 'nextUpdateAtUtc')).toEqual({
      itemId: 'nextUpdateAtUtc',
      label: 'When is the next update?',
      state: 'missing',
      required: true,
    });
    expect(result.canSendWithoutOverride).toBe(false);
  });

  it('reports a next-update time that has already passed', () => {
    const result = lintDraft(incidentDeclaration(), plan, {
      ...incidentContext,
      nowMs: INCIDENT_NOW_MS + 31 * 60_000,
    });
    expect(codes(result)).toEqual(['next_update_in_past']);
    expect(result.canSendWithoutOverride).toBe(false);
  });

  it('reports a missing apology, unless the author says why it does not apply', () => {
    expect(codes(lintDraft(without(incidentDeclaration(), 'apology'), plan, incidentContext))).toEqual([
      'no_apology',
    ]);
    const excused = lintDraft(
      markNotApplicable(incidentDeclaration(), 'apology', 'Planned test of the alerting'),
      plan,
      incidentContext,
    );
    expect(excused.warnings).toEqual([]);
    expect(excused.checklist.find((entry) => entry.itemId === 'apology')?.state).toBe('not_applicable');
  });

  it('wants a reason for "not applicable", and refuses it where the plan does not allow it', () => {
    expect(
      codes(lintDraft(markNotApplicable(incidentDeclaration(), 'userActions', ' '), plan, incidentContext)),
    ).toEqual(['not_applicable_needs_reason']);
    expect(
      codes(
        lintDraft(
          markNotApplicable(incidentDeclaration(), 'nextUpdateAtUtc', 'no idea'),
          plan,
          incidentContext,
        ),
      ),
    ).toEqual(['not_applicable_not_allowed']);
  });

  it('names other missing required items by their question', () => {
    const result = lintDraft(without(incidentDeclaration(), 'serviceImpact'), plan, incidentContext);
    expect(result.warnings).toEqual([
      {
        code: 'missing_required',
        itemId: 'serviceImpact',
        isBlocking: true,
        message: 'Answer "What are users seeing?".',
      },
    ]);
  });

  it('reports missing and undescriptive titles', () => {
    expect(codes(lintDraft(without(incidentDeclaration(), 'service'), plan, incidentContext))).toEqual([
      'missing_required',
      'title_not_descriptive',
    ]);
    const untitled = { ...incidentDeclaration(), title: '{service}' };
    expect(codes(lintDraft(without(untitled, 'service'), plan, incidentContext))).toEqual([
      'missing_required',
      'missing_title',
    ]);
  });

  it("suggests replying in the declaration's thread for updates", () => {
    const update = { ...incidentDeclaration(), stage: 'update' };
    expect(codes(lintDraft(update, plan, incidentContext))).toEqual(['not_in_thread']);
    expect(lintDraft(update, plan, incidentContext).canSendWithoutOverride).toBe(true);
    expect(codes(lintDraft({ ...update, threadTs: '1776932400.000100' }, plan, incidentContext))).toEqual([]);
  });

  it('reports unknown placeholders in the text', () => {
    const result = lintDraft({ ...incidentDeclaration(), body: 'Affects {servcie}.' }, plan, incidentContext);
    expect(result.warnings).toMatchObject([
      { code: 'unknown_placeholder', message: expect.stringContaining('{servcie}') as unknown },
    ]);
  });
});

describe('lintDraft on upgrades and maintenance', () => {
  it('reports no change-notes link and no place to ask', () => {
    const result = lintDraft(
      without(certManagerUpgrade(), 'changeNotesUrl', 'whereToAsk'),
      plan,
      upgradeContext,
    );
    expect(codes(result)).toEqual(['no_change_notes', 'no_place_to_ask']);
  });

  it('reports a window with no end, or ending before it starts', () => {
    expect(codes(lintDraft(without(certManagerUpgrade(), 'endsAtUtc'), plan, upgradeContext))).toEqual([
      'window_no_end',
    ]);
    expect(
      codes(
        lintDraft(
          withFields(certManagerUpgrade(), { endsAtUtc: '2026-04-23T10:00:00.000Z' }),
          plan,
          upgradeContext,
        ),
      ),
    ).toEqual(['window_end_before_start']);
  });

  it('accepts an open-ended window when the author explains it, but still asks for care', () => {
    const result = lintDraft(
      markNotApplicable(certManagerUpgrade(), 'endsAtUtc', 'Runs until every cluster is done'),
      plan,
      upgradeContext,
    );
    expect(result.warnings).toEqual([]);
  });

  it('notes a start already past, a deadline after the start, and a deadline already past', () => {
    const late = lintDraft(certManagerUpgrade(), plan, {
      ...upgradeContext,
      nowMs: Date.parse('2026-04-23T12:00:00Z'),
    });
    expect(codes(late)).toEqual(['start_in_past', 'deadline_in_past']);
    expect(late.canSendWithoutOverride).toBe(true);
    const backwards = lintDraft(
      withFields(certManagerUpgrade(), { userActionDeadlineUtc: '2026-04-24T12:00:00.000Z' }),
      plan,
      upgradeContext,
    );
    expect(codes(backwards)).toEqual(['deadline_after_start']);
  });

  it('reports answers that are not valid values', () => {
    const result = lintDraft(
      withFields(certManagerUpgrade(), {
        changeNotesUrl: 'cert-manager.io/notes',
        timeZone: 'Mars/Olympus',
        workKind: 'repaint',
      }),
      plan,
      upgradeContext,
    );
    expect(result.warnings.map((warning) => [warning.code, warning.itemId])).toEqual([
      ['invalid_answer', 'workKind'],
      ['invalid_answer', 'timeZone'],
      ['invalid_answer', 'changeNotesUrl'],
    ]);
    expect(result.warnings[2]?.message).toBe(
      '"Link to change notes": the answer is not a web address starting with https://.',
    );
  });

  it("reports a message over Slack's limits without cutting it", () => {
    const result = lintDraft({ ...certManagerUpgrade(), body: 'x'.repeat(41_000) }, plan, upgradeContext);
    expect(codes(result)).toEqual(['over_slack_limit']);
    expect(result.warnings[0]?.message).toMatch(/^The message is 4\d,\d{3} characters; the limit is 40,000/);
    expect(
      codes(lintDraft({ ...certManagerUpgrade(), body: 'x '.repeat(1_500) }, plan, upgradeContext)),
    ).toEqual(['near_slack_limit']);
    expect(slackLimitWarnings(result).map((warning) => warning.code)).toEqual(['over_slack_limit']);
  });

  it('marks Slack’s hard limits (a 162-character title, a 41,000-character message) as past any override', () => {
    const longTitle = lintDraft(
      { ...certManagerUpgrade(), title: `Upgrade ${'x'.repeat(154)}` },
      plan,
      upgradeContext,
    );
    expect(slackLimitWarnings(longTitle)).toEqual([
      expect.objectContaining({
        code: 'title_too_long',
        message: expect.stringContaining('162 characters') as unknown,
      }),
    ]);
    // Near a limit, or a plan item missing, is the author's call: not a Slack limit.
    const near = lintDraft({ ...certManagerUpgrade(), body: 'x '.repeat(1_500) }, plan, upgradeContext);
    expect(slackLimitWarnings(near)).toEqual([]);
    expect(
      slackLimitWarnings(lintDraft({ ...incidentDeclaration(), fields: {} }, plan, incidentContext)),
    ).toEqual([]);
  });
});

describe('lintDraft on channels and types', () => {
  it('wants a channel, a valid one, and notes one the plan does not use', () => {
    expect(codes(lintDraft({ ...incidentDeclaration(), channel: '' }, plan, incidentContext))).toEqual([
      'no_channel',
    ]);
    expect(
      codes(lintDraft({ ...incidentDeclaration(), channel: 'Ops Room' }, plan, incidentContext)),
    ).toEqual(['invalid_channel']);
    const elsewhere = lintDraft({ ...incidentDeclaration(), channel: '#random' }, plan, incidentContext);
    expect(elsewhere.warnings).toMatchObject([
      {
        code: 'channel_not_in_plan',
        isBlocking: false,
        message:
          '#random is not where the plan sends Service impacting incidents. The plan uses #operations-engineering-update.',
      },
    ]);
  });

  it('explains that copy-only types are not posted by Herald', () => {
    const created = createDraft(plan, { id: 'd', typeId: 'successes-smt' });
    if (!created.ok) throw new Error('no draft');
    const draft = withFields(created.value, {
      achievement: 'Halved build times',
      impact: 'Teams ship faster.',
    });
    expect(lintDraft(draft, plan, incidentContext).warnings).toEqual([
      {
        code: 'copy_only',
        isBlocking: false,
        message:
          'The plan does not post Successes for SMT to Slack; copy it to Architecture & Platforms weeknotes.',
      },
    ]);
  });

  it('reports a message with nothing to send', () => {
    const created = createDraft(plan, { id: 'd', typeId: 'things-learned' });
    if (!created.ok) throw new Error('no draft');
    const result = lintDraft({ ...created.value, title: '{topic}' }, plan, incidentContext);
    expect(codes(result)).toEqual([
      'missing_required',
      'missing_required',
      'missing_required',
      'copy_only',
      'missing_title',
      'empty_message',
    ]);
    expect(result.warnings.at(-1)).toEqual({
      code: 'empty_message',
      isBlocking: true,
      message: 'The message has no text.',
    });
  });

  it('reports unknown types and stages, and retired types', () => {
    expect(codes(lintDraft({ ...incidentDeclaration(), typeId: 'gone' }, plan, incidentContext))).toEqual([
      'unknown_type',
    ]);
    expect(codes(lintDraft({ ...incidentDeclaration(), stage: 'escalated' }, plan, incidentContext))).toEqual(
      ['unknown_stage'],
    );
    const edited = retireType(resetToDefaultPlan(), 'incidents');
    const retired = edited.ok ? validatePlan(edited.value) : edited;
    if (!retired.ok) throw new Error('not retired');
    expect(codes(lintDraft(incidentDeclaration(), retired.value, incidentContext))).toEqual(['retired_type']);
  });
});

describe('lintDraft is total', () => {
  it('answers garbage with a blocking warning instead of throwing', () => {
    expect(lintDraft(null, plan, incidentContext)).toMatchObject({
      checklist: [],
      canSendWithoutOverride: false,
      warnings: [{ code: 'invalid_draft' }],
    });
    expect(lintDraft(incidentDeclaration(), { version: 9 }, incidentContext).warnings[0]?.code).toBe(
      'invalid_plan',
    );
    expect(() => lintDraft(incidentDeclaration(), plan, null as never)).not.toThrow();
  });

  it('never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (draft, anyPlan, context) => {
        const result = lintDraft(draft, anyPlan, context as never);
        expect(Array.isArray(result.checklist) && Array.isArray(result.warnings)).toBe(true);
        expect(typeof result.canSendWithoutOverride).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('checks any well-formed draft without an internal failure, however hostile its text', () => {
    fc.assert(
      fc.property(
        hostileDraft,
        fc.oneof(fc.double(), fc.integer()),
        fc.constantFrom(ZONE, 'America/New_York', 'Nowhere/Else', ''),
        (draft, nowMs, zone) => {
          const result = lintDraft(draft, plan, { nowMs, zone });
          expect(codes(result)).not.toContain('lint_failed');
          expect(codes(result)).not.toContain('invalid_draft');
          expect(result.canSendWithoutOverride).toBe(!result.warnings.some((warning) => warning.isBlocking));
        },
      ),
      { numRuns: 300 },
    );
  });
});
