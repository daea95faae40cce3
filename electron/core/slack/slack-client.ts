// Creating WebClients and classifying their failures. The client's own
// retries are off and rate-limited calls are rejected rather than waited out:
// its defaults retry for about half an hour and can post a message twice when
// a reply is lost. Retrying is the outbox's job, which knows what was sent.
import { ErrorCode, LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import { explainSlackError } from '../../../shared/slack/errors.ts';
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

export function createSlackClientFactory(logger: Logger): SlackClientFactory {
  return (token, apiUrl) =>
    new WebClient(token, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: SLACK_REQUEST_TIMEOUT_MS,
      logger: bridgeLogger(logger),
    });
}

export type SlackFailure =
  | { kind: 'platform'; code: string; message: string; fix: string; needed?: string }
  | { kind: 'rate_limited'; retryAfterMs: number; message: string; fix: string }
  | { kind: 'network'; message: string; fix: string }
  | { kind: 'http'; status: number; message: string; fix: string };

/** Tells the WebClient's errors apart by their `code`, and explains each. */
export function classifySlackError(error: unknown): SlackFailure {
  const candidate = error as { code?: unknown; data?: { error?: unknown; needed?: unknown }; retryAfter?: unknown; statusCode?: unknown };
  switch (candidate?.code) {
    case ErrorCode.PlatformError: {
      const code = typeof candidate.data?.error === 'string' ? candidate.data.error : 'unknown_error';
      const { message, fix } = explainSlackError(code);
      const needed = typeof candidate.data?.needed === 'string' ? candidate.data.needed : undefined;
      return { kind: 'platform', code, message, fix, ...(needed ? { needed } : {}) };
    }
    case ErrorCode.RateLimitedError: {
      const seconds = typeof candidate.retryAfter === 'number' ? candidate.retryAfter : 30;
      return { kind: 'rate_limited', retryAfterMs: seconds * 1000, ...pick(explainSlackError('ratelimited')) };
    }
    case ErrorCode.HTTPError: {
      const status = typeof candidate.statusCode === 'number' ? candidate.statusCode : 0;
      const { message, fix } = explainSlackError('http_error');
      return { kind: 'http', status, message: `${message} (HTTP ${status})`, fix };
    }
    default:
      return { kind: 'network', ...pick(explainSlackError('network_error')) };
  }
}

function pick(explanation: { message: string; fix: string }) {
  return { message: explanation.message, fix: explanation.fix };
}
