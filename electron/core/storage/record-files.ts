// A folder of small records, one file each (drafts, outbox items): a write
// costs one small file whatever the number of records, and a crash mid-write
// leaves the previous version whole (temporary file, then rename). Each file
// is a `{ schemaVersion, data }` envelope read through the one migration
// system (versioned-store.ts); a file that cannot be used is moved aside and
// reported, never deleted.
//
// Durability: every write reaches the file system before `write` returns, so
// a killed process loses nothing. Surviving a power cut needs an fsync, which
// costs milliseconds; only the writes that need it ask for it (`durable`),
// and those are synced together in batches (group commit: many fsyncs in
// flight at once share the disk's journal commits). `synced()` resolves once
// every durable write so far is on disk.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { StorageNotice } from '../../../shared/api/channels/app.ts';
import { quarantineFile } from './quarantine.ts';
import { currentVersion, decodeStored, type StoredShape } from './versioned-store.ts';

const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;

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
  /** The same, blocking: for one-off moves at start-up that must be on disk before anything else happens. */
  syncNow(): void;
}

/** Batches fsyncs: files and the folder written since the last batch are synced together. */
export function createSyncBatcher(dir: string): { add(path: string): void; synced(): Promise<void>; syncNow(): void } {
  let pending = new Set<string>();
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  async function syncPaths(paths: readonly string[]): Promise<void> {
    await Promise.all(
      [...paths, dir].map(async (path) => {
        let handle;
        try {
          handle = await open(path, 'r');
        } catch (error) {
          // Removed since it was written (a finished item pruned): nothing left to sync.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw error;
        }
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }),
    );
  }

  function runBatch(): Promise<void> {
    const paths = [...pending];
    pending = new Set();
    running = syncPaths(paths).finally(() => {
      running = null;
    });
    return running;
  }

  function synced(): Promise<void> {
    if (pending.size === 0) return running ?? Promise.resolve();
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

  function syncNow(): void {
    for (const path of [...pending, dir]) {
      const fd = openSync(path, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    pending = new Set();
  }

  return {
    syncNow,
    add(path) {
      pending.add(path);
      // Start the batch soon even if nobody waits for it: a durable write is synced within milliseconds.
      if (pending.size === 1) setImmediate(() => void synced().catch(() => undefined));
    },
    synced,
  };
}

export function createRecordFiles<S extends z.ZodType>(options: RecordFilesOptions<S>, context: RecordFilesContext): RecordFiles<z.output<S>> {
  type T = z.output<S>;
  const { dir } = options;
  mkdirSync(dir, { recursive: true });
  const batcher = createSyncBatcher(dir);
  const version = currentVersion(options);
  const pathOf = (id: string) => {
    // Ids are made by Herald (UUIDs); anything else never becomes a path.
    if (!SAFE_ID.test(id)) throw new Error('unsafe record id');
    return join(dir, `${id}.json`);
  };
  const writeFile = (record: T) => {
    const path = pathOf(options.idOf(record));
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, JSON.stringify({ schemaVersion: version, data: record }));
    renameSync(temporary, path);
    return path;
  };

  return {
    loadAll() {
      const records: T[] = [];
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name.includes('.tmp-')) {
          // A write that never reached its rename: the previous version is intact.
          rmSync(path, { force: true });
          continue;
        }
        if (!name.endsWith('.json') || name.includes('.corrupt-') || name.includes('.from-newer-herald-')) continue;
        let raw: unknown;
        try {
          raw = JSON.parse(readFileSync(path, 'utf8'));
        } catch (error) {
          context.onQuarantine(quarantineFile(path, options.label(name), `it is not valid JSON (${(error as Error).message})`, context.nowMs()));
          continue;
        }
        const decoded = decodeStored(raw, options);
        if (!decoded.ok) context.onQuarantine(quarantineFile(path, options.label(name), decoded.reason, context.nowMs(), decoded.kind));
        else if (`${options.idOf(decoded.data)}.json` !== name) {
          context.onQuarantine(quarantineFile(path, options.label(name), 'its name does not match the record inside', context.nowMs()));
        } else {
          if (decoded.version !== version) writeFile(decoded.data);
          records.push(decoded.data);
        }
      }
      return records;
    },
    write(record, { durable = false } = {}) {
      const path = writeFile(record);
      if (durable) batcher.add(path);
    },
    remove(id) {
      rmSync(pathOf(id), { force: true });
    },
    synced: () => batcher.synced(),
    syncNow: () => batcher.syncNow(),
  };
}
