// Each plan migration step, old fixture in, new shape out (as mattermost/desktop
// tests upgradePreferences), then the same through the real store on open.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMigrations } from '../../../../../electron/core/plan/plan-migrations.ts';
import { migrate } from '../../../../../electron/core/storage/versioned-store.ts';
import { planSchema, resetToDefaultPlan } from '../../../../../shared/plan/index.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

/** A plan as Herald saved it before plans carried a version: no `version`, no `checklistHelp`. */
function preVersioningPlan() {
  const { version: _version, checklistHelp: _help, ...v0 } = resetToDefaultPlan();
  return v0;
}

describe('plan migrations', () => {
  it('step 1 → 2 gives a pre-versioning plan its version and empty help overrides', () => {
    const upgraded = planMigrations[0]!.up(preVersioningPlan());
    expect(upgraded).toEqual(resetToDefaultPlan());
    expect(planSchema.safeParse(upgraded).success).toBe(true);
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

describe('plan migration step 2 → 3 (update cadence by priority)', () => {
  it('gives a plan saved without a cadence the default one, and keeps a team’s own', () => {
    const { incidentUpdateCadence: _cadence, ...v2 } = resetToDefaultPlan();
    expect(planMigrations[1]!.up(v2)).toEqual(resetToDefaultPlan());
    const own = {
      ...resetToDefaultPlan(),
      incidentUpdateCadence: { high: 15, medium: 30, low: 60, unset: 15 },
    };
    expect(planMigrations[1]!.up(own)).toEqual(own);
    for (const odd of [null, 'plan', [], 42]) expect(planMigrations[1]!.up(odd)).toBe(odd);
  });

  it('a version 2 file on disk opens with the default cadence: High Priority every 30 minutes, as the plan’s example', async () => {
    const dataDir = makeDataDir();
    const { incidentUpdateCadence: _cadence, ...v2 } = resetToDefaultPlan();
    writeFileSync(join(dataDir, 'plan.json'), JSON.stringify({ schemaVersion: 2, data: v2 }));
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
