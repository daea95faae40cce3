// The browser harness's transport: the same router the Electron IPC binds,
// served over HTTP on 127.0.0.1 for development and end-to-end tests.
//
//   POST /api/<channel>   JSON body = arguments → JSON Result
//   GET  /api/events      Server-Sent Events: { event, payload }
//   GET  /open?link=…     "Open in Herald": the harness's equivalent of a herald:// link (see handleOpen)
//   GET  /*               the built renderer
//
// Guards, checked on every API request: the Host header must name this
// server (defeats DNS rebinding), a browser Origin must be our own (defeats
// cross-site requests), and the per-run token must match (defeats other
// local pages and processes that did not get the URL). Before any of them,
// whatever arrives gets an answer: a request line or header that cannot be
// parsed gets a 4xx (any page can aim an <img> at the default port), and a
// body over the cap a 413, never an exception outside the handler.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_ICS_REQUEST_BYTES } from '../../shared/api/channels/calendar.ts';
import { fail, type Result } from '../../shared/api/index.ts';
import {
  heraldLinkFor,
  heraldLinkShapeForLog,
  parseHeraldLink,
} from '../../shared/deep-links/herald-link.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import type { EventBus } from '../core/api/event-bus.ts';
import type { Router } from '../core/api/router.ts';
import type { Logger } from '../core/logging/logger.ts';
import { readRendererFile } from '../core/static/renderer-files.ts';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Channels that carry a whole calendar file get the file's own limit (the contract's character limit decides). */
const CALENDAR_FILE_CHANNELS = new Set(['calendar:previewImport', 'calendar:import']);
const maxBodyBytesFor = (channel: string) =>
  CALENDAR_FILE_CHANNELS.has(channel) ? MAX_ICS_REQUEST_BYTES : MAX_BODY_BYTES;

export interface HarnessServerOptions {
  router: Router;
  bus: EventBus;
  logger: Logger;
  token: string;
  staticDir: string;
  port: number;
}

export interface HarnessServer {
  /** Base URL, e.g. http://127.0.0.1:5173 */
  origin: string;
  /** The URL to open: carries the per-run token. */
  url: string;
  close(): Promise<void>;
}

/** The headers every harness response carries (bench/support/renderer-builds.ts serves its baseline page with them too). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function tokensMatch(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** How much of an oversized body the server reads and discards so the client can read the 413 before the socket closes. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

/** The body's text, or why there is none to read. */
type Body = Result<string, 'too_large' | 'aborted'>;

/**
 * Reads the body up to `maxBytes`. Past the cap it stops keeping the data
 * but keeps draining (up to MAX_DISCARDED_BYTES), so the client gets the 413
 * answer instead of a connection reset mid-upload.
 */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      resolve({ ok: false, error: 'too_large' });
      discardRest(request, 0);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.off('data', onData);
        chunks.length = 0;
        resolve({ ok: false, error: 'too_large' });
        discardRest(request, size);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve({ ok: true, value: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', () => resolve({ ok: false, error: 'aborted' }));
  });
}

function discardRest(request: IncomingMessage, alreadyRead: number): void {
  let discarded = alreadyRead;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) request.socket.destroy();
  });
  request.resume();
}

/**
 * The request's URL and channel, or null when the request line cannot be
 * parsed (a bad %-escape, an invalid absolute URL): such a request gets a 400
 * rather than an exception outside every handler.
 */
export function parseRequestTarget(target: string | undefined): { url: URL; channel: string | null } | null {
  try {
    const url = new URL(target ?? '/', 'http://127.0.0.1');
    const channel =
      url.pathname.startsWith('/api/') && url.pathname !== '/api/events'
        ? decodeURIComponent(url.pathname.slice('/api/'.length))
        : null;
    return { url, channel };
  } catch {
    return null;
  }
}

export function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const { router, bus, logger, token } = options;
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const openStreams = new Set<ServerResponse>();

  /** Host, Origin and token checks. Returns the refusal, or null when the request may proceed. */
  function refuse(
    request: IncomingMessage,
    givenToken: string | undefined,
  ): [number, Result<unknown>] | null {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return [
        403,
        fail(
          'forbidden',
          'This request was addressed to another host name; the harness only answers on its own address.',
        ),
      ];
    }
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) {
      return [403, fail('forbidden', 'Requests from other web pages are refused.')];
    }
    if (!tokensMatch(token, givenToken)) {
      return [
        401,
        fail(
          'unauthenticated',
          'Missing or wrong harness token. Open the URL the harness printed when it started.',
        ),
      ];
    }
    return null;
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    channel: string,
  ): Promise<void> {
    const auth = request.headers.authorization;
    const refusal = refuse(request, auth?.startsWith('Bearer ') ? auth.slice(7) : undefined);
    if (refusal) return sendJson(response, ...refusal);
    if (request.method !== 'POST')
      return sendJson(response, 405, fail('invalid_argument', 'API calls use POST.'));
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(
        response,
        415,
        fail('invalid_argument', 'API calls send a JSON body (content-type: application/json).'),
      );
    }
    const maxBytes = maxBodyBytesFor(channel);
    const body = await readBody(request, maxBytes);
    if (!body.ok) {
      if (body.error === 'aborted') return void response.destroy();
      return sendJson(
        response,
        413,
        fail(
          'invalid_argument',
          `The request body is larger than the ${Math.round(maxBytes / (1024 * 1024))} MiB Herald accepts.`,
        ),
      );
    }
    let args: unknown;
    try {
      args = body.value.trim() === '' ? {} : JSON.parse(body.value);
    } catch {
      return sendJson(response, 400, fail('invalid_argument', 'The request body is not valid JSON.'));
    }
    sendJson(response, 200, await router.invoke(channel, args));
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse, url: URL): void {
    // EventSource cannot set headers, so the token comes in the query string.
    const refusal = refuse(request, url.searchParams.get('token') ?? undefined);
    if (refusal) return sendJson(response, ...refusal);
    response.writeHead(200, {
      ...securityHeaders,
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    openStreams.add(response);
    const unsubscribe = bus.subscribe((event, payload) => {
      response.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    request.on('close', () => {
      unsubscribe();
      openStreams.delete(response);
    });
  }

  /**
   * The browser harness's "Open in Herald": a herald:// link cannot open a browser tab, so the harness shows its
   * equivalent, `/open?link=<the herald:// link>`. The link is checked with the same strict parser as the desktop
   * shell's, and the answer is a redirect to the app with the link re-written from what was parsed (or only the
   * reason it was refused) in the URL fragment, which the page reads once (renderer/app/link-location.ts). Nothing
   * is opened by the request itself, so it needs no token: the page it lands on uses its own.
   */
  function handleOpen(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      response.writeHead(403, securityHeaders).end('Forbidden host');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...securityHeaders, allow: 'GET, HEAD' }).end();
      return;
    }
    const links = url.searchParams.getAll('link');
    const parsed =
      links.length === 1 ? parseHeraldLink(links[0]) : ({ ok: false, reason: 'malformed' } as const);
    const canonical = parsed.ok ? heraldLinkFor(parsed.target) : null;
    if (!parsed.ok)
      logger.warn('harness.link_refused', { reason: parsed.reason, ...heraldLinkShapeForLog(links[0]) });
    const fragment =
      canonical !== null
        ? `open=${encodeURIComponent(canonical)}`
        : `open-refused=${parsed.ok ? 'malformed' : parsed.reason}`;
    response.writeHead(303, { ...securityHeaders, location: `/#${fragment}`, 'cache-control': 'no-store' });
    response.end();
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      response.writeHead(403, securityHeaders).end('Forbidden host');
      return;
    }
    const file =
      request.method === 'GET' || request.method === 'HEAD'
        ? await readRendererFile(options.staticDir, url.pathname)
        : null;
    if (!file) {
      response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      ...securityHeaders,
      'content-type': file.contentType,
      'cache-control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const server: Server = createServer((request, response) => {
    const target = parseRequestTarget(request.url);
    if (target === null) {
      request.resume();
      return sendJson(
        response,
        400,
        fail('invalid_argument', 'The request line is not a valid URL (a bad %-escape or address).'),
      );
    }
    const { url, channel } = target;
    // Inside an async function, so whatever a handler throws, even synchronously, lands in the catch below.
    const task = (async () => {
      if (url.pathname === '/api/events') return handleEvents(request, response, url);
      if (url.pathname === '/open') return handleOpen(request, response, url);
      return channel !== null ? handleApi(request, response, channel) : handleStatic(request, response, url);
    })();
    task.catch((error: unknown) => {
      logger.error('harness.request_failed', { path: url.pathname, error });
      if (!response.headersSent)
        sendJson(response, 500, fail('internal', 'The harness could not answer this request.'));
      else response.end();
    });
  });
  // Chromium keeps an idle connection for minutes and sends the next request on it; Node closes one idle for 5 s,
  // and a POST sent on a connection the server is closing that moment fails in the page ("not reachable"), which
  // the browser does not retry. So the server keeps idle connections longer than the browser does.
  server.keepAliveTimeout = 10 * 60_000;
  // Requests Node's parser itself refuses (a broken request line or header, headers too large) never reach the
  // handler above: answer them with the usual JSON error and close that one connection; the server keeps serving.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify(
      fail(
        'invalid_argument',
        status === 431 ? 'The request headers are too large.' : 'The request is malformed.',
      ),
    );
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        'content-type: application/json; charset=utf-8\r\nx-content-type-options: nosniff\r\ncache-control: no-store\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
      resolve({
        origin,
        url: `${origin}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            for (const stream of openStreams) stream.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
