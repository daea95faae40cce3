import { expect, test } from './fixtures.ts';

const MESSAGE_TEXT = 'Payments API unavailable for every customer while we roll back release 4471';

test.describe('desktop settings in the browser harness', () => {
  test('copies a diagnostics bundle with counts and states but no token or message text', async ({ page, context, openHerald, slack, harness, expectNoAxeViolations }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await harness.call('slack:connect', { token: slack.botToken, acceptWeakProtection: true });
    await harness.call('outbox:enqueue', { channel: 'ops-update', text: MESSAGE_TEXT });
    await openHerald('Settings');

    // The harness cannot update itself or register a login item, and says so.
    await expect(page.getByTestId('update-status')).toContainText('cannot update itself');
    await expect(page.getByRole('button', { name: 'Check now' })).toHaveCount(0);
    await expect(page.getByText('Opening at login is available in the installed desktop app only')).toBeVisible();
    // Nor does it ask the first-run question.
    await expect(page.getByRole('heading', { name: 'Open Herald when you log in?' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect(page.getByTestId('diagnostics-status')).toContainText('Paste it into your message to support');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Slack connected: yes');
    expect(copied).toContain('The browser harness has no crash reporter');
    expect(copied).toMatch(/## Outbox \(items by state\)\n {2}\w+: 1/);
    expect(copied).not.toContain(slack.botToken);
    expect(copied).not.toContain(MESSAGE_TEXT);
    await expect(page.getByLabel(/^Diagnostics/)).toHaveValue(copied);
    await expectNoAxeViolations();
  });
});
