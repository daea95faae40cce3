// The plan's fixed words and name rules as plain values: the renderer shows
// and checks them without loading the plan schema (zod). plan-schema.ts
// builds its schema from them and re-exports them.

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
export function normaliseChannelName(text: string): string {
  return text.trim().replace(/^#/, '').trim().toLowerCase();
}

/** True for a Slack channel name: lowercase letters, digits, dashes and underscores, up to 80. */
export function isValidChannelName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]{0,79}$/.test(name);
}

/**
 * How often an open incident is updated, by its priority (the incident checklist's `priority` answer; `unset`
 * when the declaration gave none). The comms plan's own example promises the next High Priority update "in 30
 * minutes"; it says nothing about the others, so those are Herald's suggestion. A holding update promises
 * the next one this far ahead.
 */
export const incidentPriorities = ['high', 'medium', 'low', 'unset'] as const;
export type IncidentPriority = (typeof incidentPriorities)[number];
export type IncidentUpdateCadence = Readonly<Record<IncidentPriority, number>>;

export const incidentPriorityLabels: Readonly<Record<IncidentPriority, string>> = {
  high: 'High priority',
  medium: 'Medium priority',
  low: 'Low priority',
  unset: 'Priority not given',
};

export const DEFAULT_INCIDENT_UPDATE_CADENCE: IncidentUpdateCadence = {
  high: 30,
  medium: 60,
  low: 120,
  unset: 30,
};

/** Bounds of a cadence, in minutes: at least five minutes, at most a day. */
export const CADENCE_MIN_MINUTES = 5;
export const CADENCE_MAX_MINUTES = 1_440;

export const TYPE_ID_PATTERN = /^[a-z][a-z0-9-]{0,47}$/;
