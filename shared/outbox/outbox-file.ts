// A file an outbox item uploads into Slack (kind `file`): today the
// maintenance event's calendar file (.ics) in its announcement's thread, so
// readers add the work to their calendar in one click. The file's bytes are
// kept with the item (written once, when it is queued), so a retry uploads
// exactly what the first attempt would have, and its title names the
// calendar version, which is how Herald recognises an upload already made.
import { z } from 'zod';

/** Small by design: one event's calendar is a few kilobytes; Slack's own ceiling is far higher. */
export const MAX_FILE_CONTENT_CHARS = 256 * 1024;

/** The iTIP methods (RFC 5546) a calendar file carries: the event as it stands, or its cancellation. */
export const calendarMethods = ['PUBLISH', 'CANCEL'] as const;
export type CalendarMethod = (typeof calendarMethods)[number];

const isoInstant = z.iso.datetime();

/** Which calendar event (and which version of it) a calendar file holds. */
export const calendarFileFactsSchema = z
  .object({
    uid: z.string().min(1).max(255),
    sequence: z.number().int().min(0),
    method: z.enum(calendarMethods),
    startsAtUtc: isoInstant,
    endsAtUtc: isoInstant,
  })
  .strict();
export type CalendarFileFacts = z.infer<typeof calendarFileFactsSchema>;

export const outboxFileSchema = z
  .object({
    /** The file name readers download ("certificate-manager-upgrade.ics"). */
    name: z.string().trim().min(1).max(255),
    /** What Slack shows for the file; unique per version in a thread (see the header). */
    title: z.string().trim().min(1).max(255),
    content: z.string().min(1).max(MAX_FILE_CONTENT_CHARS),
    calendar: calendarFileFactsSchema.nullable(),
  })
  .strict();
export type OutboxFile = z.infer<typeof outboxFileSchema>;

/** Uploading a file: into the thread of a sent (or still-queued) message, which it waits for. */
export const fileRequestSchema = z
  .object({
    /** The outbox item of the message the file goes with: the file waits for it and joins its thread. */
    withItemId: z.string().trim().min(1).max(200),
    file: outboxFileSchema,
    /** The words posted with the file (Slack's initial_comment). */
    comment: z.string().trim().min(1).max(2_000),
    source: z
      .object({ eventId: z.string().trim().min(1).max(200).optional() })
      .strict()
      .default({}),
  })
  .strict();
export type FileRequest = z.input<typeof fileRequestSchema>;
