// The control API under /_fake/: the in-process controls over HTTP, for a test
// running in another process (e.g. Playwright against a separately started
// app). Only loopback callers are served, and every POST must be JSON, which
// a web page cannot send cross-origin without a preflight this server never
// grants.
//   GET  health | messages[?channel=] | requests[?method=] | scheduled | files (content as base64)
//   POST inject {method, fault, times?} | clearFaults | setOffline {offline}
//        setRateLimit {method, perMinute|null} | setRateLimitMode {mode: off|tiers|non_marketplace}
//        reset | deliverScheduled {nowEpochSec?}
//        revokeToken {token, error?} | setMember {channel, isMember, userId?}
//        addChannel {name, ...} | addMessage {channel, text, ...} | setNowMs {nowMs|null}
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFault } from './faults.ts';
import { sendJson } from './http-reply.ts';
import { parseRateLimitMode } from './rate-limits.ts';
import type { ControlTarget, NewChannel } from './types.ts';

type Body = Record<string, unknown>;

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

class ControlError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function isLoopbackCaller(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  return (
    LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '') &&
    ['127.0.0.1', 'localhost', '[::1]'].includes(host)
  );
}

async function readJson(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ControlError(400, 'body must be a JSON object');
  return parsed as Body;
}

function requireString(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '')
    throw new ControlError(400, `${name} must be a non-empty string`);
  return value;
}

function optionalString(body: Body, name: string): string | undefined {
  return body[name] === undefined ? undefined : requireString(body, name);
}

function read(fake: ControlTarget, action: string, url: URL): Body {
  switch (action) {
    case 'health':
      return { url: fake.url };
    case 'messages':
      return { messages: fake.messages(url.searchParams.get('channel') ?? undefined) };
    case 'requests': {
      const method = url.searchParams.get('method');
      return { requests: fake.requests.filter((request) => method === null || request.method === method) };
    }
    case 'scheduled':
      return { scheduled: fake.scheduled() };
    case 'files':
      return {
        files: fake.files().map(({ content, ...file }) => ({
          ...file,
          ...(content ? { content_base64: content.toString('base64') } : {}),
        })),
      };
    default:
      throw new ControlError(404, `unknown control action: GET ${action}`);
  }
}

function act(fake: ControlTarget, action: string, body: Body, req: IncomingMessage): Body {
  switch (action) {
    case 'inject': {
      // JSON has no Infinity: "Infinity" (or any numeric string) is read as a number.
      const times = body.times === undefined ? undefined : Number(body.times);
      fake.inject(
        requireString(body, 'method'),
        parseFault(body.fault),
        times === undefined ? {} : { times },
      );
      return {};
    }
    case 'clearFaults':
      fake.clearFaults();
      return {};
    case 'setOffline':
      if (typeof body.offline !== 'boolean') throw new ControlError(400, 'offline must be a boolean');
      fake.setOffline(body.offline, req.socket);
      return {};
    case 'setRateLimit': {
      const perMinute = body.perMinute;
      if (perMinute !== null && typeof perMinute !== 'number')
        throw new ControlError(400, 'perMinute must be a number or null');
      fake.setRateLimit(requireString(body, 'method'), perMinute === null ? null : { perMinute });
      return {};
    }
    case 'setRateLimitMode':
      fake.setRateLimitMode(parseRateLimitMode(body.mode));
      return {};
    case 'reset':
      fake.reset();
      return {};
    case 'deliverScheduled':
      return {
        ...fake.deliverScheduled(typeof body.nowEpochSec === 'number' ? body.nowEpochSec : undefined),
      };
    case 'revokeToken':
      fake.revokeToken(requireString(body, 'token'), optionalString(body, 'error'));
      return {};
    case 'setMember':
      fake.setMember(requireString(body, 'channel'), body.isMember === true, optionalString(body, 'userId'));
      return {};
    case 'addChannel':
      return {
        channel: fake.addChannel({ ...(body as Partial<NewChannel>), name: requireString(body, 'name') }),
      };
    case 'addMessage': {
      const { channel: _channel, ...message } = body;
      return {
        message: fake.addMessage(requireString(body, 'channel'), {
          ...message,
          text: requireString(body, 'text'),
        }),
      };
    }
    case 'setNowMs':
      if (body.nowMs !== null && typeof body.nowMs !== 'number')
        throw new ControlError(400, 'nowMs must be a number or null');
      fake.setNowMs(body.nowMs);
      return {};
    default:
      throw new ControlError(404, `unknown control action: POST ${action}`);
  }
}

export async function handleControlRequest(
  fake: ControlTarget,
  req: IncomingMessage,
  res: ServerResponse,
  action: string,
  url: URL,
): Promise<void> {
  try {
    if (!isLoopbackCaller(req)) throw new ControlError(403, 'the control API answers loopback callers only');
    if (req.method === 'GET') {
      sendJson(res, 200, { ok: true, ...read(fake, action, url) });
      return;
    }
    if (req.method !== 'POST') throw new ControlError(405, 'use GET or POST');
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json')
      throw new ControlError(415, 'POST a JSON body (content-type: application/json)');
    const body = await readJson(req);
    sendJson(res, 200, { ok: true, ...act(fake, action, body, req) });
  } catch (error) {
    const status = error instanceof ControlError ? error.status : 400;
    sendJson(res, status, { ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
