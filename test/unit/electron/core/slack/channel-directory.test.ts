import { describe, expect, it } from 'vitest';
import { makeOutboxWorld } from '../outbox/outbox-fixture.ts';

describe('the channel directory', () => {
  it('lists public and private channels Herald can see, across cursor pages, without archived ones, and caches the list', async () => {
    const world = await makeOutboxWorld({ start: false });
    const listed = await world.core.router.call('channels:list', {});
    expect(listed.ok).toBe(true);
    const channels = listed.ok ? listed.value.channels : [];
    const names = channels.map((channel) => channel.name);
    expect(names).toContain('operations-engineering-team');
    expect(names).not.toContain('operations-engineering-leads');
    expect(names).not.toContain('operations-engineering-old-news');
    // 250 channels in the workspace, less the archived one and the private one Herald is not in.
    expect(channels).toHaveLength(248);
    expect(channels.find((channel) => channel.name === 'chat')).toEqual({
      id: 'C0CHAT',
      name: 'chat',
      isPrivate: false,
      isMember: false,
    });
    const pages = world.fake.requests.filter((request) => request.method === 'conversations.list');
    expect(pages).toHaveLength(2);
    expect(pages[0]?.args).toMatchObject({
      types: 'public_channel,private_channel',
      exclude_archived: 'true',
    });

    await world.core.router.call('channels:list', {});
    expect(world.fake.requests.filter((request) => request.method === 'conversations.list')).toHaveLength(2);
    await world.core.router.call('channels:refresh', {});
    expect(world.fake.requests.filter((request) => request.method === 'conversations.list')).toHaveLength(4);
  });

  it('resolves the plan’s channel names to ids and flags a channel Herald is not in, with the fix', async () => {
    const world = await makeOutboxWorld({ start: false });
    const resolved = await world.core.router.call('channels:resolve', {
      names: ['#Operations-Engineering-Update', 'chat', 'operations-engineering-leads', 'C0GHCOMMUNITY'],
    });
    expect(resolved.ok && resolved.value.results).toEqual([
      { name: 'operations-engineering-update', status: 'ok', id: 'C0OPSENGUPD' },
      {
        name: 'chat',
        status: 'not_member',
        id: 'C0CHAT',
        canPost: true,
        message: expect.stringContaining('cannot read the channel'),
        fix: 'Invite @herald to #chat: open the channel in Slack and type /invite @herald.',
      },
      {
        name: 'operations-engineering-leads',
        status: 'not_found',
        message: 'Herald cannot find #operations-engineering-leads in Slack.',
        fix: expect.stringContaining('/invite @herald'),
      },
      { name: 'github-community', status: 'ok', id: 'C0GHCOMMUNITY' },
    ]);
  });

  it('sees a channel created since the last refresh by refreshing once', async () => {
    const world = await makeOutboxWorld({ start: false });
    await world.core.router.call('channels:list', {});
    world.fake.addChannel({ name: 'incident-2026-04-20', id: 'C0NEWINCIDENT' });
    const resolved = await world.core.router.call('channels:resolve', { names: ['incident-2026-04-20'] });
    expect(resolved.ok && resolved.value.results[0]).toEqual({
      name: 'incident-2026-04-20',
      status: 'ok',
      id: 'C0NEWINCIDENT',
    });
  });

  it('waits out a rate limit while paging, on the clock', async () => {
    const world = await makeOutboxWorld({ start: false });
    world.fake.inject('conversations.list', { kind: 'rate_limited', retryAfterSec: 20 });
    const listing = world.core.router.call('channels:refresh', {});
    let result: Awaited<typeof listing> | undefined;
    void listing.then((answer) => (result = answer));
    await world.drive(() => result !== undefined, { stepMs: 1_000 });
    expect(result?.ok && result.value.channels).toHaveLength(248);
    const pages = world.fake.requests.filter((request) => request.method === 'conversations.list');
    expect(pages[1]!.atMs - pages[0]!.atMs).toBeGreaterThanOrEqual(20_000);
  });

  it('answers from the cache while Slack is unreachable, and explains when there is no cache', async () => {
    const world = await makeOutboxWorld({ start: false });
    world.fake.setOffline(true);
    expect(await world.core.router.call('channels:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'Herald could not reach Slack.' },
    });
    world.fake.setOffline(false);
    await world.core.router.call('channels:list', {});
    world.fake.setOffline(true);
    const resolved = await world.core.router.call('channels:resolve', { names: ['ask-comms'] });
    expect(resolved.ok && resolved.value.results[0]).toMatchObject({ status: 'ok', id: 'C0ASKCOMMS' });
  });

  it('says Slack is not connected rather than guessing', async () => {
    const world = await makeOutboxWorld({ start: false, connect: false });
    expect(await world.core.router.call('channels:resolve', { names: ['chat'] })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
  });
});
