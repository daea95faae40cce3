// The Slack connection: verifying a token with auth.test, storing it through
// the secret box, and handing it only to core's own Slack code. The token
// never appears in a result, an event or a log line.
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import {
  slackIdentitySchema,
  type SlackIdentity,
  type SlackStatus,
} from '../../../shared/api/channels/slack.ts';
import { missingScopes } from '../../../shared/slack/scopes.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { Logger } from '../logging/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';
import { DEFAULT_SLACK_API_URL } from '../../../shared/slack/api-hosts.ts';
import type { ApiUrlPolicy } from './api-url-policy.ts';
import { classifySlackError, type SlackClientFactory } from './slack-client.ts';

const storedConnectionSchema = z.object({
  encryptedToken: z.string().nullable(),
  identity: slackIdentitySchema.nullable(),
  /** The Web API base URL the token was entered for: the only place it is ever sent. Null with no token. */
  apiUrl: z.string().nullable(),
});
type StoredConnection = z.output<typeof storedConnectionSchema>;

const disconnected: StoredConnection = { encryptedToken: null, identity: null, apiUrl: null };

export const connectionStoreDefinition: StoreDefinition<typeof storedConnectionSchema> = {
  name: 'slack-connection',
  schema: storedConnectionSchema,
  defaults: () => ({ ...disconnected }),
  migrations: [
    // v1 → v2: tokens are bound to their API URL. Before, the URL was a setting whose default was Slack's own;
    // a token stored then is bound to that default (a token for another host fails auth there and asks again).
    {
      describe: "binds a stored token to Slack's own API address, the default when the address was a setting",
      up: (data) => {
        const old = (data ?? {}) as Partial<StoredConnection>;
        return { ...old, apiUrl: typeof old.encryptedToken === 'string' ? DEFAULT_SLACK_API_URL : null };
      },
    },
  ],
};

/** What core's Slack code needs to make a call: the token and the one URL it may go to. */
export interface SlackCredential {
  token: string;
  apiUrl: string;
}

export interface SlackConnectionDeps {
  store: VersionedStore<StoredConnection>;
  secretBox: SecretBox;
  createClient: SlackClientFactory;
  apiUrls: ApiUrlPolicy;
  bus: EventBus;
  logger: Logger;
  nowMs: () => number;
}

export interface SlackConnection {
  status(): Promise<SlackStatus>;
  /** Verifies the token at `apiUrl` (one of the policy's; default its first) and binds it there. */
  connect(request: {
    token: string;
    acceptWeakProtection: boolean;
    apiUrl?: string | undefined;
  }): Promise<Result<SlackStatus>>;
  disconnect(): Promise<Result<SlackStatus>>;
  /**
   * For core's Slack gateway only; never exposed through the API. Null when there is no token, or when it is
   * bound to a URL this run does not allow (a data folder connected to a test server, opened without the override).
   */
  credential(): Promise<SlackCredential | null>;
  handlers: {
    'slack:status': Handler<'slack:status'>;
    'slack:connect': Handler<'slack:connect'>;
    'slack:disconnect': Handler<'slack:disconnect'>;
  };
}

export function createSlackConnection(deps: SlackConnectionDeps): SlackConnection {
  /** Why the stored token may not be used in this run, or null when it may (or there is none). */
  function bindingProblem(stored: StoredConnection): string | null {
    if (stored.encryptedToken === null || stored.apiUrl === null || deps.apiUrls.isAllowed(stored.apiUrl))
      return null;
    return `The token is tied to ${stored.apiUrl}, which this run of Herald does not send tokens to. Disconnect, then enter a token for Slack or GovSlack.`;
  }

  async function status(): Promise<SlackStatus> {
    const stored = deps.store.read();
    const problem = bindingProblem(stored);
    return {
      connected: stored.encryptedToken !== null && stored.identity !== null && problem === null,
      identity: stored.identity,
      protection: await deps.secretBox.protection(),
      apiUrl:
        stored.encryptedToken !== null && stored.apiUrl !== null ? stored.apiUrl : deps.apiUrls.defaultUrl,
      allowedApiUrls: [...deps.apiUrls.allowed],
      problem,
    };
  }

  async function announce(): Promise<SlackStatus> {
    const current = await status();
    deps.bus.emit('slack:changed', current);
    return current;
  }

  async function verify(token: string, apiUrl: string): Promise<Result<SlackIdentity>> {
    try {
      const answer = await deps.createClient(token, apiUrl).auth.test();
      // No `x-oauth-scopes` header (a proxy stripped it): the scopes could not be checked, which is not "all missing".
      const reported = answer.response_metadata?.scopes;
      const scopes = reported === undefined ? null : reported.filter((scope) => scope !== '');
      if (scopes === null) deps.logger.warn('slack.scopes_unreported', { apiUrl });
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
      deps.logger.warn('slack.connect_failed', {
        kind: failure.kind,
        code: 'code' in failure ? failure.code : undefined,
      });
      const code = failure.kind === 'platform' ? 'slack_error' : 'unavailable';
      return fail(code, failure.message, { fix: failure.fix });
    }
  }

  const connection: Omit<SlackConnection, 'handlers'> = {
    status,
    async connect({ token, acceptWeakProtection, apiUrl: requestedUrl }) {
      const apiUrl = deps.apiUrls.choose(requestedUrl);
      if (!apiUrl.ok) return apiUrl;
      const protection = await deps.secretBox.protection();
      if (protection.level === 'unavailable') {
        return fail(
          'unavailable',
          'Herald cannot encrypt the token on this machine, so it will not store it.',
          {
            fix: protection.explanation,
          },
        );
      }
      if (protection.level === 'weak' && !acceptWeakProtection) {
        return fail(
          'weak_encryption_not_accepted',
          'On this machine the token can only be stored with weak protection.',
          {
            fix: `${protection.explanation} Tick “I understand” to store it anyway.`,
          },
        );
      }
      const verified = await verify(token, apiUrl.value);
      if (!verified.ok) return verified;
      const encryptedToken = await deps.secretBox.encrypt(token);
      // One write: the token, who it is, and where it may go, together.
      deps.store.write({ encryptedToken, identity: verified.value, apiUrl: apiUrl.value });
      deps.logger.info('slack.connected', {
        workspace: verified.value.workspace,
        tokenKind: verified.value.tokenKind,
        apiUrl: apiUrl.value,
      });
      return ok(await announce());
    },
    async disconnect() {
      deps.store.write({ ...disconnected });
      deps.logger.info('slack.disconnected');
      return ok(await announce());
    },
    async credential() {
      const stored = deps.store.read();
      if (stored.encryptedToken === null || stored.apiUrl === null || bindingProblem(stored) !== null)
        return null;
      return { token: await deps.secretBox.decrypt(stored.encryptedToken), apiUrl: stored.apiUrl };
    },
  };
  return {
    ...connection,
    handlers: {
      'slack:status': async () => ok(await status()),
      'slack:connect': (request) => connection.connect(request),
      'slack:disconnect': () => connection.disconnect(),
    },
  };
}
