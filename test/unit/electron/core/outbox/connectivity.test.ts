import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../../../electron/core/clock/test-clock.ts';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';
import { createConnectivity } from '../../../../../electron/core/outbox/connectivity.ts';
import type { GatewayFailure, GatewayResult } from '../../../../../electron/core/slack/slack-gateway.ts';
import type { ConnectionStatus } from '../../../../../shared/outbox/connection-status.ts';

const network: GatewayFailure = {
  kind: 'network',
  message: 'Herald could not reach Slack.',
  fix: 'f',
  isSurelyUnsent: false,
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(answers: Array<GatewayResult<{ userId: string; teamId: string; url: string }>>) {
  const clock = createTestClock(Date.parse('2026-04-20T09:00:00Z'));
  const probes: number[] = [];
  const connectivity = createConnectivity({
    clock,
    logger: createMemoryLogger(),
    random: () => 0.5,
    gateway: {
      probe: () => {
        probes.push(clock.now());
        return Promise.resolve(
          answers.shift() ?? { ok: true, value: { userId: 'U', teamId: 'T', url: 'u' } },
        );
      },
    },
  });
  const changes: ConnectionStatus[] = [];
  connectivity.onChange((status) => changes.push(status));
  return { clock, connectivity, probes, changes };
}

describe('the connection status', () => {
  it('drops the answer of a probe that left before Slack was connected, so connecting is never undone', async () => {
    const clock = createTestClock(Date.parse('2026-04-20T09:00:00Z'));
    let answerProbe: (
      answer: GatewayResult<{ userId: string; teamId: string; url: string }>,
    ) => void = () => {};
    const connectivity = createConnectivity({
      clock,
      logger: createMemoryLogger(),
      random: () => 0.5,
      gateway: { probe: () => new Promise((resolve) => (answerProbe = resolve)) },
    });
    // The start's probe leaves while no token is stored...
    connectivity.checkNow();
    // ...the lead connects Slack (auth.test just answered)...
    connectivity.reportOnline();
    // ...and only then does the old probe's "not connected" come back.
    answerProbe({
      ok: false,
      error: { kind: 'not_connected', message: 'Slack is not connected.', fix: 'f' },
    });
    await settle();
    expect(connectivity.status().state).toBe('online');
  });

  it('goes offline on a network failure and probes with growing waits until Slack answers', async () => {
    const { clock, connectivity, probes, changes } = setUp([
      { ok: false, error: network },
      { ok: false, error: network },
    ]);
    connectivity.reportOnline();
    connectivity.reportNetworkFailure(network);
    expect(connectivity.status()).toMatchObject({ state: 'offline', nextCheckAtUtc: expect.any(String) });
    for (let n = 0; n < 20; n++) {
      clock.advance(1_000);
      await settle();
    }
    expect(connectivity.status().state).toBe('online');
    // Waits of ¾ of 1 s, 2 s and 4 s with the randomness at one half, each from when the last probe
    // answered (here: the next whole second, as the test moves time a second at a time).
    const startMs = Date.parse('2026-04-20T09:00:00Z');
    expect(probes.map((atMs) => atMs - startMs)).toEqual([750, 1_000 + 1_500, 3_000 + 3_000]);
    expect(changes.map((status) => status.state)).toEqual([
      'online',
      'offline',
      'offline',
      'offline',
      'online',
    ]);
  });

  it('stops for a refused token and stays stopped until told to check again', async () => {
    const { clock, connectivity } = setUp([]);
    connectivity.reportAuthFailure({
      kind: 'platform',
      code: 'token_revoked',
      message: 'This token has been revoked.',
      fix: 'Reinstall.',
    });
    expect(connectivity.status()).toMatchObject({
      state: 'auth_stopped',
      message: expect.stringContaining('This token has been revoked.'),
      fix: 'Reinstall.',
    });
    connectivity.reportNetworkFailure(network);
    clock.advance(60_000);
    await settle();
    expect(connectivity.status().state).toBe('auth_stopped');
    connectivity.checkNow();
    await settle();
    expect(connectivity.status().state).toBe('online');
  });

  it('checks afresh when "Try now" comes while a check begun offline is still on its way', async () => {
    const clock = createTestClock(Date.parse('2026-04-20T09:00:00Z'));
    const pending: Array<(answer: GatewayResult<{ userId: string; teamId: string; url: string }>) => void> =
      [];
    const connectivity = createConnectivity({
      clock,
      logger: createMemoryLogger(),
      random: () => 0.5,
      gateway: { probe: () => new Promise((resolve) => pending.push(resolve)) },
    });
    connectivity.reportNetworkFailure(network);
    clock.advance(750);
    expect(pending).toHaveLength(1); // the scheduled check, sent while the network was down
    connectivity.checkNow(); // the lead presses "Try now" once the network is back
    pending.shift()!({ ok: false, error: network }); // the old check fails, as it was bound to
    await settle();
    expect(pending).toHaveLength(1); // a fresh check went out at once, not after a back-off
    pending.shift()!({ ok: true, value: { userId: 'U', teamId: 'T', url: 'u' } });
    await settle();
    expect(connectivity.status().state).toBe('online');
  });
});
