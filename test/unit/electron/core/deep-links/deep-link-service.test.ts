import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../../shared/api/channels/team.ts';
import type { LinkOpening } from '../../../../../shared/api/channels/links.ts';
import { createEventBus } from '../../../../../electron/core/api/event-bus.ts';
import { createDeepLinks } from '../../../../../electron/core/deep-links/deep-link-service.ts';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';

const INCIDENT = '3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d';
const EVENT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OTHER = '11111111-2222-4333-8444-555555555555';

function idleStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    state: 'idle',
    lastSyncAtUtc: null,
    retryAfterUtc: null,
    channels: [],
    callsLastMinute: 0,
    problem: null,
    ...overrides,
  };
}

function setup(options: { afterSync?: () => void; status?: SyncStatus; syncFails?: boolean } = {}) {
  const logger = createMemoryLogger();
  const bus = createEventBus(logger);
  const incidents = new Set([INCIDENT]);
  const events = new Set([EVENT]);
  const opened: LinkOpening[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'links:opened') opened.push(payload as LinkOpening);
  });
  let syncs = 0;
  const links = createDeepLinks({
    hasIncident: (id) => incidents.has(id),
    hasEvent: (id) => events.has(id),
    syncNow: () => {
      syncs += 1;
      if (options.syncFails) return Promise.reject(new Error('boom'));
      options.afterSync?.();
      return Promise.resolve(options.status ?? idleStatus());
    },
    bus,
    logger,
  });
  return { links, logger, opened, incidents, syncs: () => syncs };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('opening herald:// links', () => {
  it('shows an incident or event Herald knows, without reading Slack', async () => {
    const { links, syncs } = setup();
    expect(links.open(`herald://incident/${INCIDENT}`, 'os')).toEqual({
      status: 'found',
      target: { kind: 'incident', id: INCIDENT },
    });
    expect(links.open(`herald://event/${EVENT}/`, 'window')).toEqual({
      status: 'found',
      target: { kind: 'event', id: EVENT },
    });
    await settled();
    expect(syncs()).toBe(0);
  });

  it('refuses anything else with a reason, and logs its shape, never the link', () => {
    const { links, logger } = setup();
    const hostile = `javascript:alert(document.cookie)//${'x'.repeat(50_000)}`;
    expect(links.open(hostile, 'harness')).toEqual({ status: 'refused', reason: 'too_long' });
    expect(links.open('javascript:alert(1)', 'harness')).toEqual({
      status: 'refused',
      reason: 'wrong_scheme',
    });
    expect(links.open(`herald://incident/../${INCIDENT}`, 'os')).toEqual({
      status: 'refused',
      reason: 'malformed',
    });
    const logged = logger.lines.join('\n');
    expect(logged).not.toContain('alert');
    expect(logged).toContain('"scheme":"javascript"');
    expect(logged.length).toBeLessThan(2_000);
  });

  it('reads Slack for an id it does not know, then shows it when another lead’s Herald posted it', async () => {
    const world = setup({ afterSync: () => world.incidents.add(OTHER) });
    expect(world.links.open(`herald://incident/${OTHER}`, 'os')).toEqual({
      status: 'syncing',
      target: { kind: 'incident', id: OTHER },
    });
    await settled();
    expect(world.syncs()).toBe(1);
    expect(world.opened).toEqual([{ status: 'found', target: { kind: 'incident', id: OTHER } }]);
  });

  it('says why it is still unknown after reading Slack', async () => {
    const cases: Array<[Parameters<typeof setup>[0], string]> = [
      [{}, 'not_in_slack'],
      [{ status: idleStatus({ state: 'not_connected' }) }, 'slack_not_connected'],
      [{ status: idleStatus({ state: 'waiting_for_slack' }) }, 'slack_busy'],
      [{ status: idleStatus({ problem: 'Herald could not read Slack just now' }) }, 'sync_failed'],
      [{ syncFails: true }, 'sync_failed'],
    ];
    for (const [options, reason] of cases) {
      const { links, opened } = setup(options);
      links.open(`herald://event/${OTHER}`, 'window');
      await settled();
      expect(opened).toEqual([{ status: 'not_found', target: { kind: 'event', id: OTHER }, reason }]);
    }
  });

  it('answers the window’s own request only once Slack has been read, with no event to miss', async () => {
    const world = setup({ afterSync: () => world.incidents.add(OTHER) });
    const found = await world.links.handlers['links:open']({ link: `herald://incident/${OTHER}` });
    expect(found).toEqual({ ok: true, value: { status: 'found', target: { kind: 'incident', id: OTHER } } });
    const missing = setup({ status: idleStatus({ state: 'not_connected' }) });
    const answer = await missing.links.handlers['links:open']({ link: `herald://event/${OTHER}` });
    expect(answer).toEqual({
      ok: true,
      value: { status: 'not_found', target: { kind: 'event', id: OTHER }, reason: 'slack_not_connected' },
    });
    await settled();
    expect([...world.opened, ...missing.opened]).toEqual([]);
  });

  it('tells the window about a link handed over from outside, refused ones included', () => {
    const { links, opened } = setup();
    links.openFromOutside(`herald://incident/${INCIDENT}`, 'os');
    links.openFromOutside('herald://settings/open', 'os');
    expect(opened).toEqual([
      { status: 'found', target: { kind: 'incident', id: INCIDENT } },
      { status: 'refused', reason: 'unknown_kind' },
    ]);
  });
});
