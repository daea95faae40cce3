// Outbox throughput. First against the fake Slack's rate limit on
// chat.postMessage, on a test clock shared by Herald and the fake (so a
// minute's window costs no real minute): the time to flush a backlog next to
// the bound the limit itself sets. Then, unthrottled and in real time, the
// outbox (persisting every step, checking nothing twice) next to bare
// WebClient posts on the same fake: the cost of never losing or doubling a message.
import { WebClient } from '@slack/web-api';
import type { SecretBox } from '../electron/core/secrets/secret-box.ts';
import { startFakeSlack, type FakeSlack } from '../test/fakes/slack-server.ts';
import { makeCore } from '../test/support/core-fixture.ts';
import { printTable } from './support/stats.ts';

const CHANNELS = ['operations-engineering-update', 'github-community', 'ask-comms', 'operations-engineering-team', 'team-channel-003'];
const WINDOW_MS = 60_000;

const strongBox: SecretBox = {
  protection: () => Promise.resolve({ level: 'os', backend: 'bench', explanation: 'bench' }),
  encrypt: (plain) => Promise.resolve(Buffer.from(plain).toString('base64')),
  decrypt: (cipher) => Promise.resolve(Buffer.from(cipher, 'base64').toString()),
};

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

async function heraldWorld() {
  // The fake starts first (the core needs its URL) and follows the core's clock once there is one.
  const clockOf: { core?: { now(): number } } = {};
  const fake = await startFakeSlack({ nowMs: () => clockOf.core?.now() ?? Date.now() });
  const world = makeCore({ slackApiUrlOverride: fake.url, secretBox: strongBox });
  clockOf.core = world.clock;
  const connected = await world.core.router.call('slack:connect', { token: fake.botToken });
  if (!connected.ok) throw new Error(connected.error.message);
  world.core.start();
  return { fake, ...world };
}

type World = Awaited<ReturnType<typeof heraldWorld>>;

/** Runs the outbox until every item is sent, moving the test clock only while nothing is in flight. */
async function flush(world: World, count: number, stepMs: number): Promise<void> {
  const sentCount = () => world.core.outbox.list(['sent']).items.length;
  while (sentCount() < count) {
    await macrotask();
    if (!world.core.outbox.isBusy() && sentCount() < count) world.clock.advance(stepMs);
  }
}

function enqueueBacklog(world: World, count: number): void {
  for (let n = 0; n < count; n++) {
    const queued = world.core.outbox.enqueue({ channel: CHANNELS[n % CHANNELS.length]!, text: `bench message ${n}` });
    if (!queued.ok) throw new Error(queued.error.message);
  }
}

async function rateLimited(perMinute: number, count: number) {
  const world = await heraldWorld();
  // Resolve the channel names first, so the flush measures sending only.
  await world.core.router.call('channels:list', {});
  await flush(world, 0, 100);
  world.fake.setRateLimit('chat.postMessage', { perMinute });
  enqueueBacklog(world, count);
  const startedMs = world.clock.now();
  const wallStarted = performance.now();
  await flush(world, count, 100);
  const lastSentMs = Math.max(...world.core.outbox.list(['sent']).items.map((item) => Date.parse(item.sentAtUtc!)));
  // A sliding window of `perMinute`: the last message can go no earlier than this many whole windows in.
  const boundMs = Math.floor((count - 1) / perMinute) * WINDOW_MS;
  const refused = world.fake.requests.filter((request) => request.method === 'chat.postMessage' && request.status === 429).length;
  const duplicates = count - new Set(world.fake.messages().map((message) => message.metadata?.event_payload.herald_id)).size;
  world.core.stop();
  await world.fake.close();
  return {
    scenario: `${count} messages, ${perMinute}/min`,
    'bound (s)': boundMs / 1000,
    'outbox (s)': (lastSentMs - startedMs) / 1000,
    'over bound': `${(((lastSentMs - startedMs) / boundMs - 1) * 100).toFixed(1)}%`,
    '429s': refused,
    duplicates,
    'wall (s)': (performance.now() - wallStarted) / 1000,
  };
}

async function bareWebClient(fake: FakeSlack, count: number): Promise<number> {
  const client = new WebClient(fake.botToken, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const started = performance.now();
  await Promise.all(
    CHANNELS.map(async (channel, lane) => {
      for (let n = lane; n < count; n += CHANNELS.length) await client.chat.postMessage({ channel, text: `bare message ${n}` });
    }),
  );
  return performance.now() - started;
}

async function unthrottled(count: number) {
  const world = await heraldWorld();
  await world.core.router.call('channels:list', {});
  await flush(world, 0, 100);
  const bareMs = await bareWebClient(world.fake, count);
  enqueueBacklog(world, count);
  const started = performance.now();
  await flush(world, count, 100);
  const heraldMs = performance.now() - started;
  world.core.stop();
  await world.fake.close();
  return [
    { path: 'baseline: bare WebClient posts, 5 channels in parallel', messages: count, 'wall (ms)': bareMs, 'per message (ms)': bareMs / count },
    { path: 'Herald outbox (persisted, exactly once)', messages: count, 'wall (ms)': heraldMs, 'per message (ms)': heraldMs / count },
  ];
}

printTable('Outbox flush against the fake Slack rate limit (test clock; aim: within 10% of the bound)', [
  await rateLimited(50, 200),
  await rateLimited(20, 100),
]);
printTable('Unthrottled, real time: the cost of persistence and exactly-once', await unthrottled(200));
