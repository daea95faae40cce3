// Two leads, two Heralds, one fake Slack: a maintenance A creates and
// announces appears in B's calendar, with A as its owner and its announcement
// already marked sent, so B's Herald reminds B of nothing for it. A tells a
// second channel, moves the work and corrects only the first channel: B's
// Audiences screen then agrees with A's, row by row and flag by flag. B takes
// over comms for A's maintenance: A's panel says B has it, and at the next
// comms reminder's time only B's Herald alerts.
import type { Locator, Page } from '@playwright/test';
import type { RestartableHarness } from '../support/harness-process.ts';
import { certManagerFields } from '../unit/shared/calendar/event-fixtures.ts';
import { expect, LEAD_A, LEAD_B, test } from './fixtures.ts';
import {
  calendarDay,
  goTo,
  openCertManager,
  sendEventMessage,
  UPDATE_CHANNEL,
  waitUntilOnline,
} from './helpers.ts';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The plan's other channel the event is told in. */
const OTHER = 'ask-comms';

interface AudienceRow {
  audience: string;
  channel: string;
  subject: string;
  title: string;
  claims: string;
  /** When it was sent ("Sent Thu 23 Apr 2026, 12:00 BST"); who sent it is said from each reader's side. */
  sent: string;
  by: string;
  flags: string[];
}

/** What the Audiences screen shows: every channel's row per subject, and the "out of step" flags, in a stable order. */
async function audiencesScreen(page: Page): Promise<{ rows: AudienceRow[]; flags: string[] }> {
  const rows = await page.locator('.audience-group').evaluateAll((groups) =>
    groups.flatMap((group) =>
      [...group.querySelectorAll<HTMLElement>('section[data-channel]')].flatMap((channel) =>
        [...channel.querySelectorAll<HTMLElement>('[data-subject-id]')].map((row) => {
          const when = row.querySelector('.audience-subject-when')?.textContent ?? '';
          const [sent = '', by = ''] = when.split(' by ');
          return {
            audience: (group as HTMLElement).dataset.audience ?? '',
            channel: channel.dataset.channel ?? '',
            subject: row.dataset.subjectId ?? '',
            title: row.querySelector('.audience-subject-title')?.textContent ?? '',
            claims: row.querySelector('.audience-subject-claims')?.textContent ?? '',
            sent,
            by: by.replace(/ · Open in Slack$/, ''),
            flags: [...row.querySelectorAll('.audience-subject-flag')].map((flag) => flag.textContent ?? ''),
          };
        }),
      ),
    ),
  );
  const flags = await page
    .getByTestId('audience-flags')
    .locator('[data-flag-kind][data-channel]')
    .evaluateAll((cards) =>
      cards.map(
        (card) =>
          `${(card as HTMLElement).dataset.flagKind} #${(card as HTMLElement).dataset.channel}: ${
            card.querySelector('.audience-flag-headline')?.textContent ?? ''
          }`,
      ),
    );
  const key = (row: AudienceRow) => `${row.audience}|${row.channel}|${row.subject}`;
  return { rows: rows.sort((x, y) => key(x).localeCompare(key(y))), flags: flags.sort() };
}

/** Sends what the composer shows (with the reason, when the plan's checklist asks for one) and waits for Slack. */
async function sendFromComposer(page: Page, channel: string, overrideReason?: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Send now' }).click();
  if (overrideReason !== undefined) {
    const dialog = page.getByRole('dialog', { name: 'Send with the checklist incomplete?' });
    await dialog.getByLabel('Reason for sending anyway').fill(overrideReason);
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
  }
  await expect(page.getByTestId('composer-notice')).toContainText(`Sent ✓ to #${channel}.`, {
    timeout: 20_000,
  });
}

const START = '2026-04-23T11:00:00.000Z';
// Slack's clock stands where the Heralds' test clocks start, so a message's ts (which B reads) and the time A sent it
// (which A's own ledger keeps) name the same minute, as they do with real clocks.
test.use({ testClockIso: START, slackOptions: { nowMs: () => Date.parse(START) } });

interface Detail {
  event: { id: string; owner: string; origin: string; status: string; sentStages: Record<string, string> };
}

test('a maintenance A announces appears in B’s calendar, owned by A, its announcement sent', async ({
  page,
  browser,
  slack,
  team: { a, b },
  expectNoAxeViolations,
}) => {
  test.setTimeout(240_000);
  const eventId = await announceCertManager(a, [UPDATE_CHANNEL, OTHER]);
  const announced = () =>
    slack
      .messages('operations-engineering-update')
      .filter((m) => m.text.startsWith('*Action Required - Certificate Manager Upgrade*'));
  await expect.poll(() => announced().length, { timeout: 20_000 }).toBe(1);

  // Within 30 s of B's clock, B's calendar holds it: A's, announced, the announcement sent.
  await b.call('testClock:advance', { ms: 30_000 });
  await expect
    .poll(async () => {
      const answer = await b.call<Detail>('calendar:get', { id: eventId }).catch(() => null);
      return answer?.event ?? null;
    })
    .toMatchObject({ owner: LEAD_A.userId, origin: 'slack', status: 'announced' });
  const onB = await b.call<Detail>('calendar:get', { id: eventId });
  expect(Object.keys(onB.event.sentStages)).toEqual(['announcement']);
  const reminders = await b.call<{ reminders: Array<{ subject: { eventId?: string }; state: string }> }>(
    'reminders:list',
  );
  expect(reminders.reminders.filter((r) => r.subject.eventId === eventId && r.state === 'armed')).toEqual([]);

  // B's Herald in the window (axe checks this page).
  await page.goto(b.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Calendar', exact: true })
    .click();
  const cell = page.locator('[role="gridcell"][data-date="2026-04-27"]');
  // Marked as A's wherever it shows: the grid's entry (its accessible name too), the day panel, the event panel.
  const chip = cell.getByRole('button', { name: /Certificate Manager Upgrade/ }).first();
  await expect(chip).toHaveAccessibleName(new RegExp(`@${escaped(LEAD_A.name)} has it`));
  await expect(chip).toHaveClass(/is-theirs/);
  await page.screenshot({ path: '/tmp/s4-team/b-calendar.png' });
  await expectNoAxeViolations();
  await cell.click({ position: { x: 5, y: 5 } });
  const dayPanel = page.getByRole('region', { name: 'Monday 27 April 2026' });
  await expect(dayPanel.getByRole('button', { name: /Certificate Manager Upgrade/ })).toContainText(
    `@${LEAD_A.name} has it`,
  );
  const panel = await openCertManager(page, '2026-04-27');
  await expect(panel.getByTestId('event-owner')).toHaveText(`Comms: @${LEAD_A.name} has it.`);
  await page.screenshot({ path: '/tmp/s4-team/b-event-panel.png' });
  await expectNoAxeViolations();

  // B's panel tells the work as A's does, fact by fact: its kind of work, services, impact, what users must do…
  const aPage = await (await browser.newContext()).newPage();
  await aPage.goto(a.url);
  await goTo(aPage, 'Calendar');
  const onAPanel = await panelFacts(await openCertManager(aPage, '2026-04-27'));
  expect(onAPanel.map(([term]) => term)).toEqual(
    expect.arrayContaining(['When', 'Kind of work', 'Services', 'Impact', 'Users need to', 'Change notes']),
  );
  expect(onAPanel).toContainEqual(['Kind of work', 'Upgrade']);
  expect(await panelFacts(panel)).toEqual(onAPanel);
  await aPage.screenshot({ path: '/tmp/s5-team/a-event-panel.png' });
  await page.screenshot({ path: '/tmp/s5-team/b-event-panel.png' });
  await goTo(aPage, 'Audiences');
  const aFlags = aPage.getByTestId('audience-flags');
  await aFlags
    .locator(`[data-flag-kind="not_told"][data-channel="${OTHER}"]`)
    .getByRole('button', { name: 'Draft the announcement' })
    .click();
  await sendFromComposer(aPage, OTHER, 'Checked with the team lead.');
  await a.call('calendar:reschedule', {
    id: eventId,
    startsAtUtc: '2026-05-04T11:00:00.000Z',
    endsAtUtc: '2026-05-04T16:00:00.000Z',
    reason: 'It clashes with a platform release.',
  });
  // The first channel is corrected; the second is left holding the old date.
  await goTo(aPage, 'Audiences');
  await aFlags
    .locator(`[data-flag-kind="stale_window"][data-channel="${UPDATE_CHANNEL}"]`)
    .getByRole('button', { name: 'Draft the correction' })
    .click();
  await sendFromComposer(aPage, UPDATE_CHANNEL);
  await goTo(aPage, 'Audiences');
  const stale = aFlags.locator(`[data-flag-kind="stale_window"][data-channel="${OTHER}"]`);
  await expect(stale).toContainText(
    `#${OTHER} still has Mon 27 Apr 2026, 12:00 BST – 17:00; it is now Mon 4 May 2026, 12:00 BST – 17:00.`,
  );
  await expect(aFlags.locator('[data-flag-kind]')).toHaveCount(1);

  // A's screen holds the rows expected: the event in both channels, what each last heard, one flag.
  const onA = await audiencesScreen(aPage);
  const eventRows = onA.rows.filter((row) => row.subject === eventId);
  expect(eventRows.map((row) => [row.channel, row.claims, row.by, row.flags.length])).toEqual([
    [UPDATE_CHANNEL, 'Rescheduled · Mon 4 May 2026, 12:00 BST – 17:00', 'you', 0],
    [OTHER, 'Announcement · Mon 27 Apr 2026, 12:00 BST – 17:00', 'you', 1],
  ]);
  expect(onA.flags).toHaveLength(1);

  // B reads Slack within 30 s of its clock; its Audiences screen then agrees with A's, row by row.
  await b.call('testClock:advance', { ms: 30_000 });
  await page.goto(b.url);
  await goTo(page, 'Audiences');
  // What A sent "by you", B's screen says A sent, by name.
  const sameAsA = (row: AudienceRow) => ({ ...row, by: row.by === 'you' ? `@${LEAD_A.name}` : row.by });
  await expect
    .poll(async () => (await audiencesScreen(page)).rows, { timeout: 20_000 })
    .toEqual(onA.rows.map(sameAsA));
  expect((await audiencesScreen(page)).flags).toEqual(onA.flags);
  await page.screenshot({ path: '/tmp/s4-team/b-audiences.png', fullPage: true });

  // On A's own calendar the event is A's: no mark, and "you" for screen readers and in its panel.
  await goTo(aPage, 'Calendar');
  await aPage.getByRole('button', { name: 'Next month' }).click();
  const aChip = calendarDay(aPage, '2026-05-04').getByRole('button', { name: /Certificate Manager Upgrade/ });
  await expect(aChip).toHaveAccessibleName(/Comms: you have it\./);
  await expect(aChip).not.toHaveClass(/is-theirs/);
  await expect((await openCertManager(aPage, '2026-05-04')).getByTestId('event-owner')).toHaveText(
    'Comms: you have it.',
  );
  await aPage.screenshot({ path: '/tmp/s4-team/a-audiences.png', fullPage: true });
  await expectNoAxeViolations();
});

test('a Herald with no lead named acts for A’s maintenance too, as main allows, and says how to leave it to A', async ({
  page,
  team: { a, b },
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  const eventId = await announceCertManager(a, [UPDATE_CHANNEL]);
  await b.call('settings:update', { lead: null });
  await untilOwnedOn(b, eventId, LEAD_A.userId);
  await page.goto(b.url);
  await goTo(page, 'Calendar');
  const panel = await openCertManager(page, '2026-04-27');
  await expect(panel.getByTestId('event-owner')).toHaveText(`Comms: @${LEAD_A.name} has it.`);
  await expect(panel.getByTestId('event-no-lead')).toHaveText(
    `No lead is named in this Herald’s Settings, so it reminds you of every maintenance’s messages, this one’s too. Name yourself there to leave @${LEAD_A.name}’s work to them.`,
  );
  // One rule (owner-wording.ts's isTheirs) for the panel and main: what the panel offers, main allows.
  await expect(panel.getByTestId('event-theirs')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Take over comms' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Reschedule' })).toBeVisible();
  await expectNoAxeViolations();
  await page.screenshot({ path: '/tmp/s7-team/solo-event-panel.png', fullPage: true });
  const moved = await b.call<Detail>('calendar:reschedule', {
    id: eventId,
    startsAtUtc: '2026-05-04T11:00:00.000Z',
    endsAtUtc: '2026-05-04T16:00:00.000Z',
    reason: 'It clashes with a platform release.',
  });
  expect(moved.event.status).toBe('rescheduled');
});

test('A corrects the impact in A’s announcement: within a poll, B’s panel says what the corrected message says', async ({
  page,
  slack,
  team: { a, b },
}) => {
  test.setTimeout(120_000);
  const eventId = await announceCertManager(a, [UPDATE_CHANNEL]);
  await untilOwnedOn(b, eventId, LEAD_A.userId);

  // A fixes the impact, then corrects the announcement in place (History's "Correct"; chat.update in Slack).
  const impact = 'Deployments pause for up to ten minutes.';
  await a.call('calendar:update', {
    id: eventId,
    event: {
      ...certManagerFields(),
      startsAtUtc: '2026-04-27T11:00:00.000Z',
      endsAtUtc: '2026-04-27T16:00:00.000Z',
      userActionDeadlineUtc: null,
      channels: [UPDATE_CHANNEL],
      impact,
    },
  });
  const history = await a.call<{
    entries: Array<{ id: string; via: string; source: { eventId?: string; stage?: string } | null }>;
  }>('history:list', {});
  const announcement = history.entries.find(
    (entry) =>
      entry.source?.eventId === eventId && entry.source.stage === 'announcement' && entry.via === 'post',
  );
  const opened = await a.call<{ stored: { draft: { id: string } } }>('messages:openCorrection', {
    messageId: announcement?.id,
  });
  await a.call('messages:edit', {
    draftId: opened.stored.draft.id,
    overrideReason: 'Checked with the team lead.',
  });
  await expect
    .poll(() => slack.messages(UPDATE_CHANNEL).filter((m) => m.edited !== undefined).length, {
      timeout: 20_000,
    })
    .toBe(1);

  // B reads the corrected message again at its next poll: its panel shows the impact the message now states.
  await b.call('testClock:advance', { ms: 30_000 });
  await page.goto(b.url);
  await goTo(page, 'Calendar');
  const panel = await openCertManager(page, '2026-04-27');
  const impactOf = async () => (await panelFacts(panel)).find(([term]) => term === 'Impact')?.[1];
  await expect.poll(impactOf, { timeout: 20_000 }).toBe(impact);
  await page.screenshot({ path: '/tmp/s7-team/b-corrected-impact.png', fullPage: true });
});

/** Moves `herald`'s test clock one poll on and waits until its calendar holds the event, owned by `owner`. */
async function untilOwnedOn(herald: RestartableHarness, eventId: string, owner: string): Promise<void> {
  await herald.call('testClock:advance', { ms: 30_000 });
  await expect
    .poll(
      async () => {
        const answer = await herald.call<Detail>('calendar:get', { id: eventId }).catch(() => null);
        return answer?.event.owner ?? null;
      },
      { timeout: 20_000 },
    )
    .toBe(owner);
}

/** What an event panel says about the work: each term and its value, in order. */
async function panelFacts(panel: ReturnType<Page['getByRole']>): Promise<Array<[string, string]>> {
  return panel
    .locator('.event-facts dt')
    .evaluateAll((terms) =>
      terms.map((term): [string, string] => [
        term.textContent ?? '',
        term.nextElementSibling?.textContent ?? '',
      ]),
    );
}

/** A creates the Certificate Manager upgrade on Mon 27 Apr and sends its announcement now; answers its id. */
async function announceCertManager(a: RestartableHarness, channels: string[]): Promise<string> {
  const created = await a.call<Detail>('calendar:create', {
    event: {
      ...certManagerFields(),
      startsAtUtc: '2026-04-27T11:00:00.000Z',
      endsAtUtc: '2026-04-27T16:00:00.000Z',
      userActionDeadlineUtc: null,
      channels,
    },
  });
  const eventId = created.event.id;
  await waitUntilOnline(a);
  await sendEventMessage(a, eventId);
  return eventId;
}

interface MaintenanceReminders {
  reminders: Array<{ kind: string; state: string; subject: { eventId?: string }; eventAtUtc: string }>;
}

const remindersOf = async (herald: RestartableHarness, eventId: string) =>
  (await herald.call<MaintenanceReminders>('reminders:list')).reminders.filter(
    (r) => r.subject.eventId === eventId,
  );

/**
 * The event is `lead`'s: the panel says who sends each message still to send and who may change the event, with no
 * "Draft it", "Mark as sent", "Edit", "Reschedule" or "Cancel event" (main refuses those too).
 */
async function expectOwnedBy(panel: Locator, lead: string): Promise<void> {
  await expect(panel.getByTestId('event-theirs')).toHaveText(
    `@${lead} has comms, so only they can change or cancel this maintenance and tell people. Take over comms to do it yourself.`,
  );
  await expect(panel.getByRole('button', { name: /^(Edit|Reschedule|Cancel event)$/ })).toHaveCount(0);
  await expect(panel.getByTestId('comm-theirs').first()).toBeVisible();
  const notes = await panel.getByTestId('comm-theirs').allTextContents();
  expect(notes.length).toBeGreaterThan(0);
  for (const note of notes)
    expect(note).toBe(`@${lead} will send it. To send it yourself, take over comms first.`);
  await expect(
    panel.getByRole('button', { name: /^(Draft it|Mark as sent|Not sent after all)/ }),
  ).toHaveCount(0);
}

test('B takes over comms for A’s maintenance: A’s panel says B has it, and only B’s Herald reminds', async ({
  team: { a, b },
  slack,
  page,
  browser,
  expectNoAxeViolations,
}) => {
  test.setTimeout(240_000);
  const eventId = await announceCertManager(a, [UPDATE_CHANNEL]);
  await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const announcementTs = slack.messages(UPDATE_CHANNEL)[0]?.ts;
  // A has comms: A's Herald holds the event's reminders, B's none.
  await b.call('testClock:advance', { ms: 30_000 });
  await expect
    .poll(
      async () =>
        (await b.call<Detail>('calendar:get', { id: eventId }).catch(() => null))?.event.owner ?? null,
    )
    .toBe(LEAD_A.userId);
  expect((await remindersOf(b, eventId)).filter((r) => r.state === 'armed')).toEqual([]);
  expect((await remindersOf(a, eventId)).filter((r) => r.state === 'armed').length).toBeGreaterThan(0);

  // B presses "Take over comms" in the event's panel: B has it at once, and a note goes to the event's thread.
  await page.goto(b.url);
  await goTo(page, 'Calendar');
  const panel = await openCertManager(page, '2026-04-27');
  await expect(panel.getByTestId('event-owner')).toHaveText(`Comms: @${LEAD_A.name} has it.`);
  // The messages still to send are A's: B's panel says so, and offers nothing that would send or mark them twice.
  await expectOwnedBy(panel, LEAD_A.name);
  await panel.getByRole('button', { name: 'Take over comms' }).click();
  await expect(panel.getByTestId('event-owner')).toHaveText('Comms: you have it.');
  await expect(panel.getByRole('button', { name: 'Take over comms' })).toHaveCount(0);
  await expect(panel.getByTestId('comm-theirs')).toHaveCount(0);
  await expect(panel.getByTestId('event-theirs')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Reschedule' })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Draft it/ }).first()).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Mark as sent/ }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/s4-takeover/b-took-over.png' });
  await expectNoAxeViolations();
  const handedOver = () =>
    slack.messages(UPDATE_CHANNEL).filter((m) => m.text.startsWith('Comms for this maintenance'));
  await expect.poll(() => handedOver().length, { timeout: 20_000 }).toBe(1);
  expect(handedOver()[0]).toMatchObject({
    thread_ts: announcementTs,
    text: `Comms for this maintenance are now with <@${LEAD_B.userId}>.`,
  });

  // Within 30 s of A's clock, A's panel says B has it, with "Take over comms" one action away.
  await a.call('testClock:advance', { ms: 30_000 });
  const aPage = await (await browser.newContext()).newPage();
  await aPage.goto(a.url);
  await goTo(aPage, 'Calendar');
  const aPanel = await openCertManager(aPage, '2026-04-27');
  await expect(aPanel.getByTestId('event-owner')).toHaveText(`Comms: @${LEAD_B.name} has it.`, {
    timeout: 20_000,
  });
  await expect(aPanel.getByRole('button', { name: 'Take over comms' })).toBeVisible();
  await expectOwnedBy(aPanel, LEAD_B.name);
  await aPage.screenshot({ path: '/tmp/s4-takeover/a-b-has-it.png' });
  expect((await remindersOf(a, eventId)).filter((r) => r.state === 'armed')).toEqual([]);
  // A's month grid shows the messages still to send as B's, not as a reminder of A's own.
  const aDue = aPage.locator('.due-chip', { hasText: 'Certificate Manager Upgrade' });
  await expect(aDue.filter({ hasText: 'Remind' })).toHaveCount(1);
  for (const chip of await aDue.all()) {
    await expect(chip).toHaveClass(/is-theirs/);
    await expect(chip).toHaveAccessibleName(new RegExp(`@${escaped(LEAD_B.name)} has it`));
  }
  await aPage.screenshot({ path: '/tmp/s5-team/a-grid-b-has-it.png', fullPage: true });

  // At the next comms reminder's time (test clock), only B's Herald alerts.
  const armed = (await remindersOf(b, eventId)).filter((r) => r.state === 'armed');
  const next = armed.map((r) => Date.parse(r.eventAtUtc)).sort((x, y) => x - y)[0] ?? NaN;
  expect(Number.isFinite(next)).toBe(true);
  for (const herald of [a, b]) {
    const now = await herald.call<{ nowMs?: number; nowUtc?: string }>('clock:now');
    const nowMs = now.nowMs ?? Date.parse(now.nowUtc ?? '');
    await herald.call('testClock:advance', { ms: next + 30_000 - nowMs });
  }
  await expect
    .poll(async () => (await remindersOf(b, eventId)).filter((r) => r.state === 'fired').length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  expect((await remindersOf(a, eventId)).filter((r) => r.state === 'fired')).toEqual([]);
});
