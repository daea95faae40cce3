import { defineConfig } from '@playwright/test';

// The Electron suite: runs the packaged-style app (dist/electron/main.mjs)
// with Playwright's _electron where an Electron binary is installed; each
// test reports itself skipped, with the reason, where it is not.
export default defineConfig({
  testDir: 'test/electron',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.HERALD_PW_JSON
    ? [['list'], ['json', { outputFile: process.env.HERALD_PW_JSON }]]
    : [['list']],
});
