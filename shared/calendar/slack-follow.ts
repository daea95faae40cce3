// A maintenance event's messages as Slack holds them (scheduled, waiting in
// the outbox, posted), whether each still says what the event now says, and
// what following the event's change would do with each: the answer of
// `calendar:slackMessages`, which the event panel and the confirm dialog show.
import { z } from 'zod';
import { calendarMethods } from '../outbox/outbox-file.ts';
import { outboxProblemSchema, outboxStates } from '../outbox/outbox-item.ts';

/**
 * What happens to a message that no longer matches its event:
 * - reschedule: removed from Slack and scheduled again, re-written, at the moved time;
 * - draft: removed from Slack and returned to drafts, re-written, for the lead to send;
 * - remove: removed from Slack only (the event is cancelled; its cancellation notice is drafted).
 */
export const slackFates = ['reschedule', 'draft', 'remove'] as const;
export type SlackFate = (typeof slackFates)[number];

const instantText = z.string();

export const slackMessageViewSchema = z.object({
  outboxItemId: z.string(),
  /** The event's message it is (announcement, reminder…), as the plan names its stage. */
  stage: z.string().nullable(),
  /** The channel's name (or what the lead typed, until Slack resolved it). */
  channel: z.string(),
  state: z.enum(outboxStates),
  /** Slack posts it then (a message scheduled in Slack, or waiting to be). */
  scheduleForUtc: instantText.nullable(),
  /** Herald sends it then (queued while Slack could not schedule it). */
  sendAtUtc: instantText.nullable(),
  sentAtUtc: instantText.nullable(),
  permalink: z.string().nullable(),
  problem: outboxProblemSchema.nullable(),
  /** Its removal from Slack, once queued: where that has got to. */
  removal: z.object({ state: z.enum(outboxStates), problem: outboxProblemSchema.nullable() }).nullable(),
  /** It says something the event no longer says (another date, what or impact), or the event is cancelled. */
  isStale: z.boolean(),
  /** What the lead may choose for it, the proposed one first; empty when nothing needs doing. */
  fates: z.array(z.enum(slackFates)),
  /** When it would be scheduled again (its time moved with the event). */
  newTimeUtc: instantText.nullable(),
  /** The message's first line, to recognise it. */
  excerpt: z.string(),
});
export type SlackMessageView = z.output<typeof slackMessageViewSchema>;

/** A message that carries the event's calendar file (.ics), and the file in its thread. */
export const calendarFileViewSchema = z.object({
  /** The message (announcement, or a reschedule or cancellation notice) the file goes with. */
  messageItemId: z.string(),
  stage: z.string().nullable(),
  channel: z.string(),
  messageState: z.enum(outboxStates),
  /** The newest version queued or uploaded with it; null when none was. */
  file: z
    .object({
      itemId: z.string(),
      name: z.string(),
      title: z.string(),
      state: z.enum(outboxStates),
      sequence: z.number().int().nullable(),
      method: z.enum(calendarMethods).nullable(),
      sentAtUtc: instantText.nullable(),
      permalink: z.string().nullable(),
      problem: outboxProblemSchema.nullable(),
    })
    .nullable(),
  /** The file says what the event now says (its times, or that it is cancelled). */
  isCurrent: z.boolean(),
  /** Following the change would send the event's file as it now stands into this message's thread. */
  canUpdate: z.boolean(),
});
export type CalendarFileView = z.output<typeof calendarFileViewSchema>;

export const slackMessagesSchema = z.object({
  eventId: z.string(),
  /** Whether Slack's list of scheduled messages was read for this answer (false while offline). */
  isCheckedWithSlack: z.boolean(),
  messages: z.array(slackMessageViewSchema),
  /** The messages that carry the event's calendar file; none when no stage carries it. */
  calendarFiles: z.array(calendarFileViewSchema).default([]),
});
export type SlackMessages = z.output<typeof slackMessagesSchema>;

export const followChoiceSchema = z
  .object({ outboxItemId: z.string().trim().min(1).max(200), fate: z.enum(slackFates) })
  .strict();
export type FollowChoice = z.output<typeof followChoiceSchema>;

export const followResultSchema = z.object({
  messages: slackMessagesSchema,
  /** What was done, in a sentence for the live region. */
  summary: z.string(),
});
export type FollowResult = z.output<typeof followResultSchema>;

/** One occurrence a series change reaches, with its messages waiting in Slack (or the outbox) that would follow. */
export const seriesOccurrenceViewSchema = z.object({
  eventId: z.string(),
  startsAtUtc: instantText,
  /** Its messages waiting to go out that the change would remove (cancel) or re-write (edit). */
  messages: z.array(slackMessageViewSchema),
});
export type SeriesOccurrenceView = z.output<typeof seriesOccurrenceViewSchema>;

export const seriesPreviewSchema = z.object({
  /** The open occurrences the change reaches, earliest first. */
  occurrences: z.array(seriesOccurrenceViewSchema),
  /** Whether Slack's list of scheduled messages was read for this answer (false while offline). */
  isCheckedWithSlack: z.boolean(),
});
export type SeriesPreview = z.output<typeof seriesPreviewSchema>;
