// Slack connection channels. The token travels renderer → main exactly once,
// in slack:connect; nothing ever sends it back.
import { z } from 'zod';
import { SLACK_TOKEN_PATTERN } from '../../slack/token-pattern.ts';

export const slackTokenSchema = z
  .string()
  .trim()
  .regex(
    SLACK_TOKEN_PATTERN,
    'a Slack token starts with xoxb- (bot) or xoxp- (user) followed by letters, digits and dashes',
  );

export const secretProtectionSchema = z.object({
  /** 'os': the OS keychain protects the key. 'weak': anyone with the files can read the token. */
  level: z.enum(['os', 'weak', 'unavailable']),
  backend: z.string(),
  explanation: z.string(),
});
export type SecretProtection = z.infer<typeof secretProtectionSchema>;

export const slackIdentitySchema = z.object({
  workspace: z.string(),
  workspaceId: z.string(),
  workspaceUrl: z.string(),
  /** Bot display name (bot tokens) or the user's name (user tokens). */
  actorName: z.string(),
  tokenKind: z.enum(['bot', 'user']),
  /**
   * The token's scopes as Slack reported them (auth.test's `x-oauth-scopes` header); null when Slack's answer did
   * not carry that header, so the scopes could not be checked (then `missingScopes` is empty: nothing is known).
   */
  scopes: z.array(z.string()).nullable(),
  missingScopes: z.array(z.object({ scope: z.string(), neededFor: z.string() })),
  connectedAtUtc: z.string(),
});
export type SlackIdentity = z.infer<typeof slackIdentitySchema>;

export const slackStatusSchema = z.object({
  connected: z.boolean(),
  identity: slackIdentitySchema.nullable(),
  protection: secretProtectionSchema,
  /** Where the stored token goes (bound when it was entered); with no token, where a new connection goes by default. */
  apiUrl: z.string(),
  /** The addresses a token may be entered for in this run: Slack's own, plus the --slack-api-url override if any. */
  allowedApiUrls: z.array(z.string()),
  /** Set when a token is stored but this run may not send it where it is bound (then `connected` is false). */
  problem: z.string().nullable(),
});
export type SlackStatus = z.infer<typeof slackStatusSchema>;

export const slackChannels = {
  'slack:status': { args: z.object({}).strict(), result: slackStatusSchema },
  'slack:connect': {
    args: z
      .object({
        token: slackTokenSchema,
        /**
         * The Slack Web API base URL the token is for, one of slack:status's `allowedApiUrls` (default: the
         * first). The token is bound to it: changing it later means disconnecting and entering a token again.
         */
        apiUrl: z.string().trim().max(2048).optional(),
        /** The user has read that the token will be stored with weak protection, and accepts. */
        acceptWeakProtection: z.boolean().default(false),
      })
      .strict(),
    result: slackStatusSchema,
  },
  'slack:disconnect': { args: z.object({}).strict(), result: slackStatusSchema },
} as const;

export const slackEvents = {
  'slack:changed': slackStatusSchema,
} as const;
