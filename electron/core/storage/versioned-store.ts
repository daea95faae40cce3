// A typed, versioned store over one conf-like file. The stored shape is
// `{ schemaVersion, data }`; on open, older versions run through numbered
// migration steps, then the data is checked against the schema. A file that
// cannot be parsed, or fails the schema after migration, is quarantined
// (never wiped) and the store starts from its defaults.
//
// Reads come from an in-memory copy; every write goes through to the backend,
// which writes atomically (conf writes a temp file and renames it).
import { join } from 'node:path';
import type { z } from 'zod';
import type { StorageNotice } from '../../../shared/api/channels/app.ts';
import type { ConfFactory, ConfLike } from './conf-like.ts';
import { checkJsonFile, quarantineFile } from './quarantine.ts';

/** Upgrades data stored at version N to version N+1. Index 0 upgrades v1 → v2. */
export type MigrationStep = (data: unknown) => unknown;

export interface StoreDefinition<S extends z.ZodType> {
  name: string;
  schema: S;
  defaults: () => z.output<S>;
  /** migrations[i] upgrades version i+1 to i+2; the current version is migrations.length + 1. */
  migrations?: readonly MigrationStep[];
}

export interface VersionedStore<T> {
  read(): T;
  write(next: T): void;
  update(change: (current: T) => T): T;
  readonly path: string;
}

export interface OpenStoreContext {
  dataDir: string;
  createBackend: ConfFactory;
  nowMs: () => number;
  onQuarantine: (notice: StorageNotice) => void;
}

export function currentVersion(definition: { migrations?: readonly MigrationStep[] }): number {
  return (definition.migrations?.length ?? 0) + 1;
}

/** Runs the migration steps from `fromVersion` up to the current version. */
export function migrate(data: unknown, fromVersion: number, steps: readonly MigrationStep[]): unknown {
  let current = data;
  for (let version = fromVersion; version <= steps.length; version++) {
    const step = steps[version - 1];
    if (!step) throw new Error(`no migration from version ${version}`);
    current = step(current);
  }
  return current;
}

type Decoded<T> = { ok: true; data: T } | { ok: false; reason: string };

function decode<S extends z.ZodType>(raw: unknown, definition: StoreDefinition<S>): Decoded<z.output<S>> {
  const steps = definition.migrations ?? [];
  const envelope = raw as { schemaVersion?: unknown; data?: unknown } | null;
  const version = envelope?.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'it has no valid schemaVersion' };
  }
  if (version > currentVersion(definition)) {
    return { ok: false, reason: `it was written by a newer Herald (schema version ${version})` };
  }
  try {
    const migrated = migrate(envelope?.data, version, steps);
    const parsed = definition.schema.safeParse(migrated);
    if (!parsed.success) return { ok: false, reason: `its content does not match the schema (${parsed.error.issues[0]?.message ?? 'invalid'})` };
    return { ok: true, data: parsed.data };
  } catch (error) {
    return { ok: false, reason: `it could not be migrated (${(error as Error).message})` };
  }
}

export function openVersionedStore<S extends z.ZodType>(
  definition: StoreDefinition<S>,
  context: OpenStoreContext,
): VersionedStore<z.output<S>> {
  type T = z.output<S>;
  const path = join(context.dataDir, `${definition.name}.json`);
  const check = checkJsonFile(path);
  let initial: T = definition.defaults();
  // Write once on open when the file is new, was quarantined, or was stored at an older version.
  let needsWrite = true;
  if (check.state === 'corrupt') {
    context.onQuarantine(quarantineFile(path, definition.name, check.reason, context.nowMs()));
  } else if (check.state === 'readable') {
    const decoded = decode(check.content, definition);
    if (decoded.ok) {
      initial = decoded.data;
      needsWrite = (check.content as { schemaVersion?: unknown }).schemaVersion !== currentVersion(definition);
    } else context.onQuarantine(quarantineFile(path, definition.name, decoded.reason, context.nowMs()));
  }

  const backend: ConfLike = context.createBackend({ cwd: context.dataDir, name: definition.name });
  let cache: T = initial;
  const persist = (data: T) => {
    backend.store = { schemaVersion: currentVersion(definition), data };
  };
  if (needsWrite) persist(cache);

  return {
    path,
    read: () => cache,
    write(next) {
      persist(next);
      cache = next;
    },
    update(change) {
      const next = change(cache);
      persist(next);
      cache = next;
      return next;
    },
  };
}
