// First run and connection (issue 18 item 7): the app-wide banner while Slack
// is not connected, the first-run checklist (connect Slack, each plan channel
// found and the bot a member, the plan reviewed), and permissions that could
// not be checked when auth.test carries no scope header.
import { expect, test } from './fixtures.ts';
import { connectSlackInSettings, goTo } from './helpers.ts';

test('a first run: the banner says Slack is not connected, and the checklist flags a channel the bot is not in', async ({
  page,
  slack,
  openHerald,
  expectNoAxeViolations,
}) => {
  await openHerald();
  const banner = page.getByTestId('slack-banner');
  await expect(banner).toContainText('Slack is not connected.');
  await expect(banner).toContainText('what you send waits in the Outbox, unsent');
  const checklist = page.getByTestId('setup-checklist');
  await expect(checklist.getByRole('heading', { name: 'Get Herald ready' })).toBeVisible();
  await expect(checklist).toContainText('0 of 3 done');
  await expect(checklist.locator('[data-step-state]').first()).toHaveAttribute('data-step-state', 'todo');
  await expectNoAxeViolations();
  // A message being written says plainly that nothing goes while Slack is not connected.
  await page.getByRole('button', { name: 'Start message' }).click();
  await expect(page.getByTestId('connection-note')).toContainText(
    /Slack is not connected, so nothing (you send goes to Slack yet|is sent)/,
  );

  // The banner leads to Settings, where Slack is connected.
  await banner.getByRole('button', { name: 'Connect Slack' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await connectSlackInSettings(page, slack.botToken);
  await expect(banner).toHaveCount(0);

  // Each plan channel is checked in Slack: #chat exists, but the bot is not a member of it.
  const settingsChecklist = page.getByTestId('setup-checklist');
  const channels = settingsChecklist.getByRole('list', { name: 'Plan channels' });
  await expect(channels.locator('[data-channel-status="not_member"]')).toContainText(
    'Herald is not a member of #chat',
  );
  await expect(channels.locator('[data-channel-status="not_member"]')).toContainText('/invite @herald');
  await expect(channels.locator('[data-channel-status="ok"]').first()).toContainText(
    '#operations-engineering-update: found, and Herald is a member.',
  );
  await expect(settingsChecklist).toContainText('1 of 3 done');
  await expectNoAxeViolations();

  // The bot is invited to #chat in Slack; checking again clears the flag.
  slack.setMember('chat', true);
  await settingsChecklist.getByRole('button', { name: 'Check channels again' }).click();
  await expect(channels.locator('[data-channel-status="not_member"]')).toHaveCount(0);
  await expect(settingsChecklist).toContainText('2 of 3 done');

  // The plan is reviewed: every step is done, and Compose no longer shows the checklist.
  await settingsChecklist.getByRole('button', { name: 'The plan is reviewed' }).click();
  await expect(settingsChecklist).toContainText('3 of 3 done');
  await goTo(page, 'Compose');
  await expect(page.getByTestId('setup-checklist')).toHaveCount(0);
  await expect(page.getByText(/Slack is not connected/)).toHaveCount(0);
});

test('the checklist can be hidden from Compose and stays in Settings', async ({ page, openHerald }) => {
  await openHerald();
  const checklist = page.getByTestId('setup-checklist');
  await checklist.getByRole('button', { name: /^Hide this checklist/ }).click();
  await expect(checklist).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
  await expect(page.getByTestId('setup-checklist')).toHaveCount(0);
  await goTo(page, 'Settings');
  await expect(page.getByTestId('setup-checklist')).toBeVisible();
});

test.describe('where auth.test carries no scope header', () => {
  test.use({ slackOptions: { omitScopesHeader: true } });

  test('the checklist says the permissions could not be checked, not that they are missing', async ({
    page,
    slack,
    openHerald,
    expectNoAxeViolations,
  }) => {
    await openHerald('Settings');
    await connectSlackInSettings(page, slack.botToken);
    const scopes = page.getByTestId('setup-scopes');
    await expect(scopes).toContainText('Permissions could not be checked');
    await expect(scopes).not.toContainText('Missing');
    await expectNoAxeViolations();
  });
});
