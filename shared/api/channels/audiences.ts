// "What each audience last heard": per audience and channel in the plan, the
// latest message each channel received about every open incident and every
// upcoming or running maintenance, what it claims, and every disagreement
// (a flag) with the message that would fix it. Derived in core
// (electron/core/audiences/); the renderer only shows it and words it
// (shared/audiences/flag-wording.ts, zod-free).
import { z } from 'zod';
import { audienceFlagKinds, heardViaKinds, subjectKinds } from '../../audiences/audience-vocabulary.ts';

const utc = z.iso.datetime();

export const audienceSubjectSchema = z.object({
  kind: z.enum(subjectKinds),
  id: z.string(),
  title: z.string(),
});
export type AudienceSubject = z.output<typeof audienceSubjectSchema>;

/** What one message said about its subject, as its Slack metadata (or this Herald's draft) has it. */
export const claimsSchema = z.object({
  /** The message's stage: declared, update, holding, resolved… or announcement, reminder, rescheduled… */
  stage: z.string(),
  /** Incident: investigating, identified, monitoring, resolved. Maintenance: the event's status then. */
  status: z.string().nullable(),
  nextUpdateAtUtc: utc.nullable(),
  startsAtUtc: utc.nullable(),
  endsAtUtc: utc.nullable(),
  /** The zone a maintenance window was written in. */
  timeZone: z.string().nullable(),
});
export type Claims = z.output<typeof claimsSchema>;

export const heardSchema = z.object({
  /** The outbox item that posted it (its herald_id). */
  heraldId: z.string(),
  atUtc: utc,
  permalink: z.string().nullable(),
  /** 'here': this Herald sent it; 'team': read from Slack (another lead's Herald, or this one's read back). */
  via: z.enum(heardViaKinds),
  /** The lead who sent it (Slack user id); "" when not known. */
  actor: z.string(),
  claims: claimsSchema,
});
export type Heard = z.output<typeof heardSchema>;

export const audienceFlagSchema = z.object({
  /** Stable while the disagreement lasts: "<kind>|<subject kind>:<id>|<channel>". */
  id: z.string(),
  kind: z.enum(audienceFlagKinds),
  audience: z.string(),
  channel: z.string(),
  subject: audienceSubjectSchema,
  /** What the channel holds (null when it was never told). */
  heard: heardSchema.nullable(),
  /** What is true now, to word the flag: the current window, status or promise. */
  truth: claimsSchema,
  /** Another channel that already has the truth (an incident resolved there), if any. */
  elsewhere: z.string().nullable(),
  /** Since when the channel has been out of step (a passed promise, a due announcement); null when not timed. */
  sinceUtc: utc.nullable(),
  /** The incident's own overdue alert already says this (its promise, in the channel of its thread). */
  isAlsoAnAlert: z.boolean(),
  /** A fix drafted and waiting in the outbox: the flag clears once it reaches Slack. */
  fixOutboxItemId: z.string().nullable(),
});
export type AudienceFlag = z.output<typeof audienceFlagSchema>;

export const subjectRowSchema = z.object({
  subject: audienceSubjectSchema,
  heard: heardSchema.nullable(),
  /** When the plan says this channel is to be told first (a maintenance announcement still ahead). */
  dueAtUtc: utc.nullable(),
  flagIds: z.array(z.string()),
});
export type SubjectRow = z.output<typeof subjectRowSchema>;

export const audiencesViewSchema = z.object({
  nowUtc: utc,
  audiences: z.array(
    z.object({
      audience: z.string(),
      channels: z.array(z.object({ channel: z.string(), subjects: z.array(subjectRowSchema) })),
    }),
  ),
  flags: z.array(audienceFlagSchema),
});
export type AudiencesView = z.output<typeof audiencesViewSchema>;

export const audienceChannels = {
  'audiences:view': { args: z.object({}).strict(), result: audiencesViewSchema },
  /**
   * The message that fixes a flag, as a draft ready in the composer: the correction ("rescheduled" or
   * "cancelled"), the update or resolution the channel missed, or the missing announcement.
   */
  'audiences:draftFix': {
    args: z.object({ flagId: z.string().trim().min(1).max(600) }).strict(),
    result: z.object({ draftId: z.string() }),
  },
} as const;

export const audienceEvents = {
  /** The view changed (a message sent or read from Slack, an event moved, a promise passed). */
  'audiences:changed': audiencesViewSchema,
} as const;
