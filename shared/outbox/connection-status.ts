// Whether Herald can reach Slack, as the outbox sees it. The outbox is the
// one that learns first (a send fails), so it owns this status; the renderer
// shows it as a banner and the tray as a badge.
import { z } from 'zod';

/**
 * - unknown: not checked yet (just started).
 * - online: Slack answers.
 * - offline: Slack cannot be reached; messages wait and Herald keeps checking.
 * - auth_stopped: Slack refused the token (or none is set); nothing is sent until Slack is connected again.
 */
export const connectionStates = ['unknown', 'online', 'offline', 'auth_stopped'] as const;
export type ConnectionState = (typeof connectionStates)[number];

export const connectionStatusSchema = z.object({
  state: z.enum(connectionStates),
  /** A plain sentence about the state. */
  message: z.string(),
  fix: z.string().optional(),
  sinceUtc: z.iso.datetime(),
  /** While offline: when Herald next checks. */
  nextCheckAtUtc: z.iso.datetime().nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;
