// A fingerprint of every file under a data folder (path → SHA-256), so a test
// can show that refused calls left every store exactly as it was.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Stores write in the background (a temporary file renamed into place in the thread pool), so a file listed
 * a moment ago may be gone when it is read: it is left out, and the next snapshot, which differs, shows the
 * change. Throwing there failed a power-cut test on a busy CI machine.
 */
function readUnlessGone<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function snapshotStores(dataDir: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readUnlessGone(() => readdirSync(folder, { withFileTypes: true })) ?? []) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const content = readUnlessGone(() => readFileSync(path));
        if (content) snapshot[relative(dataDir, path)] = createHash('sha256').update(content).digest('hex');
      }
    }
  };
  walk(dataDir);
  return snapshot;
}

/**
 * Resolves once start-up's writes have landed: two snapshots a beat apart agree and no temporary file is left.
 * Store writes finish in the background (renames in the thread pool, coalesced saves), so a fixed sleep before
 * the "before" snapshot is outrun on a busy machine, and a later write would look like a refused call's doing.
 */
export async function settledSnapshot(dataDir: string, timeoutMs = 10_000): Promise<Record<string, string>> {
  const beat = () => new Promise((resolve) => setTimeout(resolve, 50));
  const deadline = Date.now() + timeoutMs;
  let previous = snapshotStores(dataDir);
  for (;;) {
    await beat();
    const current = snapshotStores(dataDir);
    const isSettled =
      JSON.stringify(current) === JSON.stringify(previous) &&
      !Object.keys(current).some((path) => path.includes('.tmp-'));
    if (isSettled) return current;
    if (Date.now() > deadline) throw new Error('the data folder was still changing after start-up');
    previous = current;
  }
}
