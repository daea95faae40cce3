// Whether the last run may have lost writes that never reached the disk.
//
// Most of Herald's writes are not fsynced: they reach the operating system at
// once (so a killed or crashed Herald loses nothing), and the disk a few
// seconds later. Only a power cut or an operating-system crash loses them,
// and both end in a new boot. So each run notes, synced, which boot it runs
// in and, on an orderly stop with its files synced, that it ended cleanly.
// The next start compares: a run that did not end cleanly, in a boot that is
// no longer the current one, may have lost its last unsynced writes, and the
// outbox then checks in Slack before sending anything again
// (docs/decisions.md "One fsync per message").
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';

export interface SessionRecord {
  /** The previous run ended without an orderly stop in a boot that has since ended: its unsynced writes may be lost. */
  readonly mayHaveLostWrites: boolean;
  /** Notes, synced, that this run stopped in order with its files synced. */
  endCleanly(): void;
}

interface StoredSession {
  bootId: string;
  endedCleanly: boolean;
}

const FILE = 'session.json';
const LINUX_BOOT_ID = '/proc/sys/kernel/random/boot_id';

/**
 * This boot's identity: Linux's boot id, else the boot time to the minute (a clock change can move it, which
 * only costs a check in Slack the next time, never a duplicate).
 */
export function currentBootId(): string {
  try {
    return `linux:${readFileSync(LINUX_BOOT_ID, 'utf8').trim()}`;
  } catch {
    return `boot-minute:${Math.round((Date.now() - uptime() * 1000) / 60_000)}`;
  }
}

function readStored(path: string): StoredSession | 'unreadable' | null {
  if (!existsSync(path)) return null;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<StoredSession>;
    if (typeof value.bootId === 'string' && typeof value.endedCleanly === 'boolean')
      return { bootId: value.bootId, endedCleanly: value.endedCleanly };
  } catch {
    // Unreadable: treated as the unsafe case below.
  }
  return 'unreadable';
}

function writeSynced(path: string, session: StoredSession): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(session));
  const fd = openSync(temporary, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** Reads the previous run's record and starts this run's (synced, before anything else is written). */
export function openSessionRecord(dataDir: string, bootId: string = currentBootId()): SessionRecord {
  const path = join(dataDir, FILE);
  const previous = readStored(path);
  // No record: a new folder, or one from a Herald that synced every `sending` (nothing to fear).
  const mayHaveLostWrites =
    previous === 'unreadable' || (previous !== null && !previous.endedCleanly && previous.bootId !== bootId);
  writeSynced(path, { bootId, endedCleanly: false });
  return {
    mayHaveLostWrites,
    endCleanly: () => writeSynced(path, { bootId, endedCleanly: true }),
  };
}
