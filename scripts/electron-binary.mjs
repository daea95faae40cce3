// Finds an installed Electron binary without requiring the `electron`
// package (in plain Node that require tries to download the binary, which
// fails on machines that cannot reach the download host).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findElectronBinary(root = process.cwd()) {
  if (process.env.HERALD_ELECTRON_PATH)
    return existsSync(process.env.HERALD_ELECTRON_PATH) ? process.env.HERALD_ELECTRON_PATH : null;
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
