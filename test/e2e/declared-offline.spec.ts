// An incident declared while Slack cannot be reached, end to end in Chromium on the harness's test clock against
// the fake Slack: the card says the promise counts from the post and nothing alerts meanwhile; when Slack answers
// again twenty minutes later the declaration goes once, its text and metadata promise the next update 30 minutes
// after the post, and the reminder, the card and the notification centre say the same time.
import { expect, test } from './fixtures.ts';
import { connectSlack, declareIncident, MINUTE_MS, UPDATE_CHANNEL } from './helpers.ts';

// Thursday 23 April 2026, 12:00 in London.
test.use({ testClockIso: '2026-04-23T11:00:00.000Z' });

interface ReminderLike {
  kind: string;
  subject: { type: string; incidentId?: string };
  state: string;
  dueAtUtc: string;
}

const slackDateOf = (epochMs: number) => `<!date^${Math.floor(epochMs / 1000)}^`;

test('a declaration queued offline promises its next update 30 minutes after it is really posted', async ({
  page,
  openHerald,
  slack,
  harness,
  expectNoAxeViolations,
}) => {
  await connectSlack(harness, slack.botToken);
  slack.setOffline(true);
  // 12:00 BST, promising the first update for 12:30.
  const incidentId = await declareIncident(harness, '2026-04-23T11:30:00.000Z');

  await openHerald('Incidents');
  const card = page.getByTestId('incident');
  await expect(card).toContainText('declaration not in Slack yet');
  await expect(card.getByTestId('incident-next-update')).toHaveText(
    'Next update in 30 min from when the declaration reaches Slack; its reminders start then.',
  );
  await expect(card.getByTestId('incident-reminder')).toHaveCount(0);
  await expect(card.getByRole('list', { name: /Timeline/ })).toContainText(
    'promises the next update in 30 min after it is posted',
  );
  await expectNoAxeViolations();
  await page.screenshot({ path: '/tmp/declared-offline-queued.png', fullPage: true });

  // Twenty minutes without Slack: no promise has been read, so nothing is due or overdue.
  await harness.call('testClock:advance', { ms: 20 * MINUTE_MS });
  await expect(card.getByTestId('incident-next-update')).toContainText(
    'from when the declaration reaches Slack',
  );
  const { reminders: meanwhile } = await harness.call<{ reminders: ReminderLike[] }>('reminders:list');
  expect(meanwhile.filter((reminder) => reminder.subject.incidentId === incidentId)).toEqual([]);

  // Slack is back; Herald's next check (on its clock) finds it and the declaration goes, once.
  slack.setOffline(false);
  await expect(async () => {
    await harness.call('testClock:advance', { ms: 15_000 });
    expect(slack.messages(UPDATE_CHANNEL)).toHaveLength(1);
  }).toPass({ timeout: 30_000 });
  const posted = slack.messages(UPDATE_CHANNEL)[0]!;
  // When it went, on Herald's clock (the fake Slack stamps messages with the wall clock).
  const { items } = await harness.call<{ items: Array<{ ts: string | null; firstAttemptAtUtc: string }> }>(
    'outbox:list',
  );
  const postedMs = Date.parse(items.find((item) => item.ts === posted.ts)!.firstAttemptAtUtc);
  expect(postedMs - Date.parse('2026-04-23T11:00:00.000Z')).toBeGreaterThanOrEqual(20 * MINUTE_MS);

  // The promise is 30 minutes after the post, to the minute: in the text, the metadata and the reminder.
  const promiseMs = postedMs - (postedMs % MINUTE_MS) + 30 * MINUTE_MS;
  expect(posted.text).toContain(slackDateOf(promiseMs));
  expect(posted.text).not.toContain(slackDateOf(Date.parse('2026-04-23T11:30:00.000Z')));
  expect(posted.metadata?.event_payload).toMatchObject({
    incident: { next_update_at: new Date(promiseMs).toISOString() },
  });
  await expect
    .poll(async () => {
      const { reminders } = await harness.call<{ reminders: ReminderLike[] }>('reminders:list');
      return reminders
        .filter((reminder) => reminder.subject.incidentId === incidentId && reminder.kind === 'incident_due')
        .map((reminder) => reminder.dueAtUtc);
    })
    .toEqual([new Date(promiseMs).toISOString()]);

  // The card says the same time the channel does.
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(promiseMs);
  await expect(card).not.toContainText('declaration not in Slack yet');
  await expect(card.getByTestId('incident-next-update')).toContainText(`Next update promised for`);
  await expect(card.getByTestId('incident-next-update')).toContainText(when);
  await expect(card.getByTestId('incident-reminder')).toBeVisible();
  await expectNoAxeViolations();
  await page.screenshot({ path: '/tmp/declared-offline-posted.png', fullPage: true });

  // Due when the channel was told, not 20 minutes earlier.
  await harness.call('testClock:advance', { ms: promiseMs - postedMs - 2 * MINUTE_MS });
  await expect(card.getByTestId('incident-next-update')).not.toContainText('Overdue');
  await harness.call('testClock:advance', { ms: 3 * MINUTE_MS });
  await expect(card.getByTestId('incident-next-update')).toContainText('Overdue');
});
