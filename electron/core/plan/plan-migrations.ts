// The plan store's migration steps (see storage/versioned-store.ts). Each is a
// pure function from one stored version's data to the next, tested with an
// old fixture in test/unit/electron/core/plan/plan-migrations.test.ts.
import { DEFAULT_INCIDENT_UPDATE_CADENCE } from '../../../shared/plan/plan-vocabulary.ts';
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
  {
    // Plans saved before the update cadence was part of the plan: the cadence the plan's example promises
    // (High Priority, next update in 30 minutes) and Herald's suggestion for the other priorities.
    describe: 'adds how often an incident is updated, by priority, to a plan saved without it',
    up: (data) =>
      isRecord(data) && !Object.hasOwn(data, 'incidentUpdateCadence')
        ? { ...data, incidentUpdateCadence: { ...DEFAULT_INCIDENT_UPDATE_CADENCE } }
        : data,
  },
];
