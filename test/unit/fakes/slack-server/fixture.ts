// Shared set-up for the fake Slack tests: a fresh fake per test, WebClients
// configured as Herald configures them (no retries, rate limits rejected),
// and a plain-fetch caller for what WebClient hides (status, headers, bodies).
import { ErrorCode, WebClient, type Logger } from '@slack/web-api';
import { afterEach, beforeEach } from 'vitest';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../../../fakes/slack-server.ts';

const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => 'error' as ReturnType<Logger['getLevel']>,
  setName: () => {},
};

export interface FakeSlackFixture {
  readonly fake: FakeSlack;
  /** A WebClient for the token (default: the bot token). */
  client(token?: string): WebClient;
}

export function useFakeSlack(options: FakeSlackOptions = {}): FakeSlackFixture {
  let fake: FakeSlack | undefined;
  beforeEach(async () => {
    fake = await startFakeSlack(options);
  });
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  return {
    get fake() {
      if (!fake) throw new Error('fake Slack is not running');
      return fake;
    },
    client(token?: string) {
      if (!fake) throw new Error('fake Slack is not running');
      return new WebClient(token ?? fake.botToken, {
        slackApiUrl: fake.url,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        logger: silentLogger,
      });
    },
  };
}

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** Calls a method with fetch: form-encoded by default, JSON when `json` is set; `token: null` sends none. */
export async function rawCall(
  fake: FakeSlack,
  method: string,
  args: Record<string, string | number | boolean | object>,
  { token, json = false }: { token?: string | null; json?: boolean } = {},
): Promise<RawReply> {
  const headers: Record<string, string> = {};
  const bearer = token === undefined ? fake.botToken : token;
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  let body: string;
  if (json) {
    headers['content-type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(args);
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const entries = Object.entries(args).map(([key, value]) => [
      key,
      typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]);
    body = new URLSearchParams(entries).toString();
  }
  const response = await fetch(`${fake.url}${method}`, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON (an HTML error page): leave json empty.
  }
  return { status: response.status, headers: response.headers, text, json: parsed };
}

/** The Slack error code a WebClient call failed with (fails the test if it succeeded). */
export async function slackErrorOf(
  call: Promise<unknown>,
): Promise<{ code: string; data: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    const failure = error as { code?: string; data?: Record<string, unknown> };
    if (failure.code !== ErrorCode.PlatformError) throw error;
    return { code: String(failure.data?.error), data: failure.data ?? {} };
  }
  throw new Error('expected the call to fail with a Slack error, but it succeeded');
}

/** A clock the test moves by hand. */
export function manualClock(startMs = Date.UTC(2026, 0, 12, 9, 0, 0)) {
  let nowMs = startMs;
  return {
    nowMs: () => nowMs,
    advanceMs: (ms: number) => {
      nowMs += ms;
    },
  };
}
