// "Add to calendar": a maintenance announcement carries the event as an .ics
// in its Slack thread, end to end against the harness and the fake Slack.
// The composer says the file will be attached; once sent, the fake Slack
// holds the file in the announcement's thread with the event's UID; a
// reschedule the lead confirms sends the same UID with a higher SEQUENCE and
// the new times into the same thread; a cancellation sends METHOD:CANCEL.
// Offline, the upload waits in the outbox and happens once Slack is back.
import type { FakeSlack } from '../fakes/slack-server.ts';
import type { RestartableHarness } from '../support/harness-process.ts';
import { certManagerFields } from '../unit/shared/calendar/event-fixtures.ts';
import { expect, test } from './fixtures.ts';
import {
  connectSlack,
  goTo,
  openCertManager,
  rescheduleCertManager,
  sendEventMessage,
  UPDATE_CHANNEL,
  waitUntilOnline,
} from './helpers.ts';

// Wed 1 Apr 2026, 10:00 BST: three weeks before the upgrade. The fake Slack keeps the same time.
const START_ISO = '2026-04-01T09:00:00.000Z';
test.use({ testClockIso: START_ISO, slackOptions: { nowMs: () => Date.parse(START_ISO) } });

/** The files shared in Slack, oldest first, with their text. */
const sharedFiles = (slack: FakeSlack) =>
  slack
    .files()
    .filter((file) => file.shares.length > 0)
    .map((file) => ({ ...file, text: file.content?.toString() ?? '' }));
const uploads = (slack: FakeSlack) =>
  slack.requests.filter(
    (request) => request.method === 'files.completeUploadExternal' && request.status === 200,
  );

async function createEvent(
  harness: RestartableHarness,
  slack: FakeSlack,
): Promise<{ id: string; uid: string }> {
  await connectSlack(harness, slack.botToken);
  const created = await harness.call<{ event: { id: string; uid: string } }>('calendar:create', {
    event: certManagerFields(),
  });
  await waitUntilOnline(harness);
  return created.event;
}

test.describe('the event’s calendar file in Slack', () => {
  test('announce, reschedule and cancel: each version lands in the announcement’s thread with the same UID', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    test.slow();
    const event = await createEvent(harness, slack);
    await openHerald('Calendar');
    let panel = await openCertManager(page, '2026-04-23');
    await panel.getByRole('button', { name: 'Draft it — Announcement' }).click();
    await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
    const note = page.getByTestId('calendar-file-note');
    await expect(note).toContainText(
      'certificate-manager-upgrade.ics will be attached in the message’s thread',
    );
    await expect(note).toContainText(
      'Add to calendar: Certificate Manager Upgrade, Thu 23 Apr 2026, 12:00–17:00 BST',
    );
    await expectNoAxeViolations();
    await page.screenshot({ path: '/tmp/s3-ics-composer.png', fullPage: true });

    await page.getByLabel('Message text').focus();
    await page.keyboard.press('Control+Enter');
    const override = page.getByRole('dialog', { name: 'Send with the checklist incomplete?' });
    await override.getByLabel('Reason for sending anyway').fill('Agreed with the team lead.');
    await override.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => sharedFiles(slack).length).toBe(1);
    const [first] = sharedFiles(slack);
    // The announcement: the top-level message (a thread's parent carries its own ts as thread_ts).
    const announcement = slack
      .messages(UPDATE_CHANNEL)
      .find((message) => message.files === undefined && (message.thread_ts ?? message.ts) === message.ts);
    expect(announcement?.text).toContain('Certificate Manager Upgrade');
    expect(first?.name).toBe('certificate-manager-upgrade.ics');
    expect(first?.shares[0]?.thread_ts).toBe(announcement?.ts);
    expect(first?.text).toContain('METHOD:PUBLISH\r\n');
    expect(first?.text).toContain(`UID:${event.uid}\r\n`);
    expect(first?.text).toContain('SEQUENCE:0\r\n');
    expect(first?.text).toContain('DTSTART;TZID=Europe/London:20260423T120000\r\n');

    // The event panel shows the file in the announcement's thread.
    await goTo(page, 'Calendar');
    panel = await openCertManager(page, '2026-04-23');
    const fileLine = panel.getByTestId('calendar-file');
    await expect(fileLine).toContainText('certificate-manager-upgrade.ics');
    await expect(fileLine).toContainText(
      'Calendar file certificate-manager-upgrade.ics: in its thread (revision 0)',
    );
    await expect(fileLine).toHaveAttribute('data-current', 'true');
    await page.screenshot({ path: '/tmp/s3-ics-panel.png', fullPage: true });

    // Rescheduled: nothing goes until the lead confirms; then the same thread gets the new version.
    await rescheduleCertManager(page, panel);
    const follow = page.getByRole('dialog', { name: 'Update the calendar file in Slack' });
    await expect(follow).toBeVisible();
    const choice = follow.getByLabel(
      'Send the updated calendar file to the announcement’s thread in #operations-engineering-update',
    );
    await expect(choice).toBeChecked();
    expect(sharedFiles(slack)).toHaveLength(1);
    await expectNoAxeViolations();
    await page.screenshot({ path: '/tmp/s3-ics-follow.png', fullPage: true });
    await follow.getByRole('button', { name: 'Confirm' }).click();
    await expect(follow).toHaveCount(0);
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'The updated calendar file goes to the announcement’s thread' }),
    ).toBeVisible();
    await expect.poll(() => sharedFiles(slack).length).toBe(2);
    const second = sharedFiles(slack)[1];
    expect(second?.shares[0]?.thread_ts).toBe(announcement?.ts);
    expect(second?.text).toContain(`UID:${event.uid}\r\n`);
    const sequenceOf = (text: string | undefined) => Number(/SEQUENCE:(\d+)/.exec(text ?? '')?.[1]);
    expect(sequenceOf(second?.text)).toBeGreaterThan(sequenceOf(first?.text));
    expect(second?.text).toContain('DTSTART;TZID=Europe/London:20260430T120000\r\n');
    const moved = await openCertManager(page, '2026-04-30');
    await expect(moved.getByTestId('calendar-file')).toHaveAttribute('data-current', 'true');
    await expect(moved.getByTestId('calendar-file')).toContainText(`revision ${sequenceOf(second?.text)}`);

    // Cancelled: the same thread gets METHOD:CANCEL, so imported copies go away.
    await moved.getByRole('button', { name: 'Cancel event' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel “Certificate Manager Upgrade”?' });
    await cancel.getByLabel('Why is it cancelled?').fill('The vendor withdrew v0.14.');
    await cancel.getByRole('button', { name: 'Cancel the event' }).click();
    await expect(follow).toBeVisible();
    await expect(
      follow.getByLabel(
        'Send the cancellation calendar file to the announcement’s thread in #operations-engineering-update',
      ),
    ).toBeChecked();
    await follow.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => sharedFiles(slack).length).toBe(3);
    const third = sharedFiles(slack)[2];
    expect(third?.text).toContain('METHOD:CANCEL\r\n');
    expect(third?.text).toContain('STATUS:CANCELLED\r\n');
    expect(third?.text).toContain(`UID:${event.uid}\r\n`);
    expect(sequenceOf(third?.text)).toBeGreaterThan(sequenceOf(second?.text));
    expect(third?.shares[0]?.thread_ts).toBe(announcement?.ts);
    expect(uploads(slack)).toHaveLength(3);
  });

  test('offline, the upload waits in the outbox and happens once when Slack is back', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    const event = await createEvent(harness, slack);
    slack.setOffline(true);
    await sendEventMessage(harness, event.id, { mode: 'when_online' });
    await openHerald('Outbox');
    const file = page
      .getByTestId('outbox-item')
      .filter({ hasText: 'Calendar file certificate-manager-upgrade.ics' });
    await expect(file).toHaveAttribute('data-state', 'queued');
    await expect(file).toContainText('Waits for the announcement it goes with to be in Slack');
    await expectNoAxeViolations();
    await page.screenshot({ path: '/tmp/s3-ics-outbox.png', fullPage: true });
    expect(slack.files()).toEqual([]);

    slack.setOffline(false);
    await page.getByRole('button', { name: 'Try now' }).first().click();
    await expect(file).toHaveAttribute('data-state', 'sent');
    await expect(file).toContainText('Uploaded');
    await expect.poll(() => sharedFiles(slack).length).toBe(1);
    expect(sharedFiles(slack)[0]?.text).toContain(`UID:${event.uid}\r\n`);
    expect(uploads(slack)).toHaveLength(1);
  });
});
