// Outbox throughput and the cost of exactly-once.
//
// 1. Against the fake Slack's rate limit on chat.postMessage: on a test clock
//    shared by Herald and the fake (a minute's window costs no real minute),
//    and once on the real clock, the time to flush a backlog next to the bound
//    the limit itself sets.
// 2. Unthrottled, in real time, with 0, 10,000 and 100,000 messages already
//    in history: sending through the outbox (enqueue through the API, persisted
//    and synced, checked nothing twice, recorded in history) next to bare
//    WebClient posts on the same fake, measured alternately. Goal: at most 3×
//    the bare post, and the ratio at 100,000 within 1.2× of the ratio at 0.
// 3. Enqueueing 1,000 messages through the API (answered once on disk), next
//    to the bare file work it needs. Goal: under 1 s in total.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { createSystemClock } from '../electron/core/clock/clock.ts';
import type { SecretBox } from '../electron/core/secrets/secret-box.ts';
import { startFakeSlack, type FakeSlack } from '../test/fakes/slack-server.ts';
import { makeCore, makeDataDir } from '../test/support/core-fixture.ts';
import { EMPTY, fillFolder } from './support/large-folder.ts';
import { alternate } from './support/alternate.ts';
import { percentile, printTable } from './support/stats.ts';

const CHANNELS = [
  'operations-engineering-update',
  'github-community',
  'ask-comms',
  'operations-engineering-team',
  'team-channel-003',
];
const WINDOW_MS = 60_000;
const SEND_AIM_RATIO = 3;
const FLAT_AIM = 1.2;
const ENQUEUE_AIM_MS = 1_000;

const strongBox: SecretBox = {
  protection: () => Promise.resolve({ level: 'os', backend: 'bench', explanation: 'bench' }),
  encrypt: (plain) => Promise.resolve(Buffer.from(plain).toString('base64')),
  decrypt: (cipher) => Promise.resolve(Buffer.from(cipher, 'base64').toString()),
};

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

async function heraldWorld(options: { historyEntries?: number; realClock?: boolean } = {}) {
  const dataDir = makeDataDir('herald-bench-outbox-');
  // History is written before core opens, as a data folder after months of use.
  if (options.historyEntries) fillFolder(dataDir, { ...EMPTY, history: options.historyEntries }, Date.now());
  // The fake starts first (the core needs its URL) and follows the core's clock once there is one.
  const clockOf: { core?: { now(): number } } = {};
  const fake = await startFakeSlack({ nowMs: () => clockOf.core?.now() ?? Date.now() });
  const world = makeCore({
    dataDir,
    slackApiUrlOverride: fake.url,
    secretBox: strongBox,
    ...(options.realClock ? { clock: createSystemClock() } : {}),
  });
  clockOf.core = options.realClock ? { now: () => Date.now() } : world.clock;
  const connected = await world.core.router.call('slack:connect', { token: fake.botToken });
  if (!connected.ok) throw new Error(connected.error.message);
  let sent = 0;
  world.core.outbox.onSent(() => (sent += 1));
  world.core.start();
  // Resolve the channel names first, so what follows measures sending only.
  await world.core.router.call('channels:list', {});
  const close = async () => {
    world.core.stop();
    await fake.close();
  };
  return { fake, ...world, sentCount: () => sent, close, isRealClock: options.realClock ?? false };
}

type World = Awaited<ReturnType<typeof heraldWorld>>;

/** Runs until `count` items are sent; on the test clock, moves it only while nothing is in flight. */
async function flush(world: World, count: number, stepMs = 100): Promise<void> {
  while (world.sentCount() < count) {
    await macrotask();
    if (!world.isRealClock && !world.core.outbox.isBusy() && world.sentCount() < count)
      world.clock.advance(stepMs);
  }
}

async function enqueueThroughApi(world: World, count: number, label: string): Promise<void> {
  const answers = await Promise.all(
    Array.from({ length: count }, (_, n) =>
      world.core.router.call('outbox:enqueue', {
        channel: CHANNELS[n % CHANNELS.length]!,
        text: `${label} ${n}`,
      }),
    ),
  );
  const refused = answers.find((answer) => !answer.ok);
  if (refused && !refused.ok) throw new Error(refused.error.message);
}

async function rateLimited(perMinute: number, count: number, realClock = false) {
  const world = await heraldWorld({ realClock });
  await flush(world, 0);
  world.fake.setRateLimit('chat.postMessage', { perMinute });
  const startedMs = world.isRealClock ? Date.now() : world.clock.now();
  const wallStarted = performance.now();
  await enqueueThroughApi(world, count, 'rate-limited message');
  await flush(world, count);
  const lastSentMs = Math.max(
    ...world.core.outbox.list(['sent']).items.map((item) => Date.parse(item.sentAtUtc!)),
  );
  // A sliding window of `perMinute`: the last message can go no earlier than this many whole windows in.
  const boundMs = Math.floor((count - 1) / perMinute) * WINDOW_MS;
  const refused = world.fake.requests.filter(
    (request) => request.method === 'chat.postMessage' && request.status === 429,
  ).length;
  const duplicates =
    count - new Set(world.fake.messages().map((message) => message.metadata?.event_payload.herald_id)).size;
  await world.close();
  return {
    scenario: `${count} messages, ${perMinute}/min, ${realClock ? 'real clock' : 'test clock'}`,
    'bound (s)': boundMs / 1000,
    'outbox (s)': (lastSentMs - startedMs) / 1000,
    'over bound': `${(((lastSentMs - startedMs) / boundMs - 1) * 100).toFixed(1)}%`,
    '429s': refused,
    duplicates,
    'wall (s)': (performance.now() - wallStarted) / 1000,
  };
}

/** Bare posts, five channels in parallel (the outbox's five lanes), per message. */
async function barePosts(fake: FakeSlack, count: number): Promise<number> {
  const client = new WebClient(fake.botToken, {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const started = performance.now();
  await Promise.all(
    CHANNELS.map(async (channel, lane) => {
      for (let n = lane; n < count; n += CHANNELS.length)
        await client.chat.postMessage({ channel, text: `bare message ${n}` });
    }),
  );
  return (performance.now() - started) / count;
}

/** One bare post's round trip. */
async function bareSingle(client: WebClient, n: number): Promise<number> {
  const started = performance.now();
  await client.chat.postMessage({ channel: CHANNELS[0]!, text: `bare single ${n}` });
  return performance.now() - started;
}

/** One message through Herald: enqueued through the API, answered, sent and in history. */
async function heraldSingle(world: World, n: number, expected: number): Promise<number> {
  const started = performance.now();
  const queued = await world.core.router.call('outbox:enqueue', {
    channel: CHANNELS[0]!,
    text: `single ${n}`,
  });
  if (!queued.ok) throw new Error(queued.error.message);
  await flush(world, expected);
  return performance.now() - started;
}

const BURST = 100;
const BURST_ROUNDS = 8;
/**
 * The first rounds of each are left out, as the singles' first ones are: at the first history size the bare
 * client's code is still being optimised (its per-message time fell by a third between the first and later sizes
 * after the 20-post warm-up alone), and that movement, not Herald's, made the burst ratio at 0 look better.
 */
const BURST_DROPPED = 2;
const SINGLES = 80;
const SINGLES_DROPPED = 10;

/**
 * Per message: bursts of BURST over five channels, and SINGLES one at a time (enqueue → sent), each next to
 * bare posts on the same fake. Herald and bare samples alternate (and take turns going first), so a busy
 * moment on the shared machine hits both; the medians are compared.
 */
async function unthrottled(historyEntries: number) {
  const world = await heraldWorld({ historyEntries });
  await flush(world, 0);
  const client = new WebClient(world.fake.botToken, {
    slackApiUrl: world.fake.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  // Warm up both paths (connections, JIT) before measuring.
  await barePosts(world.fake, 20);
  await enqueueThroughApi(world, 20, 'warm-up');
  let expected = 20;
  await flush(world, expected);
  const bare: number[] = [];
  const herald: number[] = [];
  const heraldBurst = async (round: number) => {
    const started = performance.now();
    await enqueueThroughApi(world, BURST, `burst ${round}`);
    expected += BURST;
    await flush(world, expected);
    herald.push((performance.now() - started) / BURST);
  };
  for (let round = 0; round < BURST_ROUNDS; round++) {
    if (round % 2 === 0) {
      bare.push(await barePosts(world.fake, BURST));
      await heraldBurst(round);
    } else {
      await heraldBurst(round);
      bare.push(await barePosts(world.fake, BURST));
    }
  }
  bare.splice(0, BURST_DROPPED);
  herald.splice(0, BURST_DROPPED);
  const singles = await alternate(
    SINGLES,
    (n) => heraldSingle(world, n, (expected += 1)),
    (n) => bareSingle(client, n),
    SINGLES_DROPPED,
  );
  const history = await world.core.router.call('history:list', { limit: 1 });
  const recorded = history.ok ? history.value.total : -1;
  await world.close();
  if (recorded !== historyEntries + expected)
    throw new Error(`history holds ${recorded}, expected ${historyEntries + expected}`);
  const burst = { bare: percentile(bare, 50), herald: percentile(herald, 50) };
  const single = { bare: percentile(singles.baseline, 50), herald: percentile(singles.herald, 50) };
  return { historyEntries, burst, single };
}

function bareEnqueueWork(count: number): number {
  const dir = join(makeDataDir('herald-bench-bare-'), 'outbox');
  mkdirSync(dir);
  const payload = JSON.stringify({ schemaVersion: 1, data: { text: 'x'.repeat(700) } });
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    writeFileSync(join(dir, `${n}.json.tmp`), payload);
    renameSync(join(dir, `${n}.json.tmp`), join(dir, `${n}.json`));
  }
  for (const path of [...Array.from({ length: count }, (_, n) => join(dir, `${n}.json`)), dir]) {
    const fd = openSync(path, 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
  return performance.now() - started;
}

async function enqueueThousand() {
  const count = 1_000;
  const world = await heraldWorld();
  world.core.stop(); // Only the queue is measured: nothing sends meanwhile.
  const started = performance.now();
  await enqueueThroughApi(world, count, 'enqueued');
  const allAtOnceMs = performance.now() - started;
  const oneByOneStarted = performance.now();
  for (let n = 0; n < 200; n++) {
    const queued = await world.core.router.call('outbox:enqueue', {
      channel: CHANNELS[n % CHANNELS.length]!,
      text: `one by one ${n}`,
    });
    if (!queued.ok) throw new Error(queued.error.message);
  }
  const oneByOneMs = (performance.now() - oneByOneStarted) / 200;
  await world.close();
  return [
    {
      path: 'baseline: 1,000 bare files written, renamed, then synced together',
      count,
      'total (ms)': bareEnqueueWork(count),
      'per item (ms)': '',
    },
    {
      path: `Herald outbox:enqueue × 1,000 at once (answered once synced; aim < ${ENQUEUE_AIM_MS} ms)`,
      count,
      'total (ms)': allAtOnceMs,
      'per item (ms)': allAtOnceMs / count,
    },
    {
      path: 'Herald outbox:enqueue one after another, each awaited (context)',
      count: 200,
      'total (ms)': oneByOneMs * 200,
      'per item (ms)': oneByOneMs,
    },
  ];
}

printTable('Outbox flush against the fake Slack rate limit (aim: within 10% of the bound)', [
  await rateLimited(50, 200),
  await rateLimited(20, 100),
  await rateLimited(20, 25, true),
]);

const sizes = [0, 10_000, 100_000];
const results: Array<Awaited<ReturnType<typeof unthrottled>>> = [];
for (const size of sizes) results.push(await unthrottled(size));
const ratio = (pair: { bare: number; herald: number }) => pair.herald / pair.bare;
printTable(
  `Send one message, unthrottled, real time, per message (ms): enqueue through the API to sent and in history; aim ≤ ${SEND_AIM_RATIO}× bare`,
  [
    ...results.flatMap(({ historyEntries, burst, single }) => [
      {
        history: historyEntries,
        path: `baseline: bare WebClient posts, ${BURST} over 5 channels (median of ${BURST_ROUNDS - BURST_DROPPED})`,
        'per message': burst.bare,
        ratio: 1,
      },
      {
        history: historyEntries,
        path: `Herald outbox, ${BURST} over 5 channels (median of ${BURST_ROUNDS - BURST_DROPPED}, alternating)`,
        'per message': burst.herald,
        ratio: ratio(burst),
      },
      {
        history: historyEntries,
        path: `baseline: bare WebClient post, one at a time (p50 of ${SINGLES - SINGLES_DROPPED})`,
        'per message': single.bare,
        ratio: 1,
      },
      {
        history: historyEntries,
        path: `Herald outbox, one at a time (p50 of ${SINGLES - SINGLES_DROPPED}, alternating)`,
        'per message': single.herald,
        ratio: ratio(single),
      },
    ]),
  ],
);
const verdicts = (['burst', 'single'] as const).map((mode) => {
  const ratios = results.map((result) => ratio(result[mode]));
  const worst = Math.max(...ratios);
  const flatness = ratios[ratios.length - 1]! / ratios[0]!;
  return {
    mode:
      mode === 'burst' ? `${BURST} over 5 channels (context)` : 'one at a time (the goal: send one message)',
    'worst ratio': worst,
    [`≤ ${SEND_AIM_RATIO}×`]: worst <= SEND_AIM_RATIO ? 'yes' : 'NO',
    'ratio at 100,000 / at 0': flatness,
    [`≤ ${FLAT_AIM}`]: flatness <= FLAT_AIM ? 'yes' : 'NO',
  };
});
printTable('Verdict: send cost next to a bare post, and flat in the size of history', verdicts);
printTable('Outbox enqueue, 1,000 messages', await enqueueThousand());
