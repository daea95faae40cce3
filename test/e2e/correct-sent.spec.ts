// Correcting a message already in Slack, through the UI, against the harness
// (on its test clock) and the fake Slack: "Edit in Slack" from History and
// from the incident timeline reopens the composer in edit mode; saving edits
// the message in Slack (chat.update, once), History keeps the earlier text,
// and the incident's promise — its reminders and the headline — moves with
// it. Offline, an edit of a message still queued waits for it.
import type { Page } from '@playwright/test';
import type { FakeSlack } from '../fakes/slack-server.ts';
import type { RestartableHarness } from '../support/harness-process.ts';
import {
  connectSlack,
  declareIncident,
  fillAndSend,
  goTo,
  MINUTE_MS,
  UPDATE_CHANNEL as CHANNEL,
  type StoredDraftLike,
} from './helpers.ts';
import { expect, test } from './fixtures.ts';

// Thursday 23 April 2026, 12:00 in London.
test.use({ testClockIso: '2026-04-23T11:00:00.000Z' });

const dateToken = (iso: string) => `<!date^${Date.parse(iso) / 1000}^`;

interface IncidentLike {
  id: string;
  nextUpdateAtUtc: string | null;
  timeline: Array<{ kind: string; outboxItemId: string }>;
}
interface ReminderLike {
  subject: { incidentId?: string };
  state: string;
  eventAtUtc: string;
}

/** Declares an incident (promise 12:30 BST), then posts an update promising 12:45 BST; both reach Slack. */
async function incidentWithUpdate(harness: RestartableHarness, slack: FakeSlack) {
  await connectSlack(harness, slack.botToken);
  const incidentId = await declareIncident(harness, '2026-04-23T11:30:00.000Z');
  await expect.poll(() => slack.messages(CHANNEL).length, { timeout: 20_000 }).toBe(1);
  await harness.call('testClock:advance', { ms: 5 * MINUTE_MS });
  const next = await harness.call<StoredDraftLike>('incidents:draftNext', { incidentId, kind: 'update' });
  const sent = await fillAndSend(harness, next, {
    status: 'identified',
    nextUpdateAtUtc: '2026-04-23T11:45:00.000Z',
  });
  await expect.poll(() => slack.messages(CHANNEL).length, { timeout: 20_000 }).toBe(2);
  return { incidentId, updateId: sent.outboxItemId };
}

async function armedFor(harness: RestartableHarness, incidentId: string): Promise<string[]> {
  const { reminders } = await harness.call<{ reminders: ReminderLike[] }>('reminders:list');
  return reminders
    .filter((reminder) => reminder.subject.incidentId === incidentId && reminder.state === 'armed')
    .map((reminder) => reminder.eventAtUtc);
}

/** In edit mode: moves the promise to 13:15 BST and rewords the action, then saves the edit. */
async function correctPromise(page: Page): Promise<void> {
  const banner = page.getByTestId('edit-banner');
  await expect(banner).toContainText(
    'Editing the message sent at Thu 23 Apr 2026, 12:05 BST in the thread in #operations-engineering-update',
  );
  // Its channel is fixed, and the answers are those it was sent with.
  await expect(page.getByLabel('Slack channel')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('What are we doing about it?')).toHaveValue('We are investigating.');
  await page
    .getByLabel('What are we doing about it?')
    .fill('The faulty relay has been found and is being replaced.');
  await page.getByLabel('When is the next update?').fill('13:15');
  await expect(page.getByText('Thu 23 Apr 2026, 13:15 BST')).toBeVisible();
}

async function expectCorrected(
  page: Page,
  harness: RestartableHarness,
  slack: FakeSlack,
  ids: { incidentId: string; updateId: string },
) {
  const promise = '2026-04-23T12:15:00.000Z';
  const notice = page.getByTestId('composer-notice');
  await expect(notice).toContainText('Edited ✓ in #operations-engineering-update.', { timeout: 20_000 });
  // Slack: the reply is edited in place, once; the headline (the declaration) promises the new time.
  const reply = slack
    .messages(CHANNEL)
    .find((message) => message.metadata?.event_payload.herald_id === ids.updateId)!;
  expect(reply.text).toContain('The faulty relay has been found and is being replaced.');
  expect(reply.text).toContain(dateToken(promise));
  expect(reply.edited).toBeDefined();
  const updates = slack.requests.filter(
    (request) => request.method === 'chat.update' && request.status === 200 && request.args.ts === reply.ts,
  );
  expect(updates).toHaveLength(1);
  await expect
    .poll(() => slack.messages(CHANNEL).find((message) => message.ts !== reply.ts)?.text ?? '', {
      timeout: 20_000,
    })
    .toContain(`Next update by ${dateToken(promise)}`);
  // The reminders moved to the new promise.
  expect(await armedFor(harness, ids.incidentId)).toContain(promise);
  expect(await armedFor(harness, ids.incidentId)).not.toContain('2026-04-23T11:45:00.000Z');
  // History shows the text as it reads now and keeps the earlier one.
  await goTo(page, 'History');
  const entry = page.getByTestId('history-entry').filter({ hasText: 'Update' }).first();
  await expect(entry.getByTestId('history-edited')).toContainText('Edited Thu 23 Apr 2026');
  await entry.getByText('Message as it reads in Slack now').click();
  await expect(entry).toContainText('The faulty relay has been found and is being replaced.');
  const versions = entry.getByTestId('history-versions');
  await versions.getByText('Earlier versions (1): 1 correction').click();
  await expect(versions).toContainText('Corrected: this text was replaced Thu 23 Apr 2026');
  await expect(versions).toContainText('We are investigating.');
}

test.describe('correcting a sent update', () => {
  // Long journeys: two sends, the correction, then Slack, History and the incident checked.
  test.describe.configure({ timeout: 180_000 });
  let ids: { incidentId: string; updateId: string };
  test.beforeEach(async ({ harness, slack }) => {
    ids = await incidentWithUpdate(harness, slack);
  });

  const starts = [
    {
      from: 'History',
      open: (page: Page) =>
        page
          .getByTestId('history-entry')
          .filter({ hasText: 'Update' })
          .first()
          .getByRole('button', { name: /^Edit in Slack/ })
          .click(),
      screenshot: 'docs/screenshots/composer-edit-sent.png',
    },
    {
      from: 'Incidents',
      open: (page: Page) =>
        page
          .getByTestId('incident')
          .getByRole('button', { name: 'Edit in Slack: Update sent 12:05' })
          .click(),
      screenshot: '/tmp/s3cs-composer-from-timeline.png',
    },
  ];
  for (const start of starts) {
    test(`from ${start.from}: Slack and History change, a mistake is caught first, and the promise moves`, async ({
      page,
      openHerald,
      slack,
      harness,
      expectNoAxeViolations,
    }) => {
      await openHerald(start.from);
      await start.open(page);
      await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
      await correctPromise(page);
      await expectNoAxeViolations();
      await page.screenshot({ path: start.screenshot, fullPage: true });
      // A mistake is caught before Slack: emptying a required answer asks for an override, keeping the text.
      await page.getByLabel('What are users seeing?').fill('');
      await page.getByRole('button', { name: 'Save edit in Slack' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Keep editing' }).click();
      await expect(page.getByLabel('What are we doing about it?')).toHaveValue(
        'The faulty relay has been found and is being replaced.',
      );
      await page.getByLabel('What are users seeing?').fill('Errors are not reaching Sentry.');
      await page.getByRole('button', { name: 'Save edit in Slack' }).click();
      await expectCorrected(page, harness, slack, ids);
      await expectNoAxeViolations();
      await page.screenshot({ path: `/tmp/s3cs-history-after-${start.from}.png`, fullPage: true });
      // The incident says the same: the new promise, on the card and on the timeline.
      await goTo(page, 'Incidents');
      const incident = page.getByTestId('incident');
      await expect(incident.getByTestId('incident-next-update')).toContainText(
        'Next update promised for Thu 23 Apr 2026, 13:15 BST',
      );
      await expect(incident).toContainText('promised the next update for 13:15');
      await expectNoAxeViolations();
      await page.screenshot({ path: `/tmp/s3cs-incident-after-${start.from}.png`, fullPage: true });
    });
  }
});

test.describe('correcting a message still on its way', () => {
  // Offline: a queued declaration is corrected; Slack gets the post, then the update, once each.
  const title = 'offline: post then update, once each';
  test(title, async ({ page, openHerald, slack, harness, expectNoAxeViolations }) => {
    test.setTimeout(180_000);
    await connectSlack(harness, slack.botToken);
    slack.setOffline(true);
    await declareIncident(harness, '2026-04-23T11:30:00.000Z');
    await openHerald('Incidents');
    const incident = page.getByTestId('incident');
    await incident.getByRole('button', { name: /^Edit in Slack: Declared/ }).click();
    await expect(page.getByTestId('edit-banner')).toContainText(
      'Editing the message queued at Thu 23 Apr 2026, 12:00 BST in #operations-engineering-update',
    );
    await page.getByLabel('What are users seeing?').fill('About half of the errors are not reaching Sentry.');
    await page.getByRole('button', { name: 'Save edit in Slack' }).click();
    const notice = page.getByTestId('composer-notice');
    await expect(notice).toContainText(/Edit queued/);
    await expectNoAxeViolations();
    expect(slack.requests.filter((request) => request.method.startsWith('chat.'))).toEqual([]);

    slack.setOffline(false);
    await expect(async () => {
      await harness.call('testClock:advance', { ms: MINUTE_MS });
      await expect(notice).toContainText('Edited ✓', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const calls = slack.requests
      .filter(
        (request) => request.status === 200 && ['chat.postMessage', 'chat.update'].includes(request.method),
      )
      .map((request) => request.method);
    expect(calls).toEqual(['chat.postMessage', 'chat.update']);
    const [declaration] = slack.messages(CHANNEL);
    expect(declaration?.text).toContain('About half of the errors are not reaching Sentry.');
    const { items } = await harness.call<{ items: unknown[] }>('outbox:list', {
      states: ['queued', 'sending', 'held'],
    });
    expect(items).toEqual([]);
    const [record] = await harness.call<IncidentLike[]>('incidents:list');
    expect(record?.timeline).toHaveLength(1);
  });
});
