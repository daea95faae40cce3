// Scheduled messages follow their maintenance event, end to end against the
// harness and the fake Slack: the cert-manager announcement is scheduled in
// Slack; the work is rescheduled and, once the lead confirms what the dialog
// lists, Slack holds the announcement with the new date and none with the
// old; the work is cancelled and nothing for it stays scheduled, with the
// cancellation notice drafted; offline, the removal waits in the outbox and
// happens exactly once when Slack is back.
import type { RestartableHarness } from '../support/harness-process.ts';
import type { FakeSlack } from '../fakes/slack-server.ts';
import { certManagerFields } from '../unit/shared/calendar/event-fixtures.ts';
import { expect, test } from './fixtures.ts';
import {
  connectSlack,
  goTo,
  openCertManager,
  rescheduleCertManager,
  sendEventMessage,
  waitUntilOnline,
} from './helpers.ts';

// Wed 1 Apr 2026, 10:00 BST: three weeks before the upgrade. The fake Slack keeps the same time.
const START_ISO = '2026-04-01T09:00:00.000Z';
test.use({ testClockIso: START_ISO, slackOptions: { nowMs: () => Date.parse(START_ISO) } });

const ANNOUNCE_AT = '2026-04-16T11:00:00.000Z';
const scheduledTexts = (slack: FakeSlack) => slack.scheduled().map((message) => message.text);
const deleteCalls = (slack: FakeSlack) =>
  slack.requests.filter((request) => request.method === 'chat.deleteScheduledMessage').length;

/** The cert-manager upgrade, with its announcement scheduled in Slack for a week before the work. */
async function scheduleAnnouncement(harness: RestartableHarness, slack: FakeSlack): Promise<void> {
  await connectSlack(harness, slack.botToken);
  const created = await harness.call<{ event: { id: string } }>('calendar:create', {
    event: certManagerFields(),
  });
  // Slack schedules the message only once Herald knows Slack answers.
  await waitUntilOnline(harness);
  await sendEventMessage(harness, created.event.id, { mode: 'schedule', atUtc: ANNOUNCE_AT });
  await expect.poll(() => scheduledTexts(slack)).toEqual([expect.stringContaining('Thu 23 Apr')]);
}

test.describe('scheduled messages follow their maintenance event', () => {
  test('a reschedule replaces the scheduled announcement once the lead confirms; a cancellation removes it', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    test.slow();
    await scheduleAnnouncement(harness, slack);
    await openHerald('Calendar');
    const panel = await openCertManager(page, '2026-04-23');
    const inSlack = panel.getByRole('list', { name: 'This event’s messages in Slack' }).getByRole('listitem');
    await expect(inSlack).toHaveCount(1);
    await expect(inSlack.first()).toContainText('Scheduled in Slack for Thu 16 Apr 2026, 12:00 BST');

    await rescheduleCertManager(page, panel);
    const follow = page.getByRole('dialog', { name: 'Update the messages already scheduled in Slack' });
    await expect(follow).toBeVisible();
    const listed = follow.getByTestId('follow-message');
    await expect(listed).toHaveCount(1);
    await expect(listed.first()).toContainText('Announcement');
    await expect(listed.first()).toContainText('Scheduled in Slack for Thu 16 Apr 2026, 12:00 BST');
    await expect(
      listed
        .first()
        .getByLabel('Remove it from Slack and schedule it again, re-written, for Thu 23 Apr 2026, 12:00 BST'),
    ).toBeChecked();
    await expect(listed.first().getByLabel(/return it, re-written, to drafts/)).not.toBeChecked();
    // Nothing has changed in Slack yet.
    expect(scheduledTexts(slack)).toEqual([expect.stringContaining('Thu 23 Apr')]);
    await expectNoAxeViolations();

    await follow.getByRole('button', { name: 'Confirm' }).click();
    await expect(follow).toHaveCount(0);
    await expect(
      page.getByRole('status').filter({ hasText: 'scheduled again at the new time' }),
    ).toBeVisible();
    await expect.poll(() => scheduledTexts(slack)).toEqual([expect.stringContaining('Thu 30 Apr')]);
    expect(scheduledTexts(slack).join('\n')).not.toContain('Thu 23 Apr');
    expect(slack.scheduled()[0]?.post_at).toBe(Date.parse('2026-04-23T11:00:00.000Z') / 1000);
    await expect(inSlack.filter({ hasText: 'Removed from Slack' })).toHaveCount(1);
    await expect(
      inSlack.filter({ hasText: 'Scheduled in Slack for Thu 23 Apr 2026, 12:00 BST' }),
    ).toHaveCount(1);
    await expect(panel.getByTestId('slack-message').and(page.locator('[data-stale="true"]'))).toHaveCount(0);

    // The Outbox shows the same truth.
    await goTo(page, 'Outbox');
    const removal = page.getByTestId('outbox-item').filter({ hasText: 'Remove from Slack:' });
    await expect(removal).toHaveAttribute('data-state', 'sent');
    await expect(removal).toContainText('Removed');
    await expect(page.getByTestId('outbox-item').and(page.locator('[data-state="scheduled"]'))).toContainText(
      'Slack posts it at Thu 23 Apr',
    );
    await expectNoAxeViolations();

    // Called off: nothing for it stays scheduled, and the cancellation notice is drafted.
    await goTo(page, 'Calendar');
    const moved = await openCertManager(page, '2026-04-30');
    await moved.getByRole('button', { name: 'Cancel event' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel “Certificate Manager Upgrade”?' });
    await cancel.getByLabel('Why is it cancelled?').fill('The vendor withdrew v0.14.');
    await cancel.getByRole('button', { name: 'Cancel the event' }).click();
    await expect(follow).toBeVisible();
    await expect(follow).toContainText('is cancelled, so these messages must not go out');
    await expect(follow.getByTestId('follow-message').first()).toContainText('Remove it from Slack.');
    await follow.getByRole('button', { name: 'Confirm' }).click();
    await expect(follow).toHaveCount(0);
    await expect.poll(() => slack.scheduled().length).toBe(0);
    const drafts = await harness.call<Array<{ origin: { kind: string; stage?: string } }>>('drafts:list', {});
    expect(
      drafts.some((draft) => draft.origin.kind === 'calendar' && draft.origin.stage === 'cancelled'),
    ).toBe(true);
    expect(deleteCalls(slack)).toBe(2);
  });

  test('offline, the removal waits in the outbox and happens exactly once when Slack is back', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    await scheduleAnnouncement(harness, slack);
    slack.setOffline(true);
    await openHerald('Calendar');
    const panel = await openCertManager(page, '2026-04-23');
    await rescheduleCertManager(page, panel);
    const follow = page.getByRole('dialog', { name: 'Update the messages already scheduled in Slack' });
    await follow.getByRole('button', { name: 'Confirm' }).click();
    await expect(follow).toHaveCount(0);
    const inSlack = panel.getByRole('list', { name: 'This event’s messages in Slack' }).getByRole('listitem');
    await expect(inSlack.first()).toContainText('Being removed from Slack');
    expect(scheduledTexts(slack)).toEqual([expect.stringContaining('Thu 23 Apr')]);

    await goTo(page, 'Outbox');
    const removal = page.getByTestId('outbox-item').filter({ hasText: 'Remove from Slack:' });
    await expect(removal).toHaveAttribute('data-state', 'queued');
    await expect(
      page.getByTestId('outbox-item').filter({ hasText: 'Waits until the message it replaces' }),
    ).toHaveCount(1);
    await expectNoAxeViolations();

    slack.setOffline(false);
    await page.getByRole('button', { name: 'Try now' }).first().click();
    await expect(removal).toHaveAttribute('data-state', 'sent');
    await expect.poll(() => scheduledTexts(slack)).toEqual([expect.stringContaining('Thu 30 Apr')]);
    expect(deleteCalls(slack)).toBe(1);
  });
});
