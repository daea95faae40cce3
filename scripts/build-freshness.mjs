// Whether the browser harness build in dist/ is missing or older than the
// sources it is built from. `npm run web` and the benchmarks that drive the
// built harness both rebuild when it is, so neither measures stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['electron', 'renderer', 'shared'];
const OUTPUTS = ['dist/harness/harness.mjs', 'dist/renderer/index.html'];

function newestMtimeMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function isHarnessBuildStale() {
  if (OUTPUTS.some((file) => !existsSync(file))) return true;
  return (
    Math.max(...SOURCE_DIRS.map(newestMtimeMs)) > Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs))
  );
}
