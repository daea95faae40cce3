import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { exportIcs } from '../../../../electron/core/calendar/ics/ics-export.ts';
import {
  MAX_BODY_BYTES,
  startHarnessServer,
  type HarnessServer,
} from '../../../../electron/harness/http-transport.ts';
import { makeCore } from '../../../support/core-fixture.ts';
import { makeEvent } from '../../shared/calendar/event-fixtures.ts';

const TOKEN = 'test-token-0123456789';
let server: HarnessServer | undefined;

async function start() {
  const { core, logger } = makeCore();
  const staticDir = mkdtempSync(join(tmpdir(), 'herald-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Herald</title>');
  server = await startHarnessServer({
    router: core.router,
    bus: core.bus,
    logger,
    token: TOKEN,
    staticDir,
    port: 0,
  });
  return { core, server, logger };
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function call(
  path: string,
  init: { body?: string; headers?: Record<string, string>; method?: string; duplex?: boolean } = {},
) {
  return fetch(`${server!.origin}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
    ...(init.duplex ? { duplex: 'half' } : {}),
  });
}

const hostOf = () => new URL(server!.origin).host;

/**
 * Writes `text` as it is on a fresh loopback socket and answers everything the
 * server sends back before it closes the connection (or 2 s pass, which fails
 * the caller's expectation: an answer must come).
 */
function rawExchange(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(server!.origin);
    const socket = connect({ host: '127.0.0.1', port: Number(url.port) });
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(finish, 2_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A complete answer: headers plus as many body bytes as content-length says.
      const answer = Buffer.concat(chunks).toString('latin1');
      const headerEnd = answer.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(answer.slice(0, headerEnd))?.[1];
      if (
        headerEnd >= 0 &&
        length !== undefined &&
        Buffer.byteLength(answer.slice(headerEnd + 4), 'latin1') >= Number(length)
      )
        finish();
    });
    socket.on('end', finish);
    socket.on('error', (error) => (chunks.length > 0 ? finish() : reject(error)));
    socket.write(Buffer.from(text, 'latin1'));
  });
}

/** fetch cannot forge Host; a raw request can, as a DNS-rebinding page would. */
function callWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${server!.origin}/api/app:info`);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { host, 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('the browser harness HTTP transport', () => {
  it('serves a valid call and prints a URL that carries the token in the fragment only', async () => {
    await start();
    expect(server!.url).toBe(`${server!.origin}/#token=${TOKEN}`);
    const response = await call('/api/app:info', { body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { host: 'browser-harness' } });
  });

  it('answers malformed arguments with invalid_argument, never a crash', async () => {
    await start();
    for (const body of ['{"timeZone": 7}', '[1,2,3]', '"text"', '{"unknown": true}']) {
      const response = await call('/api/settings:update', { body });
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    const notJson = await call('/api/settings:update', { body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const wrongType = await call('/api/settings:get', {
      body: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect((await (await call('/api/app:info', { body: '{}' })).json()).ok).toBe(true);
  });

  it('answers a body over the 2 MiB cap with 413 and the usual JSON error, not a connection reset', async () => {
    await start();
    for (const size of [MAX_BODY_BYTES + 1, 3 * 1024 * 1024, 20 * 1024 * 1024]) {
      const tooBig = await call('/api/settings:update', {
        body: JSON.stringify({ timeZone: 'x'.repeat(size) }),
      });
      expect(tooBig.status, `${size} bytes`).toBe(413);
      expect(await tooBig.json()).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: expect.stringContaining('2 MiB') },
      });
    }
    // Declared too large up front, and streamed past the cap without a length (chunked): the same answer.
    const declared = await rawExchange(
      `POST /api/settings:update HTTP/1.1\r\nHost: ${hostOf()}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${MAX_BODY_BYTES + 10}\r\nConnection: close\r\n\r\n{"timeZone":"`,
    );
    expect(declared).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(declared.slice(declared.indexOf('\r\n\r\n') + 4))).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    const chunked = await call('/api/settings:update', {
      body: new Blob([new Uint8Array(MAX_BODY_BYTES + 4096).fill(0x20)]).stream() as unknown as string,
      duplex: true,
    });
    expect(chunked.status).toBe(413);
    expect((await (await call('/api/app:info', { body: '{}' })).json()).ok).toBe(true);
  });

  it('answers malformed request lines and headers with a 4xx and keeps serving (raw socket)', async () => {
    await start();
    const host = hostOf();
    const malformed = [
      `GET /api/%ZZ HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `POST /api/%ZZ HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
      `GET /api/%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET %ZZ HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET http://[ HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET http://[::1 HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET http:// HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET /api/events?token=%ZZ HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${host}\r\nBroken header line\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `GET / HTTP/9.9\r\nHost: ${host}\r\n\r\n`,
      `BREW /coffee HTCPCP/1.0\r\n\r\n`,
      `\u0000\u0001\u0002\r\n\r\n`,
      `POST /api/app:info HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
      `POST /api/app:info HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n`,
    ];
    for (const requestText of malformed) {
      const answer = await rawExchange(requestText);
      expect(answer, JSON.stringify(requestText.slice(0, 60))).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    const badEscape = await rawExchange(malformed[0]!);
    expect(JSON.parse(badEscape.slice(badEscape.indexOf('\r\n\r\n') + 4))).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    const response = await call('/api/app:info', { body: '{}' });
    expect(await response.json()).toMatchObject({ ok: true, value: { host: 'browser-harness' } });
  });

  it('keeps serving through a bounded fuzz of request lines and headers (raw socket, loopback only)', async () => {
    await start();
    const host = hostOf();
    const methods = fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'G\u0000T', '', 'POST POST');
    const target = fc.oneof(
      fc.string({ maxLength: 60 }).map((text) => `/api/${text}`),
      fc.constantFrom(
        '/api/%',
        '/api/%ZZ',
        '/api/%C0%AF',
        'http://[',
        'http://[::1]:99999/',
        '*',
        '//',
        '/../../etc/passwd',
        '/api/events?token=%',
      ),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    const header = fc
      .tuple(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 200 }))
      .map(([name, value]) => `${name}: ${value}`);
    const requestText = fc
      .tuple(
        methods,
        target,
        fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/1.1 extra', ''),
        fc.array(header, { maxLength: 5 }),
        fc.boolean(),
      )
      .map(
        ([method, path, version, headers, withHost]) =>
          `${method} ${path} ${version}\r\n${withHost ? `Host: ${host}\r\n` : ''}${headers.join('\r\n')}\r\n\r\n`,
      );
    await fc.assert(
      fc.asyncProperty(requestText, async (text) => {
        const answer = await rawExchange(text);
        // Every request gets an answer (never a dropped connection) and none is a server error.
        expect(answer).toMatch(/^HTTP\/1\.[01] [1-4]\d\d /);
      }),
      { numRuns: 150 },
    );
    const response = await call('/api/app:info', { body: '{}' });
    expect(await response.json()).toMatchObject({ ok: true, value: { host: 'browser-harness' } });
  });

  it('takes a calendar file larger than other requests may be, up to the calendar file limit', async () => {
    const { core } = await start();
    const ics = exportIcs(
      Array.from({ length: 3_000 }, (_, index) =>
        makeEvent({
          id: `e${index}`,
          uid: `e${index}@herald`,
          startsAtUtc: new Date(Date.UTC(2027, 0, 4, 9) + index * 3_600_000).toISOString(),
          endsAtUtc: new Date(Date.UTC(2027, 0, 4, 10) + index * 3_600_000).toISOString(),
          userActionDeadlineUtc: null,
        }),
      ),
      '2026-04-20T09:00:00.000Z',
    );
    const body = JSON.stringify({ ics });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    const response = await call('/api/calendar:previewImport', { body });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { problems: [] } });
    // The same size on any other channel is still refused before it is read whole.
    const elsewhere = await call('/api/drafts:save', { body }).catch(() => null);
    if (elsewhere) expect(elsewhere.status).toBe(413);
    core.stop();
  });

  it('refuses an unknown channel', async () => {
    await start();
    const response = await call('/api/nothing:here', { body: '{}' });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses a wrong or missing token with 401', async () => {
    await start();
    for (const headers of [
      { authorization: 'Bearer wrong' },
      { authorization: '' },
      { authorization: `Basic ${TOKEN}` },
    ]) {
      const response = await call('/api/app:info', { body: '{}', headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    const events = await fetch(`${server!.origin}/api/events?token=wrong`);
    expect(events.status).toBe(401);
  });

  it('refuses requests from another origin, even with the right token', async () => {
    await start();
    const response = await call('/api/app:info', {
      body: '{}',
      headers: { origin: 'https://evil.example.com' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const own = await call('/api/app:info', { body: '{}', headers: { origin: server!.origin } });
    expect(own.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    await start();
    expect(await callWithHost('evil.example.com')).toBe(403);
    expect(await callWithHost(new URL(server!.origin).host)).toBe(200);
  });

  it('serves pages with the Content-Security-Policy and never outside its folder', async () => {
    await start();
    const page = await fetch(`${server!.origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const escape = await fetch(`${server!.origin}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('streams core events over SSE', async () => {
    const { core } = await start();
    const controller = new AbortController();
    const response = await fetch(`${server!.origin}/api/events?token=${TOKEN}`, {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    await core.router.invoke('settings:update', { timeZone: 'UTC' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"event":"settings:changed"');
    controller.abort();
  });
  describe('the "Open in Herald" route', () => {
    const ID = '3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d';
    const open = (query: string, method = 'GET') =>
      fetch(`${server!.origin}/open${query}`, { method, redirect: 'manual' });
    const fragmentOf = (response: Response) => response.headers.get('location')?.replace(/^\/#/, '') ?? '';

    it('sends the app to the link, written back from what the parser read', async () => {
      await start();
      const response = await open(`?link=${encodeURIComponent(`HERALD://Incident/${ID.toUpperCase()}/`)}`);
      expect(response.status).toBe(303);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(new URLSearchParams(fragmentOf(response)).get('open')).toBe(`herald://incident/${ID}`);
    });

    it.each([
      ['another scheme', 'javascript:alert(1)', 'wrong_scheme'],
      ['a dot-dot path', 'herald://incident/../', 'bad_id'],
      [
        'an encoded slash (after the query is decoded once)',
        `herald://incident%252F${ID}`,
        'escaped_characters',
      ],
      ['unicode', `herald://incident/${ID}é`, 'bad_characters'],
      ['a long link', `herald://incident/${'a'.repeat(5_000)}`, 'too_long'],
    ])('refuses %s with only the reason in the redirect', async (_name, link, reason) => {
      const { logger } = await start();
      const response = await open(`?link=${encodeURIComponent(link)}`);
      expect(response.status).toBe(303);
      expect(fragmentOf(response)).toBe(`open-refused=${reason}`);
      expect(logger.lines.join('\n')).not.toContain('alert(1)');
      expect(logger.lines.join('\n').length).toBeLessThan(5_000);
    });

    it('refuses no link, two links, other methods and an oversized request', async () => {
      await start();
      expect(fragmentOf(await open(''))).toBe('open-refused=malformed');
      const link = encodeURIComponent(`herald://event/${ID}`);
      expect(fragmentOf(await open(`?link=${link}&link=${link}`))).toBe('open-refused=malformed');
      expect((await open(`?link=${link}`, 'POST')).status).toBe(405);
      // Past Node's header limit the request never reaches the route: the transport's own 431.
      expect((await open(`?link=${'a'.repeat(100_000)}`)).status).toBe(431);
    });

    it('answers whatever query it is given with a redirect to the app, never an error page or an echo', async () => {
      await start();
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 200 }), async (link) => {
          const response = await open(`?link=${encodeURIComponent(link)}`);
          expect(response.status).toBe(303);
          const fragment = fragmentOf(response);
          expect(fragment).toMatch(
            /^(open=herald%3A%2F%2F(incident|event)%2F[0-9a-f-]{36}|open-refused=[a-z_]+)$/,
          );
        }),
        { numRuns: 60 },
      );
    });
  });
});
