// The Slack connection: verifying a token with auth.test, storing it through
// the secret box, and handing it only to core's own Slack code. The token
// never appears in a result, an event or a log line.
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import { slackIdentitySchema, type SlackIdentity, type SlackStatus } from '../../../shared/api/channels/slack.ts';
import { missingScopes } from '../../../shared/slack/scopes.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Logger } from '../logging/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';
import { classifySlackError, type SlackClientFactory } from './slack-client.ts';

const storedConnectionSchema = z.object({
  encryptedToken: z.string().nullable(),
  identity: slackIdentitySchema.nullable(),
});
type StoredConnection = z.output<typeof storedConnectionSchema>;

export const connectionStoreDefinition: StoreDefinition<typeof storedConnectionSchema> = {
  name: 'slack-connection',
  schema: storedConnectionSchema,
  defaults: () => ({ encryptedToken: null, identity: null }),
};

export interface SlackConnectionDeps {
  store: VersionedStore<StoredConnection>;
  secretBox: SecretBox;
  createClient: SlackClientFactory;
  apiUrl: () => string;
  bus: EventBus;
  logger: Logger;
  nowMs: () => number;
}

export interface SlackConnection {
  status(): Promise<SlackStatus>;
  connect(token: string, acceptWeakProtection: boolean): Promise<Result<SlackStatus>>;
  disconnect(): Promise<Result<SlackStatus>>;
  /** For core's Slack gateway only; never exposed through the API. */
  token(): Promise<string | null>;
}

export function createSlackConnection(deps: SlackConnectionDeps): SlackConnection {
  async function status(): Promise<SlackStatus> {
    const stored = deps.store.read();
    return {
      connected: stored.encryptedToken !== null && stored.identity !== null,
      identity: stored.identity,
      protection: await deps.secretBox.protection(),
      apiUrl: deps.apiUrl(),
    };
  }

  async function announce(): Promise<SlackStatus> {
    const current = await status();
    deps.bus.emit('slack:changed', current);
    return current;
  }

  async function verify(token: string): Promise<Result<SlackIdentity>> {
    try {
      const answer = await deps.createClient(token, deps.apiUrl()).auth.test();
      const scopes = answer.response_metadata?.scopes ?? [];
      const isBot = typeof answer.bot_id === 'string' && answer.bot_id !== '';
      return ok({
        workspace: answer.team ?? 'Unknown workspace',
        workspaceId: answer.team_id ?? '',
        workspaceUrl: answer.url ?? '',
        actorName: answer.user ?? (isBot ? 'bot' : 'user'),
        tokenKind: isBot || token.startsWith('xoxb-') ? 'bot' : 'user',
        scopes,
        missingScopes: missingScopes(scopes),
        connectedAtUtc: new Date(deps.nowMs()).toISOString(),
      });
    } catch (error) {
      const failure = classifySlackError(error);
      deps.logger.warn('slack.connect_failed', { kind: failure.kind, code: 'code' in failure ? failure.code : undefined });
      const code = failure.kind === 'platform' ? 'slack_error' : 'unavailable';
      return fail(code, failure.message, { fix: failure.fix });
    }
  }

  return {
    status,
    async connect(token, acceptWeakProtection) {
      const protection = await deps.secretBox.protection();
      if (protection.level === 'unavailable') {
        return fail('unavailable', 'Herald cannot encrypt the token on this machine, so it will not store it.', {
          fix: protection.explanation,
        });
      }
      if (protection.level === 'weak' && !acceptWeakProtection) {
        return fail('weak_encryption_not_accepted', 'On this machine the token can only be stored with weak protection.', {
          fix: `${protection.explanation} Tick “I understand” to store it anyway.`,
        });
      }
      const verified = await verify(token);
      if (!verified.ok) return verified;
      const encryptedToken = await deps.secretBox.encrypt(token);
      deps.store.write({ encryptedToken, identity: verified.value });
      deps.logger.info('slack.connected', { workspace: verified.value.workspace, tokenKind: verified.value.tokenKind });
      return ok(await announce());
    },
    async disconnect() {
      deps.store.write({ encryptedToken: null, identity: null });
      deps.logger.info('slack.disconnected');
      return ok(await announce());
    },
    async token() {
      const { encryptedToken } = deps.store.read();
      return encryptedToken === null ? null : deps.secretBox.decrypt(encryptedToken);
    },
  };
}
