// The lead under pressure, end to end in Chromium on the harness's test
// clock against the fake Slack: an overdue promise, then one action from the
// alert and one key, and the holding update (complete as drafted: the last
// message's answers and a promise at the plan's cadence) reaches Slack in
// the incident's thread and the reminder moves to the new promise; an update
// starts from the previous message; the notice after Send follows the
// outbox item from "Queued" to "Sent ✓" with the message's Slack link; and a
// title Slack would refuse is blocked before any dialog.
import type { Page } from '@playwright/test';
import { WebClient } from '@slack/web-api';
import type { FakeSlack } from '../fakes/slack-server.ts';
import type { RestartableHarness } from '../support/harness-process.ts';
import { expect, test } from './fixtures.ts';
import { connectSlack, declareIncident, goTo, MINUTE_MS, UPDATE_CHANNEL } from './helpers.ts';

const CHANNEL_ID = 'C0OPSENGUPD';

// Thursday 23 April 2026, 12:00 in London.
test.use({ testClockIso: '2026-04-23T11:00:00.000Z' });

interface ReminderLike {
  subject: { type: string; incidentId?: string };
  state: string;
  eventAtUtc: string;
}

const DECLARATION = {
  service: 'Sentry',
  priority: 'high',
  serviceImpact: 'Errors are not reaching Sentry, so some alerts may be missing.',
  actionBeingTaken: 'An incident team has been formed and is investigating.',
  userActions: 'Check the service dashboards by hand for now.',
};

async function armedFor(harness: RestartableHarness, incidentId: string): Promise<string[]> {
  const { reminders } = await harness.call<{ reminders: ReminderLike[] }>('reminders:list');
  return [
    ...new Set(
      reminders
        .filter((reminder) => reminder.subject.incidentId === incidentId && reminder.state === 'armed')
        .map((reminder) => reminder.eventAtUtc),
    ),
  ];
}

/** The link Slack itself gives for a posted message (chat.getPermalink), to check Herald's against. */
async function slackPermalink(slack: FakeSlack, ts: string): Promise<string | undefined> {
  const client = new WebClient(slack.botToken, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
  return (await client.chat.getPermalink({ channel: CHANNEL_ID, message_ts: ts })).permalink;
}

function composeHeading(page: Page) {
  return page.getByRole('heading', { name: 'Compose', level: 1 });
}

test.describe('the holding update', () => {
  test('an overdue promise: one click on the alert and one key send the holding update into the thread, and the reminder moves', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    await connectSlack(harness, slack.botToken);
    const incidentId = await declareIncident(harness, '2026-04-23T11:30:00.000Z', DECLARATION);
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(1);
    const [declaration] = slack.messages(UPDATE_CHANNEL);
    await openHerald('Incidents');

    // Five minutes late: the alert pops up with the holding update on it.
    await harness.call('testClock:advance', { ms: 35 * MINUTE_MS });
    const alerts = page.getByRole('region', { name: 'New alerts' });
    await expect(alerts).toContainText('Update overdue: Sentry');
    await alerts.getByRole('button', { name: 'Post holding update' }).click();

    // The draft is complete as it stands, and Send has the focus.
    await expect(composeHeading(page)).toBeVisible();
    const sendNow = page.getByRole('button', { name: 'Send now' });
    await expect(sendNow).toBeFocused();
    await expect(page.getByLabel('What are users seeing?')).toHaveValue(DECLARATION.serviceImpact);
    await expect(page.getByLabel('What are we doing about it?')).toHaveValue(DECLARATION.actionBeingTaken);
    await expect(page.getByRole('textbox', { name: 'Do users need to do anything?' })).toHaveValue(
      DECLARATION.userActions,
    );
    // 12:35 now; the plan's cadence for a high priority incident is 30 minutes.
    await expect(page.getByLabel('When is the next update?')).toHaveValue(/Thu 23 Apr 2026, 13:05 BST/);
    await expect(page.getByTestId('checklist')).toContainText('Ready to send.');
    // From the top: the navigation stays in view as the page scrolls, so it is drawn where the view is.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/holding-update.png', fullPage: true });
    await expectNoAxeViolations();

    // One key.
    await page.keyboard.press('Enter');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    const notice = page.getByTestId('composer-notice');
    await expect(notice).toContainText('Sent ✓ to #operations-engineering-update.');
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(2);
    const reply = slack.messages(UPDATE_CHANNEL)[1]!;
    expect(reply.thread_ts).toBe(declaration?.ts);
    expect(reply.text).toContain(DECLARATION.serviceImpact);
    // 13:05 BST is 12:05 UTC: 1776945900.
    expect(reply.text).toMatch(/Next update:\* <!date\^1776945900\^/);

    // The link in the notice is the one Slack gives for that reply.
    const link = notice.getByRole('link', { name: /Open in Slack/ });
    await expect(link).toHaveAttribute('href', (await slackPermalink(slack, reply.ts))!);

    // The reminder moved to the new promise, and the alert is gone.
    await expect.poll(() => armedFor(harness, incidentId)).toEqual(['2026-04-23T12:05:00.000Z']);
    await expect(page.getByRole('button', { name: /^Notifications/ })).toHaveAccessibleName(
      /^Notifications \(nothing due\)$/,
    );
    await expectNoAxeViolations();
  });

  test('from the notification centre and from the incident card, at the cadence the team set in the plan', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    test.setTimeout(120_000);
    await connectSlack(harness, slack.botToken);

    // The team updates high priority incidents every 20 minutes.
    await openHerald('Settings');
    const cadence = page.getByRole('form', { name: 'Incident update cadence' });
    await cadence.getByLabel('High priority (minutes)').fill('2');
    await cadence.getByRole('button', { name: 'Save cadence' }).click();
    await expect(cadence.getByText('Must be at least 5 minutes.')).toBeVisible();
    await expectNoAxeViolations();
    await cadence.getByLabel('High priority (minutes)').fill('20');
    await cadence.getByRole('button', { name: 'Save cadence' }).click();
    await expect(page.getByTestId('plan-status')).toHaveText('Saved: how often incident updates are due.');

    const incidentId = await declareIncident(harness, '2026-04-23T11:10:00.000Z', DECLARATION);
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(1);
    await harness.call('testClock:advance', { ms: 15 * MINUTE_MS });

    // The notification centre: its overdue entry offers the holding update; Ctrl+Enter sends it.
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const overdue = page
      .getByRole('complementary', { name: 'Notifications' })
      .getByRole('region', { name: /^Overdue/ });
    await overdue.getByRole('button', { name: 'Post holding update' }).click();
    await expect(page.getByRole('button', { name: 'Send now' })).toBeFocused();
    await expect(page.getByLabel('When is the next update?')).toHaveValue(/Thu 23 Apr 2026, 12:35 BST/);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('composer-notice')).toContainText('Sent ✓');
    await expect.poll(() => armedFor(harness, incidentId)).toEqual(['2026-04-23T11:35:00.000Z']);

    // Twenty-one minutes on, late again: the incident card's holding update, one key.
    await harness.call('testClock:advance', { ms: 21 * MINUTE_MS });
    await goTo(page, 'Incidents');
    const card = page.getByTestId('incident');
    await expect(card.getByTestId('incident-next-update')).toContainText('Overdue');
    await card.getByRole('button', { name: 'Post holding update' }).click();
    await expect(page.getByRole('button', { name: 'Send now' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('composer-notice')).toContainText('Sent ✓');
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(3);
    await expect.poll(() => armedFor(harness, incidentId)).toEqual(['2026-04-23T11:56:00.000Z']);
  });
});

test.describe('follow-ups', () => {
  test('an update starts from the previous message’s answers, and a resolved incident is named as resolved', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    await connectSlack(harness, slack.botToken);
    await declareIncident(harness, '2026-04-23T11:30:00.000Z', DECLARATION);
    await openHerald('Incidents');
    const card = page.getByTestId('incident');
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(
      'High Priority Incident Declared - Sentry',
    );
    await card.getByRole('button', { name: 'Post update', exact: true }).click();

    await expect(composeHeading(page)).toBeVisible();
    await expect(page.getByLabel('What are users seeing?')).toHaveValue(DECLARATION.serviceImpact);
    await expect(page.getByLabel('What are we doing about it?')).toHaveValue(DECLARATION.actionBeingTaken);
    await expect(page.getByRole('textbox', { name: 'Do users need to do anything?' })).toHaveValue(
      DECLARATION.userActions,
    );
    // The promise is the lead's to make again.
    await expect(page.getByLabel('When is the next update?')).toHaveValue('');
    await expectNoAxeViolations();

    await page.getByLabel('What are we doing about it?').fill('A fix is being deployed.');
    await page.getByLabel('When is the next update?').fill('in 1 hour');
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.getByTestId('composer-notice')).toContainText('Sent ✓');

    // Resolving: the card names it by its stage, not as declared.
    await goTo(page, 'Incidents');
    await card.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByLabel('How was it resolved?').fill('The relays were restarted.');
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.getByTestId('composer-notice')).toContainText('Sent ✓');
    await goTo(page, 'Incidents');
    await expect(card.getByRole('heading', { level: 3 })).toHaveText('Incident Resolved - Sentry');
    await expect(card.getByRole('heading', { level: 3 })).not.toHaveText(/Declared/);

    // History: the priority left blank in the resolution is not "missing".
    await goTo(page, 'History');
    // (The declaration's headline now carries the same title, so the resolution is found by its own words.)
    const resolution = page
      .getByTestId('history-entry')
      .filter({ hasText: 'Incident Resolved - Sentry' })
      .filter({ hasText: 'The relays were restarted.' });
    await expect(resolution).toBeVisible();
    await expect(resolution).not.toContainText('missing');
  });
});

test.describe('feedback after Send', () => {
  test('follows the message: queued while Slack cannot be reached, then “Sent ✓” with a working link when it is back', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    await connectSlack(harness, slack.botToken);
    const incidentId = await declareIncident(harness, '2026-04-23T11:30:00.000Z', DECLARATION);
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(1);
    slack.setOffline(true);

    await openHerald('Incidents');
    await page.getByTestId('incident').getByRole('button', { name: 'Post holding update' }).click();
    await expect(page.getByRole('button', { name: 'Send now' })).toBeFocused();
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('composer-notice');
    await expect(notice).toContainText('Queued: Slack cannot be reached. It goes as soon as Slack answers.');
    await expect(notice).not.toContainText('Sending');
    await expectNoAxeViolations();

    // Slack is back; Herald's next check (on its clock) finds it and the message goes, once.
    slack.setOffline(false);
    await expect(async () => {
      await harness.call('testClock:advance', { ms: MINUTE_MS });
      await expect(notice).toContainText('Sent ✓', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    expect(slack.messages(UPDATE_CHANNEL)).toHaveLength(2);
    const reply = slack.messages(UPDATE_CHANNEL)[1]!;
    await expect(notice.getByRole('link', { name: /Open in Slack/ })).toHaveAttribute(
      'href',
      (await slackPermalink(slack, reply.ts))!,
    );
    expect((await armedFor(harness, incidentId)).length).toBe(1);
    await expectNoAxeViolations();
  });
});

test.describe('Slack’s limits', () => {
  test('a 162-character title is blocked before any dialog, with the limit shown before sending', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    await connectSlack(harness, slack.botToken);
    await openHerald('Compose');
    await page.getByLabel('Type of message').selectOption({ label: 'Service impacting incidents' });
    await page.getByRole('button', { name: 'Start message' }).click();
    const title = `Sentry unavailable: ${'errors are not reaching the relays '.repeat(5)}`.slice(0, 162);
    expect(title).toHaveLength(162);
    await page.getByLabel(/^Title/).fill(title);

    // Before sending: the preview shows the title against Slack's limit.
    const limits = page.getByRole('list', { name: 'Slack limits' });
    await expect(limits).toContainText('Over the limit: Title: 162 of 150 characters — 12 too many');

    // Incomplete checklist too, but the limit comes first: no "Send anyway".
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.getByRole('alert')).toContainText('Slack will not take this message as it stands.');
    await expect(page.getByRole('alert')).toContainText('162 characters');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expectNoAxeViolations();
    expect(slack.messages(UPDATE_CHANNEL)).toHaveLength(0);

    // Shortened, the checklist's own dialog is back for what the plan asks.
    await page.getByLabel(/^Title/).fill('Sentry unavailable');
    await expect(limits).toContainText('Title: 18 of 150 characters');
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.getByRole('dialog', { name: 'Send with the checklist incomplete?' })).toBeVisible();
  });
});
