// The end-to-end fixtures: every test gets a fresh data folder, its own fake
// Slack server, and a running harness pointed at it that can be restarted.
// Specs import `test` and `expect` from here only. Team specs ask for `team`:
// a second lead's Herald on the same fake Slack, both leads named.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import {
  HUMAN_USER,
  SECOND_LEAD,
  startFakeSlack,
  type FakeSlack,
  type FakeSlackOptions,
  type UserSeed,
} from '../fakes/slack-server.ts';
import { RestartableHarness } from '../support/harness-process.ts';
import { connectSlack, goTo } from './helpers.ts';

/** A lead as Settings names them (`settings:update { lead }`): the name is what the lead picker saves for that user. */
export interface Lead {
  userId: string;
  name: string;
}
const leadOf = (user: UserSeed): Lead => ({ userId: user.id, name: user.displayName || user.realName });
/** The two comms leads of the fake's workspace: A uses the `harness` fixture's Herald, B the `team` fixture's second. */
export const LEAD_A = leadOf(HUMAN_USER);
export const LEAD_B = leadOf(SECOND_LEAD);

/** Two leads' Heralds on one fake Slack, each connected and named: Slack is all they share. */
export interface Team {
  /** Lead A's Herald: the `harness` fixture (the one `page`-opening fixtures use). */
  a: RestartableHarness;
  /** Lead B's: its own data folder, the same test clock start; stopped and its folder removed after the test. */
  b: RestartableHarness;
}

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
  /** Lead A (`harness`) and lead B (a second harness), both connected to the fake Slack and named as leads. */
  team: Team;
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
  team: async ({ slack, harness, testClockIso }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-e2e-b-'));
    const b = new RestartableHarness({
      dataDir,
      slackApiUrl: slack.url,
      ...(testClockIso ? { testClockIso } : {}),
    });
    try {
      await b.start();
      for (const [lead, herald] of [
        [LEAD_A, harness],
        [LEAD_B, b],
      ] as const) {
        await connectSlack(herald, slack.botToken);
        await herald.call('settings:update', { lead });
      }
      await use({ a: harness, b });
    } finally {
      await b.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
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
