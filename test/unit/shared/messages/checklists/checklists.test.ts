import { describe, expect, it } from 'vitest';
import {
  checklists,
  DEFAULT_PLACE_TO_ASK,
  findChecklist,
  isRequiredAt,
  itemsForStage,
  placeholderNames,
  type ChecklistDefinition,
} from '../../../../../shared/messages/checklists/index.ts';

function required(checklist: ChecklistDefinition, stage: string): string[] {
  return itemsForStage(checklist, stage)
    .filter((item) => isRequiredAt(item, stage))
    .map((item) => item.id);
}

describe('every checklist', () => {
  it.each(Object.values(checklists))(
    '$kind has unique item ids and placeholders, help text, and stages it refers to',
    (checklist) => {
      const ids = checklist.items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      const names = placeholderNames(checklist);
      expect(new Set(names).size).toBe(names.length);
      const stageIds = checklist.stages.map((stage) => stage.id);
      for (const item of checklist.items) {
        expect(item.help.length).toBeGreaterThan(10);
        expect(item.placeholder).toMatch(/^[a-z][a-z0-9_]*$/);
        for (const set of [item.appliesAt, item.requiredAt])
          if (set !== 'all') for (const stage of set) expect(stageIds).toContain(stage);
        if (item.placement === 'line') expect(item.heading).toBeTruthy();
        if (item.valueKind === 'choice') expect(item.options?.length).toBeGreaterThan(0);
        if (item.rangeEndItemId !== undefined) expect(ids).toContain(item.rangeEndItemId);
      }
    },
  );

  it('is found by kind, and unknown kinds are not', () => {
    expect(findChecklist('incident')?.name).toBe('Incident');
    expect(findChecklist('toString')).toBeUndefined();
  });
});

describe('the incident checklist', () => {
  const incident = checklists.incident;

  it('requires impact, action, user actions, apology and a next-update time when declared', () => {
    expect(required(incident, 'declared')).toEqual([
      'service',
      'serviceImpact',
      'actionBeingTaken',
      'userActions',
      'nextUpdateAtUtc',
      'apology',
    ]);
  });

  it('requires a next-update time for updates but not at closure, which needs the resolution instead', () => {
    expect(required(incident, 'update')).toContain('nextUpdateAtUtc');
    expect(required(incident, 'resolved')).toEqual(['service', 'resolution', 'apology']);
    expect(itemsForStage(incident, 'resolved').map((item) => item.id)).not.toContain('nextUpdateAtUtc');
  });

  it('pre-fills an editable apology and lets "user actions" be not applicable, but never the next update', () => {
    const byId = Object.fromEntries(incident.items.map((item) => [item.id, item]));
    expect(byId.apology?.defaultValue).toMatch(/sorry/i);
    expect(byId.userActions?.allowsNotApplicable).toBe(true);
    expect(byId.nextUpdateAtUtc?.allowsNotApplicable).toBe(false);
    expect(byId.nextUpdateAtUtc?.valueKind).toBe('instant');
  });
});

describe('the upgrade and maintenance checklist', () => {
  const maintenance = checklists.maintenance;

  it('asks for everything the plan lists when announcing work', () => {
    expect(required(maintenance, 'announcement')).toEqual([
      'subject',
      'workKind',
      'startsAtUtc',
      'endsAtUtc',
      'what',
      'why',
      'changeNotesUrl',
      'impact',
      'userActions',
      'riskOfNotActing',
      'process',
      'whereToAsk',
    ]);
    const optional = itemsForStage(maintenance, 'announcement')
      .filter((item) => !isRequiredAt(item, 'announcement'))
      .map((item) => item.id);
    expect(optional).toEqual(['isActionRequired', 'timeZone', 'userActionDeadlineUtc', 'codeExample']);
  });

  it('points users to #ask-cloud-platform by default and reads times in London time by default', () => {
    const byId = Object.fromEntries(maintenance.items.map((item) => [item.id, item]));
    expect(byId.whereToAsk?.defaultValue).toBe(DEFAULT_PLACE_TO_ASK);
    expect(DEFAULT_PLACE_TO_ASK).toBe('#ask-cloud-platform');
    expect(byId.timeZone?.defaultValue).toBe('Europe/London');
    expect(byId.impact?.help).toMatch(/paused pipelines/);
  });

  it('needs only the outcome and place to ask once complete, and the reason when cancelled', () => {
    expect(required(maintenance, 'complete')).toEqual(['subject', 'workKind', 'outcome', 'whereToAsk']);
    expect(required(maintenance, 'cancelled')).toEqual(['subject', 'workKind', 'why', 'whereToAsk']);
  });

  it('derives the title words from the subject and kind of work', () => {
    const change = maintenance.derivedPlaceholders.find((derived) => derived.name === 'change');
    expect(change?.compute({ subject: 'Kubernetes 1.14', workKind: 'upgrade' })).toBe(
      'Kubernetes 1.14 Upgrade',
    );
    expect(change?.compute({ subject: 'Service', workKind: 'decommissioning' })).toBe(
      'Decommissioning Service',
    );
    expect(change?.compute({ subject: 'Sentry' })).toBe('Sentry');
  });
});

describe('the simpler checklists', () => {
  it.each([
    ['feature', ['feature', 'whatItDoes', 'howToStart', 'docsUrl', 'whereToAsk']],
    ['learning', ['topic', 'whatWeLearned', 'whyItMatters']],
    ['postmortem', ['service', 'summary', 'postmortemUrl']],
    ['success', ['achievement', 'impact']],
    ['blog_request', ['topic', 'audience', 'summary']],
  ] as const)('%s requires %j in its single stage', (kind, expected) => {
    const checklist = checklists[kind];
    expect(checklist.stages.map((stage) => stage.id)).toEqual(['message']);
    expect(required(checklist, 'message')).toEqual(expected);
  });
});
