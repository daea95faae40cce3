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
    // Plans saved before thread replies could be shown at the channel's top level: each type gets the
    // stages Herald now broadcasts by default (an incident's resolution, a postmortem), others none.
    // A type that already has the setting keeps it.
    describe: 'gives each message type the stages whose thread replies are also shown in the channel',
    up: (data) =>
      isRecord(data) && Array.isArray(data.types)
        ? {
            ...data,
            types: data.types.map((type: unknown) =>
              isRecord(type) && !Object.hasOwn(type, 'alsoToChannelStages')
                ? { ...type, alsoToChannelStages: defaultBroadcastStages(type) }
                : type,
            ),
          }
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

/** The stages Herald broadcasts by default for a type of the default plan (by its stable id). */
function defaultBroadcastStages(type: Record<string, unknown>): string[] {
  if (type.id === 'incidents') return ['resolved'];
  if (type.id === 'postmortems') return ['message'];
  return [];
}
