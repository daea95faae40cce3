// Moving an old single-file store (outbox.json, history.json, reminders.json)
// into its newer layout, once, on the first start of the version that brought
// it. One place for the steps every such move shares: an unreadable old file
// is set aside and reported, never lost or silently dropped; its records are
// written (and synced) in the new layout before the old file is renamed to
// `<name>.migrated.json`, so a crash part-way leaves the old file in place and
// the next start simply moves every record again.
import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { checkJsonFile, quarantineFile } from './quarantine.ts';
import type { RecordFilesContext } from './record-files.ts';
import { decodeStored, type StoredShape } from './versioned-store.ts';

export interface LegacyStore<S extends z.ZodType> {
  /** The old file, e.g. `<data>/outbox.json`. */
  path: string;
  /** The store's name in a set-aside notice ("outbox"). */
  label: string;
  shape: StoredShape<S>;
  /** Writes the old file's records in the new layout, synced before it returns. */
  moveRecords: (data: z.output<S>) => void;
}

/** Moves an old single-file store into its new layout, if it is still there. Returns whether it was moved. */
export function migrateLegacyStore<S extends z.ZodType>(
  store: LegacyStore<S>,
  context: RecordFilesContext,
): boolean {
  const { path, label } = store;
  if (!existsSync(path)) return false;
  const check = checkJsonFile(path);
  if (check.state === 'corrupt') {
    context.onQuarantine(quarantineFile(path, label, check.reason, context.nowMs()));
    return false;
  }
  if (check.state !== 'readable') return false;
  const decoded = decodeStored(check.content, store.shape);
  if (!decoded.ok) {
    context.onQuarantine(
      quarantineFile(path, label, decoded.error.reason, context.nowMs(), decoded.error.kind),
    );
    return false;
  }
  store.moveRecords(decoded.value.data);
  renameSync(path, join(dirname(path), basename(path).replace(/\.json$/, '.migrated.json')));
  return true;
}
