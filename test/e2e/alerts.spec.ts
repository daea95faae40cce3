// Alerts that cannot be missed in the browser harness (issue 18 item 6), on
// the harness's test clock: Web Notifications (the permission asked for when
// the first promise is made, not at start), the count in the title and the
// favicon, alert text that follows the clock from "due" to "15 minutes
// late", and a fresh alert when a snooze runs out.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { connectSlack, declareIncident, MINUTE_MS } from './helpers.ts';

test.use({ testClockIso: '2026-04-20T09:00:00Z' });

interface RecordedNotifications {
  permissionRequests: number;
  shown: { title: string; body: string; tag: string }[];
}

/** Stands in for the browser's Notification before the page loads: records what Herald asks and shows. */
async function recordWebNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = { permissionRequests: 0, shown: [] as { title: string; body: string; tag: string }[] };
    let permission: NotificationPermission = 'default';
    class RecordingNotification {
      static get permission() {
        return permission;
      }
      static requestPermission() {
        record.permissionRequests += 1;
        permission = 'granted';
        return Promise.resolve(permission);
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        record.shown.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
      }
      close() {}
    }
    Object.assign(window, { Notification: RecordingNotification, heraldNotifications: record });
  });
}

async function notifications(page: Page): Promise<RecordedNotifications> {
  return await page.evaluate(
    () => (window as unknown as { heraldNotifications: RecordedNotifications }).heraldNotifications,
  );
}

const favicon = (page: Page) => page.locator('link[rel="icon"]');

test('a promise asks for notifications; the title, favicon, toast and card follow the clock; an ended snooze alerts again', async ({
  page,
  harness,
  slack,
  openHerald,
  expectNoAxeViolations,
}) => {
  // Connected: an incident's alerts count from when its declaration reaches Slack.
  await connectSlack(harness, slack.botToken);
  await recordWebNotifications(page);
  await openHerald('Incidents');
  await expect(page).toHaveTitle('Incidents · Herald');
  await expect(favicon(page)).toHaveAttribute('data-attention-count', '0');
  // Not at start: nothing has been promised yet.
  expect((await notifications(page)).permissionRequests).toBe(0);

  await declareIncident(harness, '2026-04-20T09:10:00.000Z');
  await expect(page.getByTestId('incident')).not.toContainText('declaration not in Slack yet');
  await expect.poll(async () => (await notifications(page)).permissionRequests).toBe(1);

  // The promised time: due now, everywhere.
  await harness.call('testClock:advance', { ms: 10 * MINUTE_MS });
  const alerts = page.getByRole('region', { name: 'New alerts' });
  await expect(alerts).toContainText('Update due now: Sentry');
  await expect(page).toHaveTitle('(1) Due now · Herald');
  await expect(favicon(page)).toHaveAttribute('data-attention-count', '1');
  const reminderLine = page.getByTestId('incident-reminder');
  await expect(reminderLine).toContainText('the update promised for 10:10 is due now');
  await expect
    .poll(async () => (await notifications(page)).shown.map((shown) => shown.title))
    .toContain('Update due now: Sentry');

  // A quarter of an hour later nothing still says "due".
  await harness.call('testClock:advance', { ms: 15 * MINUTE_MS });
  await expect(page).toHaveTitle('(1) Overdue · Herald');
  // The alert that fired by now may be the overdue one or, past the plan's grace, the escalation: either way it
  // says how late, never "due".
  await expect(alerts).toContainText('Sentry · 15 minutes late');
  await expect(alerts).not.toContainText('due now');
  await expect(reminderLine).toContainText('is 15 minutes late');
  await expect(reminderLine).not.toContainText('is due');
  await expect(page.getByTestId('incident-next-update')).toContainText('is 15 minutes late');
  await expectNoAxeViolations();

  // Snoozed: out of the way, and the title no longer counts it.
  await alerts.getByRole('button', { name: 'Show' }).click();
  const centre = page.getByRole('complementary', { name: 'Notifications' });
  await centre
    .getByRole('region', { name: /^Overdue/ })
    .getByRole('button', { name: 'Snooze 5 min' })
    .click();
  await expect(centre.getByRole('region', { name: /^Due soon/ })).toContainText('snoozed until 10:30');
  await expect(page).toHaveTitle('Incidents · Herald');
  await centre.getByRole('button', { name: 'Close' }).click();
  await expect(alerts).toHaveCount(0);
  const shownBefore = (await notifications(page)).shown.length;

  // The snooze ends: a fresh alert, in the page and as a notification.
  await harness.call('testClock:advance', { ms: 5 * MINUTE_MS });
  await expect(alerts).toContainText('Sentry · 20 minutes late');
  await expect(page).toHaveTitle('(1) Overdue · Herald');
  await expect.poll(async () => (await notifications(page)).shown.length).toBeGreaterThan(shownBefore);
  const latest = (await notifications(page)).shown.at(-1);
  expect(latest).toMatchObject({
    title: expect.stringMatching(/: Sentry$/),
    tag: expect.stringMatching(/^incident:/),
  });
  expect(latest?.body).toContain('20 minutes late');
  await expectNoAxeViolations();
});
