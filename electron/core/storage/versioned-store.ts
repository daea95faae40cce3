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
//
// Checked once, trusted after. Herald writes only data it has checked, and
// stamps the envelope with a digest of it (`stampedEnvelope`). Data at the
// current version whose digest still matches is exactly what Herald wrote, so
// it is used without running the schema again: at start, zod over every
// stored record was most of core's start on a year-old folder. Anything else
// (no digest, another version, a changed byte) takes the full path: migrate,
// then check (docs/decisions.md "Checked once, trusted after").
import { createHash } from 'node:crypto';
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

/** The digest of data as JSON.stringify writes it (the same text after a JSON round trip). */
function digestOfJson(json: string): string {
  return createHash('sha256').update(json).digest('base64');
}

/** The envelope Herald writes: checked data at the current version, with the digest that lets it skip the check later. */
export function stampedEnvelope(
  data: unknown,
  version: number,
): { schemaVersion: number; digest: string; data: unknown } {
  return { schemaVersion: version, digest: digestOfJson(JSON.stringify(data)), data };
}

/** The same envelope as JSON text, serialising the data once (record files write many small ones). */
export function stampedEnvelopeText(data: unknown, version: number): string {
  const json = JSON.stringify(data);
  return `{"schemaVersion":${version},"digest":${JSON.stringify(digestOfJson(json))},"data":${json}}`;
}

/** A stored envelope of any known version, upgraded and checked; or why it cannot be used. */
export function decodeStored<S extends z.ZodType>(raw: unknown, shape: StoredShape<S>): Decoded<z.output<S>> {
  const steps = shape.migrations ?? [];
  const envelope =
    typeof raw === 'object' && raw !== null
      ? (raw as { schemaVersion?: unknown; digest?: unknown; data?: unknown })
      : null;
  const version = envelope?.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { kind: 'corrupt', reason: 'it has no valid schemaVersion' } };
  }
  const known = currentVersion(shape);
  // Written and checked by this version of Herald, unchanged since: no need to check it again.
  if (
    version === known &&
    typeof envelope?.digest === 'string' &&
    envelope.digest === digestOfJson(JSON.stringify(envelope.data))
  )
    return { ok: true, value: { data: envelope.data as z.output<S>, version } };
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

  // Made on the first write: conf reads and parses the whole file when it is created, which the check above
  // has just done (twice the work at start for every store, most of it on a large calendar).
  let backend: ConfLike | undefined;
  let cache: T = initial;
  const persist = (data: T) => {
    backend ??= context.createBackend({ cwd: context.dataDir, name: definition.name });
    backend.store = stampedEnvelope(data, currentVersion(definition));
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
