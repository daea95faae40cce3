// "Open in Herald" links (herald://incident/<id>, herald://event/<id>): the
// renderer asks core to open one (a link clicked in a preview, or the harness's
// /open route), and core tells the window about one it was handed from outside
// (the OS launching Herald on a link) or found later by reading Slack.
import { z } from 'zod';
import { heraldLinkKinds, heraldLinkRefusals, isHeraldId } from '../../deep-links/herald-link.ts';

export const heraldLinkTargetSchema = z.object({
  kind: z.enum(heraldLinkKinds),
  id: z.string().refine(isHeraldId, 'not one of Herald’s ids'),
});

/** Why Herald could not find a link's incident or event even after reading Slack. */
export const linkNotFoundReasons = [
  'not_in_slack',
  'slack_not_connected',
  'slack_busy',
  'sync_failed',
] as const;

export const linkOpeningSchema = z.discriminatedUnion('status', [
  /** Herald knows it: the window shows it. */
  z.object({ status: z.literal('found'), target: heraldLinkTargetSchema }),
  /** Not known here yet (another lead's, not synced): Herald is reading Slack for it and says again when done. */
  z.object({ status: z.literal('syncing'), target: heraldLinkTargetSchema }),
  /** Still unknown after reading Slack, and why. */
  z.object({
    status: z.literal('not_found'),
    target: heraldLinkTargetSchema,
    reason: z.enum(linkNotFoundReasons),
  }),
  /** Not a link Herald opens (shared/deep-links/herald-link.ts says why); the link itself is never echoed. */
  z.object({ status: z.literal('refused'), reason: z.enum(heraldLinkRefusals) }),
]);
export type LinkOpening = z.output<typeof linkOpeningSchema>;

export const linkChannels = {
  /** Opens a herald:// link: answers found or refused at once, or not_found / found once Slack has been read. */
  'links:open': {
    // Generous: the parser refuses anything over its own limit with a reason the lead can read.
    args: z.object({ link: z.string().max(4_096) }).strict(),
    result: linkOpeningSchema,
  },
} as const;

export const linkEvents = {
  /** A link opened from outside the window (the OS, the harness route), or one whose Slack read has finished. */
  'links:opened': linkOpeningSchema,
} as const;
