import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeTypes,
  channelsInPlan,
  editChecklistHelp,
  helpFor,
  renameChannel,
  resetToDefaultPlan,
  restoreType,
  retireType,
  slackChannelsOf,
  updateType,
  validatePlan,
  withChecklistHelp,
  withType,
  type CommunicationTypeInput,
  type Plan,
} from '../../../../shared/plan/index.ts';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

function value<T>(result: Answer<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** An edit followed by the check main makes before saving it (plan:check, plan:update). */
function checked(edited: Answer<unknown>): Answer<Plan> {
  return edited.ok ? validatePlan(edited.value) : edited;
}

const releaseNotes: CommunicationTypeInput = {
  id: 'release-notes',
  name: 'Monthly release notes',
  audience: 'Service teams',
  when: 'regularly',
  destinations: [{ kind: 'slack', channel: '#operations-engineering-update' }],
  titlePattern: 'Released this month - {feature}',
  checklist: 'feature',
  stages: ['message'],
};

describe('plan edits', () => {
  it('renames a channel in every type that posts to it, and nowhere else', () => {
    const plan = value(
      checked(renameChannel(resetToDefaultPlan(), '#operations-engineering-update', 'ops-eng-news')),
    );
    const uses = plan.types
      .filter((type) => slackChannelsOf(type).includes('ops-eng-news'))
      .map((type) => type.id);
    expect(uses).toEqual(['new-features', 'incidents', 'postmortems', 'upgrades-maintenance']);
    expect(plan.types.find((type) => type.id === 'github-features')?.destinations).toEqual([
      { kind: 'slack', channel: 'github-community' },
    ]);
  });

  it('refuses to rename a channel the plan does not use, or to an invalid name', () => {
    const plan = resetToDefaultPlan();
    const missing = renameChannel(plan, 'random', 'other');
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'not_found',
      message: 'No type in the plan posts to #random.',
    });
    const invalid = checked(renameChannel(plan, 'chat', 'chat room'));
    expect(invalid.ok ? null : invalid.error.message).toContain(
      '"chat room" is not a valid Slack channel name',
    );
    expect(plan).toEqual(resetToDefaultPlan());
  });

  it('adds a type, filling defaults, and refuses a duplicate id', () => {
    const plan = value(validatePlan(withType(resetToDefaultPlan(), releaseNotes)));
    expect(plan.types.at(-1)).toEqual({
      ...releaseNotes,
      destinations: [{ kind: 'slack', channel: 'operations-engineering-update' }],
      whenNote: '',
      stageTitlePatterns: {},
      alsoToChannelStages: [],
      isRetired: false,
    });
    const duplicate = validatePlan({ ...plan, types: [...plan.types, { ...releaseNotes, name: 'Another' }] });
    expect(duplicate.ok ? '' : duplicate.error.message).toContain('both use the id "release-notes"');
  });

  it('retires and restores a type, and never retires the last one in use', () => {
    const retired = value(checked(retireType(resetToDefaultPlan(), 'things-learned')));
    expect(activeTypes(retired).map((type) => type.id)).not.toContain('things-learned');
    expect(retired.types.map((type) => type.id)).toContain('things-learned');
    expect(
      activeTypes(value(checked(restoreType(retired, 'things-learned')))).map((type) => type.id),
    ).toContain('things-learned');

    let plan = resetToDefaultPlan();
    for (const type of plan.types.slice(1)) plan = value(checked(retireType(plan, type.id)));
    const last = checked(retireType(plan, plan.types[0]!.id));
    expect(last.ok ? '' : last.error.message).toContain(
      'Every communication type is retired; keep at least one in use.',
    );
    const unknown = retireType(plan, 'nope');
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
  });

  it('updates a type but keeps its id, so drafts still find it', () => {
    const plan = value(
      checked(updateType(resetToDefaultPlan(), 'incidents', { name: 'Incidents', id: 'renamed' } as never)),
    );
    expect(plan.types.find((type) => type.id === 'incidents')?.name).toBe('Incidents');
  });

  it("sets, shows and clears the team's own help text for a checklist item", () => {
    const edited = value(
      checked(
        editChecklistHelp(resetToDefaultPlan(), 'incident', 'service', 'Use the name on the status page.'),
      ),
    );
    expect(helpFor(edited, 'incident', 'service')).toBe('Use the name on the status page.');
    const cleared = value(checked(editChecklistHelp(edited, 'incident', 'service', ' ')));
    expect(cleared.checklistHelp).toEqual({});
    expect(helpFor(cleared, 'incident', 'service')).toMatch(/short name people recognise/);
  });

  it('refuses help text for an unknown checklist or item', () => {
    const badKind = editChecklistHelp(resetToDefaultPlan(), 'outage', 'service', 'x');
    expect(badKind.ok ? '' : badKind.error.message).toBe('There is no checklist called "outage".');
    const badItem = editChecklistHelp(resetToDefaultPlan(), 'incident', 'colour', 'x');
    expect(badItem.ok ? '' : badItem.error.message).toBe('The Incident checklist has no item "colour".');
  });
});

describe('the plan editor’s whole-form edits', () => {
  it('lists each channel once with the types that post to it, and replaces one checklist’s help, dropping blanks', () => {
    const uses = channelsInPlan(resetToDefaultPlan());
    expect(uses.filter((use) => use.channel === 'operations-engineering-update')).toHaveLength(1);
    const withHelp = withChecklistHelp(resetToDefaultPlan(), 'incident', {
      service: 'Our words',
      priority: '  ',
    });
    expect(withHelp.checklistHelp).toEqual({ incident: { service: 'Our words' } });
    expect(
      value(checked(editChecklistHelp(withHelp, 'feature', 'feature', 'Name it')))?.checklistHelp,
    ).toEqual({
      incident: { service: 'Our words' },
      feature: { feature: 'Name it' },
    });
  });
});

describe('plan edits with arbitrary input', () => {
  it('never throw or change the plan they are given, and whatever passes the check is a valid plan', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.constantFrom('chat', '#ask-comms', 'incidents', 'incident', 'service', 'apology', ''),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('rename', 'retire', 'restore', 'help', 'update'),
        anyText,
        anyText,
        anyText,
        (edit, a, b, c) => {
          const plan = resetToDefaultPlan();
          const result =
            edit === 'rename'
              ? renameChannel(plan, a, b)
              : edit === 'retire'
                ? retireType(plan, a)
                : edit === 'restore'
                  ? restoreType(plan, a)
                  : edit === 'help'
                    ? editChecklistHelp(plan, a, b, c)
                    : updateType(plan, a, { name: b, audience: c });
          const verdict = checked(result);
          if (verdict.ok) expect(validatePlan(verdict.value)).toEqual(verdict);
          expect(plan).toEqual(resetToDefaultPlan());
        },
      ),
      { numRuns: 300 },
    );
  });
});
