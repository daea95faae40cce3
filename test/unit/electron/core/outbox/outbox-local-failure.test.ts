// A message Herald cannot even turn into a request (the WebClient throws while
// serialising it) is a fault of that message: the item fails with the reason,
// once, and the queue stays online. Before, it counted as a network outage:
// the item retried about once a second forever and the status flipped to
// offline each time.
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';
import { createSlackClientFactory } from '../../../../../electron/core/slack/slack-client.ts';
import { enqueue, makeOutboxWorld } from './outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';

describe('a message that cannot be built', () => {
  it('fails that item with a clear reason, keeps the connection online and never retries it', async () => {
    const real = createSlackClientFactory(createMemoryLogger());
    const world = await makeOutboxWorld({
      createSlackClient: (token, apiUrl) => {
        const web = real(token, apiUrl);
        const post = web.chat.postMessage.bind(web.chat);
        // What the WebClient does with blocks it cannot serialise, thrown before any request leaves.
        web.chat.postMessage = (args) =>
          (args as { text?: string }).text === 'poisoned'
            ? Promise.reject(new RangeError('Maximum call stack size exceeded'))
            : post(args);
        return web;
      },
    });
    await world.drive(() => world.core.outbox.connection().state === 'online');
    const poisoned = enqueue(world, { channel: UPDATE, text: 'poisoned' });
    const next = enqueue(world, { channel: 'github-community', text: 'fine' });

    await world.drive(
      () => world.item(poisoned.id).state === 'failed' && world.item(next.id).state === 'sent',
    );
    expect(world.item(poisoned.id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      isOutcomeUnclear: false,
      problem: {
        code: 'local',
        message: expect.stringContaining('could not turn this message into a request to Slack'),
      },
    });
    // Ten simulated minutes later: still one attempt, and never offline.
    await world.drive(() => false, { maxSimulatedMs: 10 * 60_000 }).catch(() => undefined);
    expect(world.item(poisoned.id).attempts).toBe(1);
    expect(world.eventsOf('connection:changed').map((status) => status.state)).not.toContain('offline');
    expect(world.core.outbox.connection().state).toBe('online');
    expect(world.fake.messages(UPDATE)).toHaveLength(0);
  });
});
