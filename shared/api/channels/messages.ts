// Sending: a draft goes through lint, rendering and Slack's limits, then into
// the outbox. Incident messages also drive the incident record and its
// reminders. Copy-only destinations (a one-to-one, the weeknotes) are copied
// as Slack text in the renderer and never sent.
import { z } from 'zod';
import { storedDraftSchema } from '../../drafts/stored-draft.ts';
import { incidentSchema } from '../../incidents/incident.ts';
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

export const messageChannels = {
  'messages:send': { args: sendArgsSchema, result: sendResultSchema },
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
