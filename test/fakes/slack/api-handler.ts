// One Web API request, start to finish: read and record it, apply an injected
// fault if one matches, check the method, token and rate window, run the
// method, and answer — or drop the connection, before or after the work.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './access.ts';
import { parseRequest, type ParsedRequest } from './args.ts';
import type { FaultBook, RateLimiter } from './faults.ts';
import type { TierLimiter } from './rate-limits.ts';
import { sendHttpStatus, sendJson, type ReplyHeaders } from './http-reply.ts';
import { findMethod } from './methods/index.ts';
import { SlackError } from './slack-error.ts';
import type { TsClock } from './ts-clock.ts';
import type { Workspace } from './workspace.ts';
import type { RequestRecord } from './types.ts';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface ApiDeps {
  workspace: Workspace;
  clock: TsClock;
  faults: FaultBook;
  rateLimiter: RateLimiter;
  tierLimiter: TierLimiter;
  requests: RequestRecord[];
  /** http://127.0.0.1:PORT */
  origin: string;
  isOffline: () => boolean;
  /** Leave out the `x-oauth-scopes` header (FakeSlackOptions.omitScopesHeader). */
  omitScopesHeader: boolean;
  /** Waits, or resolves false at once if the server closes meanwhile. */
  sleep: (ms: number) => Promise<boolean>;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: ReplyHeaders;
}

/**
 * Where the client reached this fake (a proxy in front of it, in the crash tests), so an upload URL it hands out
 * is on the host the client's token is bound to, as Slack's is on Slack's own file host. Loopback only.
 */
function originOf(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host ?? '';
  return /^(?:127\.0\.0\.1|localhost):\d+$/.test(host) ? `http://${host}` : fallback;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > MAX_BODY_BYTES) return undefined;
      chunks.push(buffer);
    }
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function scopesOf(deps: ApiDeps, token: string | undefined): readonly string[] | undefined {
  if (deps.omitScopesHeader) return undefined;
  const known = token === undefined ? undefined : deps.workspace.tokens.get(token);
  return known && known.revokedError === undefined ? known.scopes : undefined;
}

function answer(deps: ApiDeps, method: string, request: ParsedRequest, record: RequestRecord): Answer {
  const spec = findMethod(method);
  const scopes = scopesOf(deps, request.token);
  const headers: ReplyHeaders = {
    ...(scopes ? { scopes } : {}),
    ...(spec ? { acceptedScopes: spec.acceptedScopes } : {}),
  };
  try {
    if (!spec) throw new SlackError('unknown_method', { req_method: method });
    if (request.bodyError !== undefined) throw new SlackError(request.bodyError);
    const caller = authenticate(deps.workspace, request.token);
    const nowMs = deps.clock.nowMs();
    // A limit set by hand is checked first; Slack's tiers (when on) after it.
    const limited =
      deps.rateLimiter.admit(method, nowMs) ??
      deps.tierLimiter.admit(deps.workspace, method, caller, request.args, nowMs);
    if (limited) {
      record.fault = 'rate_limit_window';
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { ...headers, retryAfterSec: limited.retryAfterSec },
      };
    }
    const result = spec.handler({
      workspace: deps.workspace,
      clock: deps.clock,
      caller,
      args: request.args,
      origin: deps.origin,
      pageLimitCap: deps.tierLimiter.historyPageLimit(method),
    });
    return { status: 200, body: { ok: true, ...result }, headers };
  } catch (error) {
    if (error instanceof SlackError)
      return { status: 200, body: { ok: false, error: error.code, ...error.extra }, headers };
    // A bug in the fake itself: fail loudly rather than pass for Slack.
    console.error('Fake Slack internal error', error);
    return { status: 500, body: { ok: false, error: 'fake_internal_error', detail: String(error) }, headers };
  }
}

export async function handleApiRequest(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  url: URL,
): Promise<void> {
  if (deps.isOffline()) {
    req.socket.destroy();
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    req.socket.destroy();
    return;
  }
  const request = parseRequest(
    url.searchParams,
    req.headers['content-type'],
    body,
    req.headers.authorization,
  );
  const record: RequestRecord = { method, args: request.args, atMs: deps.clock.nowMs() };
  deps.requests.push(record);
  const fault = deps.faults.take(method);
  if (fault) record.fault = fault.kind;
  const scopes = scopesOf(deps, request.token);
  const faultHeaders: ReplyHeaders = scopes ? { scopes } : {};

  switch (fault?.kind) {
    case 'drop_before':
      req.socket.destroy();
      return;
    case 'http_status':
      record.status = fault.status;
      sendHttpStatus(res, fault.status, faultHeaders);
      return;
    case 'rate_limited':
      Object.assign(record, { status: 429, error: 'ratelimited' });
      sendJson(
        res,
        429,
        { ok: false, error: 'ratelimited' },
        { ...faultHeaders, retryAfterSec: fault.retryAfterSec },
      );
      return;
    case 'slack_error':
      Object.assign(record, { status: 200, error: fault.error });
      sendJson(res, 200, { ok: false, error: fault.error }, faultHeaders);
      return;
    case 'delay': {
      const isStillOpen = await deps.sleep(fault.ms);
      if (!isStillOpen || req.socket.destroyed || deps.isOffline()) return;
      break;
    }
    default:
      break;
  }

  const reply = answer({ ...deps, origin: originOf(req, deps.origin) }, method, request, record);
  if (reply.body.ok === false && typeof reply.body.error === 'string') record.error = reply.body.error;
  if (fault?.kind === 'drop_after') {
    // The work is done (a message really was posted) but the reply is lost.
    req.socket.destroy();
    return;
  }
  record.status = reply.status;
  sendJson(res, reply.status, reply.body, reply.headers);
}
