// The communications plan as data: who hears about what, when, where, and
// with which checklist. This file owns the stored shape; the meaning checks
// that need more than one field (unique ids, known checklists) live in
// validate-plan.ts so that each can explain itself in plain words.
import { z } from 'zod';

export const PLAN_VERSION = 1;

export const cadences = [
  'as_shipped',
  'incident_lifecycle',
  'when_documented',
  'weekly',
  'fortnightly',
  'as_required',
  'regularly',
] as const;
export type Cadence = (typeof cadences)[number];

export const cadenceLabels: Readonly<Record<Cadence, string>> = {
  as_shipped: 'As features are shipped',
  incident_lifecycle: 'When declared, at key updates, and at closure',
  when_documented: 'When it has been written up',
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  as_required: 'As required',
  regularly: 'Regularly, when there is something to show',
};

/** "#Ops-Update " and "ops-update" are the same channel. */
function normaliseChannelName(text: string): string {
  return text.trim().replace(/^#/, '').trim().toLowerCase();
}

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
  /** Retired types stay for history but are not offered for new messages. */
  isRetired: z.boolean().default(false),
});
export type CommunicationType = z.output<typeof communicationTypeSchema>;
export type CommunicationTypeInput = z.input<typeof communicationTypeSchema>;

export const planSchema = z.object({
  version: z.literal(PLAN_VERSION),
  types: z.array(communicationTypeSchema),
  /** Checklist kind → item id → the team's own help text, replacing Herald's. */
  checklistHelp: z.record(z.string(), z.record(z.string(), trimmed(500))).default({}),
});
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** True for a Slack channel name: lowercase letters, digits, dashes and underscores, up to 80. */
export function isValidChannelName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]{0,79}$/.test(name);
}

export const TYPE_ID_PATTERN = /^[a-z][a-z0-9-]{0,47}$/;
