import { describe, expect, it } from 'vitest';
import { checkPlan, resetToDefaultPlan, type Plan } from '../../../../../shared/plan/index.ts';
import {
  channelsInPlan,
  withChannelRenamed,
  withChecklistHelp,
  withType,
} from '../../../../../shared/plan/plan-edits.ts';
import {
  channelRenameProblem,
  emptyTypeForm,
  helpItemOf,
  problemText,
  typeFieldOf,
  typeFormFromType,
  typeFromForm,
  typeIdFromName,
} from '../../../../../renderer/features/plan-editor/plan-forms.ts';

const plan = (): Plan => resetToDefaultPlan();
/** What plan:check answers in the app: main's checkPlan. */
const check = (candidate: unknown) => Promise.resolve(checkPlan(candidate));
const incidents = () => plan().types.find((type) => type.id === 'incidents')!;

describe('channels in the plan', () => {
  it('lists each Slack channel once, with the types that post to it', () => {
    const uses = channelsInPlan(plan());
    const update = uses.find((use) => use.channel === 'operations-engineering-update');
    expect(update?.typeNames).toContain('Service impacting incidents');
    expect(uses.filter((use) => use.channel === 'operations-engineering-update')).toHaveLength(1);
    expect(uses.map((use) => use.channel)).not.toContain('Show the Thing');
  });

  it('renames a channel for every type that uses it, leaving others alone', () => {
    const renamed = withChannelRenamed(plan(), '#operations-engineering-update', 'ops-update');
    const checked = checkPlan(renamed);
    expect(checked.ok).toBe(true);
    expect(channelsInPlan(renamed).map((use) => use.channel)).toContain('ops-update');
    expect(channelsInPlan(renamed).map((use) => use.channel)).not.toContain('operations-engineering-update');
    expect(channelsInPlan(renamed).map((use) => use.channel)).toContain('github-community');
  });

  it('explains a rename to an invalid name in one sentence, however many types use the channel', async () => {
    const problem = await channelRenameProblem(plan(), 'operations-engineering-update', 'Ops Update!', check);
    expect(problem).toMatch(/is not a Slack channel name/);
    expect(problem?.match(/not a Slack channel name/g)).toHaveLength(1);
  });

  it('refuses an empty name and the same name, and accepts a good one with or without #', async () => {
    expect(await channelRenameProblem(plan(), 'chat', '  ', check)).toMatch(/new name/);
    expect(await channelRenameProblem(plan(), 'chat', '#Chat', check)).toMatch(/already called #chat/);
    expect(await channelRenameProblem(plan(), 'chat', '#general-chat', check)).toBeNull();
  });

  it('reports a rename that makes a type post to the same channel twice', async () => {
    const withTwo = withType(plan(), {
      ...incidents(),
      destinations: [
        { kind: 'slack', channel: 'operations-engineering-update' },
        { kind: 'slack', channel: 'chat' },
      ],
    });
    const checked = checkPlan(withTwo);
    if (!checked.ok) throw new Error('expected a valid plan');
    expect(await channelRenameProblem(checked.value, 'chat', 'operations-engineering-update', check)).toMatch(
      /listed twice/,
    );
  });
});

describe('the type form', () => {
  it('round-trips a type through the form unchanged', () => {
    const type = incidents();
    const taken = new Set(plan().types.map((item) => item.id));
    const checked = checkPlan(withType(plan(), typeFromForm(typeFormFromType(type), type, taken)));
    expect(checked.ok && checked.value).toEqual(plan());
  });

  it('gives a new type an id from its name, unlike any other', () => {
    expect(typeIdFromName('Release notes!', new Set())).toBe('release-notes');
    expect(typeIdFromName('Release notes', new Set(['release-notes']))).toBe('release-notes-2');
    expect(typeIdFromName('2024 review', new Set())).toBe('type-2024-review');
    expect(typeIdFromName('', new Set())).toBe('type');
  });

  it('turns channels and hand-copied places into destinations, and keeps stages in checklist order', () => {
    const values = {
      ...emptyTypeForm(),
      name: 'Releases',
      audience: 'Everyone',
      channels: '#releases, announcements',
      copyDestinations: 'Weeknotes\n\n Team meeting ',
      checklist: 'incident',
      stages: ['resolved', 'declared'],
      titlePattern: 'Release - {service}',
    };
    const type = typeFromForm(values, undefined, new Set());
    expect(type.destinations).toEqual([
      { kind: 'slack', channel: '#releases' },
      { kind: 'slack', channel: 'announcements' },
      { kind: 'copy', name: 'Weeknotes' },
      { kind: 'copy', name: 'Team meeting' },
    ]);
    expect(type.stages).toEqual(['declared', 'resolved']);
    expect(checkPlan(withType(plan(), type)).ok).toBe(true);
  });

  it('drops title patterns of stages no longer chosen, so the plan stays valid', () => {
    const type = incidents();
    const values = { ...typeFormFromType(type), stages: ['declared', 'update'] };
    const edited = typeFromForm(values, type, new Set());
    expect(Object.keys(edited.stageTitlePatterns ?? {})).toEqual(['declared', 'update']);
    expect(checkPlan(withType(plan(), edited)).ok).toBe(true);
  });

  it('puts each problem of a new type next to its field', () => {
    const base = plan();
    const index = base.types.length;
    const values = {
      ...emptyTypeForm(),
      name: '',
      audience: '',
      channels: 'Not A Channel',
      titlePattern: 'Hello {nope}',
    };
    const checked = checkPlan(
      withType(base, typeFromForm(values, undefined, new Set(base.types.map((type) => type.id)))),
    );
    if (checked.ok) throw new Error('expected problems');
    const fields = new Set(checked.error.map((problem) => typeFieldOf(problem.path, index)));
    expect(fields).toEqual(new Set(['name', 'audience', 'channels', 'titlePattern']));
  });

  it('maps every kind of type path to a field, and other types to none', () => {
    expect(typeFieldOf('types.3.destinations.1.name', 3)).toBe('copyDestinations');
    expect(typeFieldOf('types.3.destinations.0.channel', 3)).toBe('channels');
    expect(typeFieldOf('types.3.destinations', 3)).toBe('channels');
    expect(typeFieldOf('types.3.stages.2', 3)).toBe('stages');
    expect(typeFieldOf('types.3.stageTitlePatterns.update', 3)).toBe('titlePattern');
    expect(typeFieldOf('types.3.id', 3)).toBe('name');
    expect(typeFieldOf('types', 3)).toBe('form');
    expect(typeFieldOf('types.30.name', 3)).toBeNull();
    expect(typeFieldOf('types.4.name', 3)).toBeNull();
  });
});

describe('checklist help', () => {
  it('keeps only non-blank overrides and removes the checklist when none is left', () => {
    const withHelp = withChecklistHelp(plan(), 'incident', { service: 'Our words', priority: '  ' });
    expect(withHelp.checklistHelp).toEqual({ incident: { service: 'Our words' } });
    expect(withChecklistHelp(withHelp, 'incident', { service: '' }).checklistHelp).toEqual({});
  });

  it('puts a too-long help text next to its item, in words without the raw path', () => {
    const checked = checkPlan(withChecklistHelp(plan(), 'incident', { service: 'x'.repeat(501) }));
    if (checked.ok) throw new Error('expected a problem');
    const [problem] = checked.error;
    expect(helpItemOf(problem!.path, 'incident')).toBe('service');
    expect(problemText(problem!)).toMatch(/^Must be at most 500 characters/);
  });
});
