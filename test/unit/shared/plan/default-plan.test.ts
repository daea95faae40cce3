import { describe, expect, it } from 'vitest';
import { checklists } from '../../../../shared/messages/checklists/index.ts';
import { resetToDefaultPlan, slackChannelsOf, validatePlan } from '../../../../shared/plan/index.ts';

describe('the default plan', () => {
  it('is valid as it ships', () => {
    const result = validatePlan(resetToDefaultPlan());
    expect(result).toEqual({ ok: true, value: resetToDefaultPlan() });
  });

  it('covers every communication the team plans for, each with a known checklist', () => {
    const plan = resetToDefaultPlan();
    expect(plan.types.map((type) => [type.id, type.checklist, type.when])).toEqual([
      ['new-features', 'feature', 'as_shipped'],
      ['github-features', 'feature', 'as_shipped'],
      ['things-learned', 'learning', 'regularly'],
      ['incidents', 'incident', 'incident_lifecycle'],
      ['postmortems', 'postmortem', 'when_documented'],
      ['upgrades-maintenance', 'maintenance', 'as_required'],
      ['successes-cto', 'success', 'weekly'],
      ['successes-smt', 'success', 'fortnightly'],
      ['successes-department', 'success', 'regularly'],
      ['blog-requests', 'blog_request', 'as_required'],
    ]);
    for (const type of plan.types) expect(Object.keys(checklists)).toContain(type.checklist);
  });

  it('posts to the channels the team uses and only copies to meetings and weeknotes', () => {
    const plan = resetToDefaultPlan();
    const channelsById = Object.fromEntries(plan.types.map((type) => [type.id, slackChannelsOf(type)]));
    expect(channelsById).toMatchObject({
      'new-features': ['operations-engineering-update'],
      'github-features': ['github-community'],
      'things-learned': [],
      incidents: ['operations-engineering-update'],
      postmortems: ['operations-engineering-update'],
      'upgrades-maintenance': ['operations-engineering-update'],
      'successes-cto': [],
      'successes-smt': [],
      'successes-department': ['chat'],
      'blog-requests': ['ask-comms'],
    });
    const smt = plan.types.find((type) => type.id === 'successes-smt');
    expect(smt?.destinations).toEqual([{ kind: 'copy', name: 'Architecture & Platforms weeknotes' }]);
  });

  it('gives incidents and maintenance their lifecycle stages', () => {
    const plan = resetToDefaultPlan();
    expect(plan.types.find((type) => type.id === 'incidents')?.stages).toEqual([
      'declared',
      'update',
      'resolved',
    ]);
    expect(plan.types.find((type) => type.id === 'upgrades-maintenance')?.stages).toEqual([
      'announcement',
      'reminder',
      'starting',
      'complete',
      'rescheduled',
      'cancelled',
    ]);
  });

  it('hands out a fresh copy each time, so edits never leak into the default', () => {
    const first = resetToDefaultPlan();
    first.types.length = 0;
    expect(resetToDefaultPlan().types).toHaveLength(10);
  });
});
