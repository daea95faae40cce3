// What a year of use costs. Core's cold start (a fresh process, to a started
// core) on an empty data folder next to a large one (10,000 sent, 1,000
// drafts, 5,000 events, 1,000 queued), with the resident memory after; then
// how send, enqueue, a history page, a history search, flushing a backlog
// and start scale with 100, 1,000 and 10,000 records. Goals: large-folder
// start ≤ 1.5× the empty folder's and RSS ≤ 150 MB; every hot path flat in
// the size of the stores.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { buildSync } from 'esbuild';
import { createSystemClock } from '../electron/core/clock/clock.ts';
import type { SecretBox } from '../electron/core/secrets/secret-box.ts';
import { startFakeSlack } from '../test/fakes/slack-server.ts';
import { makeCore, makeDataDir } from '../test/support/core-fixture.ts';
import { EMPTY, fillFolder, LARGE, type FolderSizes } from './support/large-folder.ts';
import { alternate } from './support/alternate.ts';
import { percentile, printTable } from './support/stats.ts';

const START_RATIO_AIM = 1.5;
const RSS_AIM_MB = 150;
const START_SAMPLES = 5;
const SAMPLES = 30;

const strongBox: SecretBox = {
  protection: () => Promise.resolve({ level: 'os', backend: 'bench', explanation: 'bench' }),
  encrypt: (plain) => Promise.resolve(Buffer.from(plain).toString('base64')),
  decrypt: (cipher) => Promise.resolve(Buffer.from(cipher, 'base64').toString()),
};

interface StartSample {
  sinceProcessMs: number;
  coreMs: number;
  rssMb: number;
  notices: number;
}

// The child is bundled and minified as `npm run build` bundles main (esbuild, dependencies inside), so a sample
// times what the app does at start; run through tsx instead, a second or more of compiling TypeScript (the same for
// every folder) would sit in both figures and flatter the ratio.
const CHILD = join('bench', 'results', 'core-start-child.mjs');
mkdirSync(join('bench', 'results'), { recursive: true });
buildSync({
  entryPoints: ['bench/support/core-start-child.ts'],
  outfile: CHILD,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __heraldCreateRequire } from 'node:module'; const require = __heraldCreateRequire(import.meta.url);",
  },
});

function coldStart(dataDir: string): StartSample {
  const run = spawnSync(process.execPath, [CHILD, dataDir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`core start failed: ${run.stderr}`);
  const sample = JSON.parse(run.stdout.trim().split('\n').pop()!) as StartSample;
  if (sample.notices > 0)
    throw new Error(`${dataDir}: ${sample.notices} store file(s) set aside; the benchmark folder is broken`);
  return sample;
}

function folder(sizes: FolderSizes): string {
  const dataDir = makeDataDir('herald-bench-folder-');
  fillFolder(dataDir, sizes, Date.now());
  return dataDir;
}

/** Alternates the folders sample by sample, so load on the machine hits each alike. */
function coldStarts(folders: readonly string[], samples: number): StartSample[][] {
  for (const dataDir of folders) coldStart(dataDir); // warm the file cache
  const results: StartSample[][] = folders.map(() => []);
  for (let n = 0; n < samples; n++) folders.forEach((dataDir, at) => results[at]!.push(coldStart(dataDir)));
  return results;
}

const median = (samples: readonly StartSample[], key: keyof StartSample) =>
  percentile(
    samples.map((sample) => sample[key]),
    50,
  );

// ── Cold start, empty vs large ──────────────────────────────────────────────
// The third folder leaves out the calendar's events (and the reminders they arm), to show which stores a
// slow start comes from.
const [empty, large, withoutEvents] = coldStarts(
  [folder(EMPTY), folder(LARGE), folder({ ...LARGE, events: 0 })],
  START_SAMPLES,
);
const startRatio = median(large!, 'sinceProcessMs') / median(empty!, 'sinceProcessMs');
printTable(
  `Core cold start in a fresh process, ${START_SAMPLES} samples each, p50 (aim: large ≤ ${START_RATIO_AIM}× empty, RSS ≤ ${RSS_AIM_MB} MB)`,
  [
    {
      folder: 'baseline: empty data folder',
      'to started core (ms)': median(empty!, 'sinceProcessMs'),
      'createCore + start (ms)': median(empty!, 'coreMs'),
      'RSS (MB)': median(empty!, 'rssMb'),
      ratio: 1,
    },
    {
      folder: '10,000 sent, 1,000 drafts, 5,000 events, 1,000 queued',
      'to started core (ms)': median(large!, 'sinceProcessMs'),
      'createCore + start (ms)': median(large!, 'coreMs'),
      'RSS (MB)': median(large!, 'rssMb'),
      ratio: startRatio,
    },
    {
      folder: 'the same without the 5,000 events (context)',
      'to started core (ms)': median(withoutEvents!, 'sinceProcessMs'),
      'createCore + start (ms)': median(withoutEvents!, 'coreMs'),
      'RSS (MB)': median(withoutEvents!, 'rssMb'),
      ratio: median(withoutEvents!, 'sinceProcessMs') / median(empty!, 'sinceProcessMs'),
    },
  ],
);
printTable('Verdict: cold start with a large folder', [
  {
    check: `start ≤ ${START_RATIO_AIM}× the empty folder's`,
    figure: startRatio,
    met: startRatio <= START_RATIO_AIM ? 'yes' : 'NO',
  },
  {
    check: `RSS ≤ ${RSS_AIM_MB} MB`,
    figure: median(large!, 'rssMb'),
    met: median(large!, 'rssMb') <= RSS_AIM_MB ? 'yes' : 'NO',
  },
]);

// ── Scaling: 100 / 1,000 / 10,000 ───────────────────────────────────────────
async function hotPaths(count: number) {
  const dataDir = folder({ history: count, drafts: count, events: 0, queued: count });
  const fake = await startFakeSlack({});
  const { core } = makeCore({
    dataDir,
    slackApiUrlOverride: fake.url,
    secretBox: strongBox,
    clock: createSystemClock(),
  });
  const connected = await core.router.call('slack:connect', { token: fake.botToken });
  if (!connected.ok) throw new Error(connected.error.message);

  // Enqueue with `count` already waiting (not sending yet, so the queue keeps its length), each next to the
  // bare file work of one record (write and rename), alternately.
  const bareDir = makeDataDir('herald-bench-bare-');
  const enqueue = await alternate(
    SAMPLES,
    async (n) => {
      const started = performance.now();
      const queued = await core.router.call('outbox:enqueue', {
        channel: 'ask-comms',
        text: `scaling enqueue ${n}`,
      });
      if (!queued.ok) throw new Error(queued.error.message);
      return performance.now() - started;
    },
    (n) => bareWrite(bareDir, n),
  );
  // History: the first page, and a search that must look at every entry.
  const page: number[] = [];
  const search: number[] = [];
  for (let n = 0; n < SAMPLES; n++) {
    let started = performance.now();
    await core.router.call('history:list', { limit: 100 });
    page.push(performance.now() - started);
    started = performance.now();
    await core.router.call('history:list', { text: `update ${n}`, limit: 100 });
    search.push(performance.now() - started);
  }
  // Flush: the whole backlog (`count` queued while offline, plus the samples above), per message.
  let sent = 0;
  core.outbox.onSent(() => (sent += 1));
  await core.router.call('channels:list', {});
  const backlog = count + SAMPLES;
  const flushStarted = performance.now();
  core.start();
  while (sent < backlog) await new Promise((resolve) => setImmediate(resolve));
  const flushPerMessage = (performance.now() - flushStarted) / backlog;
  // Send: one message at a time, enqueue to sent, once the backlog is gone, each next to a bare WebClient post on
  // the same fake, alternately.
  const client = new WebClient(fake.botToken, { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
  let sends = 0;
  const send = await alternate(
    SAMPLES,
    async (n) => {
      const started = performance.now();
      const queued = await core.router.call('outbox:enqueue', {
        channel: 'ask-comms',
        text: `scaling send ${n}`,
      });
      if (!queued.ok) throw new Error(queued.error.message);
      sends += 1;
      while (sent < backlog + sends) await new Promise((resolve) => setImmediate(resolve));
      return performance.now() - started;
    },
    async (n) => {
      const started = performance.now();
      await client.chat.postMessage({ channel: 'ask-comms', text: `bare ${n}` });
      return performance.now() - started;
    },
  );
  core.stop();
  await fake.close();
  const [started] = coldStarts([dataDir], 3);
  return {
    count,
    enqueue,
    page,
    search,
    send,
    flushPerMessage,
    start: median(started!, 'sinceProcessMs'),
  };
}

/** The bare file work of one stored record: write a temporary file and rename it into place. */
function bareWrite(dir: string, n: number): number {
  const payload = JSON.stringify({ schemaVersion: 1, data: { text: 'x'.repeat(700) } });
  const started = performance.now();
  writeFileSync(join(dir, `${n}.tmp`), payload);
  renameSync(join(dir, `${n}.tmp`), join(dir, `${n}.json`));
  return performance.now() - started;
}

const scaled = [];
for (const count of [100, 1_000, 10_000]) scaled.push(await hotPaths(count));
const p50 = (samples: number[]) => percentile(samples, 50);
printTable(
  `Scaling with the size of the stores, p50 of ${SAMPLES} (ms); records = history entries, drafts and queued messages each; ` +
    'send and enqueue alternate with their baselines at each size (× = Herald ÷ that baseline)',
  [
    {
      records: 'baseline',
      'send one (enqueue → sent)': 'bare post, same moment',
      'send ×': 1,
      'flush backlog, per message': '',
      'outbox:enqueue': 'bare write, same moment',
      'enqueue ×': 1,
      'history page (100)': '',
      'history search': '',
      'cold start': `empty ${median(empty!, 'sinceProcessMs').toFixed(0)}`,
    },
    ...scaled.map((result) => ({
      records: result.count,
      'send one (enqueue → sent)': `${p50(result.send.herald).toFixed(3)} (bare ${p50(result.send.baseline).toFixed(3)})`,
      'send ×': p50(result.send.herald) / p50(result.send.baseline),
      'flush backlog, per message': result.flushPerMessage,
      'outbox:enqueue': `${p50(result.enqueue.herald).toFixed(3)} (bare ${p50(result.enqueue.baseline).toFixed(3)})`,
      'enqueue ×': p50(result.enqueue.herald) / p50(result.enqueue.baseline),
      'history page (100)': p50(result.page),
      'history search': p50(result.search),
      'cold start': result.start,
    })),
  ],
);
