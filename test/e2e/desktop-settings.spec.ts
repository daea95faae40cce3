import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { connectSlack, goTo } from './helpers.ts';

/** Answers one API channel in the page with `value`, as the desktop app would (the harness has no updater or login items). */
async function answer(page: Page, channel: string, value: unknown) {
  await page.route(
    (url) => decodeURIComponent(url.pathname) === `/api/${channel}`,
    (route) => route.fulfill({ json: { ok: true, value } }),
  );
}

const MESSAGE_TEXT = 'Payments API unavailable for every customer while we roll back release 4471';

test.describe('desktop settings in the browser harness', () => {
  test('copies a diagnostics bundle with counts and states but no token or message text', async ({
    page,
    context,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await connectSlack(harness, slack.botToken);
    await harness.call('outbox:enqueue', { channel: 'ops-update', text: MESSAGE_TEXT });
    await openHerald('Settings');

    // The harness cannot update itself or register a login item, and says so.
    await expect(page.getByTestId('update-status')).toContainText('cannot update itself');
    await expect(page.getByRole('button', { name: 'Check now' })).toHaveCount(0);
    await expect(
      page.getByText('Opening at login is available in the installed desktop app only'),
    ).toBeVisible();
    // Nor does it ask the first-run question.
    await expect(page.getByRole('heading', { name: 'Open Herald when you log in?' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect(page.getByTestId('diagnostics-status')).toContainText(
      'Paste it into your message to support',
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Slack connected: yes');
    expect(copied).toContain('The browser harness has no crash reporter');
    expect(copied).toMatch(/## Outbox \(items by state\)\n {2}\w+: 1/);
    expect(copied).not.toContain(slack.botToken);
    expect(copied).not.toContain(MESSAGE_TEXT);
    await expect(page.getByLabel(/^Diagnostics/)).toHaveValue(copied);
    await expectNoAxeViolations();
  });

  test('asks once on first run whether to open at login, where login items exist', async ({
    page,
    openHerald,
    harness,
  }) => {
    await answer(page, 'loginItem:status', {
      isSupported: true,
      isEnabled: false,
      wasLaunchedAtLogin: false,
    });
    await openHerald();
    const question = page.getByRole('region', { name: 'Open Herald when you log in?' });
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Not now' }).click();
    await expect(question).toHaveCount(0);
    expect(await harness.call('settings:get', {})).toMatchObject({
      openAtLogin: false,
      hasAnsweredOpenAtLogin: true,
    });
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(question).toHaveCount(0);
    // Changeable later in Settings → Start-up.
    await goTo(page, 'Settings');
    await page.getByLabel(/Open Herald when I log in/).check();
    await expect.poll(async () => harness.call('settings:get', {})).toMatchObject({ openAtLogin: true });
  });

  test('a downloaded update waits for unsaved work before "Restart to update"', async ({
    page,
    openHerald,
    expectNoAxeViolations,
  }) => {
    const status = {
      state: 'ready',
      currentVersion: '0.1.0',
      version: '0.2.0',
      percent: 100,
      message: null,
      lastCheckedUtc: '2026-12-06T16:00:00.000Z',
      isAutoDownload: true,
    };
    await answer(page, 'updates:status', {
      ...status,
      restartBlockedBy: 'The draft you are writing has changes that are not saved yet.',
    });
    await openHerald('Settings');
    await expect(page.getByTestId('update-status')).toHaveText(
      'Version 0.2.0 is ready. Restart Herald to use it, or it installs the next time you quit.',
    );
    await expect(
      page.getByText(
        'The draft you are writing has changes that are not saved yet. Herald will not restart until that is done.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Restart to update' })).toBeDisabled();
    // Written the one way every screen writes times: the lead's zone, en-GB, 24-hour.
    await expect(
      page.getByText('This is Herald 0.1.0. Last checked Sun 6 Dec 2026, 16:00 GMT.'),
    ).toBeVisible();
    await expect(page.getByLabel(/Download updates automatically/)).toBeChecked();
    await expectNoAxeViolations();
  });
});
