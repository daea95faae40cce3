import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checklists,
  GLOBAL_PLACEHOLDERS,
  placeholderNames,
  type ChecklistKind,
} from '../../../../shared/messages/checklists/index.ts';
import {
  cadences,
  planProblems,
  resetToDefaultPlan,
  validatePlan,
  type Plan,
} from '../../../../shared/plan/index.ts';

function errorOf(input: unknown): { message: string; fields: string[] } {
  const result = validatePlan(input);
  if (result.ok) throw new Error('expected the plan to be rejected');
  expect(result.error.code).toBe('invalid_argument');
  return { message: result.error.message, fields: result.error.fields ?? [] };
}

function withIncidents(change: (type: Plan['types'][number]) => unknown): unknown {
  const plan = resetToDefaultPlan();
  return { ...plan, types: plan.types.map((type) => (type.id === 'incidents' ? change(type) : type)) };
}

describe('validatePlan', () => {
  it('normalises channel names typed with "#", spaces or capitals', () => {
    const result = validatePlan(
      withIncidents((type) => ({ ...type, destinations: [{ kind: 'slack', channel: ' #Ops-Update ' }] })),
    );
    expect(result.ok && result.value.types.find((type) => type.id === 'incidents')?.destinations).toEqual([
      { kind: 'slack', channel: 'ops-update' },
    ]);
  });

  it('rejects two types with the same id, naming both', () => {
    const plan = resetToDefaultPlan();
    plan.types[1]!.id = 'new-features';
    const { message, fields } = errorOf(plan);
    expect(message).toContain(
      'Types "New features or services" and "New GitHub features or services" both use the id "new-features"',
    );
    expect(fields).toContain('types.1.id');
  });

  it('rejects an empty channel name, naming the type', () => {
    const { message, fields } = errorOf(
      withIncidents((type) => ({ ...type, destinations: [{ kind: 'slack', channel: '#' }] })),
    );
    expect(message).toContain('Type "Service impacting incidents": channel 1 is empty');
    expect(fields).toEqual(['types.3.destinations.0.channel']);
  });

  it('rejects a channel name Slack would not accept', () => {
    const { message } = errorOf(
      withIncidents((type) => ({ ...type, destinations: [{ kind: 'slack', channel: 'ops update.team' }] })),
    );
    expect(message).toContain('"ops update.team" is not a valid Slack channel name');
  });

  it('rejects the same channel listed twice in one type', () => {
    const { message } = errorOf(
      withIncidents((type) => ({
        ...type,
        destinations: [
          { kind: 'slack', channel: 'ops' },
          { kind: 'slack', channel: '#ops' },
        ],
      })),
    );
    expect(message).toContain('#ops is listed twice');
  });

  it('rejects a type with nowhere to go', () => {
    expect(errorOf(withIncidents((type) => ({ ...type, destinations: [] }))).message).toContain(
      'add at least one channel or other destination',
    );
  });

  it('rejects a copy-only destination without a name', () => {
    expect(
      errorOf(withIncidents((type) => ({ ...type, destinations: [{ kind: 'copy', name: '  ' }] }))).message,
    ).toContain('destination 1 has no name');
  });

  it('rejects an unknown checklist and lists the known ones', () => {
    const { message, fields } = errorOf(withIncidents((type) => ({ ...type, checklist: 'outage' })));
    expect(message).toContain('unknown checklist "outage"; choose one of incident, maintenance, feature');
    expect(fields).toContain('types.3.checklist');
  });

  it('rejects a stage the checklist does not have, and a type with no stages', () => {
    expect(
      errorOf(withIncidents((type) => ({ ...type, stages: ['declared', 'escalated'] }))).message,
    ).toContain('"escalated" is not a stage of the Incident checklist; it has declared, update, resolved');
    expect(
      errorOf(withIncidents((type) => ({ ...type, stages: [], stageTitlePatterns: {} }))).message,
    ).toContain('choose at least one stage');
  });

  it('rejects a title pattern for a stage the type does not use', () => {
    expect(errorOf(withIncidents((type) => ({ ...type, stages: ['declared'] }))).message).toContain(
      'there is a title pattern for "update", which is not one of this type\'s stages',
    );
  });

  it('rejects a title pattern with a placeholder the checklist cannot fill', () => {
    const { message, fields } = errorOf(
      withIncidents((type) => ({ ...type, titlePattern: 'Incident - {servce}' })),
    );
    expect(message).toContain(
      'the title pattern uses {servce}, which the Incident checklist does not provide',
    );
    expect(fields).toContain('types.3.titlePattern');
  });

  it('rejects an empty name, audience or title pattern', () => {
    expect(errorOf(withIncidents((type) => ({ ...type, name: ' ' }))).message).toContain(
      'Type 4: the name is empty',
    );
    expect(errorOf(withIncidents((type) => ({ ...type, audience: '' }))).message).toContain(
      'say who the audience is',
    );
    expect(errorOf(withIncidents((type) => ({ ...type, titlePattern: '' }))).message).toContain(
      'the title pattern is empty',
    );
  });

  it('rejects an id that is not a simple slug', () => {
    expect(errorOf(withIncidents((type) => ({ ...type, id: 'Major Incidents' }))).message).toContain(
      'the id "Major Incidents" must start with a letter',
    );
  });

  it('rejects two types with the same name', () => {
    const plan = resetToDefaultPlan();
    plan.types[1]!.name = 'NEW FEATURES OR SERVICES';
    expect(errorOf(plan).message).toContain('Two types are called "NEW FEATURES OR SERVICES"');
  });

  it('rejects a plan with no types, or with every type retired', () => {
    expect(errorOf({ ...resetToDefaultPlan(), types: [] }).message).toContain(
      'The plan has no communication types',
    );
    const plan = resetToDefaultPlan();
    for (const type of plan.types) type.isRetired = true;
    expect(errorOf(plan).message).toContain('Every communication type is retired');
  });

  it('rejects help text for unknown checklists or items, and empty help text', () => {
    expect(
      errorOf({ ...resetToDefaultPlan(), checklistHelp: { outage: { service: 'x' } } }).message,
    ).toContain('unknown checklist "outage"');
    expect(
      errorOf({ ...resetToDefaultPlan(), checklistHelp: { incident: { colour: 'x' } } }).message,
    ).toContain('has no item "colour"');
    expect(
      errorOf({ ...resetToDefaultPlan(), checklistHelp: { incident: { service: ' ' } } }).message,
    ).toContain('is empty');
  });

  it('explains shape errors with the type name and field', () => {
    const { message, fields } = errorOf(withIncidents((type) => ({ ...type, when: 'daily' })));
    expect(message).toMatch(/^The plan was not saved\. Type "Service impacting incidents", when: /);
    expect(fields).toEqual(['types.3.when']);
    expect(errorOf(null).message).toContain('The plan: ');
    expect(errorOf({ ...resetToDefaultPlan(), version: 2 }).fields).toEqual(['version']);
  });

  it('lists every problem for Settings, not just the first', () => {
    const plan = resetToDefaultPlan();
    plan.types[0]!.audience = '';
    plan.types[2]!.checklist = 'nope';
    expect(planProblems(plan).map((problem) => problem.path)).toEqual([
      'types.0.audience',
      'types.2.checklist',
    ]);
  });
});

const kinds = Object.keys(checklists) as ChecklistKind[];
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const channel = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,30}$/);
const words = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9 &,.'()-]{0,40}$/)
  .map((text) => text.trim())
  .filter((text) => text !== '');

function arbitraryType(id: string, name: string) {
  return fc.constantFrom(...kinds).chain((kind) => {
    const checklist = checklists[kind];
    const placeholder = fc
      .constantFrom(...GLOBAL_PLACEHOLDERS, ...placeholderNames(checklist))
      .map((name) => `{${name}}`);
    const pattern = fc
      .array(fc.oneof(words, placeholder), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(' - '));
    const stageIds = checklist.stages.map((stage) => stage.id);
    return fc.record({
      id: fc.constant(id),
      name: fc.constant(name),
      audience: words,
      when: fc.constantFrom(...cadences),
      whenNote: fc.oneof(fc.constant(''), words),
      destinations: fc.uniqueArray(
        fc.oneof(
          channel.map((channelName) => ({ kind: 'slack' as const, channel: channelName })),
          words.map((copyName) => ({ kind: 'copy' as const, name: copyName })),
        ),
        {
          minLength: 1,
          maxLength: 3,
          selector: (destination) =>
            destination.kind === 'slack' ? destination.channel : `copy:${destination.name}`,
        },
      ),
      titlePattern: pattern,
      stageTitlePatterns: fc
        .subarray(stageIds)
        .chain((stages) => fc.record(Object.fromEntries(stages.map((stage) => [stage, pattern])))),
      checklist: fc.constant(kind as string),
      stages: fc.constant(stageIds),
      alsoToChannelStages: fc.subarray(stageIds),
      isRetired: fc.boolean(),
    });
  });
}

const arbitraryPlan: fc.Arbitrary<Plan> = fc
  .uniqueArray(fc.tuple(slug, words), { minLength: 1, maxLength: 6, selector: ([id]) => id })
  // Names must differ too: a number on the end makes sure they do.
  .chain((pairs) => fc.tuple(...pairs.map(([id, name], index) => arbitraryType(id, `${name} ${index + 1}`))))
  .chain((types) =>
    fc.record({
      version: fc.constant(1 as const),
      types: fc.constant(types.map((type, index) => (index === 0 ? { ...type, isRetired: false } : type))),
      escalationGraceMinutes: fc.integer({ min: 1, max: 1440 }),
      checklistHelp: fc
        .dictionary(
          fc.constantFrom(...kinds),
          fc.dictionary(fc.constantFrom('whereToAsk', 'service', 'topic', 'summary', 'link'), words),
        )
        .map((help) =>
          // Keep only items that exist in each checklist.
          Object.fromEntries(
            Object.entries(help).map(([kind, items]) => [
              kind,
              Object.fromEntries(
                Object.entries(items).filter(([itemId]) =>
                  checklists[kind as ChecklistKind].items.some((item) => item.id === itemId),
                ),
              ),
            ]),
          ),
        ),
      incidentUpdateCadence: fc.record({
        high: fc.integer({ min: 5, max: 1_440 }),
        medium: fc.integer({ min: 5, max: 1_440 }),
        low: fc.integer({ min: 5, max: 1_440 }),
        unset: fc.integer({ min: 5, max: 1_440 }),
      }),
    }),
  );

describe('a stored plan', () => {
  it('comes back unchanged after JSON and validation', () => {
    fc.assert(
      fc.property(arbitraryPlan, (plan) => {
        const first = validatePlan(plan);
        expect(first.ok ? [] : first.error.message).toEqual([]);
        if (!first.ok) return;
        const again = validatePlan(JSON.parse(JSON.stringify(first.value)));
        expect(again).toEqual({ ok: true, value: first.value });
      }),
      { numRuns: 200 },
    );
  });
});
