// Slack's per-method rate limits, on the fake's clock. Slack applies them
// "per API method per workspace per app": every token of one app (its bot
// token and the user tokens it was granted) shares one budget per method,
// and several clients using the same token share it too. Tiers, from Slack's
// method reference (docs.slack.dev, "Rate limits"): Tier 1 1+ a minute,
// Tier 2 20+, Tier 3 50+, Tier 4 100+; the fake grants the documented floor,
// over a sliding minute. chat.postMessage is special: "one message per second
// per channel", short bursts allowed — counted here as 60 per channel in any
// sliding minute (Slack's workspace-wide cap for it is not published, so it
// is not enforced). Other "special" methods (auth.test, chat.getPermalink)
// have no published figure and are not limited.
//
// In `non_marketplace` mode the fake also applies Slack's 2025 change for
// commercially distributed apps outside the Marketplace: conversations.history
// and conversations.replies drop to Tier 1 (1 request a minute), and their
// `limit` defaults to and is capped at 15 messages.
import { stringArg, type Args } from './args.ts';
import type { Caller } from './access.ts';
import type { Workspace } from './workspace.ts';
import type { RateLimitMode } from './types.ts';

const MINUTE_MS = 60_000;

export type Tier = 1 | 2 | 3 | 4;

/** Requests a minute granted per tier: the floor of Slack's documented ranges. */
export const TIER_PER_MINUTE: Readonly<Record<Tier, number>> = { 1: 1, 2: 20, 3: 50, 4: 100 };

/** chat.postMessage: one a second per channel on average, bursts allowed within the minute. */
export const POST_MESSAGE_PER_CHANNEL_PER_MINUTE = 60;

/** Slack's 2025 page size for history and replies of non-Marketplace apps. */
export const NON_MARKETPLACE_PAGE_LIMIT = 15;

/** The tier of each method the fake serves (docs.slack.dev method reference); absent = special, unlimited. */
export const METHOD_TIERS: Readonly<Record<string, Tier>> = {
  'conversations.list': 2,
  'conversations.info': 3,
  'conversations.join': 3,
  'conversations.history': 3,
  'conversations.replies': 3,
  'chat.update': 3,
  'chat.delete': 3,
  'chat.scheduleMessage': 3,
  'chat.scheduledMessages.list': 3,
  'chat.deleteScheduledMessage': 3,
  'files.getUploadURLExternal': 4,
  'files.completeUploadExternal': 4,
  'files.info': 4,
  'files.delete': 3,
  'users.list': 2,
  'users.info': 4,
};

const NON_MARKETPLACE_METHODS = new Set(['conversations.history', 'conversations.replies']);

/** Sliding one-minute windows by key; refused requests do not count, as with Slack. */
export class MinuteWindows {
  private readonly acceptedAtMs = new Map<string, number[]>();

  /** Counts a request; returns the seconds to wait when the key's window is full. */
  admit(key: string, perMinute: number, nowMs: number): { retryAfterSec: number } | undefined {
    const recent = (this.acceptedAtMs.get(key) ?? []).filter((atMs) => atMs > nowMs - MINUTE_MS);
    this.acceptedAtMs.set(key, recent);
    const oldest = recent[0];
    if (recent.length >= perMinute && oldest !== undefined) {
      return { retryAfterSec: Math.max(1, Math.ceil((oldest + MINUTE_MS - nowMs) / 1000)) };
    }
    recent.push(nowMs);
    return undefined;
  }

  /** Forgets one key's window, or every window. */
  forget(key?: string): void {
    if (key === undefined) this.acceptedAtMs.clear();
    else this.acceptedAtMs.delete(key);
  }
}

const MODES: readonly RateLimitMode[] = ['off', 'tiers', 'non_marketplace'];

/** Checks a mode that came from the command line or over HTTP. */
export function parseRateLimitMode(value: unknown): RateLimitMode {
  if (typeof value === 'string' && (MODES as readonly string[]).includes(value))
    return value as RateLimitMode;
  throw new TypeError(`Fake Slack: rate-limit mode must be one of ${MODES.join(', ')}`);
}

export class TierLimiter {
  mode: RateLimitMode;
  private readonly windows = new MinuteWindows();

  constructor(mode: RateLimitMode = 'off') {
    this.mode = mode;
  }

  setMode(mode: RateLimitMode): void {
    this.mode = mode;
    this.windows.forget();
  }

  /** The per-page cap on conversations.history/replies `limit`, if the mode imposes one. */
  historyPageLimit(method: string): number | undefined {
    return this.mode === 'non_marketplace' && NON_MARKETPLACE_METHODS.has(method)
      ? NON_MARKETPLACE_PAGE_LIMIT
      : undefined;
  }

  /** Counts a request against its method's budget for the caller's app in this workspace. */
  admit(
    workspace: Workspace,
    method: string,
    caller: Caller,
    args: Args,
    nowMs: number,
  ): { retryAfterSec: number } | undefined {
    if (this.mode === 'off') return undefined;
    // Slack's budget belongs to the app in the workspace; a token with no app is its own budget.
    const owner = `${workspace.team.id}:${caller.token.appId ?? `token:${caller.token.userId}:${caller.token.kind}`}`;
    if (method === 'chat.postMessage') {
      const ref = stringArg(args, 'channel') ?? '';
      const channelId = workspace.findChannel(ref)?.id ?? ref;
      return this.windows.admit(
        `${owner}:${method}:${channelId}`,
        POST_MESSAGE_PER_CHANNEL_PER_MINUTE,
        nowMs,
      );
    }
    const tier = this.historyPageLimit(method) === undefined ? METHOD_TIERS[method] : 1;
    if (tier === undefined) return undefined;
    return this.windows.admit(`${owner}:${method}`, TIER_PER_MINUTE[tier], nowMs);
  }

  clear(): void {
    this.windows.forget();
  }
}
