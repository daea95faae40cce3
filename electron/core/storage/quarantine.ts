// Moving a corrupt store file aside. conf's own `clearInvalidConfig` would
// reset the file and lose its content; Herald never silently wipes data, so
// before a store opens we check the file ourselves and, if it cannot be read,
// rename it with a timestamp and report where it went.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { StorageNotice } from '../../../shared/api/channels/app.ts';

export type FileCheck = { state: 'missing' } | { state: 'readable'; content: unknown } | { state: 'corrupt'; reason: string };

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

/** Renames `path` to `<name>.corrupt-<timestamp>.json` beside it and describes the move. */
export function quarantineFile(path: string, storeName: string, reason: string, nowMs: number): StorageNotice {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(path), `${basename(path, '.json')}.corrupt-${stamp}.json`);
  renameSync(path, target);
  return { store: storeName, quarantinedTo: target, reason, atUtc: new Date(nowMs).toISOString() };
}
