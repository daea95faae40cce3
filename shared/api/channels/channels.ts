// Slack channel directory channels: the cached list of channels Herald can
// see, a refresh, and resolving the plan's channel names to ids, flagging a
// channel Herald is not a member of before anything is sent there.
import { z } from 'zod';

export const channelSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  isPrivate: z.boolean(),
  /** Whether Herald's Slack user (the bot) is a member. */
  isMember: z.boolean(),
});
export type ChannelSummary = z.infer<typeof channelSummarySchema>;

export const channelListSchema = z.object({
  channels: z.array(channelSummarySchema),
  /** When the list was last fetched from Slack; null when never. */
  refreshedAtUtc: z.iso.datetime().nullable(),
});
export type ChannelList = z.infer<typeof channelListSchema>;

export const channelResolutionSchema = z.discriminatedUnion('status', [
  z.object({ name: z.string(), status: z.literal('ok'), id: z.string() }),
  /** Herald is not in the channel. It may still post to a public one, but cannot check it for duplicates. */
  z.object({
    name: z.string(),
    status: z.literal('not_member'),
    id: z.string(),
    canPost: z.boolean(),
    message: z.string(),
    fix: z.string(),
  }),
  z.object({ name: z.string(), status: z.literal('not_found'), message: z.string(), fix: z.string() }),
]);
export type ChannelResolution = z.infer<typeof channelResolutionSchema>;

const noArgs = z.object({}).strict();

export const channelDirectoryChannels = {
  /** The cached channel list (fetched once if there is none yet). */
  'channels:list': { args: noArgs, result: channelListSchema },
  /** Fetches the list from Slack again. */
  'channels:refresh': { args: noArgs, result: channelListSchema },
  /** Resolves channel names (or ids) to ids, refreshing once if a name is unknown. */
  'channels:resolve': {
    args: z.object({ names: z.array(z.string().trim().min(1).max(100)).min(1).max(100) }).strict(),
    result: z.object({ results: z.array(channelResolutionSchema) }),
  },
} as const;
