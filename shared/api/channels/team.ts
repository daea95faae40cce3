// Team channels: the workspace's people (to name this Herald's lead), the
// shared picture's sync with Slack, and taking over an incident's comms.
import { z } from 'zod';

export const workspaceUserSchema = z.object({ id: z.string(), name: z.string(), handle: z.string() });
export type WorkspaceUserView = z.output<typeof workspaceUserSchema>;

export const syncStatusSchema = z.object({
  /** Whether the sync runs (Slack connected) and when it last finished reading every channel. */
  state: z.enum(['idle', 'syncing', 'waiting_for_slack', 'not_connected']),
  lastSyncAtUtc: z.string().nullable(),
  /** Slack asked Herald to wait (rate limit) until then. */
  retryAfterUtc: z.string().nullable(),
  /** The plan channels read, with the newest message seen in each. */
  channels: z.array(z.object({ channel: z.string(), lastSeenTs: z.string().nullable() })),
  /** Slack Web API calls the sync made in the last minute. */
  callsLastMinute: z.number().int().min(0),
  problem: z.string().nullable(),
});
export type SyncStatus = z.output<typeof syncStatusSchema>;

export const teamChannels = {
  'team:users': {
    args: z.object({}).strict(),
    result: z.object({ users: z.array(workspaceUserSchema) }),
  },
  'team:syncStatus': { args: z.object({}).strict(), result: syncStatusSchema },
  /** Reads Slack now instead of at the next poll. */
  'team:syncNow': { args: z.object({}).strict(), result: syncStatusSchema },
  /** "Take over comms": posts a short note in the incident's thread; this lead owns it from then on. */
  'incidents:takeOver': {
    args: z.object({ incidentId: z.string().trim().min(1).max(200) }).strict(),
    result: z.object({ incidentId: z.string(), outboxItemId: z.string() }),
  },
  /** "Take over comms" on another lead's maintenance: a note in Slack (with metadata); this lead owns it from then on. */
  'calendar:takeOver': {
    args: z.object({ eventId: z.string().trim().min(1).max(200) }).strict(),
    result: z.object({ eventId: z.string(), outboxItemId: z.string() }),
  },
} as const;

export const teamEvents = {
  'team:syncChanged': syncStatusSchema,
} as const;
