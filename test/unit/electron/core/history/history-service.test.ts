import { describe, expect, it } from 'vitest';
import { enqueue, makeOutboxWorld } from '../outbox/outbox-fixture.ts';

describe('history', () => {
  it('keeps every sent message with its channel, thread, link, type and checklist, searchable', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    const declaration = enqueue(world, {
      channel: 'operations-engineering-update',
      text: 'Incident: Sentry unavailable',
      source: { typeId: 'incident', stage: 'declared', incidentId: 'inc-1' },
    });
    const update = enqueue(world, {
      channel: 'operations-engineering-update',
      text: 'Update: Sentry restored',
      threadOf: declaration.id,
      source: { typeId: 'incident', stage: 'update', incidentId: 'inc-1' },
    });
    await world.drive(() => world.item(update.id).state === 'sent');
    world.clock.advance(24 * 60 * 60_000);
    const feature = enqueue(world, {
      channel: 'github-community',
      text: 'New feature: Copilot seats',
      source: { typeId: 'feature' },
      checklist: [
        { itemId: 'changeNotesUrl', label: 'Change notes', state: 'not_applicable', required: false },
      ],
    });
    enqueue(world, {
      channel: 'ask-comms',
      text: 'never sent',
      sendAtUtc: new Date(world.clock.now() + 86_400_000).toISOString(),
    });
    await world.drive(() => [update.id, feature.id].every((id) => world.item(id).state === 'sent'), {
      maxSimulatedMs: 60_000,
    });

    const all = await world.core.router.call('history:list', {});
    expect(all.ok && all.value.entries.map((entry) => entry.id)).toEqual([
      feature.id,
      update.id,
      declaration.id,
    ]);
    const reply = all.ok ? all.value.entries[1] : undefined;
    expect(reply).toMatchObject({
      threadTs: world.item(declaration.id).ts,
      permalink: expect.stringContaining('thread_ts='),
      channelName: 'operations-engineering-update',
    });

    const search = (query: Parameters<typeof world.core.history.list>[0]) =>
      world.core.history.list(query).entries.map((entry) => entry.id);
    expect(search({ text: 'sentry RESTORED' })).toEqual([update.id]);
    expect(search({ channel: '#github-community' })).toEqual([feature.id]);
    expect(search({ channel: 'C0OPSENGUPD' })).toEqual([update.id, declaration.id]);
    expect(search({ typeId: 'incident', incidentId: 'inc-1' })).toEqual([update.id, declaration.id]);
    const featureSentAt = world.item(feature.id).sentAtUtc!;
    expect(search({ fromUtc: featureSentAt })).toEqual([feature.id]);
    expect(search({ toUtc: featureSentAt })).toEqual([update.id, declaration.id]);
    expect(world.core.history.list({ limit: 1 })).toMatchObject({
      total: 3,
      entries: [expect.objectContaining({ id: feature.id })],
    });
    expect(world.core.history.get(feature.id)?.checklist).toEqual([
      expect.objectContaining({ itemId: 'changeNotesUrl', state: 'not_applicable' }),
    ]);
  });
});
