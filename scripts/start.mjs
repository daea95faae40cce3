#!/usr/bin/env node
// `npm start`: builds, then launches the Electron app. Where the Electron
// binary is not installed (it cannot be downloaded on every machine), says so
// in one line and starts the browser harness instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.mjs';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Fetches the Electron binary once if it is missing (quietly; it fails fast where there is no route to it). */
function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || !existsSync('node_modules/electron/install.js'))
    return;
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 180_000 });
}

if (!findElectronBinary()) tryInstallElectron();
const electron = findElectronBinary();
const forward = process.argv.slice(2);
if (electron) {
  const child = spawn(electron, ['.', ...forward], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Electron binary not installed here; starting the browser harness instead (open the URL below).',
  );
  const child = spawn(process.execPath, ['dist/harness/harness.mjs', ...forward], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
