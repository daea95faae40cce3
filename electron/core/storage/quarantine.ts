// Moving an unreadable store file aside. conf's own `clearInvalidConfig` would
// reset the file and lose its content; Herald never silently wipes data, so
// before a store opens we check the file ourselves and, if it cannot be used,
// rename it with a timestamp and report where it went. A file written by a
// newer Herald is not corrupt: it is kept aside under its own name, unchanged,
// so the newer Herald can still read it, and the user is told which it is.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { StorageNotice } from '../../../shared/api/channels/app.ts';

export type FileCheck =
  { state: 'missing' } | { state: 'readable'; content: unknown } | { state: 'corrupt'; reason: string };

export function checkJsonFile(path: string): FileCheck {
  if (!existsSync(path)) return { state: 'missing' };
  try {
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') return { state: 'corrupt', reason: 'the file is empty' };
    return { state: 'readable', content: JSON.parse(text) as unknown };
  } catch (error) {
    return { state: 'corrupt', reason: `it is not valid JSON (${(error as Error).message})` };
  }
}

/** Why a file is set aside: it cannot be read, or a newer Herald wrote it. */
export type SetAsideKind = StorageNotice['kind'];

const SUFFIX: Record<SetAsideKind, string> = { corrupt: 'corrupt', newer_version: 'from-newer-herald' };

/**
 * Renames `path` to `<name>.corrupt-<timestamp>.json` (or `<name>.from-newer-herald-<timestamp>.json`)
 * beside it and describes the move.
 */
export function quarantineFile(
  path: string,
  storeName: string,
  reason: string,
  nowMs: number,
  kind: SetAsideKind = 'corrupt',
): StorageNotice {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const extension = path.endsWith('.json') ? '.json' : '';
  const target = join(
    dirname(path),
    `${basename(path, extension)}.${SUFFIX[kind]}-${stamp}${extension || '.json'}`,
  );
  renameSync(path, target);
  return { store: storeName, kind, quarantinedTo: target, reason, atUtc: new Date(nowMs).toISOString() };
}
