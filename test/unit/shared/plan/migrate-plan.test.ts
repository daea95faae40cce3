import { describe, expect, it } from 'vitest';
import {
  migratePlan,
  PLAN_VERSION,
  resetToDefaultPlan,
  runMigrations,
  type PlanMigration,
} from '../../../../shared/plan/index.ts';

describe('migratePlan', () => {
  it('accepts a current plan as it is', () => {
    expect(migratePlan(resetToDefaultPlan())).toEqual({ ok: true, value: resetToDefaultPlan() });
  });

  it('upgrades a plan saved without a version (v0) to v1', () => {
    const { version: _version, checklistHelp: _help, ...v0 } = resetToDefaultPlan();
    expect(migratePlan(v0)).toEqual({ ok: true, value: resetToDefaultPlan() });
  });

  it('refuses a plan from a newer Herald instead of guessing', () => {
    const result = migratePlan({ ...resetToDefaultPlan(), version: PLAN_VERSION + 1 });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'conflict' });
  });

  it('refuses corrupt input with a message, without throwing', () => {
    for (const raw of [null, 'plan', [], 42, { version: 'one' }, { version: -1 }]) {
      const result = migratePlan(raw);
      expect(result.ok).toBe(false);
    }
    const invalid = migratePlan({ version: 1, types: [] });
    expect(invalid.ok ? '' : invalid.error.message).toContain('no communication types');
  });

  it('runs numbered steps in order and stamps each version', () => {
    const seen: number[] = [];
    const steps: PlanMigration[] = [
      {
        from: 2,
        describe: 'second',
        up: (raw) => (seen.push(raw.version as number), { ...raw, renamed: raw.legacy }),
      },
      {
        from: 1,
        describe: 'first',
        up: (raw) => (seen.push(raw.version as number), { ...raw, legacy: 'kept' }),
      },
    ];
    expect(runMigrations({ version: 1 }, steps, 3)).toEqual({
      ok: true,
      value: { version: 3, legacy: 'kept', renamed: 'kept' },
    });
    expect(seen).toEqual([1, 2]);
  });

  it('reports a missing step rather than skipping it', () => {
    const result = runMigrations({ version: 1 }, [{ from: 2, describe: 'x', up: (raw) => raw }], 3);
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'internal',
      message: 'No migration from plan version 1.',
    });
  });
});
