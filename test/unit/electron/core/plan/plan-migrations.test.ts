// Each plan migration step, old fixture in, new shape out (as mattermost/desktop
// tests upgradePreferences), then the same through the real store on open.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMigrations } from '../../../../../electron/core/plan/plan-migrations.ts';
import { migrate } from '../../../../../electron/core/storage/versioned-store.ts';
import { planSchema, resetToDefaultPlan } from '../../../../../shared/plan/index.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

/** A plan as Herald saved it before replies could be shown in the channel: no `alsoToChannelStages`. */
function preBroadcastPlan() {
  const plan = resetToDefaultPlan();
  return {
    ...plan,
    types: plan.types.map(({ alsoToChannelStages: _stages, ...type }) => type),
  };
}

/** A plan as Herald saved it before plans carried a version: no `version`, no `checklistHelp`. */
function preVersioningPlan() {
  const { version: _version, checklistHelp: _help, ...v0 } = preBroadcastPlan();
  return v0;
}

describe('plan migrations', () => {
  it('step 1 → 2 gives a pre-versioning plan its version and empty help overrides', () => {
    const upgraded = planMigrations[0]!.up(preVersioningPlan());
    expect(upgraded).toEqual(preBroadcastPlan());
    expect(planSchema.safeParse(upgraded).success).toBe(true);
  });

  it('step 2 → 3 shows resolutions and postmortems in the channel by default, and nothing else', () => {
    const old = preBroadcastPlan();
    old.types.push({ ...old.types[0]!, id: 'our-own-type', name: 'Our own type' });
    const upgraded = planMigrations[1]!.up(old) as ReturnType<typeof resetToDefaultPlan>;
    const stagesOf = (id: string) => upgraded.types.find((type) => type.id === id)?.alsoToChannelStages;
    expect(stagesOf('incidents')).toEqual(['resolved']);
    expect(stagesOf('postmortems')).toEqual(['message']);
    expect(stagesOf('our-own-type')).toEqual([]);
    expect(stagesOf('upgrades-maintenance')).toEqual([]);
    expect(planSchema.safeParse(upgraded).success).toBe(true);
    const { alsoToChannelStages: _stages, ...rest } = upgraded.types.find((type) => type.id === 'incidents')!;
    expect(rest).toEqual(old.types.find((type) => type.id === 'incidents'));
  });

  it('step 2 → 3 keeps a setting the team already chose, and passes odd input through', () => {
    const plan = resetToDefaultPlan();
    plan.types.find((type) => type.id === 'incidents')!.alsoToChannelStages = ['update', 'resolved'];
    expect(planMigrations[1]!.up(plan)).toEqual(plan);
    for (const odd of [null, 'plan', [], 42, { types: 'none' }]) expect(planMigrations[1]!.up(odd)).toBe(odd);
  });

  it('step 1 → 2 leaves a plan that already has them as it is', () => {
    const current = { ...resetToDefaultPlan(), checklistHelp: { incident: { service: 'Name the service' } } };
    expect(planMigrations[0]!.up(current)).toEqual(current);
  });

  it('step 1 → 2 passes odd input through for the schema to refuse, without throwing', () => {
    for (const odd of [null, 'plan', [], 42]) expect(planMigrations[0]!.up(odd)).toBe(odd);
    expect(planMigrations[0]!.up({ version: 7, types: [] })).toEqual({
      version: 7,
      types: [],
      checklistHelp: {},
    });
  });

  it('the whole chain upgrades a version 1 file to the current shape', () => {
    expect(migrate(preVersioningPlan(), 1, planMigrations)).toEqual(resetToDefaultPlan());
  });

  it('a pre-versioning plan on disk is upgraded on open, not quarantined', async () => {
    const dataDir = makeDataDir();
    const plan = preVersioningPlan();
    plan.types[0]!.name = 'Our own name for it';
    writeFileSync(join(dataDir, 'plan.json'), JSON.stringify({ schemaVersion: 1, data: plan }));
    const { core } = makeCore({ dataDir });
    expect(core.storageNotices).toEqual([]);
    const answer = await core.router.call('plan:get', {});
    expect(answer.ok && answer.value.types[0]!.name).toBe('Our own name for it');
    expect(answer.ok && answer.value.version).toBe(1);
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'plan.json'), 'utf8')) as {
      schemaVersion: number;
      data: { version: number };
    };
    expect(onDisk).toMatchObject({
      schemaVersion: planMigrations.length + 1,
      data: { version: 1, checklistHelp: {} },
    });
  });
});

describe('plan migration step 3 → 4 (update cadence by priority)', () => {
  it('gives a plan saved without a cadence the default one, and keeps a team’s own', () => {
    const { incidentUpdateCadence: _cadence, ...v3 } = resetToDefaultPlan();
    expect(planMigrations[2]!.up(v3)).toEqual(resetToDefaultPlan());
    const own = {
      ...resetToDefaultPlan(),
      incidentUpdateCadence: { high: 15, medium: 30, low: 60, unset: 15 },
    };
    expect(planMigrations[2]!.up(own)).toEqual(own);
    for (const odd of [null, 'plan', [], 42]) expect(planMigrations[2]!.up(odd)).toBe(odd);
  });

  it('a version 3 file on disk opens with the default cadence: High Priority every 30 minutes, as the plan’s example', async () => {
    const dataDir = makeDataDir();
    const { incidentUpdateCadence: _cadence, ...v3 } = resetToDefaultPlan();
    writeFileSync(join(dataDir, 'plan.json'), JSON.stringify({ schemaVersion: 3, data: v3 }));
    const { core } = makeCore({ dataDir });
    expect(core.storageNotices).toEqual([]);
    const answer = await core.router.call('plan:get', {});
    expect(answer.ok && answer.value.incidentUpdateCadence).toEqual({
      high: 30,
      medium: 60,
      low: 120,
      unset: 30,
    });
  });
});
