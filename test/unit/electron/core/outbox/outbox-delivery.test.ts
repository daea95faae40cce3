import { describe, expect, it } from 'vitest';
import { HERALD_EVENT_TYPE } from '../../../../../electron/core/slack/slack-gateway.ts';
import { enqueue, heraldIdOf, makeOutboxWorld } from './outbox-fixture.ts';

const CHANNELS = [
  'operations-engineering-update',
  'github-community',
  'ask-comms',
  'operations-engineering-team',
  'team-channel-003',
];

describe('sending through the outbox', () => {
  it('posts with Herald metadata, then records the ts, permalink and history with the checklist and override', async () => {
    const world = await makeOutboxWorld();
    const sent: string[] = [];
    world.core.outbox.onSent((item) => sent.push(item.ts ?? 'none'));
    const item = enqueue(world, {
      channel: '#operations-engineering-update',
      text: 'Sentry is unavailable',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Sentry is unavailable' } }],
      source: { typeId: 'incident', stage: 'declared', incidentId: 'inc-1', draftId: 'd-1' },
      checklist: [{ itemId: 'nextUpdateAtUtc', label: 'Next update', state: 'missing', required: true }],
      override: {
        reason: 'Declaring first, details follow',
        warnings: [{ code: 'next_update_missing', message: 'Say when' }],
      },
    });
    expect(item).toMatchObject({ state: 'queued', channelId: null, attempts: 0 });

    await world.drive(() => world.item(item.id).state === 'sent');

    const [posted, ...others] = world.fake.messages('operations-engineering-update');
    expect(others).toHaveLength(0);
    expect(posted?.metadata).toEqual({
      event_type: HERALD_EVENT_TYPE,
      event_payload: { herald_id: item.id, schema_version: 1 },
    });
    expect(posted?.blocks).toHaveLength(1);
    const stored = world.item(item.id);
    expect(stored).toMatchObject({
      state: 'sent',
      ts: posted?.ts,
      channelId: 'C0OPSENGUPD',
      channelName: 'operations-engineering-update',
      attempts: 1,
    });
    expect(stored.permalink).toContain(`/archives/C0OPSENGUPD/p${posted?.ts.replace('.', '')}`);
    expect(sent).toEqual([posted?.ts]);

    const history = await world.core.router.call('history:list', {});
    expect(history.ok && history.value.entries).toEqual([
      expect.objectContaining({
        id: item.id,
        ts: posted?.ts,
        permalink: stored.permalink,
        channelName: 'operations-engineering-update',
        via: 'post',
        source: { typeId: 'incident', stage: 'declared', incidentId: 'inc-1', draftId: 'd-1' },
        checklist: [expect.objectContaining({ itemId: 'nextUpdateAtUtc', state: 'missing' })],
        override: expect.objectContaining({ reason: 'Declaring first, details follow' }),
      }),
    ]);
    const states = world
      .eventsOf('outbox:changed')
      .filter((changed) => changed.id === item.id)
      .map((changed) => changed.state);
    expect(states).toEqual(['queued', 'queued', 'sending', 'sent']);
  });

  it('delivers 100 messages queued across 5 channels while offline exactly once, in order per channel, when the network returns', async () => {
    const world = await makeOutboxWorld({ connect: true, start: false });
    world.fake.setOffline(true);
    world.core.start();
    await world.drive(() => world.core.outbox.connection().state === 'offline');

    const ids = new Map<string, string[]>(CHANNELS.map((channel) => [channel, []]));
    for (let n = 0; n < 100; n++) {
      const channel = CHANNELS[n % CHANNELS.length]!;
      ids.get(channel)!.push(enqueue(world, { channel, text: `message ${n}` }).id);
    }
    // A while offline: everything waits, nothing is lost or half-sent.
    await world.drive(() => false, { stepMs: 5_000, maxSimulatedMs: 5 * 60_000 }).catch(() => undefined);
    expect(world.core.outbox.list(['queued']).items).toHaveLength(100);
    expect(world.fake.messages().length).toBe(0);

    world.fake.setOffline(false);
    await world.drive(() => world.core.outbox.list(['sent']).items.length === 100);

    for (const channel of CHANNELS) {
      expect(world.heraldMessages(channel).map(heraldIdOf)).toEqual(ids.get(channel));
    }
    const connection = world.eventsOf('connection:changed').map((status) => status.state);
    expect(connection).toContain('offline');
    expect(connection.at(-1)).toBe('online');
    // Channel names were resolved from one paged channel list, not one look-up per message.
    expect(
      world.fake.requests.filter((request) => request.method === 'conversations.list').length,
    ).toBeLessThanOrEqual(2);
  });
});
