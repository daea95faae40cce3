#!/usr/bin/env node
// `npm run web -- [options]`: the browser harness. Builds first when the
// build is missing or older than the sources, then serves.
import { spawn, spawnSync } from 'node:child_process';
import { isHarnessBuildStale } from './build-freshness.mjs';

if (isHarnessBuildStale()) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer', 'harness'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, ['dist/harness/harness.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
