// The Outbox and History screens against the harness and the fake Slack:
// messages sent through the API show in the Outbox with their state and
// link, then in History with the checklist and any override, searchable;
// offline, queued messages wait under a banner and can be edited or
// cancelled; an incident message whose promise passed while it waited is
// held until the lead gives a new time.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEntry } from '../../shared/history/history-entry.ts';
import type { OutboxItem } from '../../shared/outbox/outbox-item.ts';
import type { RestartableHarness } from '../support/harness-process.ts';
import { expect, test } from './fixtures.ts';
import {
  connectSlack,
  createAndSend,
  declareIncident,
  fillAndSend,
  goTo,
  UPDATE_CHANNEL,
  type StoredDraftLike,
} from './helpers.ts';

const FEATURE = {
  typeId: 'new-features',
  fields: {
    feature: 'Repository standards report',
    whatItDoes: 'Shows how each repository meets the organisation’s standards.',
    howToStart: 'Open the report and find your team’s repositories.',
    docsUrl: 'https://user-guide.operations-engineering.service.justice.gov.uk/',
  },
};

const BLOG_REQUEST = { typeId: 'blog-requests', fields: { topic: 'Moving to GitHub Actions' } };

test.describe('the Outbox and History', () => {
  test('sent messages show in the Outbox with their link, and in History with checklist and override, searchable', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    await connectSlack(harness, slack.botToken);
    const featureId = (await createAndSend(harness, FEATURE)).outboxItemId;
    const blogId = (
      await createAndSend(harness, BLOG_REQUEST, {
        overrideReason: 'The comms team asked for the topic first.',
      })
    ).outboxItemId;
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length).toBe(1);
    await expect.poll(() => slack.messages('ask-comms').length).toBe(1);

    // Outbox: both sent, each with its Slack link.
    await openHerald('Outbox');
    await expect(page.getByTestId('connection-banner')).toContainText('Connected to Slack');
    const finished = page.getByTestId('outbox-finished');
    const featureCard = finished
      .getByTestId('outbox-item')
      .filter({ hasText: 'New Feature - Repository standards report' });
    await expect(featureCard).toHaveAttribute('data-state', 'sent');
    await expect(featureCard).toContainText('Sent');
    await expect(featureCard).toContainText(`#${UPDATE_CHANNEL}`);
    const history = await harness.call<{ entries: HistoryEntry[] }>('history:list', {});
    const featureEntry = history.entries.find((entry) => entry.id === featureId)!;
    expect(featureEntry.permalink).toBeTruthy();
    await expect(featureCard.getByRole('link', { name: /in Slack/ })).toHaveAttribute(
      'href',
      featureEntry.permalink!,
    );
    await expectNoAxeViolations();

    // History: newest first, with checklist and override as they stood at send time.
    await goTo(page, 'History');
    const entries = page.getByTestId('history-entry');
    await expect(entries).toHaveCount(2);
    await expect(page.getByTestId('history-count')).toHaveText('2 messages');
    const blogEntry = entries.filter({ hasText: 'Blog post request - Moving to GitHub Actions' });
    await expect(blogEntry).toContainText('Sent with an override.');
    await expect(blogEntry).toContainText('The comms team asked for the topic first.');
    await blogEntry.getByText(/Checklist when sent:/).click();
    await expect(blogEntry.getByRole('listitem').filter({ hasText: 'Missing:' }).first()).toBeVisible();
    await expect(
      entries.filter({ hasText: 'Repository standards report' }).getByRole('link', { name: /in Slack/ }),
    ).toHaveAttribute('href', featureEntry.permalink!);
    await expectNoAxeViolations();

    // Search by words, channel, type and date.
    const search = page.getByRole('search', { name: 'Search history' });
    await search.getByLabel('Words in the message').fill('standards report');
    await expect(entries).toHaveCount(1);
    await expect(entries).toContainText('Repository standards report');
    await search.getByLabel('Words in the message').fill('');
    await search.getByLabel('Channel').selectOption('ask-comms');
    await expect(entries).toHaveCount(1);
    await expect(entries).toContainText('Moving to GitHub Actions');
    await search.getByLabel('Channel').selectOption('');
    await search.getByLabel('Message type').selectOption({ label: 'New features or services' });
    await expect(entries).toHaveCount(1);
    await search.getByLabel('Message type').selectOption('');
    await expect(entries).toHaveCount(2);
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
    await search.getByLabel('Sent from').fill(tomorrow);
    await expect(page.getByText('No sent message matches.')).toBeVisible();
    await search.getByLabel('Sent to').fill('2020-01-01');
    await expect(search.getByText('The end date is before the start date.')).toBeVisible();
    await expect(search.getByLabel('Sent to')).toHaveAttribute('aria-invalid', 'true');
    expect(blogId).toBeTruthy();
  });
});

test.describe('the Outbox while Slack is unreachable', () => {
  // The test clock stands still, so Herald's own back-off never checks Slack behind the test's back: "Try now" does.
  test.use({ testClockIso: '2026-04-20T09:00:00.000Z' });

  test('offline, queued messages wait under a banner, can be edited or cancelled, and go out once Slack is back', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    await connectSlack(harness, slack.botToken);
    slack.setOffline(true);
    const keptId = (await createAndSend(harness, FEATURE, { mode: 'when_online' })).outboxItemId;
    const droppedId = (
      await createAndSend(
        harness,
        { ...FEATURE, fields: { ...FEATURE.fields, feature: 'Dropped feature' } },
        { mode: 'when_online' },
      )
    ).outboxItemId;

    await openHerald('Outbox');
    await expect(page.getByTestId('connection-banner')).toContainText('Offline: messages are waiting');
    const waiting = page.getByTestId('outbox-waiting');
    await expect(waiting.getByTestId('outbox-item')).toHaveCount(2);
    await expectNoAxeViolations();

    // Edit the first while it waits.
    const kept = waiting.getByTestId('outbox-item').filter({ hasText: 'Repository standards report' });
    await kept.getByRole('button', { name: 'Edit' }).click();
    const text = kept.getByLabel('Message text (Slack formatting)');
    await expect(text).toBeFocused();
    await text.fill('*New Feature - Repository standards report*\n\nNow with a weekly summary.');
    await kept.getByRole('button', { name: 'Save changes' }).click();
    await expect(kept.getByRole('button', { name: 'Edit' })).toBeFocused();

    // Cancel the second, after confirming.
    const dropped = waiting.getByTestId('outbox-item').filter({ hasText: 'Dropped feature' });
    await dropped.getByRole('button', { name: 'Cancel message' }).click();
    await dropped.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect(
      page.getByTestId('outbox-finished').getByTestId('outbox-item').filter({ hasText: 'Dropped feature' }),
    ).toHaveAttribute('data-state', 'cancelled');
    await expectNoAxeViolations();

    // Slack is back: one "Try now" checks at once (even past a check begun while offline), and the edited message
    // goes out, once.
    slack.setOffline(false);
    const banner = page.getByTestId('connection-banner');
    await banner.getByRole('button', { name: 'Try now' }).click();
    await expect(banner).toContainText('Connected to Slack');
    await expect(
      page
        .getByTestId('outbox-finished')
        .getByTestId('outbox-item')
        .filter({ hasText: 'Repository standards report' }),
    ).toHaveAttribute('data-state', 'sent');
    const posted = slack.messages(UPDATE_CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toContain('Now with a weekly summary.');
    const items = await harness.call<{ items: OutboxItem[] }>('outbox:list', {});
    expect(items.items.find((item) => item.id === keptId)?.state).toBe('sent');
    expect(items.items.find((item) => item.id === droppedId)?.state).toBe('cancelled');
  });
});

/** One outbox item's state, as core reports it. */
async function outboxStateOf(harness: RestartableHarness, itemId: string): Promise<string | undefined> {
  const { items } = await harness.call<{ items: OutboxItem[] }>('outbox:list', {});
  return items.find((item) => item.id === itemId)?.state;
}

test.describe('a held incident message', () => {
  // Thursday 23 April 2026, 12:00 in London.
  test.use({ testClockIso: '2026-04-23T11:00:00.000Z' });

  test('is held when its promised time passes while it waits, and goes out with the new time the lead gives', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    test.setTimeout(120_000);
    // Declared while Slack is reachable; an update is then written offline. (A declaration is never held: its
    // promise counts from when it reaches Slack. An update keeps the time the lead gave it.)
    await connectSlack(harness, slack.botToken);
    const incidentId = await declareIncident(harness, '2026-04-23T11:20:00.000Z');
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length).toBe(1);
    slack.setOffline(true);
    const promised = '2026-04-23T11:30:00.000Z';
    const update = await harness.call<StoredDraftLike>('incidents:draftNext', { incidentId, kind: 'update' });
    const itemId = (
      await fillAndSend(harness, update, {
        serviceImpact: 'Errors are not reaching Sentry.',
        actionBeingTaken: 'An incident team is investigating.',
        userActions: 'None',
        nextUpdateAtUtc: promised,
      })
    ).outboxItemId;

    // Its first attempt met the dropped network, so Herald cannot know whether it reached Slack. Forty minutes
    // later Slack is back: Herald finds it is not there, and as its promise has passed, holds it for the lead.
    await harness.call('testClock:advance', { ms: 40 * 60_000 });
    slack.setOffline(false);
    await harness.call('outbox:flush', {});
    await expect.poll(() => outboxStateOf(harness, itemId)).toBe('held');

    await openHerald('Outbox');
    const held = page.getByTestId('outbox-attention').getByTestId('outbox-item');
    await expect(held).toHaveAttribute('data-state', 'held');
    await expect(held).toContainText('Held for you');
    await expect(held).toContainText(
      'It promises the next update at Thu 23 Apr 2026, 12:30 BST, which passed while it waited.',
    );
    await expectNoAxeViolations();

    await held.getByRole('button', { name: 'Confirm and send' }).click();
    await expect(held.getByRole('textbox', { name: 'New next-update time' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await held.getByRole('textbox', { name: 'New next-update time' }).fill('in 30 min');
    await expect(held).toContainText('That is Thu 23 Apr 2026, 13:10 BST.');
    await held.getByRole('button', { name: 'Confirm and send' }).click();
    await expect.poll(() => outboxStateOf(harness, itemId)).toBe('sent');
    const [declaration, ...replies] = slack.messages(UPDATE_CHANNEL);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.thread_ts).toBe(declaration?.ts);
    const newPromiseSeconds = Date.parse('2026-04-23T12:10:00.000Z') / 1000;
    expect(replies[0]?.text).toContain(`<!date^${newPromiseSeconds}^`);
    expect(replies[0]?.text).not.toContain(`<!date^${Date.parse(promised) / 1000}^`);
  });
});

test.describe('a long history from an older Herald', () => {
  test('is moved to the new layout on start and shown a page at a time, newest first', async ({
    page,
    openHerald,
    harness,
    dataDir,
  }) => {
    // history.json as Herald wrote it before month segments: 250 messages, one a day.
    const entries = Array.from({ length: 250 }, (_, n) => ({
      id: `old-${n}`,
      channelId: 'C0OPSENGUPD',
      channelName: UPDATE_CHANNEL,
      text: `Old message number ${n}`,
      ts: `${1_760_000_000 + n * 86_400}.000100`,
      threadTs: null,
      replyBroadcast: false,
      permalink: null,
      sentAtUtc: new Date(Date.UTC(2025, 9, 1) + n * 86_400_000).toISOString(),
      via: 'post',
      source: {},
      checklist: [],
      override: null,
    }));
    await harness.stop();
    writeFileSync(
      join(dataDir, 'history.json'),
      JSON.stringify({ schemaVersion: 1, data: { entries } }, null, '\t'),
    );
    await harness.start();

    await openHerald('History');
    const shown = page.getByTestId('history-entry');
    await expect(page.getByTestId('history-count')).toHaveText('Showing the newest 100 of 250');
    await expect(shown).toHaveCount(100);
    await expect(shown.first()).toContainText('Old message number 249');
    await page.getByRole('button', { name: 'Load more (150 older)' }).click();
    await expect(shown).toHaveCount(200);
    await expect(shown.nth(100)).toContainText('Old message number 149');
    await page.getByRole('button', { name: 'Load more (50 older)' }).click();
    await expect(shown).toHaveCount(250);
    await expect(shown.last()).toContainText('Old message number 0');
    await expect(page.getByTestId('history-count')).toHaveText('250 messages');
    await expect(page.getByRole('button', { name: /Load more/ })).toHaveCount(0);
    expect(existsSync(join(dataDir, 'history.migrated.json'))).toBe(true);
  });
});
