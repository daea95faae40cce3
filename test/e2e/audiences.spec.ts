// What each audience last heard, end to end against the harness and the fake
// Slack, on the test clock: the cert-manager upgrade is announced in its
// channel, the work is rescheduled, and the Audiences screen (and the
// notification centre) flag the channel still holding the old date; the
// drafted correction, once sent from the composer, clears the flag. An
// incident the plan tells two channels about, resolved in one, is flagged in
// the other until its resolution is sent there too.
import type { Page } from '@playwright/test';
import type { FakeSlack } from '../fakes/slack-server.ts';
import type { RestartableHarness } from '../support/harness-process.ts';
import { certManagerFields } from '../unit/shared/calendar/event-fixtures.ts';
import { expect, test } from './fixtures.ts';
import {
  connectSlack,
  declareIncident,
  goTo,
  MINUTE_MS,
  sendEventMessage,
  UPDATE_CHANNEL as UPDATE,
} from './helpers.ts';

// Thu 16 Apr 2026, 12:00 BST: a week before the upgrade, when the plan has it announced.
const START_ISO = '2026-04-16T11:00:00.000Z';
test.use({ testClockIso: START_ISO, slackOptions: { nowMs: () => Date.parse(START_ISO) } });

const OTHER = 'ask-comms';

/** Connects Slack through the API and waits until the outbox knows Slack answers. */
async function connect(harness: RestartableHarness, slack: FakeSlack): Promise<void> {
  await connectSlack(harness, slack.botToken);
  await expect
    .poll(
      async () => (await harness.call<{ connection: { state: string } }>('outbox:list', {})).connection.state,
    )
    .toBe('online');
}

async function sendDraftNow(harness: RestartableHarness, draftId: string): Promise<void> {
  await harness.call('messages:send', {
    draftId,
    mode: 'now',
    overrideReason: 'Checked with the team lead.',
  });
}

/** A channel's top-level messages (a maintenance message's calendar file goes in its thread). */
const topLevel = (slack: FakeSlack, channel: string) =>
  slack
    .messages(channel)
    .filter((message) => message.thread_ts === undefined || message.thread_ts === message.ts);

/** Sends what the composer shows and waits for Slack to have it. */
async function sendFromComposer(page: Page, channel: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('composer-notice')).toContainText(`Sent ✓ to #${channel}.`, {
    timeout: 20_000,
  });
}

test.describe('what each audience last heard', () => {
  test('flags the channel holding the old date after a reschedule; the drafted correction clears it', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    test.slow();
    await connect(harness, slack);
    const created = await harness.call<{ event: { id: string } }>('calendar:create', {
      event: certManagerFields(),
    });
    await sendEventMessage(harness, created.event.id);
    await expect.poll(() => topLevel(slack, UPDATE).length).toBe(1);

    await openHerald('Audiences');
    await expect(page.getByRole('heading', { name: 'Audiences', level: 1 })).toBeVisible();
    const flags = page.getByTestId('audience-flags');
    await expect(flags).toContainText('Every channel has heard the latest.');
    const group = page.getByRole('region', { name: 'Service teams' });
    const channel = group.getByRole('region', { name: new RegExp(`#${UPDATE}`) });
    await expect(channel).toContainText('up to date');
    const row = channel.locator(`[data-subject-id="${created.event.id}"]`);
    await expect(row).toContainText('Certificate Manager Upgrade');
    await expect(row).toContainText('Announcement · Thu 23 Apr 2026, 12:00 BST – 17:00');
    await expect(row).toContainText('Sent Thu 16 Apr 2026, 12:00 BST by you');
    await expectNoAxeViolations();

    // The work moves a week: the channel still says the 23rd.
    await harness.call('calendar:reschedule', {
      id: created.event.id,
      startsAtUtc: '2026-04-30T11:00:00.000Z',
      endsAtUtc: '2026-04-30T16:00:00.000Z',
      reason: 'It clashes with a platform release.',
    });
    const flag = flags.locator('[data-flag-kind="stale_window"]');
    await expect(flag).toContainText(
      `#${UPDATE} still has Thu 23 Apr 2026, 12:00 BST – 17:00; it is now Thu 30 Apr 2026, 12:00 BST – 17:00.`,
    );
    await expect(channel).toContainText('1 out of step');
    await expect(row).toContainText('still has Thu 23 Apr');
    await expectNoAxeViolations();
    await page.screenshot({ path: 'docs/screenshots/audiences.png', fullPage: true });
    for (const width of [800, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/audiences-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // The notification centre raises the same flag, with the same fix.
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await expect(bell).toHaveAccessibleName(/1 item needs you/);
    await bell.click();
    const centre = page.getByRole('complementary', { name: 'Notifications' });
    const outOfStep = centre.getByRole('region', { name: /Channels out of step/ });
    await expect(outOfStep).toContainText('Certificate Manager Upgrade');
    await expect(outOfStep.getByRole('button', { name: 'Draft the correction' })).toBeVisible();
    await expectNoAxeViolations();
    await centre.getByRole('button', { name: 'Close' }).click();

    await flag.getByRole('button', { name: 'Draft the correction' }).click();
    await expect(page.getByTestId('slack-preview')).toContainText('Rescheduled');
    await expect(page.getByTestId('slack-preview')).toContainText('When: Apr 30, 2026 at 12:00');
    await expect(page.getByTestId('slack-preview')).toContainText('This was planned for Thu 23 Apr');
    await sendFromComposer(page, UPDATE);
    await expect.poll(() => topLevel(slack, UPDATE).length).toBe(2);
    expect(topLevel(slack, UPDATE)[1]?.text).toContain('Thu 30 Apr');

    await goTo(page, 'Audiences');
    await expect(flags).toContainText('Every channel has heard the latest.');
    await expect(row).toContainText('Rescheduled · Thu 30 Apr 2026, 12:00 BST – 17:00');
    await expect(channel).toContainText('up to date');
    await expect(bell).toHaveAccessibleName(/nothing due/);
    await expectNoAxeViolations();
  });

  test('an incident resolved in one channel is flagged in the other channel the plan tells, until it hears', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    test.slow();
    await connect(harness, slack);
    const plan = await harness.call<{ types: Array<{ id: string }> }>('plan:get', {});
    await harness.call('plan:update', {
      plan: {
        ...plan,
        types: plan.types.map((type) =>
          type.id === 'incidents'
            ? {
                ...type,
                destinations: [
                  { kind: 'slack', channel: UPDATE },
                  { kind: 'slack', channel: OTHER },
                ],
              }
            : type,
        ),
      } as never,
    });
    const promise = new Date(Date.parse(START_ISO) + 30 * MINUTE_MS).toISOString();
    const incidentId = await declareIncident(harness, promise);
    await expect.poll(() => topLevel(slack, UPDATE).length).toBe(1);

    await openHerald('Audiences');
    const flags = page.getByTestId('audience-flags');
    const notTold = flags.locator(`[data-flag-kind="not_told"][data-channel="${OTHER}"]`);
    await expect(notTold).toContainText(`#${OTHER} has not been told about this open incident.`);
    await notTold.getByRole('button', { name: 'Draft the update' }).click();
    // Told the same promise as the first channel.
    await expect(page.getByLabel('When is the next update?')).toHaveValue(/Thu 16 Apr 2026, 12:30 BST/);
    await sendFromComposer(page, OTHER);
    expect(slack.messages(OTHER)[0]?.thread_ts).toBeUndefined();

    // Resolved where it was declared only.
    const resolution = await harness.call<{ draft: { id: string; fields: Record<string, string> } }>(
      'incidents:draftNext',
      { incidentId, kind: 'resolved' },
    );
    await harness.call('drafts:save', {
      draft: {
        ...resolution.draft,
        fields: {
          ...resolution.draft.fields,
          resolution: 'A full disk was cleared; errors reach Sentry again.',
        },
      } as never,
    });
    await sendDraftNow(harness, resolution.draft.id);
    await expect.poll(() => slack.messages(UPDATE).length).toBe(2);

    await goTo(page, 'Audiences');
    const open = flags.locator(`[data-flag-kind="resolved_elsewhere"][data-channel="${OTHER}"]`);
    await expect(open).toContainText(`Resolved in #${UPDATE}, but #${OTHER} last heard it was still open.`);
    await expect(page.getByRole('region', { name: new RegExp(`#${UPDATE}`) })).toContainText('up to date');
    await expectNoAxeViolations();
    await page.screenshot({ path: 'test-results/audiences-incident.png', fullPage: true });

    // Fixed from the notification centre: the resolution the first channel had, for the second.
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const centre = page.getByRole('complementary', { name: 'Notifications' });
    await centre.getByRole('button', { name: 'Draft the resolution' }).click();
    await expect(centre).toHaveCount(0);
    await expect(page.getByLabel('How was it resolved?')).toHaveValue(
      'A full disk was cleared; errors reach Sentry again.',
    );
    await sendFromComposer(page, OTHER);
    await expect.poll(() => topLevel(slack, OTHER).length).toBe(2);

    await goTo(page, 'Audiences');
    await expect(flags).toContainText('Every channel has heard the latest.');
    await expect(page.getByText('No open incidents and no upcoming maintenance')).toBeVisible();
    await expectNoAxeViolations();
  });
});
