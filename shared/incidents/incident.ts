// An incident as Herald tracks its communications: declared, updated in one
// Slack thread, resolved, and followed by its postmortem; with the promise of
// the next update that the reminders hold Herald to.
import { z } from 'zod';
import { incidentStages } from '../team-sync/message-facts.ts';
import { incidentStatuses } from './headline.ts';

const isoInstant = z.iso.datetime();
const idText = z.string().trim().min(1).max(200);

/** A timeline entry's kind is the stage its message stood for, as the Slack metadata names it. */
export const incidentTimelineKinds = incidentStages;
export type IncidentTimelineKind = (typeof incidentTimelineKinds)[number];

export const incidentTimelineEntrySchema = z.object({
  kind: z.enum(incidentTimelineKinds),
  atUtc: isoInstant,
  /** The message in the outbox (its state and permalink live there). */
  outboxItemId: idText,
  /** A line for the timeline: the title that was sent. */
  summary: z.string().max(500),
  /** The next update this message promised, if any. */
  nextUpdateAtUtc: isoInstant.nullable(),
  /** Also posted to the channel, not only in the thread. */
  isBroadcast: z.boolean(),
  /** The lead who sent it (Slack user id), as their Herald's metadata says; "" when not known. */
  by: z.string().max(40).default(''),
});
export type IncidentTimelineEntry = z.infer<typeof incidentTimelineEntrySchema>;

/**
 * The answers a follow-up starts from: the latest message's impact, action and user actions (and a "not
 * applicable" reason, if that is what it gave), so the lead edits what changed instead of retyping it.
 */
export const carriedAnswersSchema = z.object({
  fields: z.record(z.string().max(100), z.string().max(20_000)),
  notApplicable: z.record(z.string().max(100), z.string().max(2_000)),
});
export type CarriedAnswers = z.infer<typeof carriedAnswersSchema>;
/** One incident message as Slack has it (the team's log): its place in Slack's order and what its metadata said. */
export const incidentSlackEventSchema = z.object({
  ts: z.string().max(40),
  heraldId: idText,
  stage: z.enum(incidentStages),
  actor: z.string().max(40),
  owner: z.string().max(40),
  previousOwner: z.string().max(40),
  nextUpdateAtUtc: isoInstant.nullable(),
  summary: z.string().max(500),
  /** Slack's `edited.ts` of the version read (absent: never edited); the newest edit's facts win. */
  editedTs: z.string().max(40).optional(),
});
export type IncidentSlackEvent = z.infer<typeof incidentSlackEventSchema>;

export const incidentSchema = z.object({
  id: idText,
  /** The service named in the declaration ("Sentry"). */
  service: z.string().max(200),
  title: z.string().max(500),
  state: z.enum(['open', 'resolved']),
  channel: z.string().max(100),
  declaredAtUtc: isoInstant,
  resolvedAtUtc: isoInstant.nullable(),
  /** The declaration in the outbox; every later message threads under it. */
  declarationOutboxId: idText,
  /** The declaration's Slack timestamp once it has been sent. */
  threadTs: z.string().nullable(),
  /** The latest promise of a next update; null once resolved or when none was made. */
  nextUpdateAtUtc: isoInstant.nullable(),
  postmortemUrl: z.string().nullable(),
  timeline: z.array(incidentTimelineEntrySchema),
  /** The declaration's priority answer ("high", "medium", "low"; "" when none): the plan's update cadence follows it. */
  priority: z.string().max(20).default(''),
  carried: carriedAnswersSchema.default({ fields: {}, notApplicable: {} }),
  /** Who has comms for it (Slack user id): the declarer, then whoever took over; "" when not known. */
  owner: z.string().max(40).default(''),
  /** Where the incident came from: this Herald, or another lead's seen in Slack. */
  origin: z.enum(['local', 'slack']).default('local'),
  /** Every message about it read back from Slack, in the facts its metadata gave: the shared log. */
  slackEvents: z.array(incidentSlackEventSchema).max(500).default([]),
  /** Told to this lead when their take-over lost to another lead's earlier one; null otherwise. */
  ownershipNotice: z.string().max(500).nullable().default(null),
  /** Where the incident stands, as the latest stage said (incidents recorded before statuses: investigating). */
  status: z.enum(incidentStatuses).default('investigating'),
  /** The headline text last queued as an edit of the declaration, so an unchanged headline is not sent again. */
  headlineText: z.string().nullable().default(null),
});
export type Incident = z.infer<typeof incidentSchema>;
