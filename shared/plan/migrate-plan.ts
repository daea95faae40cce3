// Upgrading a stored plan to the current version, one numbered step at a
// time. Stored data is untrusted: each step tolerates odd input and the
// result is validated as a whole. Add a step by appending to planMigrations.
import { fail, ok, type Result } from '../api/result.ts';
import { PLAN_VERSION, type Plan } from './plan-schema.ts';
import { validatePlan } from './validate-plan.ts';

type RawPlan = Record<string, unknown>;

export interface PlanMigration {
  /** The version this step upgrades from; it produces `from + 1`. */
  from: number;
  describe: string;
  up: (raw: RawPlan) => RawPlan;
}

/**
 * Version 0 is a plan written before plans carried a version (or one typed
 * by hand): the same shape without `version` or `checklistHelp`.
 */
export const planMigrations: readonly PlanMigration[] = [
  {
    from: 0,
    describe: 'adds the version number and an empty set of help-text overrides',
    up: (raw) => ({ checklistHelp: {}, ...raw, version: 1 }),
  },
];

function storedVersion(raw: RawPlan): number | undefined {
  if (!Object.hasOwn(raw, 'version')) return 0;
  return Number.isInteger(raw.version) && (raw.version as number) >= 0 ? (raw.version as number) : undefined;
}

/**
 * Applies the numbered steps from the stored version up to `targetVersion`,
 * stamping each step's result with its version. Knows nothing of the plan's
 * shape, so it can be tested with steps that do not exist yet.
 */
export function runMigrations(
  raw: unknown,
  migrations: readonly PlanMigration[],
  targetVersion: number,
): Result<RawPlan> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('invalid_argument', 'The stored plan is not an object; it may be corrupt.');
  }
  let current = raw as RawPlan;
  const stored = storedVersion(current);
  if (stored === undefined)
    return fail(
      'invalid_argument',
      `The stored plan has an unreadable version: ${JSON.stringify(current.version)}.`,
    );
  if (stored > targetVersion) {
    return fail(
      'conflict',
      `The stored plan is version ${stored}, newer than this Herald understands (${targetVersion}); update Herald to use it.`,
    );
  }
  for (let version = stored; version < targetVersion; version += 1) {
    const step = migrations.find((migration) => migration.from === version);
    if (step === undefined) return fail('internal', `No migration from plan version ${version}.`);
    current = { ...step.up(current), version: version + 1 };
  }
  return ok(current);
}

/** A stored plan of any known version, upgraded to the current one and validated. */
export function migratePlan(raw: unknown): Result<Plan> {
  const migrated = runMigrations(raw, planMigrations, PLAN_VERSION);
  return migrated.ok ? validatePlan(migrated.value) : migrated;
}
