// The outbox's files: the move from the old single outbox.json (an
// old-format fixture in, one file per item out), and the repository's
// indexes and pruning over them.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createOutboxRepository,
  FINISHED_KEPT_MAX,
  openOutboxFiles,
} from '../../../../../electron/core/outbox/outbox-store.ts';
import type { StorageNotice } from '../../../../../shared/api/channels/app.ts';
import { newQueuedItem } from '../../../../../shared/outbox/new-queued-item.ts';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import { enqueueRequestSchema } from '../../../../../shared/outbox/outbox-requests.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';
import { enqueue, heraldIdOf, makeOutboxWorld } from './outbox-fixture.ts';

const NOW_MS = Date.parse('2026-04-20T09:00:00Z');
const UPDATE = 'operations-engineering-update';

function item(sequence: number, overrides: Partial<OutboxItem> = {}): OutboxItem {
  const request = enqueueRequestSchema.parse({ channel: UPDATE, text: `message ${sequence}` });
  const nowIso = new Date(NOW_MS - 60_000 + sequence).toISOString();
  return {
    ...newQueuedItem(request, {
      id: `item-${sequence}`,
      nowIso,
      channel: { channel: UPDATE, channelId: 'C0OPSENGUPD', channelName: UPDATE },
    }),
    sequence,
    ...overrides,
  };
}

/** outbox.json exactly as the conf-backed store wrote it before one file per item. */
function writeLegacyOutbox(dataDir: string, items: OutboxItem[], nextSequence: number): string {
  const content = JSON.stringify({ schemaVersion: 1, data: { items, nextSequence } }, null, '\t');
  writeFileSync(join(dataDir, 'outbox.json'), content);
  return content;
}

function openRepo(dataDir: string, notices: StorageNotice[] = []) {
  const context = { nowMs: () => NOW_MS, onQuarantine: (notice: StorageNotice) => notices.push(notice) };
  return createOutboxRepository(
    openOutboxFiles(dataDir, context),
    () => NOW_MS,
    () => undefined,
  );
}

describe('moving an old outbox.json to one file per item', () => {
  it('writes every item to its own file, in the same order, and keeps the old file aside', () => {
    const dataDir = makeDataDir();
    const items = [
      item(3),
      item(7, { state: 'sent', ts: '1776675600.000100', sentAtUtc: new Date(NOW_MS - 1000).toISOString() }),
      item(9, { state: 'held', heldReason: 'unconfirmed' }),
    ];
    const content = writeLegacyOutbox(dataDir, items, 12);

    const repo = openRepo(dataDir);
    expect(repo.all()).toEqual(items);
    expect(readdirSync(join(dataDir, 'outbox')).sort()).toEqual([
      'item-3.json',
      'item-7.json',
      'item-9.json',
    ]);
    expect(JSON.parse(readFileSync(join(dataDir, 'outbox', 'item-9.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      digest: expect.any(String),
      data: items[2],
    });
    expect(existsSync(join(dataDir, 'outbox.json'))).toBe(false);
    expect(readFileSync(join(dataDir, 'outbox.migrated.json'), 'utf8')).toBe(content);
    // New items follow the old ones.
    expect(
      repo.add(
        newQueuedItem(enqueueRequestSchema.parse({ channel: UPDATE, text: 'next' }), {
          id: 'new',
          nowIso: new Date(NOW_MS).toISOString(),
          channel: { channel: UPDATE, channelId: null, channelName: null },
        }),
      ).sequence,
    ).toBe(10);
    expect(
      openRepo(dataDir)
        .all()
        .map((stored) => stored.id),
    ).toEqual(['item-3', 'item-7', 'item-9', 'new']);
  });

  it('an item the old layout left mid-send is checked for in Slack, never sent blindly, after the move', async () => {
    const dataDir = makeDataDir();
    const first = await makeOutboxWorld({ dataDir });
    await first.drive(() => first.core.outbox.connection().state === 'online');
    first.core.stop();
    const posted = first.fake.addMessage(UPDATE, {
      text: 'sent before the upgrade',
      user: 'U0HERALDBOT',
      metadata: { event_type: 'herald_message', event_payload: { herald_id: 'item-1' } },
    });
    const caught = item(1, {
      text: 'sent before the upgrade',
      state: 'sending',
      attempts: 1,
      firstAttemptAtUtc: new Date(first.clock.now()).toISOString(),
    });
    const waiting = item(2, { text: 'waiting behind it' });
    writeLegacyOutbox(dataDir, [caught, waiting], 3);

    const second = await makeOutboxWorld({
      dataDir,
      reuseFake: first.fake,
      connect: false,
      startMs: first.clock.now(),
    });
    expect(second.core.storageNotices).toEqual([]);
    await second.drive(() => second.item('item-2').state === 'sent');
    expect(second.item('item-1')).toMatchObject({ state: 'sent', ts: posted.ts, attempts: 1 });
    expect(second.heraldMessages(UPDATE).map(heraldIdOf)).toEqual(['item-1', 'item-2']);
  });

  it('quarantines an unreadable old outbox.json, and keeps one from a newer Herald aside', () => {
    const broken = makeDataDir();
    writeFileSync(join(broken, 'outbox.json'), '{"schemaVersion":1,"data":{"items":[');
    const brokenNotices: StorageNotice[] = [];
    expect(openRepo(broken, brokenNotices).all()).toEqual([]);
    expect(brokenNotices).toEqual([expect.objectContaining({ store: 'outbox', kind: 'corrupt' })]);

    const newer = makeDataDir();
    writeFileSync(join(newer, 'outbox.json'), JSON.stringify({ schemaVersion: 5, data: {} }));
    const newerNotices: StorageNotice[] = [];
    openRepo(newer, newerNotices);
    expect(newerNotices).toEqual([expect.objectContaining({ store: 'outbox', kind: 'newer_version' })]);
    expect(existsSync(newerNotices[0]!.quarantinedTo)).toBe(true);
  });
});

describe('the outbox repository over its files', () => {
  it('quarantines one unreadable item file and keeps the rest', async () => {
    const dataDir = makeDataDir();
    const repo = openRepo(dataDir);
    repo.add(item(0));
    repo.add(item(1));
    await repo.synced();
    writeFileSync(join(dataDir, 'outbox', 'item-0.json'), '{"schemaVersion":1,"data":');
    const notices: StorageNotice[] = [];
    expect(
      openRepo(dataDir, notices)
        .all()
        .map((stored) => stored.id),
    ).toEqual(['item-1']);
    expect(notices).toEqual([expect.objectContaining({ store: 'outbox item item-0.json', kind: 'corrupt' })]);
  });

  it("keeps each channel's queued line in sequence order as items leave and rejoin it", () => {
    const repo = openRepo(makeDataDir());
    for (let n = 0; n < 5; n++) repo.add(item(n, { channelId: n % 2 === 0 ? 'C0EVEN' : 'C0ODD' }));
    repo.add(item(5, { channelId: null, channel: 'not-known-yet' }));
    repo.patch('item-2', { state: 'held', heldReason: 'unconfirmed' });
    expect(repo.queuedIn('C0EVEN').map((stored) => stored.id)).toEqual(['item-0', 'item-4']);
    repo.patch('item-2', { state: 'queued', heldReason: null });
    expect(repo.queuedIn('C0EVEN').map((stored) => stored.id)).toEqual(['item-0', 'item-2', 'item-4']);
    expect(repo.queuedIn(null).map((stored) => stored.id)).toEqual(['item-5']);
    repo.patch('item-5', { channelId: 'C0ODD' });
    expect(repo.queuedIn('C0ODD').map((stored) => stored.id)).toEqual(['item-1', 'item-3', 'item-5']);
    expect([...repo.queuedChannels()].sort()).toEqual(['C0EVEN', 'C0ODD']);
    repo.patch('item-3', { state: 'sending' });
    expect([...repo.inState('sending')].map((stored) => stored.id)).toEqual(['item-3']);
    expect(repo.queuedIn('C0ODD').map((stored) => stored.id)).toEqual(['item-1', 'item-5']);
    repo.patch('item-1', { sendAtUtc: new Date(NOW_MS + 60_000).toISOString() });
    expect([...repo.timedQueued()].map((stored) => stored.id)).toEqual(['item-1']);
  });

  it('prunes finished items beyond the newest FINISHED_KEPT_MAX from memory and disk, not on every change', () => {
    const dataDir = makeDataDir();
    mkdirSync(join(dataDir, 'outbox'), { recursive: true });
    const finished = Array.from({ length: FINISHED_KEPT_MAX + 20 }, (_, n) =>
      item(n, { state: 'sent', updatedAtUtc: new Date(NOW_MS - 100_000 + n).toISOString() }),
    );
    writeLegacyOutbox(dataDir, [...finished, item(FINISHED_KEPT_MAX + 20)], FINISHED_KEPT_MAX + 21);
    const repo = openRepo(dataDir);
    expect(repo.all()).toHaveLength(FINISHED_KEPT_MAX + 1);
    // The oldest finished went; the queued one stays whatever its age.
    expect(repo.get('item-0')).toBeUndefined();
    expect(repo.get('item-20')).toBeDefined();
    expect(readdirSync(join(dataDir, 'outbox'))).toHaveLength(FINISHED_KEPT_MAX + 1);
  });

  it('answers outbox:enqueue only once the item is synced, and the next start finds it', async () => {
    const { core, dataDir } = makeCore();
    const answer = await core.router.call('outbox:enqueue', { channel: UPDATE, text: 'kept' });
    expect(answer.ok).toBe(true);
    const id = answer.ok ? answer.value.id : '';
    expect(JSON.parse(readFileSync(join(dataDir, 'outbox', `${id}.json`), 'utf8'))).toMatchObject({
      data: { id, state: 'queued', text: 'kept' },
    });
    expect(makeCore({ dataDir }).core.outbox.get(id)).toMatchObject({ text: 'kept' });
  });

  it('sends in order per channel across a restart with many items queued', async () => {
    const first = await makeOutboxWorld({ start: false });
    const ids = Array.from(
      { length: 30 },
      (_, n) => enqueue(first, { channel: n % 2 ? UPDATE : 'ask-comms', text: `queued ${n}` }).id,
    );
    first.core.stop();
    const second = await makeOutboxWorld({
      dataDir: first.dataDir,
      reuseFake: first.fake,
      connect: false,
      startMs: first.clock.now(),
    });
    await second.drive(() => ids.every((id) => second.item(id).state === 'sent'));
    expect(second.heraldMessages(UPDATE).map(heraldIdOf)).toEqual(ids.filter((_, n) => n % 2));
    expect(second.heraldMessages('ask-comms').map(heraldIdOf)).toEqual(ids.filter((_, n) => n % 2 === 0));
  });

  it('pages outbox:list with what is on its way first, then what has finished, newest first', async () => {
    const world = await makeOutboxWorld();
    await world.drive(() => world.core.outbox.connection().state === 'online');
    const sent = [
      enqueue(world, { channel: UPDATE, text: 'sent first' }),
      enqueue(world, { channel: UPDATE, text: 'sent second' }),
    ];
    await world.drive(() => sent.every((each) => world.item(each.id).state === 'sent'));
    world.core.stop();
    const waiting = [1, 2, 3].map((n) =>
      enqueue(world, {
        channel: UPDATE,
        text: `waiting ${n}`,
        sendAtUtc: new Date(world.clock.now() + 3_600_000).toISOString(),
      }),
    );
    const page = async (limit: number, offset: number) => {
      const answer = await world.core.router.call('outbox:list', { limit, offset });
      if (!answer.ok) throw new Error(answer.error.message);
      return { ids: answer.value.items.map((each) => each.id), total: answer.value.total };
    };
    // Every page counts each Outbox section in full, not just the page's items.
    const counted = await world.core.router.call('outbox:list', { limit: 1 });
    expect(counted.ok && counted.value.sections).toEqual({ attention: 0, waiting: 3, finished: 2 });
    expect(await page(2, 0)).toEqual({ ids: [waiting[0]!.id, waiting[1]!.id], total: 5 });
    expect(await page(2, 2)).toEqual({ ids: [waiting[2]!.id, sent[1]!.id], total: 5 });
    expect(await page(2, 4)).toEqual({ ids: [sent[0]!.id], total: 5 });
    const whole = await world.core.router.call('outbox:list', {});
    expect(whole.ok && whole.value.items.map((each) => each.id)).toEqual(
      [...sent, ...waiting].map((each) => each.id),
    );
    expect(whole.ok && whole.value.total).toBe(5);
  });
});
