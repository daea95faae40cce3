// One way of writing times (issue 18 items 5 and 8), on the harness's test
// clock: the notification centre's due time for a maintenance message is the
// calendar's, and the calendar, the centre, the Slack preview and History's
// date filters write times alike, in the lead's locale — British English,
// 24-hour by default, US English, 12-hour once chosen in Settings.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { calendarDay, CERT_MANAGER_UPGRADE, goTo } from './helpers.ts';

test.use({ testClockIso: '2026-04-20T09:00:00Z' });

const upgrade = {
  ...CERT_MANAGER_UPGRADE,
  userActions: 'None',
  userActionDeadlineUtc: null,
  // Thu 23 Apr, 14:00–17:00 BST.
  startsAtUtc: '2026-04-23T13:00:00.000Z',
};

async function expectTimesWritten(
  page: Page,
  expected: {
    chip: string;
    reminderDue: string;
    centreDue: string;
    previewTime: string;
    pattern: string;
    example: string;
  },
): Promise<void> {
  // The calendar: the chip in the month grid and the comms schedule in the event's panel.
  await goTo(page, 'Calendar');
  await expect(calendarDay(page, '2026-04-23')).toContainText(expected.chip);
  await calendarDay(page, '2026-04-23')
    .getByRole('button', { name: /^Planned .*Certificate Manager Upgrade/ })
    .click();
  const panel = page.getByRole('region', { name: 'Certificate Manager Upgrade' });
  await expect(panel.locator('[data-stage="reminder"]')).toContainText(`due ${expected.reminderDue}`);

  // The notification centre: the same due time as the calendar's, not the work's start.
  await page.getByRole('button', { name: /^Notifications/ }).click();
  const centre = page.getByRole('complementary', { name: 'Notifications' });
  await expect(centre.getByRole('region', { name: /^Coming up/ })).toContainText(
    `Maintenance reminder due in 2 days (${expected.centreDue})`,
  );
  await centre.getByRole('button', { name: 'Close' }).click();

  // The Slack preview's time.
  await goTo(page, 'Compose');
  // The first visit starts a message; the composer keeps it open for the next.
  const start = page.getByRole('button', { name: 'Start message' });
  await expect(page.getByTestId('slack-preview').or(start)).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(page.getByTestId('slack-preview').locator('.slack-time')).toHaveText(expected.previewTime);

  // History's date filters: typed, and explained, the same way.
  await goTo(page, 'History');
  const search = page.getByRole('search', { name: 'Search history' });
  await expect(search.getByText(expected.pattern).first()).toBeVisible();
  await search.getByLabel('Sent from').fill('31/31/2026');
  await expect(search).toContainText(`Enter a date such as ${expected.example}.`);
  await search.getByLabel('Sent from').fill(expected.example);
  await expect(search.getByLabel('Sent from')).not.toHaveAttribute('aria-invalid', 'true');
}

test('the calendar, the notification centre, the Slack preview and History write times alike, in the lead’s locale', async ({
  page,
  harness,
  openHerald,
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const detail = await harness.call<{ comms: { stage: string; dueAtUtc: string | null }[] }>(
    'calendar:create',
    {
      event: upgrade,
    },
  );
  // The reminder is due the day before the work, at the same time: Wed 22 Apr, 14:00 BST.
  expect(detail.comms.find((comm) => comm.stage === 'reminder')?.dueAtUtc).toBe('2026-04-22T13:00:00.000Z');

  await openHerald();
  await expectTimesWritten(page, {
    chip: '14:00',
    reminderDue: 'Wed 22 Apr 2026, 14:00 BST',
    centreDue: 'Wed 22 Apr, 14:00 BST',
    previewTime: '10:00',
    pattern: 'DD/MM/YYYY',
    example: '23/04/2026',
  });
  await expectNoAxeViolations();

  // The lead chooses US English: every screen follows.
  await goTo(page, 'Settings');
  await page.getByLabel('How times are written').selectOption('en-US');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/^Saved at \d{1,2}:\d{2} AM$/)).toBeVisible();
  await expectNoAxeViolations();
  await expectTimesWritten(page, {
    chip: '2:00 PM',
    reminderDue: 'Wed, Apr 22, 2026, 2:00 PM BST',
    centreDue: 'Wed, Apr 22, 2:00 PM BST',
    previewTime: '10:00 AM',
    pattern: 'MM/DD/YYYY',
    example: '04/23/2026',
  });
  await expectNoAxeViolations();
});
