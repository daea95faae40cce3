// An incident's communications from declaration to postmortem, through the
// UI, against the harness and the fake Slack server: the declaration with a
// 30-minute promise arms the reminder, the update replies in the thread,
// the resolution closes it, the postmortem follows in the same thread.
// Slack receives exactly those four messages, in one thread.
import { expect, test } from './fixtures.ts';
import { connectSlackInSettings, goTo, UPDATE_CHANNEL } from './helpers.ts';

// Thursday 23 April 2026, 12:00 in London.
test.use({ testClockIso: '2026-04-23T11:00:00.000Z' });

test('an incident from declaration to postmortem posts four messages in one thread, keeping its promises', async ({
  page,
  openHerald,
  slack,
  harness,
  expectNoAxeViolations,
}) => {
  // A long journey through four screens and four sends.
  test.setTimeout(180_000);
  await openHerald();
  await connectSlackInSettings(page, slack.botToken);

  // Declare, promising the next update in 30 minutes.
  await goTo(page, 'Compose');
  await page.getByLabel('Type of message').selectOption({ label: 'Service impacting incidents' });
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Declared' });
  await page.getByRole('button', { name: 'Start message' }).click();
  await page.getByLabel('Which service is affected?').fill('Sentry');
  await page.getByLabel('Priority').selectOption({ label: 'High Priority' });
  await page
    .getByLabel('What are users seeing?')
    .fill('Errors are not reaching Sentry, so some alerts may be missing.');
  await page
    .getByLabel('What are we doing about it?')
    .fill('An incident team has been formed and is investigating.');
  await page.getByRole('textbox', { name: 'Do users need to do anything?' }).fill('Nothing for now.');
  await page.getByLabel('When is the next update?').fill('in 30 minutes');
  await expect(page.getByText('Thu 23 Apr 2026, 12:30 BST · in 30 min')).toBeVisible();
  // From the top: the navigation stays in view as the page scrolls, so it is drawn where the view is.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshots/composer-incident.png', fullPage: true });
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('composer-notice')).toContainText(/Sent ✓|Sending|Queued/);

  // The incident shows its promise, and the reminder is armed for it.
  await goTo(page, 'Incidents');
  const incident = page
    .getByTestId('incident')
    .filter({ hasText: 'High Priority Incident Declared - Sentry' });
  await expect(incident.getByTestId('incident-next-update')).toHaveText(
    /Next update promised for Thu 23 Apr 2026, 12:30 BST \(in 30 min\)/,
  );
  await expect(incident.getByTestId('incident-reminder')).toHaveText(/Reminder armed for 1[12]:\d\d\./);
  const [record] =
    await harness.call<Array<{ id: string; nextUpdateAtUtc: string | null }>>('incidents:list');
  expect(record?.nextUpdateAtUtc).toBe('2026-04-23T11:30:00.000Z');
  const { reminders } = await harness.call<{
    reminders: Array<{ subject: { type: string; incidentId?: string }; state: string; eventAtUtc: string }>;
  }>('reminders:list');
  const armed = reminders.filter(
    (reminder) => reminder.subject.incidentId === record?.id && reminder.state === 'armed',
  );
  expect(armed.length).toBeGreaterThan(0);
  expect(armed.every((reminder) => reminder.eventAtUtc === '2026-04-23T11:30:00.000Z')).toBe(true);
  await expectNoAxeViolations();

  // Once Slack has the declaration, let the promise pass: the incident says it is overdue, in words.
  await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(1);
  await harness.call('testClock:advance', { ms: 31 * 60_000 });
  await expect(incident.getByTestId('incident-next-update')).toHaveText(
    /Overdue: the update promised for Thu 23 Apr 2026, 12:30 BST is 1 minute late\./,
  );
  // From the top: the navigation stays in view as the page scrolls, so it is drawn where the view is.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshots/incident-overdue.png', fullPage: true });
  await expect(incident.getByTestId('incident-reminder')).toHaveText(
    /Reminder fired at 12:3\d: the update promised for 12:30 is 1 minute late\./,
  );

  // An update in the thread, sent from the keyboard.
  await incident.getByRole('button', { name: 'Post update', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Which service is affected?')).toHaveValue('Sentry');
  await expect(page.getByTestId('slack-preview')).toContainText('reply in the incident’s thread');
  await page
    .getByLabel('What are users seeing?')
    .fill('Most errors are reaching Sentry again; a backlog is being processed.');
  await page
    .getByLabel('What are we doing about it?')
    .fill('We restarted the relays and are watching the queue drain.');
  await page.getByRole('textbox', { name: 'Do users need to do anything?' }).fill('Nothing.');
  await page.getByLabel('When is the next update?').fill('in 1 hour');
  await page.getByLabel('What are we doing about it?').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('composer-notice')).toContainText(/Sent ✓|Sending|Queued/);

  // Resolve.
  await goTo(page, 'Incidents');
  await expect(incident.getByTestId('incident-next-update')).toHaveText(
    /Next update promised for Thu 23 Apr 2026, 13:31 BST \(in 1 h\)/,
  );
  await incident.getByRole('button', { name: 'Resolve', exact: true }).click();
  await page
    .getByLabel('How was it resolved?')
    .fill('The relays were restarted and the backlog has cleared. A postmortem will follow.');
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('composer-notice')).toContainText(/Sent ✓|Sending|Queued/);

  // Attach the postmortem later, in the same thread.
  await goTo(page, 'Incidents');
  const resolved = page.getByRole('region', { name: 'Resolved in the last 30 days' }).getByTestId('incident');
  await expect(resolved.getByTestId('incident-next-update')).toHaveText(/^\s*Resolved/);
  await resolved.getByRole('button', { name: 'Attach postmortem' }).click();
  await expect(page.getByLabel('Which incident is it about?')).toHaveValue('Sentry');
  await page
    .getByLabel('Summary')
    .fill('A full disk on the relays dropped events for 40 minutes; we now alert on disk use.');
  await page
    .getByLabel('Link to the postmortem')
    .fill('https://runbooks.example.org/postmortems/sentry-relays');
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('composer-notice')).toContainText(/Sent ✓|Sending|Queued/);

  // Exactly four messages, one thread, each carrying its checklist's content.
  await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(4);
  const posted = slack.messages(UPDATE_CHANNEL);
  const [declaration, ...replies] = posted;
  // Its title follows the stage (the headline may already have been edited for the latest one).
  expect(declaration?.text).toMatch(
    /^\*(High Priority Incident Declared|Incident Update|Incident Resolved) - Sentry\*/,
  );
  expect(declaration?.text).toContain('Errors are not reaching Sentry');
  expect(declaration?.text).toContain('An incident team has been formed');
  expect(declaration?.text).toContain('We are sorry for the disruption');
  // The declaration is the incident's headline, edited in place at every stage (chat.update): it now reads
  // resolved, links the latest reply and the postmortem, and its promise line gave way to the status.
  // The edit follows the postmortem's reply through the outbox, so wait for it.
  const headline = () => slack.messages(UPDATE_CHANNEL)[0]?.text ?? '';
  await expect
    .poll(headline, { timeout: 20_000 })
    .toContain('Postmortem: <https://runbooks.example.org/postmortems/sentry-relays|read the postmortem>');
  expect(headline().split('\n')[0]).toBe('*Incident Resolved - Sentry*');
  expect(headline()).toMatch(/\*Status: Resolved\* · Resolved at <!date\^\d+\^/);
  expect(headline()).toContain('|Postmortem>');
  expect(headline()).not.toMatch(/Next update:\* <!date/);
  for (const reply of replies) expect(reply.thread_ts).toBe(declaration?.ts);
  expect(replies.map((reply) => reply.text)).toEqual([
    expect.stringContaining('We restarted the relays'),
    expect.stringContaining('The relays were restarted and the backlog has cleared'),
    expect.stringContaining('https://runbooks.example.org/postmortems/sentry-relays'),
  ]);
  // 12:31 (after the clock moved on) plus an hour.
  expect(replies[0]?.text).toMatch(/Next update:\* <!date\^1776947460\^/);

  await goTo(page, 'Incidents');
  await expect(
    resolved.getByRole('link', { name: 'https://runbooks.example.org/postmortems/sentry-relays' }),
  ).toBeVisible();
  await expect(resolved.getByRole('list', { name: /Timeline of/ }).getByRole('listitem')).toHaveCount(4);
  await expectNoAxeViolations();

  // History shows the headline as it reads in Slack now, above the versions it replaced (README screenshot).
  await goTo(page, 'History');
  const headlineEntry = page
    .getByTestId('history-entry')
    .filter({ has: page.getByTestId('history-versions') });
  await expect(headlineEntry).toHaveCount(1);
  await headlineEntry.getByText('Message as it reads in Slack now').click();
  await expect(headlineEntry.locator('.sent-text').first()).toContainText('Resolved at');
  await expect(headlineEntry.locator('.sent-text').first()).toContainText('read the postmortem');
  await headlineEntry.scrollIntoViewIfNeeded();
  await headlineEntry.screenshot({ path: 'docs/screenshots/incident-headline.png' });
  await expectNoAxeViolations();
});
