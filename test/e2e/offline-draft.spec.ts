// Offline is normal: an upgrade notice written while Slack cannot be
// reached survives closing and reopening Herald, is queued with "Send when
// online", and is delivered once when the network comes back.
import { expect, test } from './fixtures.ts';
import { connectSlackInSettings, goTo, UPDATE_CHANNEL } from './helpers.ts';

// On the harness's test clock: the outbox probes Slack with a capped backoff on Herald's clock, so the test moves
// that clock on instead of waiting the half minute a comms lead would.
test.use({ testClockIso: '2026-04-22T09:00:00.000Z' });

const NOTICE = {
  subject: 'Certificate Manager',
  what: 'From v0.8 to v0.14.',
  why: 'v0.8 is no longer supported and misses security fixes.',
  changeNotes: 'https://cert-manager.io/docs/release-notes/release-notes-0.14/',
  impact: 'No downtime is expected.',
  userActions: 'Move your certificate definitions into your namespace folder in the environments repository.',
  risk: 'Certificates in the old format stop renewing after the upgrade.',
  process: 'We upgrade the controller, then migrate the definitions we find in the environments repository.',
};

test('an upgrade notice written offline survives a restart and is delivered once when Slack is back', async ({
  page,
  openHerald,
  slack,
  harness,
}) => {
  await openHerald();
  await connectSlackInSettings(page, slack.botToken);
  slack.setOffline(true);

  await goTo(page, 'Compose');
  await page
    .getByLabel('Type of message')
    .selectOption({ label: 'Service impacting upgrades and maintenance' });
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Announcement' });
  await page.getByRole('button', { name: 'Start message' }).click();
  await page.getByLabel('What is changing, in a few words?').fill(NOTICE.subject);
  await page.getByLabel('When does the work start?').fill('tomorrow 12:00');
  await page.getByRole('textbox', { name: 'When should it be finished?' }).fill('tomorrow 14:00');
  await page.getByLabel('What exactly is being done?').fill(NOTICE.what);
  await page.getByLabel('Why?').fill(NOTICE.why);
  await page.getByRole('textbox', { name: 'Link to change notes' }).fill(NOTICE.changeNotes);
  await page.getByLabel('What will users notice?').fill(NOTICE.impact);
  await page.getByRole('textbox', { name: 'What do users need to do?' }).fill(NOTICE.userActions);
  await page.getByRole('textbox', { name: 'What happens if users do nothing?' }).fill(NOTICE.risk);
  await page.getByRole('textbox', { name: 'How will the work be done?' }).fill(NOTICE.process);
  await expect(page.getByTestId('checklist')).toContainText('Ready to send.');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);

  // Close Herald and open it again: the draft is intact, cursor field and all.
  await harness.restart();
  await openHerald();
  await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'How will the work be done?' })).toBeFocused();
  await expect(page.getByLabel('What is changing, in a few words?')).toHaveValue(NOTICE.subject);
  await expect(page.getByLabel('When does the work start?')).toHaveValue(/, 12:00 (GMT|BST)$/);
  await expect(page.getByRole('textbox', { name: 'What do users need to do?' })).toHaveValue(
    NOTICE.userActions,
  );
  await expect(page.getByTestId('slack-preview').locator('.slack-header')).toHaveText(
    'Certificate Manager Upgrade',
  );

  // Queue it while Slack is still unreachable: the composer says that is fine.
  await expect(page.getByTestId('connection-note')).toContainText('Slack cannot be reached just now');
  await page.getByRole('button', { name: 'Send when online' }).click();
  await expect(page.getByTestId('composer-notice')).toContainText('Queued');
  expect(slack.messages(UPDATE_CHANNEL)).toHaveLength(0);

  // The network returns: Herald's next probe finds Slack and the outbox delivers it, once.
  slack.setOffline(false);
  await expect(async () => {
    await harness.call('testClock:advance', { ms: 15_000 });
    expect(slack.messages(UPDATE_CHANNEL)).toHaveLength(1);
  }).toPass({ timeout: 30_000 });
  const outbox = await harness.call<{ items: Array<{ state: string }> }>('outbox:list', {});
  expect(outbox.items.map((item) => item.state)).toEqual(['sent']);
  const [delivered, ...more] = slack.messages(UPDATE_CHANNEL);
  expect(more).toHaveLength(0);
  expect(delivered?.text).toContain('Certificate Manager Upgrade');
  for (const answer of Object.values(NOTICE)) expect(delivered?.text).toContain(answer);
});
