// One file per record: durable writes are synced in batches and renamed into
// place afterwards, so the newest readable temporary file of a record is its
// latest state after a stop at any moment.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRecordFiles } from '../../../../../electron/core/storage/record-files.ts';
import type { StorageNotice } from '../../../../../shared/api/channels/app.ts';
import { makeDataDir } from '../../../../support/core-fixture.ts';

const noteSchema = z.object({ id: z.string(), text: z.string() });
type Note = z.output<typeof noteSchema>;

function open(dir: string, notices: StorageNotice[] = []) {
  return createRecordFiles(
    { dir, label: (name) => `note ${name}`, schema: noteSchema, idOf: (note) => note.id },
    { nowMs: () => Date.parse('2026-04-20T09:00:00Z'), onQuarantine: (notice) => notices.push(notice) },
  );
}

const envelope = (note: Note) => JSON.stringify({ schemaVersion: 1, data: note });
const onDisk = (dir: string, id: string) =>
  (JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as { data: Note }).data;

describe('record files', () => {
  it('puts a plain write in place at once and a durable one once synced, in the order written', async () => {
    const dir = join(makeDataDir(), 'notes');
    const files = open(dir);
    files.write({ id: 'a', text: 'first' });
    // Its rename runs in the thread pool; until it ends, the temporary file is the record (rolled forward at start).
    await files.placed();
    expect(onDisk(dir, 'a').text).toBe('first');
    files.write({ id: 'a', text: 'sending' }, { durable: true });
    // A plain write after a waiting durable one must not overtake it.
    files.write({ id: 'a', text: 'sent' });
    await files.synced();
    expect(onDisk(dir, 'a').text).toBe('sent');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('syncs one file per record per batch: a newer write replaces an older one still waiting for its batch', async () => {
    const dir = join(makeDataDir(), 'notes');
    const files = open(dir);
    files.write({ id: 'a', text: 'queued' }, { durable: true });
    files.write({ id: 'a', text: 'sending' });
    // Both are on the file system at once: only the newer temporary file is left to sync and rename.
    const temporary = readdirSync(dir).filter((name) => name.includes('.tmp-'));
    expect(temporary).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, temporary[0]!), 'utf8'))).toMatchObject({
      data: { id: 'a', text: 'sending' },
    });
    await files.synced();
    expect(onDisk(dir, 'a').text).toBe('sending');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('puts a plain write made while its record is being synced in place right after, with no fsync of its own', async () => {
    const dir = join(makeDataDir(), 'notes');
    const files = open(dir);
    files.write({ id: 'a', text: 'queued' }, { durable: true });
    const syncing = files.synced();
    files.write({ id: 'a', text: 'sending' });
    files.write({ id: 'a', text: 'sent' });
    // Only the newest follower is left beside the write being synced.
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toHaveLength(2);
    // Nothing new to sync: the batch already running carries both writes into place.
    expect(files.synced()).toBe(syncing);
    await syncing;
    // It follows by a rename in the thread pool, right after the synced write is in place.
    await expect.poll(() => onDisk(dir, 'a').text).toBe('sent');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('rolls a follower forward after a stop before its record was synced, and syncs a durable write made after it', async () => {
    const dir = join(makeDataDir(), 'notes');
    const files = open(dir);
    files.write({ id: 'a', text: 'queued' }, { durable: true });
    const syncing = files.synced();
    files.write({ id: 'a', text: 'sent' });
    // A killed process: the next start reads the newest temporary file.
    expect(open(dir).loadAll()).toEqual([{ id: 'a', text: 'sent' }]);
    await syncing.catch(() => undefined);

    const otherDir = join(makeDataDir(), 'notes');
    const again = open(otherDir);
    again.write({ id: 'b', text: 'queued' }, { durable: true });
    const first = again.synced();
    again.write({ id: 'b', text: 'sending' });
    // A durable write after the follower replaces it and is synced in the next batch.
    again.write({ id: 'b', text: 'cancelled' }, { durable: true });
    const second = again.synced();
    expect(second).not.toBe(first);
    await second;
    expect(onDisk(otherDir, 'b').text).toBe('cancelled');
    expect(readdirSync(otherDir)).toEqual(['b.json']);
  });

  it('renames plain writes one at a time per record, newest last, and a removal during a rename stays removed', async () => {
    const dir = join(makeDataDir(), 'notes');
    const files = open(dir);
    for (let n = 0; n < 50; n++) files.write({ id: 'a', text: `version ${n}` });
    files.write({ id: 'gone', text: 'saved' });
    files.remove('gone');
    // A durable write behind renames still running lands after them.
    files.write({ id: 'b', text: 'plain' });
    files.write({ id: 'b', text: 'durable' }, { durable: true });
    await files.synced();
    await files.placed();
    expect(onDisk(dir, 'a').text).toBe('version 49');
    expect(onDisk(dir, 'b').text).toBe('durable');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
    expect(
      open(dir)
        .loadAll()
        .sort((x, y) => x.id.localeCompare(y.id)),
    ).toEqual([
      { id: 'a', text: 'version 49' },
      { id: 'b', text: 'durable' },
    ]);
  });

  it('rolls the newest readable temporary file forward: a stop between the fsync and the rename loses nothing', async () => {
    const dir = join(makeDataDir(), 'notes');
    // In place before the "power cut" (a plain write would still be renaming in the thread pool).
    const before = open(dir);
    before.write({ id: 'a', text: 'queued' }, { durable: true });
    await before.synced();
    // As a power cut leaves it: the synced temporary file of the newer state, not yet renamed.
    writeFileSync(join(dir, 'a.json.tmp-4242-7'), envelope({ id: 'a', text: 'sending' }));
    // …and a newer write cut short, which never counted.
    writeFileSync(join(dir, 'a.json.tmp-4242-8'), '{"schemaVersion":1,"da');
    const notices: StorageNotice[] = [];
    expect(open(dir, notices).loadAll()).toEqual([{ id: 'a', text: 'sending' }]);
    expect(notices).toEqual([]);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('a restart in the same process while plain writes are still being renamed keeps every record at its newest write', async () => {
    // Tests restart a store over the folder of one that was just writing: its renames in the thread pool land
    // while the new one rolls temporary files forward. Many rounds, so some land mid-way.
    for (let round = 0; round < 40; round++) {
      const dir = join(makeDataDir(), 'notes');
      const before = open(dir);
      const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
      for (let n = 0; n <= round % 5; n++) for (const id of ids) before.write({ id, text: `${id}-${n}` });
      const newest = ids.map((id) => ({ id, text: `${id}-${round % 5}` }));
      const after = open(dir);
      const loaded = after.loadAll().sort((x, y) => x.id.localeCompare(y.id));
      expect(loaded).toEqual(newest);
      await before.placed();
      await after.placed();
      expect(ids.map((id) => onDisk(dir, id))).toEqual(newest);
      expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    }
  });

  it('drops the waiting writes of a record removed before they were synced', async () => {
    const dir = join(makeDataDir(), 'notes');
    const files = open(dir);
    files.write({ id: 'gone', text: 'new' }, { durable: true });
    files.remove('gone');
    await files.synced();
    expect(existsSync(join(dir, 'gone.json'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('quarantines an unreadable file, reports a newer version as such, and refuses unsafe ids', () => {
    const dir = join(makeDataDir(), 'notes');
    const files = open(dir);
    files.write({ id: 'kept', text: 'fine' });
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, 'future.json'), JSON.stringify({ schemaVersion: 3, data: { id: 'future' } }));
    const notices: StorageNotice[] = [];
    expect(open(dir, notices).loadAll()).toEqual([{ id: 'kept', text: 'fine' }]);
    expect(
      notices.map(({ store, kind }) => ({ store, kind })).sort((a, b) => a.store.localeCompare(b.store)),
    ).toEqual([
      { store: 'note broken.json', kind: 'corrupt' },
      { store: 'note future.json', kind: 'newer_version' },
    ]);
    expect(() => files.write({ id: '../escape', text: 'no' })).toThrow('unsafe record id');
  });
});
