// A real core on temporary stores, connected to a fake Slack that shares the
// core's test clock (message timestamps, rate-limit windows and Retry-After
// all follow it), plus `drive`: run the outbox until a condition holds,
// moving the test clock only while no Slack request is in flight.
import { afterEach } from 'vitest';
import type { SecretBox } from '../../../../../electron/core/secrets/secret-box.ts';
import type { SlackClientFactory } from '../../../../../electron/core/slack/slack-client.ts';
import { WebClient } from '@slack/web-api';
import type { EventName, EventPayload } from '../../../../../shared/api/index.ts';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import {
  startFakeSlack,
  type FakeSlack,
  type FakeSlackOptions,
  type PostedMessage,
} from '../../../../fakes/slack-server.ts';
import { makeCore } from '../../../../support/core-fixture.ts';

export const strongBox: SecretBox = {
  protection: () => Promise.resolve({ level: 'os', backend: 'test-keychain', explanation: 'test' }),
  encrypt: (plain) => Promise.resolve(Buffer.from(plain).reverse().toString('base64')),
  decrypt: (cipher) => Promise.resolve(Buffer.from(cipher, 'base64').reverse().toString()),
};

const running: Array<{ stop(): void; fake: FakeSlack }> = [];
afterEach(async () => {
  for (const entry of running.splice(0)) {
    entry.stop();
    await entry.fake.close();
  }
});

export interface OutboxWorld {
  fake: FakeSlack;
  core: ReturnType<typeof makeCore>['core'];
  clock: ReturnType<typeof makeCore>['clock'];
  dataDir: string;
  events: Array<{ event: EventName; payload: unknown }>;
  eventsOf<E extends EventName>(event: E): Array<EventPayload<E>>;
  /** Runs until `condition` holds; throws after `maxSimulatedMs` of test-clock time. */
  drive(condition: () => boolean, options?: { stepMs?: number; maxSimulatedMs?: number }): Promise<void>;
  /** Messages in a channel that carry a herald_id, oldest first. */
  heraldMessages(channel: string): PostedMessage[];
  item(id: string): OutboxItem;
}

export interface WorldOptions {
  fake?: FakeSlackOptions;
  /** Reuse a data folder (a restart). */
  dataDir?: string;
  /** Reuse a fake (a restart); it keeps following the first world's clock. */
  reuseFake?: FakeSlack;
  /** Connect Slack before starting (default true). */
  connect?: boolean;
  /** Start the core's timers and the outbox (default true). */
  start?: boolean;
  /** The WebClient's request timeout (default Herald's own, 15 s). */
  requestTimeoutMs?: number;
  /** Replaces Herald's WebClient factory (to break a client on purpose). */
  createSlackClient?: SlackClientFactory;
  startMs?: number;
  /** Let the team sync poll Slack on its timer (default false: tests call core.teamSync.syncOnce()). */
  teamSync?: boolean;
  /** The boot this run is in (a different one than before acts out a reboot; storage/session-record.ts). */
  bootId?: string;
}

export const heraldIdOf = (message: PostedMessage) =>
  message.metadata?.event_payload.herald_id as string | undefined;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

export async function makeOutboxWorld(options: WorldOptions = {}): Promise<OutboxWorld> {
  // The fake starts first (the core needs its URL) and follows the core's clock once there is one.
  const clockOf: { core?: { now(): number } } = {};
  const fake =
    options.reuseFake ??
    (await startFakeSlack({
      nowMs: () => clockOf.core?.now() ?? Date.parse('2026-04-20T09:00:00Z'),
      ...options.fake,
    }));
  const { core, clock, dataDir } = makeCore({
    slackApiUrlOverride: fake.url,
    secretBox: strongBox,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.bootId ? { bootId: options.bootId } : {}),
    ...(options.createSlackClient ? { createSlackClient: options.createSlackClient } : {}),
    ...(options.requestTimeoutMs === undefined
      ? {}
      : {
          createSlackClient: (token: string, apiUrl: string) =>
            new WebClient(token, {
              slackApiUrl: apiUrl,
              retryConfig: { retries: 0 },
              rejectRateLimitedCalls: true,
              timeout: options.requestTimeoutMs,
            }),
        }),
  });
  if (options.startMs !== undefined) clock.set(options.startMs);
  clockOf.core = clock;
  const events: OutboxWorld['events'] = [];
  core.bus.subscribe((event, payload) => events.push({ event, payload }));
  if (options.connect ?? true) {
    const connected = await core.router.call('slack:connect', { token: fake.botToken });
    if (!connected.ok) throw new Error(`could not connect: ${connected.error.message}`);
  }
  if (options.start ?? true) {
    core.start();
    // The team sync reads channels on its own timer; outbox tests count and fault Slack requests, so it waits to be asked.
    if (!(options.teamSync ?? false)) core.teamSync.stop();
  }
  running.push({ stop: () => core.stop(), fake });

  const world: OutboxWorld = {
    fake,
    core,
    clock,
    dataDir,
    events,
    eventsOf: <E extends EventName>(event: E) =>
      events.filter((entry) => entry.event === event).map((entry) => entry.payload as EventPayload<E>),
    async drive(condition, { stepMs = 250, maxSimulatedMs = 30 * 60_000 } = {}) {
      const startMs = clock.now();
      for (let spins = 0; ; spins++) {
        await macrotask();
        if (condition()) return;
        if (core.outbox.isBusy()) {
          if (spins > 200_000) throw new Error('the outbox stayed busy too long');
          continue;
        }
        if (clock.now() - startMs > maxSimulatedMs)
          throw new Error(`condition not met within ${maxSimulatedMs} ms of test-clock time`);
        clock.advance(stepMs);
      }
    },
    heraldMessages: (channel) =>
      fake.messages(channel).filter((message) => heraldIdOf(message) !== undefined),
    item(id) {
      const found = core.outbox.get(id);
      if (!found) throw new Error(`no outbox item ${id}`);
      return found;
    },
  };
  return world;
}

/** Enqueues and returns the item, failing the test on an error result. */
export function enqueue(
  world: OutboxWorld,
  request: Parameters<OutboxWorld['core']['outbox']['enqueue']>[0],
): OutboxItem {
  const result = world.core.outbox.enqueue(request);
  if (!result.ok) throw new Error(`enqueue failed: ${result.error.message}`);
  return result.value;
}
