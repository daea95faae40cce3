// Where Debian's Chromium lives and how to start it here. Playwright cannot
// download its own browsers on these machines, so every browser test points
// at the system package (apt-get install chromium).
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH =
  process.env.HERALD_CHROMIUM ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ??
  '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
