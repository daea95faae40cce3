// API round trip through the browser harness (token, origin and schema
// checks, router, result validation) next to a bare node:http JSON echo on
// the same machine: the cost our transport adds per call. The two servers
// take turns, call by call, so a busy moment on the machine hits both.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarnessServer } from '../electron/harness/http-transport.ts';
import { makeCore } from '../test/support/core-fixture.ts';
import { percentile, printTable } from './support/stats.ts';

const CALLS = 2000;

/** Times `calls` alternately, one round at a time, after a warm-up of each. */
async function timeAlternately(calls: ReadonlyArray<() => Promise<unknown>>): Promise<number[][]> {
  for (let i = 0; i < 100; i++) for (const call of calls) await call(); // warm up
  const samples = calls.map(() => [] as number[]);
  for (let i = 0; i < CALLS; i++) {
    for (const [index, call] of calls.entries()) {
      const started = performance.now();
      await call();
      samples[index]!.push(performance.now() - started);
    }
  }
  return samples;
}

const bare = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true,"value":{}}');
  });
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/settings:get`;

const { core, logger } = makeCore();
const staticDir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
writeFileSync(join(staticDir, 'index.html'), '');
const harness = await startHarnessServer({
  router: core.router,
  bus: core.bus,
  logger,
  token: 'bench',
  staticDir,
  port: 0,
});
const post = (url: string, token?: string) => () =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: '{}',
  }).then((r) => r.text());

const [baseline, herald] = (await timeAlternately([
  post(bareUrl),
  post(`${harness.origin}/api/settings:get`, 'bench'),
])) as [number[], number[]];
printTable('API round trip, settings:get over HTTP (ms)', [
  {
    name: 'baseline: bare node:http echo',
    p50: percentile(baseline, 50),
    p95: percentile(baseline, 95),
    p99: percentile(baseline, 99),
  },
  {
    name: 'Herald harness transport',
    p50: percentile(herald, 50),
    p95: percentile(herald, 95),
    p99: percentile(herald, 99),
  },
]);
await harness.close();
bare.close();
