#!/usr/bin/env node
// `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones)
// with tsx, one after another so they do not compete for the two cores.
// Each prints its figures next to a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((word) => name.includes(word)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n━━ bench/${file}`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
if (failed) {
  console.error(`${failed} benchmark(s) failed`);
  process.exit(1);
}
