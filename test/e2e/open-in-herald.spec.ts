// "Open in Herald" end to end: the link Herald itself put in Slack (the
// incident headline, a maintenance announcement) is followed through the
// browser harness's equivalent of the herald:// scheme (/open?link=…), and
// opens that incident's card or that event's day with its panel; a link that
// is not one of Herald's is refused with a reason; an id Herald does not know
// makes it read Slack and say what came of it, never a blank screen.
import type { Page } from '@playwright/test';
import type { FakeSlack } from '../fakes/slack-server.ts';
import type { RestartableHarness } from '../support/harness-process.ts';
import { certManagerFields } from '../unit/shared/calendar/event-fixtures.ts';
import { expect, test } from './fixtures.ts';
import {
  connectSlack,
  declareIncident,
  sendEventMessage,
  UPDATE_CHANNEL,
  waitUntilOnline,
} from './helpers.ts';

// Wed 1 Apr 2026, 10:00 BST: three weeks before the upgrade. The fake Slack keeps the same time.
const START_ISO = '2026-04-01T09:00:00.000Z';
test.use({ testClockIso: START_ISO, slackOptions: { nowMs: () => Date.parse(START_ISO) } });

/** Every herald:// link in a channel's messages, as Slack holds them (`<herald://…|Open in Herald>`). */
function heraldLinks(slack: FakeSlack, channel: string): string[] {
  const raw = JSON.stringify(slack.messages(channel));
  return [...raw.matchAll(/<(herald:\/\/[a-z]+\/[0-9a-f-]+)\|Open in Herald>/g)].map((match) => match[1]!);
}

/** Follows a link the way the harness offers it (the desktop app registers herald:// instead). */
async function follow(page: Page, harness: RestartableHarness, link: string): Promise<void> {
  // In the same tab: the harness keeps its session token there (harness.url carries it in the fragment).
  await page.goto(`${new URL(harness.url).origin}/open?link=${encodeURIComponent(link)}`);
}

test.describe('Open in Herald', () => {
  test('the headline’s link opens its incident, and an announcement’s link opens its event', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    test.slow();
    await connectSlack(harness, slack.botToken);
    await waitUntilOnline(harness);
    const incidentId = await declareIncident(harness, '2026-04-01T09:30:00.000Z');
    await expect.poll(() => heraldLinks(slack, UPDATE_CHANNEL)).toContain(`herald://incident/${incidentId}`);

    await openHerald('Compose');
    await follow(page, harness, `herald://incident/${incidentId}`);
    await expect(page.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
    const card = page.locator(`[data-testid="incident"][data-linked="true"]`);
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('Sentry');
    await expect(card).toBeInViewport();
    // The address bar no longer carries the link, so a reload does not open it again.
    expect(page.url()).not.toContain('open=');
    await expectNoAxeViolations();
    await page.screenshot({ path: '/tmp/s4-open-incident.png' });

    // A maintenance announcement carries its event's link.
    const created = await harness.call<{ event: { id: string } }>('calendar:create', {
      event: certManagerFields(),
    });
    await sendEventMessage(harness, created.event.id);
    const eventLink = `herald://event/${created.event.id}`;
    await expect.poll(() => heraldLinks(slack, UPDATE_CHANNEL)).toContain(eventLink);
    await follow(page, harness, eventLink);
    await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Certificate Manager Upgrade' })).toBeVisible();
    await expectNoAxeViolations();
    await page.screenshot({ path: '/tmp/s4-open-event.png' });
  });

  test('a link that is not Herald’s is refused with a reason, and an unknown id makes Herald read Slack', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    await openHerald('Compose');
    // Refused by the harness's /open route (same parser as core): another scheme.
    await follow(page, harness, 'javascript:alert(1)');
    const notice = page.getByTestId('link-notice');
    await expect(notice).toHaveAttribute('data-status', 'refused');
    await expect(notice).toContainText('Herald can’t open this link');
    await expectNoAxeViolations();
    await page.screenshot({ path: '/tmp/s4-open-refused.png' });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    // Path tricks are refused too.
    await follow(page, harness, 'herald://incident/../settings');
    await expect(notice).toHaveAttribute('data-status', 'refused');

    // A well-formed link to an incident this Herald has never heard of: with Slack not connected it says so.
    const unknown = 'herald://incident/6f1d7c1e-2b7a-4c39-9a51-0d2f3c4b5a69';
    await follow(page, harness, unknown);
    await expect(notice).toHaveAttribute('data-status', 'not_found');
    await expect(notice).toContainText('Slack is not connected');

    // Connected, it reads Slack first and then says it is not there.
    await connectSlack(harness, slack.botToken);
    await follow(page, harness, unknown);
    // The read keeps to Slack's rate limits, paced on the harness's test clock: move it on while Herald reads.
    await expect(async () => {
      await harness.call('testClock:advance', { ms: 5_000 });
      await expect(notice).toHaveAttribute('data-status', 'not_found', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(notice).toContainText('Herald read Slack and did not find this incident');
    await expectNoAxeViolations();
  });
});
