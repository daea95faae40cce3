// Sending: a draft goes through lint, rendering and Slack's limits, then into
// the outbox. Incident messages also drive the incident record and its
// reminders. Copy-only destinations (a one-to-one, the weeknotes) are copied
// as Slack text in the renderer and never sent.
import { z } from 'zod';
import { storedDraftSchema } from '../../drafts/stored-draft.ts';
import { incidentSchema } from '../../incidents/incident.ts';
import { draftSchema } from '../../messages/draft-schema.ts';
import { outboxStates } from '../../outbox/outbox-item.ts';

const idText = z.string().trim().min(1).max(200);

export const sendModes = ['now', 'when_online', 'schedule'] as const;

export const sendArgsSchema = z
  .object({
    draftId: idText,
    /**
     * now: queue and send at once (queued if offline). when_online: queue; it goes when Slack is reachable.
     * schedule: at `atUtc` — Slack's scheduled messages when online, Herald's own outbox timer when not.
     */
    mode: z.enum(sendModes),
    atUtc: z.iso.datetime().optional(),
    /** Required to send while required checklist items are missing; recorded in history. */
    overrideReason: z.string().trim().min(1).max(2_000).optional(),
    /** Thread replies: also show it in the channel, not only in the thread. Left out: as the plan says for the stage. */
    alsoToChannel: z.boolean().optional(),
  })
  .strict();

export const sendResultSchema = z.object({
  outboxItemId: idText,
  incidentId: idText.nullable(),
  /** The outbox state right after queuing (queued, sending, scheduled, held…). */
  state: z.enum(outboxStates),
});
export type SendResult = z.infer<typeof sendResultSchema>;

/** The message a correction edits, as the composer's banner names it. */
export const correctionTargetSchema = z.object({
  /** Its outbox item's id, which is also its History entry's. */
  messageId: idText,
  channelId: z.string().nullable(),
  channelName: z.string().nullable(),
  /** The channel as it was asked for (a name or an id), for a message whose channel is not resolved yet. */
  channel: z.string(),
  /** When it reached Slack; null while it is still on its way (the edit then follows it). */
  sentAtUtc: z.iso.datetime().nullable(),
  /** When it was queued, for a message still on its way. */
  queuedAtUtc: z.iso.datetime(),
  permalink: z.string().nullable(),
  isThreadReply: z.boolean(),
  /** When it was last edited in Slack; null if never. */
  editedAtUtc: z.iso.datetime().nullable(),
  /** The incident and maintenance event it is about (its "Open in Herald" link names one of them). */
  incidentId: idText.nullable().default(null),
  eventId: idText.nullable().default(null),
});
export type CorrectionTarget = z.infer<typeof correctionTargetSchema>;

export const openCorrectionResultSchema = z.object({
  /** The correction draft (reused while one for this message is open): saving it edits the message. */
  stored: storedDraftSchema,
  /** The draft as the message was sent (or last corrected): what "unchanged" means. */
  original: draftSchema,
  target: correctionTargetSchema,
});
export type OpenCorrectionResult = z.infer<typeof openCorrectionResultSchema>;

export const editResultSchema = z.object({
  /** The outbox item of the edit (chat.update). */
  outboxItemId: idText,
  /** The message it edits. */
  messageId: idText,
  state: z.enum(outboxStates),
});
export type EditResult = z.infer<typeof editResultSchema>;

export const messageChannels = {
  'messages:send': { args: sendArgsSchema, result: sendResultSchema },
  /**
   * Opens a message Herald sent (or is sending) for correction: a draft pre-filled from the one it was sent
   * from. Refused for a message that is not Herald's, not in Slack and not on its way there.
   */
  'messages:openCorrection': {
    args: z.object({ messageId: idText }).strict(),
    result: openCorrectionResultSchema,
  },
  /** Saves a correction draft as an edit of its message in Slack (chat.update through the outbox). */
  'messages:edit': {
    args: z
      .object({
        draftId: idText,
        /** Required to save while required checklist items are missing; recorded in history. */
        overrideReason: z.string().trim().min(1).max(2_000).optional(),
      })
      .strict(),
    result: editResultSchema,
  },
} as const;

export const incidentChannels = {
  /** Open incidents and those resolved in the last 30 days, newest first. */
  'incidents:list': { args: z.object({}).strict(), result: z.array(incidentSchema) },
  'incidents:get': { args: z.object({ id: idText }).strict(), result: incidentSchema },
  /**
   * A draft for the incident's next message, pre-filled from the incident (service, thread, channel):
   * update (or a short holding update), resolution, or postmortem. Reuses an unsent draft of the same kind.
   */
  'incidents:draftNext': {
    args: z
      .object({ incidentId: idText, kind: z.enum(['update', 'holding', 'resolved', 'postmortem']) })
      .strict(),
    result: storedDraftSchema,
  },
} as const;

export const incidentEvents = {
  'incidents:changed': incidentSchema,
} as const;
