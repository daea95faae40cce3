// The communications plan as data: who hears about what, when, where, and
// with which checklist. This file owns the stored shape; the meaning checks
// that need more than one field (unique ids, known checklists) live in
// validate-plan.ts so that each can explain itself in plain words.
import { z } from 'zod';
import {
  CADENCE_MAX_MINUTES,
  CADENCE_MIN_MINUTES,
  cadences,
  DEFAULT_INCIDENT_UPDATE_CADENCE,
  normaliseChannelName,
  PLAN_VERSION,
} from './plan-vocabulary.ts';

export {
  cadenceLabels,
  cadences,
  DEFAULT_INCIDENT_UPDATE_CADENCE,
  incidentPriorities,
  incidentPriorityLabels,
  type IncidentPriority,
  type IncidentUpdateCadence,
  isValidChannelName,
  normaliseChannelName,
  PLAN_VERSION,
  TYPE_ID_PATTERN,
  type Cadence,
} from './plan-vocabulary.ts';

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** A Slack channel Herald posts to. Name only: ids are looked up when sending. */
export const slackDestinationSchema = z.object({
  kind: z.literal('slack'),
  channel: z.string().max(100, 'must be at most 80 characters').transform(normaliseChannelName),
});

/**
 * Somewhere the message is copied by hand, which Herald only reminds about:
 * a one-to-one, a meeting, the weeknotes.
 */
export const copyDestinationSchema = z.object({
  kind: z.literal('copy'),
  name: trimmed(120),
});

export const destinationSchema = z.discriminatedUnion('kind', [
  slackDestinationSchema,
  copyDestinationSchema,
]);
export type Destination = z.output<typeof destinationSchema>;

export const communicationTypeSchema = z.object({
  /** Stable key: drafts, templates and history refer to types by id, so renaming a type keeps them. */
  id: z.string().trim(),
  name: trimmed(80),
  audience: trimmed(120),
  when: z.enum(cadences),
  /** The plan's own words on timing, when the cadence alone says too little. */
  whenNote: trimmed(200).default(''),
  destinations: z.array(destinationSchema),
  /** Title used for stages without their own pattern, e.g. "Incident - {service}". */
  titlePattern: trimmed(200),
  /** Stage id → title pattern, e.g. declared → "{priority} Incident Declared - {service}". */
  stageTitlePatterns: z.record(z.string(), trimmed(200)).default({}),
  /** Checklist kind (see shared/messages/checklists). */
  checklist: z.string().trim(),
  /** The checklist's stages this type uses, in order. */
  stages: z.array(z.string().trim()),
  /**
   * Stages whose thread replies are also shown at the channel's top level (Slack's reply_broadcast), so a
   * reader scanning the channel sees them: an incident's resolution, a postmortem. The composer starts with
   * "also send to the channel" ticked for these; the lead can still change it per message.
   */
  alsoToChannelStages: z.array(z.string().trim()).default([]),
  /** Retired types stay for history but are not offered for new messages. */
  isRetired: z.boolean().default(false),
});
export type CommunicationType = z.output<typeof communicationTypeSchema>;
export type CommunicationTypeInput = z.input<typeof communicationTypeSchema>;

const cadenceMinutes = z
  .number()
  .int('must be a whole number of minutes')
  .min(CADENCE_MIN_MINUTES, `must be at least ${CADENCE_MIN_MINUTES} minutes`)
  .max(CADENCE_MAX_MINUTES, `must be at most ${CADENCE_MAX_MINUTES} minutes (a day)`);

/** Minutes between an open incident's updates, by priority (see plan-vocabulary.ts). */
export const incidentUpdateCadenceSchema = z.object({
  high: cadenceMinutes,
  medium: cadenceMinutes,
  low: cadenceMinutes,
  unset: cadenceMinutes,
});

export const planSchema = z.object({
  version: z.literal(PLAN_VERSION),
  types: z.array(communicationTypeSchema),
  /** Checklist kind → item id → the team's own help text, replacing Herald's. */
  checklistHelp: z.record(z.string(), z.record(z.string(), trimmed(500))).default({}),
  /** How soon each incident's next update is due, by priority; stored plans gain it in migration step 3 → 4. */
  incidentUpdateCadence: incidentUpdateCadenceSchema.default({ ...DEFAULT_INCIDENT_UPDATE_CADENCE }),
  /**
   * How long a promised incident update may be overdue before every lead's Herald is told (with "take over" at
   * hand), not only the owner's.
   */
  escalationGraceMinutes: z
    .number()
    .int()
    .min(1, 'must be at least 1 minute')
    .max(1440, 'must be at most 1,440 minutes (a day)')
    .default(15),
});
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
