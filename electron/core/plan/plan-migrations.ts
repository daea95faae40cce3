// The plan store's migration steps (see storage/versioned-store.ts). Each is a
// pure function from one stored version's data to the next, tested with an
// old fixture in test/unit/electron/core/plan/plan-migrations.test.ts.
import type { MigrationStep } from '../storage/versioned-store.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const planMigrations: readonly MigrationStep[] = [
  {
    // Plans saved before plans carried a version (or typed by hand) have the same shape without
    // `version` or `checklistHelp`. A plan that has them already passes through unchanged.
    describe:
      'adds the plan version number and an empty set of help-text overrides to a plan saved without them',
    up: (data) =>
      isRecord(data)
        ? { checklistHelp: {}, ...data, version: Object.hasOwn(data, 'version') ? data.version : 1 }
        : data,
  },
];
