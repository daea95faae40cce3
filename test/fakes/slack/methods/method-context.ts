// What every API method handler receives and returns. Handlers are plain
// functions: they read arguments, change the workspace and return the body of
// a successful answer, or throw a SlackError for `{ ok: false }`.
import type { Args } from '../args.ts';
import type { Caller } from '../access.ts';
import type { TsClock } from '../ts-clock.ts';
import type { Workspace } from '../workspace.ts';

export interface MethodContext {
  workspace: Workspace;
  clock: TsClock;
  caller: Caller;
  args: Args;
  /** The fake's own origin (http://127.0.0.1:PORT), for URLs it hands out such as upload URLs. */
  origin: string;
  /** A cap on `limit` imposed by the rate-limit mode (non-Marketplace history/replies: 15). */
  pageLimitCap?: number | undefined;
}

export type MethodHandler = (context: MethodContext) => Record<string, unknown>;

export interface MethodSpec {
  handler: MethodHandler;
  /** Sent as `x-accepted-oauth-scopes`, as Slack does. */
  acceptedScopes: readonly string[];
}
