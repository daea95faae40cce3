// Creating WebClients and classifying their failures. The client's own
// retries are off and rate-limited calls are rejected rather than waited out:
// its defaults retry for about half an hour and can post a message twice when
// a reply is lost. Retrying is the outbox's job, which knows what was sent.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ErrorCode, LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import { explainSlackError } from '../../../shared/slack/errors.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { Logger } from '../logging/logger.ts';

export const SLACK_REQUEST_TIMEOUT_MS = 15_000;

export type SlackClientFactory = (token: string, apiUrl: string) => WebClient;

function bridgeLogger(logger: Logger): SlackLogger {
  return {
    debug: () => {},
    info: () => {},
    warn: (...msgs: unknown[]) => logger.warn('slack.client', { msgs }),
    error: (...msgs: unknown[]) => logger.error('slack.client', { msgs }),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
}

/**
 * Whether the current call's HTTP request has left this computer. A failure
 * before that point (the WebClient could not serialise the arguments, say) is
 * local: it says nothing about the network, and the message cannot have been
 * posted. Set by the fetch that our clients use, read by `trackRequest`.
 */
const requestState = new AsyncLocalStorage<{ hasLeft: boolean }>();
const trackedClients = new WeakSet<WebClient>();

/**
 * Whether a request with the token may go to `url`: the API URL's own origin, or (over https) another host
 * of the same Slack, as the upload URL files.getUploadURLExternal hands out (files.slack.com) is. The
 * WebClient sends its Authorization header with every request, the upload too, so this is checked here.
 */
export function isSameSlack(url: string, apiUrl: string): boolean {
  try {
    const target = new URL(url);
    const api = new URL(apiUrl);
    if (target.origin === api.origin) return true;
    return (
      target.protocol === 'https:' &&
      api.protocol === 'https:' &&
      target.hostname.endsWith(`.${api.hostname}`)
    );
  } catch {
    return false;
  }
}

const requestUrlOf = (input: Parameters<typeof fetch>[0]) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/** The fetch of a client bound to `apiUrl`: notes that the request left, and never lets the token go elsewhere. */
const trackedFetchFor =
  (apiUrl: string): typeof fetch =>
  (input, init) => {
    if (!isSameSlack(requestUrlOf(input), apiUrl))
      return Promise.reject(
        Object.assign(new Error('Refused to send the Slack token to a host outside the connected Slack.'), {
          code: 'ERR_INVALID_URL',
        }),
      );
    const state = requestState.getStore();
    if (state) state.hasLeft = true;
    return fetch(input, init);
  };

/**
 * Runs `work` with `web` and answers its value or how it failed. For clients this
 * module did not make, whether a request left is unknown, so it is assumed it did.
 */
export async function trackRequest<T>(
  web: WebClient,
  work: (web: WebClient) => Promise<T>,
): Promise<Result<T, SlackFailure>> {
  const state = { hasLeft: !trackedClients.has(web) };
  try {
    return { ok: true, value: await requestState.run(state, () => work(web)) };
  } catch (error) {
    return { ok: false, error: classifySlackError(error, { hasRequestLeft: state.hasLeft }) };
  }
}

export function createSlackClientFactory(logger: Logger): SlackClientFactory {
  return (token, apiUrl) => {
    const web = new WebClient(token, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: SLACK_REQUEST_TIMEOUT_MS,
      logger: bridgeLogger(logger),
      fetch: trackedFetchFor(apiUrl),
    });
    trackedClients.add(web);
    return web;
  };
}

export type SlackFailure =
  | { kind: 'platform'; code: string; message: string; fix: string; needed?: string }
  | { kind: 'rate_limited'; retryAfterMs: number; message: string; fix: string }
  | {
      kind: 'network';
      message: string;
      fix: string;
      /** What went wrong underneath (an errno such as ECONNREFUSED, or TimeoutError). */
      cause?: string;
      /** True when the request cannot have reached Slack (refused, no such host): no need to check for it. */
      isSurelyUnsent: boolean;
    }
  | { kind: 'http'; status: number; message: string; fix: string }
  /** Herald could not build or send the request at all (it never left this computer): a fault of this message, not the network. */
  | { kind: 'local'; message: string; fix: string; cause: string };

const WEB_CLIENT_CODES: ReadonlySet<unknown> = new Set(Object.values(ErrorCode));

/**
 * Tells the WebClient's errors apart by their `code`, and explains each. An
 * error that is not one of the WebClient's, thrown before the request left
 * (`hasRequestLeft` false), is local; the default assumes it may have left.
 */
export function classifySlackError(
  error: unknown,
  context: { hasRequestLeft: boolean } = { hasRequestLeft: true },
): SlackFailure {
  const candidate = error as {
    code?: unknown;
    data?: { error?: unknown; needed?: unknown };
    retryAfter?: unknown;
    statusCode?: unknown;
  };
  if (!context.hasRequestLeft && !WEB_CLIENT_CODES.has(candidate?.code)) return localFailure(error);
  switch (candidate?.code) {
    case ErrorCode.PlatformError: {
      const code = typeof candidate.data?.error === 'string' ? candidate.data.error : 'unknown_error';
      const { message, fix } = explainSlackError(code);
      const needed = typeof candidate.data?.needed === 'string' ? candidate.data.needed : undefined;
      return { kind: 'platform', code, message, fix, ...(needed ? { needed } : {}) };
    }
    case ErrorCode.RateLimitedError: {
      const seconds = typeof candidate.retryAfter === 'number' ? candidate.retryAfter : 30;
      return {
        kind: 'rate_limited',
        retryAfterMs: seconds * 1000,
        ...pick(explainSlackError('ratelimited')),
      };
    }
    case ErrorCode.HTTPError: {
      const status = typeof candidate.statusCode === 'number' ? candidate.statusCode : 0;
      const { message, fix } = explainSlackError('http_error');
      return { kind: 'http', status, message: `${message} (HTTP ${status})`, fix };
    }
    default: {
      const cause = networkCause(error);
      const explanation =
        cause === 'TimeoutError' ? explainSlackError('request_timeout') : explainSlackError('network_error');
      return {
        kind: 'network',
        ...pick(explanation),
        ...(cause === undefined ? {} : { cause }),
        isSurelyUnsent: cause !== undefined && UNSENT_CAUSES.has(cause),
      };
    }
  }
}

/** Failures that happen before a request leaves the machine (connection refused, no such host). */
const UNSENT_CAUSES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_INVALID_URL',
]);

/** The errno or error name under a request error: fetch wraps it as `cause`, the WebClient as `original`. */
function networkCause(error: unknown): string | undefined {
  let current: unknown = (error as { original?: unknown } | null)?.original ?? error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && !candidate.code.startsWith('slack_')) return candidate.code;
    if (candidate.name === 'TimeoutError' || candidate.name === 'AbortError') return candidate.name;
    current = candidate.cause;
  }
  return undefined;
}

function localFailure(error: unknown): SlackFailure {
  const name = error instanceof Error ? error.name : typeof error;
  const detail = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
  return {
    kind: 'local',
    message: `Herald could not turn this message into a request to Slack (${name}: ${detail}), so it was not sent.`,
    fix: 'Trying again would fail the same way: edit the message (its blocks) and send it again, or cancel it.',
    cause: name,
  };
}

function pick(explanation: { message: string; fix: string }) {
  return { message: explanation.message, fix: explanation.fix };
}
