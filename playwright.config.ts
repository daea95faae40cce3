import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.ts';

// End-to-end suite: the real renderer in Debian's Chromium against the
// browser harness (real core services) and the fake Slack server.
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  // One retry on CI only, reported as flaky by `npm test` (never silently), while the suite proves itself clean
  // again after the offline Outbox spec's race (a stale answer overwriting "online"; see the 2026-12-06 session
  // notes). Locally a flake fails at once. Set back to 0 once CI shows no flaky test.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.HERALD_PW_JSON
    ? [['list'], ['json', { outputFile: process.env.HERALD_PW_JSON }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
  },
});
