// Herald's one migration system, and the typed store built on it.
//
// Every stored file is an envelope `{ schemaVersion, data }`. A store (or a
// kind of record file: drafts, outbox items) declares its zod schema and its
// numbered migration steps; `decodeStored` upgrades data of any older version
// one step at a time and checks the result against the schema. Each step is a
// pure function (old data in, next version's data out), tested with an old
// fixture beside it. Data from a newer Herald (a higher schemaVersion) is
// neither corrupt nor readable: it is kept aside unchanged and reported as
// "written by a newer version of Herald".
//
// `openVersionedStore` is that over one conf-like file: reads come from an
// in-memory copy; every write goes through to the backend, which writes
// atomically (conf writes a temp file and renames it).
import { join } from 'node:path';
import type { z } from 'zod';
import type { StorageNotice } from '../../../shared/api/channels/app.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { ConfFactory, ConfLike } from './conf-like.ts';
import { checkJsonFile, quarantineFile, type SetAsideKind } from './quarantine.ts';

/** Upgrades data stored at one version to the next; must tolerate odd input (stored data is untrusted). */
export interface MigrationStep {
  /** What the step changes, in a sentence (logs and reviews). */
  describe: string;
  up: (data: unknown) => unknown;
}

export interface StoredShape<S extends z.ZodType> {
  schema: S;
  /** migrations[i] upgrades version i+1 to i+2; the current version is migrations.length + 1. */
  migrations?: readonly MigrationStep[];
}

export interface StoreDefinition<S extends z.ZodType> extends StoredShape<S> {
  name: string;
  defaults: () => z.output<S>;
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
    current = step.up(current);
  }
  return current;
}

/** Why a stored file cannot be used: the kind of set-aside and a sentence for the log and the notice. */
export interface Unusable {
  kind: SetAsideKind;
  reason: string;
}

export type Decoded<T> = Result<{ data: T; version: number }, Unusable>;

/** A stored envelope of any known version, upgraded and checked; or why it cannot be used. */
export function decodeStored<S extends z.ZodType>(raw: unknown, shape: StoredShape<S>): Decoded<z.output<S>> {
  const steps = shape.migrations ?? [];
  const envelope =
    typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown; data?: unknown }) : null;
  const version = envelope?.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { kind: 'corrupt', reason: 'it has no valid schemaVersion' } };
  }
  const known = currentVersion(shape);
  if (version > known) {
    return {
      ok: false,
      error: {
        kind: 'newer_version',
        reason: `it was written by a newer version of Herald (schema version ${version}; this Herald reads up to ${known})`,
      },
    };
  }
  try {
    const migrated = migrate(envelope?.data, version, steps);
    const parsed = shape.schema.safeParse(migrated);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      return {
        ok: false,
        error: {
          kind: 'corrupt',
          reason: `its content does not match the schema (${issue?.message ?? 'invalid'}${where})`,
        },
      };
    }
    return { ok: true, value: { data: parsed.data, version } };
  } catch (error) {
    return {
      ok: false,
      error: { kind: 'corrupt', reason: `it could not be migrated (${(error as Error).message})` },
    };
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
  // Write once on open when the file is new, was set aside, or was stored at an older version.
  let needsWrite = true;
  if (check.state === 'corrupt') {
    context.onQuarantine(quarantineFile(path, definition.name, check.reason, context.nowMs()));
  } else if (check.state === 'readable') {
    const decoded = decodeStored(check.content, definition);
    if (decoded.ok) {
      initial = decoded.value.data;
      needsWrite = decoded.value.version !== currentVersion(definition);
    } else
      context.onQuarantine(
        quarantineFile(path, definition.name, decoded.error.reason, context.nowMs(), decoded.error.kind),
      );
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
