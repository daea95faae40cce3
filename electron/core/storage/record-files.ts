// A folder of small records, one file each (drafts, outbox items): a write
// costs one small file whatever the number of records, and a crash mid-write
// leaves the previous version whole (temporary file, then rename). Each file
// is a `{ schemaVersion, data }` envelope read through the one migration
// system (versioned-store.ts); a file that cannot be used is moved aside and
// reported, never deleted.
//
// Durability. Every write reaches the file system at once, so a killed
// process loses nothing. Surviving a power cut needs an fsync, which costs
// milliseconds, so only the writes that need it ask for it (`durable`), and
// those are synced together in batches (group commit). A durable write's
// temporary file is fsynced first and renamed into place after: renaming over
// a file forces a full journal commit on ext4 (about 10 ms), fsyncing a new
// file does not. Until its rename, the newest valid temporary file of a record
// IS that record: `loadAll` rolls it forward, so a power cut between the
// fsync and the rename loses nothing. (This relies on the journaling file
// systems Herald runs on: fsync of a new file also makes its name durable.)
//
// Replacing a file costs milliseconds on a busy disk (ext4 starts writing the
// new file's data before the rename, so a power cut leaves the old version or
// the new one, never an empty file), so a plain write's rename runs in the
// thread pool, not on the main thread a send or a keystroke waits for. Its
// temporary file is written at once and is the record's newest until then.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { StorageNotice } from '../../../shared/api/channels/app.ts';
import { quarantineFile } from './quarantine.ts';
import {
  currentVersion,
  decodeStored,
  stampedEnvelopeText,
  type Decoded,
  type StoredShape,
} from './versioned-store.ts';

const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;
const TEMPORARY = '.json.tmp-';

export interface RecordFilesContext {
  nowMs: () => number;
  onQuarantine: (notice: StorageNotice) => void;
}

export interface RecordFilesOptions<S extends z.ZodType> extends StoredShape<S> {
  dir: string;
  /** How a notice names a file's store, e.g. `draft <file>`. */
  label: (fileName: string) => string;
  idOf: (record: z.output<S>) => string;
}

export interface RecordFiles<T> {
  /** Every readable record; unreadable files are set aside and reported, older versions upgraded. */
  loadAll(): T[];
  /** Writes one record; `durable` ones are also fsynced in the next batch (see `synced`). */
  write(record: T, options?: { durable?: boolean }): void;
  remove(id: string): void;
  /** Resolves once every durable write made so far is on disk; rejects if an fsync failed. */
  synced(): Promise<void>;
  /**
   * Blocking: every write so far on disk, plain ones included. For one-off moves at start-up that must be on
   * disk before anything else happens, and for an orderly stop.
   */
  syncNow(): void;
  /** Resolves once every plain write so far is renamed into place (until then its temporary file holds it). */
  placed(): Promise<void>;
}

/** A write whose temporary file waits for its fsync before it is renamed into place. */
interface PendingWrite {
  id: string;
  path: string;
  temporary: string;
  /** Order of writing: a record removed after this write drops it. */
  order: number;
}

async function fsyncFile(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    // Superseded or removed since it was written: nothing left to sync.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function fsyncPathSync(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function createRecordFiles<S extends z.ZodType>(
  options: RecordFilesOptions<S>,
  context: RecordFilesContext,
): RecordFiles<z.output<S>> {
  type T = z.output<S>;
  const { dir } = options;
  mkdirSync(dir, { recursive: true });
  const version = currentVersion(options);
  let writeCount = 0;
  /** Per record, its newest write still waiting to be renamed into place. */
  const waiting = new Map<string, PendingWrite>();
  /** Records removed while writes of theirs were waiting: writes before this order are dropped. */
  const removedAt = new Map<string, number>();
  /** Writes not yet in a batch, one per record: a newer write of a record replaces its older one here. */
  let queue = new Map<string, PendingWrite>();
  /** Records whose latest plain write went into place unsynced (synced by `syncNow`). */
  const unsynced = new Set<string>();
  /**
   * Per record, its newest plain write made while a durable one of it is being synced: it goes into place
   * right after that one, without an fsync of its own (`sent` after a new item's sync, say).
   */
  const followers = new Map<string, PendingWrite>();
  /** Per record, the plain write whose rename is running in the thread pool (see `placePlain`). */
  const placing = new Map<string, { write: PendingWrite; done: Promise<void> }>();
  /** Per record, the newest plain write waiting for that rename to end (an older one waiting is dropped). */
  const nextPlain = new Map<string, PendingWrite>();
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  const pathOf = (id: string) => {
    // Ids are made by Herald (UUIDs); anything else never becomes a path.
    if (!SAFE_ID.test(id)) throw new Error('unsafe record id');
    return join(dir, `${id}.json`);
  };

  /**
   * Puts a synced write in place. Writes of one record settle in the order they were made (batches run
   * one after another), so an older one never lands over a newer one, and each is on disk before the
   * next replaces it.
   */
  const isRemovedSince = (write: PendingWrite) => write.order < (removedAt.get(write.id) ?? -1);

  function settle(write: PendingWrite): void {
    if (isRemovedSince(write)) rmSync(write.temporary, { force: true });
    else renameSync(write.temporary, write.path);
    if (waiting.get(write.id) !== write) return;
    waiting.delete(write.id);
    const follower = followers.get(write.id);
    followers.delete(write.id);
    if (follower && isRemovedSince(follower)) rmSync(follower.temporary, { force: true });
    else if (follower) placePlain(follower);
    if (!placing.has(write.id)) removedAt.delete(write.id);
  }

  /**
   * Renames a plain write into place in the thread pool, after the record's rename already running (one at a
   * time per record, so an older write never lands over a newer one). A rename that fails leaves the newest
   * temporary file, which the next start rolls forward.
   */
  function placePlain(write: PendingWrite): void {
    unsynced.add(write.id);
    if (placing.has(write.id)) {
      const older = nextPlain.get(write.id);
      if (older) rmSync(older.temporary, { force: true });
      nextPlain.set(write.id, write);
      return;
    }
    const done = rename(write.temporary, write.path)
      .then(() => {
        // Removed while its rename ran: the rename must not bring it back.
        if (isRemovedSince(write)) rmSync(write.path, { force: true });
      })
      .catch(() => undefined)
      .then(() => {
        placing.delete(write.id);
        const following = nextPlain.get(write.id);
        nextPlain.delete(write.id);
        if (following) placePlain(following);
        else if (!waiting.has(write.id)) removedAt.delete(write.id);
      });
    placing.set(write.id, { write, done });
  }

  /** Resolves once no plain write of these records is still being renamed. */
  async function placedAll(ids: Iterable<string>): Promise<void> {
    for (const id of ids) while (placing.has(id)) await placing.get(id)!.done;
  }

  /** A batch whose fsync failed: the writes that followed its records take their place in the next one. */
  function requeueFollowers(batch: readonly PendingWrite[]): void {
    for (const write of batch) {
      const follower = followers.get(write.id);
      if (!follower || waiting.get(write.id) !== write) continue;
      followers.delete(write.id);
      waiting.set(write.id, follower);
      queue.set(write.id, follower);
    }
  }

  function runBatch(): Promise<void> {
    const batch = [...queue.values()];
    queue = new Map();
    running = Promise.all(batch.map((write) => fsyncFile(write.temporary)))
      // A plain write of the same record still being renamed is older: it goes into place first.
      .then(() => placedAll(batch.map((write) => write.id)))
      .then(
        () => batch.forEach(settle),
        (error: unknown) => {
          requeueFollowers(batch);
          throw error;
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  }

  function synced(): Promise<void> {
    if (queue.size === 0) return running ?? Promise.resolve();
    // One batch at a time; writes made while one runs go in the next.
    if (!running) return runBatch();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return runBatch();
      });
    return next;
  }

  function decodeFile(path: string): { raw: unknown; decoded: Decoded<T> } | { error: string } {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      return { error: `it is not valid JSON (${(error as Error).message})` };
    }
    return { raw, decoded: decodeStored(raw, options) };
  }

  /**
   * Temporary files left by a stop: the newest readable one of each record is its latest write (its
   * rename had not happened yet), so it takes the record's place; the rest are unfinished writes.
   *
   * A temporary file may vanish while this runs: an earlier instance in this process (a restart, as tests
   * make) still has at most one rename per record in the thread pool, of its oldest write not yet in place.
   * A vanished file is in place already, so it is left out; the older files are removed before the chosen one
   * is renamed, so a rename still in flight either lands first (and is overwritten) or finds its file gone.
   */
  function rollForwardTemporaryFiles(names: readonly string[]): void {
    const byId = new Map<string, Array<{ name: string; order: number[] }>>();
    for (const name of names) {
      const at = name.indexOf(TEMPORARY);
      if (at < 0) continue;
      const id = name.slice(0, at);
      const modifiedMs = modifiedMsOf(join(dir, name));
      if (modifiedMs === null) continue;
      const order = [
        modifiedMs,
        ...name
          .slice(at + TEMPORARY.length)
          .split('-')
          .map(Number),
      ];
      byId.set(id, [...(byId.get(id) ?? []), { name, order }]);
    }
    for (const [id, candidates] of byId) {
      candidates.sort((a, b) => {
        for (let n = 0; n < Math.max(a.order.length, b.order.length); n++) {
          const difference = (b.order[n] ?? 0) - (a.order[n] ?? 0);
          if (difference !== 0 && !Number.isNaN(difference)) return difference;
        }
        return 0;
      });
      // The newest whole write wins; one gone since the listing was just renamed into place, so it wins as is.
      let chosen: string | null = null;
      for (const { name } of SAFE_ID.test(id) ? candidates : []) {
        const state = temporaryFileState(id, join(dir, name));
        if (state === 'broken') continue;
        if (state === 'whole') chosen = name;
        break;
      }
      for (const { name } of candidates) if (name !== chosen) rmSync(join(dir, name), { force: true });
      if (chosen === null) continue;
      try {
        renameSync(join(dir, chosen), pathOf(id));
      } catch (error) {
        // Gone since it was read: the earlier instance's rename has just put this same newest file in place.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  /** A file's modification time, or null if it is gone (see `rollForwardTemporaryFiles`). */
  function modifiedMsOf(path: string): number | null {
    try {
      return statSync(path).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Whether a temporary file holds a whole, valid write of this record, a cut-short one, or is gone. */
  function temporaryFileState(id: string, path: string): 'whole' | 'broken' | 'gone' {
    if (!existsSync(path)) return 'gone';
    const read = decodeFile(path);
    if ('decoded' in read && read.decoded.ok && options.idOf(read.decoded.value.data) === id) return 'whole';
    return existsSync(path) ? 'broken' : 'gone';
  }

  function write(record: T, { durable = false }: { durable?: boolean } = {}): void {
    const id = options.idOf(record);
    const path = pathOf(id);
    const order = writeCount++;
    const pending: PendingWrite = { id, path, temporary: `${path}.tmp-${process.pid}-${order}`, order };
    writeFileSync(pending.temporary, stampedEnvelopeText(record, version));
    // A plain write goes straight into place, unless an earlier durable one is still waiting: it must
    // not be overtaken, so this one waits in the same line.
    if (!durable && !waiting.has(id)) return placePlain(pending);
    // A newer write supersedes the record's follower, and a plain write not yet renamed: it lands after the
    // write being synced, or in its place.
    for (const older of [followers.get(id), nextPlain.get(id)])
      if (older) rmSync(older.temporary, { force: true });
    followers.delete(id);
    nextPlain.delete(id);
    // A plain write behind a durable one already being synced needs no fsync of its own: it follows that one
    // into place. Until then its temporary file is the newest, so a stop rolls it forward.
    if (!durable && !queue.has(id)) {
      followers.set(id, pending);
      return;
    }
    // An older write of this record not yet in a batch is superseded: this one takes its place and its fsync
    // (one fsync per record per batch, e.g. a new outbox item and its `sending` together). Its file goes now;
    // a stop before that leaves the newer file, which is the one rolled forward.
    const superseded = queue.get(id);
    if (superseded) rmSync(superseded.temporary, { force: true });
    waiting.set(id, pending);
    queue.set(id, pending);
    // Start the batch soon even if nobody waits for it: a durable write is synced within milliseconds.
    if (queue.size === 1) setImmediate(() => void synced().catch(() => undefined));
  }

  return {
    loadAll() {
      rollForwardTemporaryFiles(readdirSync(dir));
      const records: T[] = [];
      for (const name of readdirSync(dir)) {
        if (!name.endsWith('.json') || name.includes('.corrupt-') || name.includes('.from-newer-herald-'))
          continue;
        const path = join(dir, name);
        const read = decodeFile(path);
        if ('error' in read) {
          context.onQuarantine(quarantineFile(path, options.label(name), read.error, context.nowMs()));
          continue;
        }
        const { decoded } = read;
        if (!decoded.ok)
          context.onQuarantine(
            quarantineFile(
              path,
              options.label(name),
              decoded.error.reason,
              context.nowMs(),
              decoded.error.kind,
            ),
          );
        else if (`${options.idOf(decoded.value.data)}.json` !== name) {
          context.onQuarantine(
            quarantineFile(
              path,
              options.label(name),
              'its name does not match the record inside',
              context.nowMs(),
            ),
          );
        } else {
          if (decoded.value.version !== version) write(decoded.value.data);
          records.push(decoded.value.data);
        }
      }
      return records;
    },
    write,
    remove(id) {
      // Writes still waiting are dropped when their batch ends, and a rename running now is undone.
      if (waiting.has(id) || placing.has(id)) removedAt.set(id, writeCount);
      for (const older of [followers.get(id), nextPlain.get(id)])
        if (older) rmSync(older.temporary, { force: true });
      followers.delete(id);
      nextPlain.delete(id);
      unsynced.delete(id);
      rmSync(pathOf(id), { force: true });
    },
    synced,
    syncNow() {
      const batch = [...queue.values()];
      queue = new Map();
      for (const write of batch) fsyncPathSync(write.temporary);
      for (const write of batch) {
        // Behind a rename still running it cannot go into place now: synced, it stays the newest temporary file.
        if (placing.has(write.id)) queue.set(write.id, write);
        else settle(write);
      }
      for (const id of unsynced) fsyncPathSync(pathOf(id));
      unsynced.clear();
      // Writes not in place yet: their temporary files are the records' newest, rolled forward by the next start.
      const notPlaced = [
        ...waiting.values(),
        ...followers.values(),
        ...nextPlain.values(),
        ...[...placing.values()].map(({ write }) => write),
      ];
      for (const write of notPlaced) fsyncPathSync(write.temporary);
    },
    placed: () => placedAll([...placing.keys()]),
  };
}
