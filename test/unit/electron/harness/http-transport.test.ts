import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportIcs } from '../../../../electron/core/calendar/ics/ics-export.ts';
import { MAX_BODY_BYTES, startHarnessServer, type HarnessServer } from '../../../../electron/harness/http-transport.ts';
import { makeCore } from '../../../support/core-fixture.ts';
import { makeEvent } from '../../shared/calendar/event-fixtures.ts';

const TOKEN = 'test-token-0123456789';
let server: HarnessServer | undefined;

async function start() {
  const { core, logger } = makeCore();
  const staticDir = mkdtempSync(join(tmpdir(), 'herald-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Herald</title>');
  server = await startHarnessServer({ router: core.router, bus: core.bus, logger, token: TOKEN, staticDir, port: 0 });
  return { core, server, logger };
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function call(path: string, init: { body?: string; headers?: Record<string, string>; method?: string } = {}) {
  return fetch(`${server!.origin}${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
}

/** fetch cannot forge Host; a raw request can, as a DNS-rebinding page would. */
function callWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${server!.origin}/api/app:info`);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host, 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
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
    const wrongType = await call('/api/settings:get', { body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const tooBig = await call('/api/settings:update', { body: JSON.stringify({ timeZone: 'x'.repeat(3 * 1024 * 1024) }) }).catch(() => null);
    if (tooBig) expect(tooBig.status).toBe(413);
    expect((await (await call('/api/app:info', { body: '{}' })).json()).ok).toBe(true);
  });

  it('takes a calendar file larger than other requests may be, up to the calendar file limit', async () => {
    const { core } = await start();
    const ics = exportIcs(
      Array.from({ length: 3_000 }, (_, index) =>
        makeEvent({ id: `e${index}`, uid: `e${index}@herald`, startsAtUtc: new Date(Date.UTC(2027, 0, 4, 9) + index * 3_600_000).toISOString(), endsAtUtc: new Date(Date.UTC(2027, 0, 4, 10) + index * 3_600_000).toISOString(), userActionDeadlineUtc: null }),
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
    for (const headers of [{ authorization: 'Bearer wrong' }, { authorization: '' }, { authorization: `Basic ${TOKEN}` }]) {
      const response = await call('/api/app:info', { body: '{}', headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    const events = await fetch(`${server!.origin}/api/events?token=wrong`);
    expect(events.status).toBe(401);
  });

  it('refuses requests from another origin, even with the right token', async () => {
    await start();
    const response = await call('/api/app:info', { body: '{}', headers: { origin: 'https://evil.example.com' } });
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
    const response = await fetch(`${server!.origin}/api/events?token=${TOKEN}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    await core.router.invoke('settings:update', { timeZone: 'UTC' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"event":"settings:changed"');
    controller.abort();
  });
});
