// The facts every Herald message carries in its Slack message metadata, so
// that every lead's Herald can rebuild the team's picture from Slack alone:
// Slack is the log, this is its schema. Defined once here; the gateway is the
// only place that writes it onto a message (post and edit), and the team sync
// the only place that reads it back, through `readHeraldMetadata`, which
// treats every payload as untrusted (another Herald's version, or anyone's).
//
// Slack's payload allows strings, numbers, booleans, flat objects and arrays
// of flat objects (@slack/types MessageMetadata), so each subject is one flat
// object and the comms schedule an array of flat objects. Instants are ISO
// strings; "" stands for "none", since Slack's payload has no null.
import { z } from 'zod';

/** The metadata event type that marks Herald's own messages (unchanged since the first outbox). */
export const HERALD_EVENT_TYPE = 'herald_message';
/** Bumped only when a field changes meaning; new fields are added without a bump and ignored by older readers. */
export const MESSAGE_FACTS_VERSION = 1;

const MAX_ID = 200;
const MAX_TEXT = 500;
/** A maintenance detail (impact, what users must do): Slack's section block text limit. */
export const MAX_DETAIL = 3000;
const id = z.string().trim().min(1).max(MAX_ID);
/** A Slack user id ("U0COMMSLEAD"), or "" when the sender named no lead. */
const userId = z.union([z.literal(''), z.string().regex(/^[UW][A-Z0-9]{2,30}$/)]);
/** An ISO instant, or "" for none. */
const instantOrNone = z.union([z.literal(''), z.iso.datetime()]);
const text = z.string().max(MAX_TEXT);

export const incidentStages = [
  'declared',
  'update',
  'holding',
  'resolved',
  'postmortem',
  /** "Comms for this incident are now with @B": a lead took over. */
  'handover',
] as const;
export type IncidentStage = (typeof incidentStages)[number];

// Strict where Herald writes them (the outbox refuses unknown fields); reading Slack strips unknown fields first.
export const incidentFactsSchema = z.strictObject({
  id,
  stage: z.enum(incidentStages),
  /** The priority as the message names it ("High Priority"); "" when it names none. */
  priority: text,
  title: text,
  service: text,
  /** The next update this message promises. */
  next_update_at: instantOrNone,
  /** Who has comms for the incident once this message is in Slack. */
  owner: userId,
  /** A hand-over names the owner it takes over from; Slack's message order decides between two at once. */
  previous_owner: userId,
  /**
   * This message's own title ("Incident Resolved - Sentry"), where `title` stays the incident's (its declaration's),
   * so another lead's card is named as this lead's is: after its latest stage. Older Heralds' messages lack it.
   */
  message_title: text.optional(),
});
export type IncidentFacts = z.infer<typeof incidentFactsSchema>;

export const maintenanceFactsSchema = z.strictObject({
  id,
  title: text,
  starts_at: z.iso.datetime(),
  ends_at: instantOrNone,
  status: z.string().trim().min(1).max(40),
  /** Which of its messages this one is ("announcement", "reminder"…). */
  stage: z.string().max(40),
  zone: z.string().max(64),
  owner: userId,
  /**
   * A hand-over ("Comms for this maintenance are now with @B", stage "handover") names the owner it takes over
   * from, as an incident's does; Slack's message order decides between two at once. Older Heralds' messages lack it.
   */
  previous_owner: userId.optional(),
  // What the event panel shows about the work, so another lead's copy of the event reads as the owner's does. All
  // optional: an older Herald's message lacks them (its event reads as "Maintenance", with no details). The kind is
  // any short word here; the merge keeps only a kind this version knows, so a newer Herald's new kind is not fatal.
  work_kind: z.string().max(40).optional(),
  services: z
    .array(z.strictObject({ name: z.string().max(80) }))
    .max(30)
    .optional(),
  /** At most 3,000 characters, as one of Slack's section blocks: the message itself says no more than that. */
  impact: z.string().max(MAX_DETAIL).optional(),
  user_actions: z.string().max(MAX_DETAIL).optional(),
  user_action_deadline: instantOrNone.optional(),
  change_notes_url: z.string().max(2048).optional(),
});
export type MaintenanceFacts = z.infer<typeof maintenanceFactsSchema>;

export const commsStepSchema = z.strictObject({
  stage: z.string().min(1).max(40),
  due_at: instantOrNone,
  is_sent: z.boolean(),
});
export type CommsStep = z.infer<typeof commsStepSchema>;

/** What the sending Herald says a message is about; stored on the outbox item until it is sent. */
export const messageFactsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), actor: userId, incident: incidentFactsSchema }).strict(),
  z
    .object({
      kind: z.literal('maintenance'),
      actor: userId,
      maintenance: maintenanceFactsSchema,
      comms: z.array(commsStepSchema).max(20),
    })
    .strict(),
]);
export type MessageFacts = z.infer<typeof messageFactsSchema>;

/** The `metadata` argument of chat.postMessage / chat.update for one Herald message. */
export function heraldMetadata(
  heraldId: string,
  facts: MessageFacts | null,
): { event_type: string; event_payload: Record<string, unknown> } {
  const payload: Record<string, unknown> = { herald_id: heraldId, schema_version: MESSAGE_FACTS_VERSION };
  if (facts === null) return { event_type: HERALD_EVENT_TYPE, event_payload: payload };
  payload.subject_kind = facts.kind;
  payload.actor = facts.actor;
  if (facts.kind === 'incident') payload.incident = { ...facts.incident };
  else {
    payload.maintenance = { ...facts.maintenance };
    payload.comms = facts.comms.map((step) => ({ ...step }));
  }
  return { event_type: HERALD_EVENT_TYPE, event_payload: payload };
}

/** What a message's metadata says, once checked. */
export type ReadMetadata =
  /** Not Herald's (no metadata, another app's event type, or no usable herald_id). */
  | { kind: 'foreign' }
  /** Herald's, but about nothing Herald tracks, or from a version whose subject this one cannot read. */
  | { kind: 'herald'; heraldId: string; version: number; facts: null; problem?: string }
  | { kind: 'herald'; heraldId: string; version: number; facts: MessageFacts };

const envelopeSchema = z.object({
  event_type: z.literal(HERALD_EVENT_TYPE),
  event_payload: z.object({
    herald_id: id,
    // Herald's first messages carried only herald_id: version 0.
    schema_version: z.number().int().min(0).max(1_000_000).default(0),
  }),
});

/**
 * Reads a message's `metadata` as Slack returned it. Never throws and never
 * trusts it: a payload from a newer Herald is read for the fields this
 * version knows (newer fields are ignored), one that fails the schema yields
 * no facts, and anything that is not Herald's is `foreign`.
 */
export function readHeraldMetadata(raw: unknown): ReadMetadata {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { kind: 'foreign' };
  const { herald_id: heraldId, schema_version: version } = envelope.data.event_payload;
  if (version < 1) return { kind: 'herald', heraldId, version, facts: null };
  const payload = (raw as { event_payload: Record<string, unknown> }).event_payload;
  const kind = payload.subject_kind;
  const candidate =
    kind === 'incident'
      ? { kind, actor: payload.actor, incident: payload.incident }
      : kind === 'maintenance'
        ? { kind, actor: payload.actor, maintenance: payload.maintenance, comms: payload.comms ?? [] }
        : undefined;
  if (candidate === undefined) return { kind: 'herald', heraldId, version, facts: null };
  // Newer Heralds may add fields inside a subject: keep only the ones this version knows.
  const parsed = messageFactsSchema.safeParse(stripUnknown(candidate));
  if (!parsed.success) {
    return {
      kind: 'herald',
      heraldId,
      version,
      facts: null,
      problem: parsed.error.issues[0]?.message ?? 'invalid',
    };
  }
  return { kind: 'herald', heraldId, version, facts: parsed.data };
}

const KNOWN_FIELDS = {
  incident: Object.keys(incidentFactsSchema.shape),
  maintenance: Object.keys(maintenanceFactsSchema.shape),
  comms: Object.keys(commsStepSchema.shape),
  service: ['name'],
};

function pick(value: unknown, keys: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(
    keys.filter((key) => Object.hasOwn(source, key)).map((key) => [key, source[key]]),
  );
}

function pickMaintenance(value: unknown): unknown {
  const picked = pick(value, KNOWN_FIELDS.maintenance);
  if (
    typeof picked !== 'object' ||
    picked === null ||
    !Array.isArray((picked as { services?: unknown }).services)
  )
    return picked;
  const services = (picked as { services: unknown[] }).services;
  return { ...picked, services: services.map((service) => pick(service, KNOWN_FIELDS.service)) };
}

function stripUnknown(candidate: Record<string, unknown>): Record<string, unknown> {
  return {
    ...candidate,
    ...('incident' in candidate ? { incident: pick(candidate.incident, KNOWN_FIELDS.incident) } : {}),
    ...('maintenance' in candidate ? { maintenance: pickMaintenance(candidate.maintenance) } : {}),
    ...('comms' in candidate
      ? {
          comms: Array.isArray(candidate.comms)
            ? candidate.comms.map((step) => pick(step, KNOWN_FIELDS.comms))
            : candidate.comms,
        }
      : {}),
  };
}
