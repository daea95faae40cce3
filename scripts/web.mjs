#!/usr/bin/env node
// `npm run web -- [options]`: the browser harness. Builds first when the
// build is missing or older than the sources, then serves.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtimeMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const outputs = ['dist/harness/harness.mjs', 'dist/renderer/index.html'];
const isStale =
  outputs.some((file) => !existsSync(file)) ||
  Math.max(...['electron', 'renderer', 'shared'].map(newestMtimeMs)) > Math.min(...outputs.map((file) => statSync(file).mtimeMs));
if (isStale) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer', 'harness'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, ['dist/harness/harness.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
