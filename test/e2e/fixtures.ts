// The end-to-end fixtures: every test gets a fresh data folder, its own fake
// Slack server, and a running harness pointed at it that can be restarted.
// Specs import `test` and `expect` from here only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../fakes/slack-server.ts';
import { RestartableHarness } from '../support/harness-process.ts';
import { goTo } from './helpers.ts';

export interface HeraldFixtures {
  /** Start instant of the harness's test clock (ISO); undefined runs on the real clock. */
  testClockIso: string | undefined;
  /** Options for this test's fake Slack (`test.use({ slackOptions: … })`); default the seeded workspace. */
  slackOptions: FakeSlackOptions;
  slack: FakeSlack;
  dataDir: string;
  harness: RestartableHarness;
  /** Opens Herald (optionally on a screen) and waits for the shell to be ready. */
  openHerald: (screen?: string) => Promise<Page>;
  /** Every API response body the page received, to scan for secrets. */
  apiResponses: string[];
  /** Fails the test on any axe violation on the current page. */
  expectNoAxeViolations: () => Promise<void>;
}

export const test = base.extend<HeraldFixtures>({
  testClockIso: [undefined, { option: true }],
  slackOptions: [{}, { option: true }],
  slack: async ({ slackOptions }, use) => {
    const slack = await startFakeSlack(slackOptions);
    await use(slack);
    await slack.close();
  },
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    await use(mkdtempSync(join(tmpdir(), 'herald-e2e-')));
  },
  harness: async ({ slack, dataDir, testClockIso }, use) => {
    const harness = await new RestartableHarness({
      dataDir,
      slackApiUrl: slack.url,
      ...(testClockIso ? { testClockIso } : {}),
    }).start();
    await use(harness);
    await harness.stop();
  },
  apiResponses: async ({ page }, use) => {
    const bodies: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/api/') && path !== '/api/events') {
        response.text().then(
          (text) => bodies.push(text),
          () => {},
        );
      }
    });
    await use(bodies);
  },
  openHerald: async ({ page, harness }, use) => {
    await use(async (screen) => {
      await page.goto(harness.url);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      if (screen) await goTo(page, screen);
      return page;
    });
  },
  expectNoAxeViolations: async ({ page }, use) => {
    await use(async () => {
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map(
          (violation) =>
            `${violation.id}: ${violation.help} (${violation.nodes.length}: ${violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(' '))
              .join(', ')})`,
        ),
      ).toEqual([]);
    });
  },
});

export { expect };
