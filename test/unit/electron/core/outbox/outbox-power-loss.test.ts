// A power cut loses the writes that were not fsynced. The outbox syncs a new
// item (and a cancel) but not `sending`, so after a power cut a message can
// be back on disk as queued although it reached Slack. The run after a reboot
// that followed an unclean stop checks every queued item in Slack before
// sending it; an orderly stop, or a process killed without a reboot, costs no
// check at all.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from '../../../../support/core-fixture.ts';
import { settledSnapshot } from '../../../security/support/store-snapshot.ts';
import { enqueue, heraldIdOf, makeOutboxWorld, type OutboxWorld } from './outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';
const ASK = 'ask-comms';

const checks = (world: OutboxWorld) =>
  world.fake.requests.filter(
    (request) => request.method === 'conversations.history' || request.method === 'conversations.replies',
  ).length;

const postsOf = (world: OutboxWorld, id: string) =>
  world.fake.messages().filter((message) => heraldIdOf(message) === id);

/**
 * The outbox folder as the disk holds it once only the synced writes survived: copied aside now, put back later.
 * Putting it back waits for the run's last writes to land first (renames finish in the thread pool): one landing
 * while the folder is removed made `rmSync` fail with ENOTEMPTY on a busy CI machine.
 */
function snapshotOutbox(dataDir: string): () => Promise<void> {
  const aside = makeDataDir('herald-power-cut-');
  cpSync(join(dataDir, 'outbox'), aside, { recursive: true });
  return async () => {
    await settledSnapshot(dataDir);
    rmSync(join(dataDir, 'outbox'), { recursive: true, force: true });
    cpSync(aside, join(dataDir, 'outbox'), { recursive: true });
  };
}

describe('a power cut while sending', () => {
  it('checks every message the disk still shows as queued, in its channel or thread, and sends none twice', async () => {
    const first = await makeOutboxWorld({ start: false, bootId: 'boot-before' });
    const declaration = enqueue(first, { channel: UPDATE, text: 'Incident declared' });
    const reply = enqueue(first, { channel: UPDATE, text: 'First update', threadOf: declaration.id });
    const other = enqueue(first, { channel: ASK, text: 'Heads-up for the team' });
    await first.core.outbox.synced();
    // What a power cut leaves: the synced new items, none of the later unsynced `sending` or `sent`.
    const powerCut = snapshotOutbox(first.dataDir);
    first.core.start();
    first.core.teamSync.stop();
    const ids = [declaration.id, reply.id, other.id];
    await first.drive(
      () => ids.every((id) => first.item(id).state === 'sent') && !first.core.outbox.isBusy(),
    );
    const tsOf = new Map(ids.map((id) => [id, first.item(id).ts]));
    first.core.outbox.stop();
    await powerCut();

    const second = await makeOutboxWorld({
      dataDir: first.dataDir,
      reuseFake: first.fake,
      connect: false,
      startMs: first.clock.now(),
      bootId: 'boot-after',
    });
    const checksBefore = checks(second);
    await second.drive(() => ids.every((id) => second.item(id).state === 'sent'));
    for (const id of ids) {
      expect(postsOf(second, id), id).toHaveLength(1);
      expect(second.item(id).ts, id).toBe(tsOf.get(id));
    }
    // The reply was found in its parent's thread, not posted again as a second reply.
    expect(postsOf(second, reply.id)[0]?.thread_ts).toBe(tsOf.get(declaration.id));
    expect(checks(second) - checksBefore).toBeGreaterThanOrEqual(3);
    expect(
      second.fake.requests.filter((request) => request.method === 'conversations.replies').length,
    ).toBeGreaterThan(0);
  });

  it('checks nothing after an orderly stop, nor after a kill without a reboot, and sends what was queued once', async () => {
    const dataDir = makeDataDir();
    const first = await makeOutboxWorld({ dataDir, start: false, bootId: 'boot-1' });
    const calm = enqueue(first, { channel: UPDATE, text: 'Queued before an orderly quit' });
    first.core.stop();

    const afterReboot = await makeOutboxWorld({
      dataDir,
      reuseFake: first.fake,
      connect: false,
      start: false,
      startMs: first.clock.now(),
      bootId: 'boot-2',
    });
    expect(afterReboot.item(calm.id).isOutcomeUnclear).toBe(false);
    const killed = enqueue(afterReboot, { channel: UPDATE, text: 'Queued before a kill' });
    await afterReboot.core.outbox.synced();
    // No stop: as if the process were killed. The same boot goes on.

    const afterKill = await makeOutboxWorld({
      dataDir,
      reuseFake: first.fake,
      connect: false,
      startMs: afterReboot.clock.now(),
      bootId: 'boot-2',
    });
    expect(afterKill.item(killed.id).isOutcomeUnclear).toBe(false);
    await afterKill.drive(() => [calm.id, killed.id].every((id) => afterKill.item(id).state === 'sent'));
    expect(checks(afterKill)).toBe(0);
    expect(postsOf(afterKill, calm.id)).toHaveLength(1);
    expect(postsOf(afterKill, killed.id)).toHaveLength(1);
  });
});
