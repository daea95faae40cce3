// The calendar at a glance: a long title stays legible in a month cell at
// 1024 px (wrapped, whole on hover and focus), an event's messages fold under
// it instead of repeating its title, a skip link takes the keyboard past the
// toolbar to the grid, and axe finds nothing in any view at three widths.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  calendarDay,
  CERT_MANAGER_UPGRADE,
  connectSlack,
  sendEventMessage,
  waitUntilOnline,
} from './helpers.ts';

// Wed 1 Apr 2026, 10:00 BST.
test.use({ testClockIso: '2026-04-01T09:00:00.000Z' });

const LONG_TITLE =
  'Kubernetes control plane upgrade to 1.31 with the ingress controller migration and node pool rotation';

/** Every button in `scope` is the element a click at its centre reaches (nothing covers it), once in view. */
async function expectEveryButtonUncovered(scope: Locator): Promise<void> {
  const buttons = scope.getByRole('button');
  const count = await buttons.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const button = buttons.nth(index);
    await button.scrollIntoViewIfNeeded();
    const reached = await button.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === element || element.contains(hit));
    });
    expect(reached, `${await button.textContent()} is covered`).toBe(true);
  }
}

/** Whether an element's text is cut off (more of it than its box shows). */
const isClipped = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element.scrollHeight > element.clientHeight + 1);

test.describe('the calendar at a glance', () => {
  test('a long title in a month cell at 1024 px wraps, and shows whole on hover and while its day has focus', async ({
    page,
    openHerald,
    harness,
  }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await harness.call('calendar:create', {
      event: {
        ...CERT_MANAGER_UPGRADE,
        title: LONG_TITLE,
        services: ['kubernetes'],
        startsAtUtc: '2026-04-15T08:00:00.000Z',
        endsAtUtc: '2026-04-15T12:00:00.000Z',
        userActionDeadlineUtc: null,
      },
    });
    await openHerald('Calendar');
    const chip = calendarDay(page, '2026-04-15').getByRole('button', { name: LONG_TITLE });
    await expect(chip).toBeVisible();
    // The whole title is the chip's tooltip.
    await expect(chip).toHaveAttribute('title', `09:00 ${LONG_TITLE}`);

    // Wrapped over several lines, not cut to one: the first words and well beyond are on screen.
    const title = '[data-date="2026-04-15"] .chip .chip-title';
    const box = await page.locator(title).boundingBox();
    const lineHeight = await page
      .locator(title)
      .evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    expect(box!.height).toBeGreaterThanOrEqual(2.5 * lineHeight);
    expect(box!.width).toBeGreaterThan(60);
    // Three lines at rest in a cell this narrow; all of it on hover …
    expect(await isClipped(page, title)).toBe(true);
    await chip.hover();
    await expect.poll(() => isClipped(page, title)).toBe(false);
    // … and while the day has keyboard focus.
    await page.mouse.move(5, 5);
    await expect.poll(() => isClipped(page, title)).toBe(true);
    await calendarDay(page, '2026-04-15').focus();
    await expect.poll(() => isClipped(page, title)).toBe(false);
  });

  test("an event's messages are grouped under it, and a skip link takes the keyboard straight to the grid", async ({
    page,
    openHerald,
    harness,
  }) => {
    await harness.call('calendar:create', { event: CERT_MANAGER_UPGRADE });
    await openHerald('Calendar');

    // On the day of the work: one entry, the event, with its start and completion notices under it.
    const workDay = calendarDay(page, '2026-04-23');
    await expect(workDay.getByRole('button')).toHaveCount(1);
    await expect(workDay.getByRole('button')).toContainText(
      'Planned 12:00 Certificate Manager Upgrade Start 12:00, Complete 17:00',
    );
    // On the other days its announcement and reminder stand alone, each naming the event once.
    await expect(calendarDay(page, '2026-04-16').getByRole('button')).toHaveText(
      'Announce 12:00 Certificate Manager Upgrade',
    );
    await expect(calendarDay(page, '2026-04-22').getByRole('button')).toHaveText(
      'Remind 12:00 Certificate Manager Upgrade',
    );
    // The event's panel lists every message in full.
    await workDay.getByRole('button').click();
    const panel = page.getByRole('region', { name: 'Certificate Manager Upgrade' });
    await expect(
      panel.getByRole('list', { name: 'Messages for this event' }).getByRole('listitem'),
    ).toHaveCount(4);

    // The skip link is the calendar's first Tab stop, and Enter lands on the grid's focused day.
    const skip = page.getByRole('link', { name: 'Skip to the calendar grid' });
    const firstStop = await page
      .locator('.calendar')
      .evaluate(
        (calendar) =>
          calendar.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]')
            ?.textContent,
      );
    expect(firstStop).toBe('Skip to the calendar grid');
    await skip.focus();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(calendarDay(page, '2026-04-01')).toBeFocused();
    await expect(page).toHaveURL(/#\/calendar$/);
    await page.keyboard.press('ArrowRight');
    await expect(calendarDay(page, '2026-04-02')).toBeFocused();

    // In the agenda it goes to the first item.
    await page.getByRole('button', { name: 'Agenda', exact: true }).click();
    await page.getByRole('link', { name: 'Skip to the agenda' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.agenda button').first()).toBeFocused();

    await page.getByRole('button', { name: 'Month', exact: true }).click();
    // Back in the month, the day panel groups them the same way: one button per event, its messages that day listed under it.
    await workDay.locator('.day-head').click();
    const workDayPanel = page.getByRole('region', { name: 'Thursday 23 April 2026' });
    await expect(workDayPanel.getByRole('button', { name: /Certificate Manager Upgrade/ })).toHaveCount(1);
    await expect(workDayPanel.getByRole('button', { name: /Certificate Manager Upgrade/ })).toHaveText(
      '12:00 Certificate Manager Upgrade Planned',
    );
    const underEvent = workDayPanel.getByRole('list', {
      name: 'Messages for Certificate Manager Upgrade this day',
    });
    await expect(underEvent.getByRole('listitem')).toHaveText([
      '12:00 Start Scheduled',
      '17:00 Complete Scheduled',
    ]);
    await page.screenshot({ path: '/tmp/day-panel-grouped.png', fullPage: true });
    await calendarDay(page, '2026-04-16').locator('.day-head').click();
    const announceDay = page.getByRole('region', { name: 'Thursday 16 April 2026' });
    await expect(
      announceDay.getByRole('heading', { name: 'Messages due for work on other days' }),
    ).toBeVisible();
    await expect(
      announceDay
        .getByRole('list', { name: 'Messages for Certificate Manager Upgrade this day' })
        .getByRole('listitem'),
    ).toHaveText(['12:00 Announce Scheduled']);
    await announceDay.getByRole('button', { name: 'Certificate Manager Upgrade' }).click();
    await expect(page.getByRole('region', { name: 'Certificate Manager Upgrade' })).toBeVisible();
  });

  test('axe finds no violation in the month, week and agenda views at 800, 1024 and 1440 px', async ({
    page,
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    test.slow();
    await harness.call('calendar:create', { event: CERT_MANAGER_UPGRADE });
    await harness.call('calendar:create', {
      event: {
        ...CERT_MANAGER_UPGRADE,
        title: LONG_TITLE,
        services: ['kubernetes'],
        startsAtUtc: '2026-04-23T13:00:00.000Z',
        endsAtUtc: '2026-04-23T15:00:00.000Z',
        userActionDeadlineUtc: null,
      },
    });
    // Work whose announcement was due before it was planned.
    await harness.call('calendar:create', {
      event: {
        ...CERT_MANAGER_UPGRADE,
        title: 'DNS Provider Change',
        services: ['dns'],
        startsAtUtc: '2026-04-03T08:00:00.000Z',
        endsAtUtc: '2026-04-03T09:00:00.000Z',
        userActionDeadlineUtc: null,
      },
    });
    await openHerald('Calendar');
    await expect(calendarDay(page, '2026-04-23')).toContainText(LONG_TITLE);
    for (const width of [800, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      for (const view of ['Month', 'Week', 'Agenda']) {
        await page.getByRole('button', { name: view, exact: true }).click();
        await expect(page.getByRole('button', { name: view, exact: true })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        await expectNoAxeViolations();
      }
    }
    // The week with the busy day, at the narrowest width.
    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await calendarDay(page, '2026-04-23').locator('.day-head').click();
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await expect(page.getByRole('heading', { name: '20 – 26 Apr 2026', level: 2 })).toBeVisible();
    await expectNoAxeViolations();
  });
});

test.describe('public holidays', () => {
  // Tue 1 Dec 2026, 10:00 GMT. Christmas Day is a Friday, the CTO's weekly update's day.
  test.use({ testClockIso: '2026-12-01T10:00:00.000Z' });

  test('a duty on 25 December moves to the working day before under the UK region, and the region setting changes it', async ({
    page,
    openHerald,
    expectNoAxeViolations,
  }) => {
    await openHerald('Calendar');
    await expect(page.getByRole('heading', { name: 'December 2026', level: 2 })).toBeVisible();
    // England's bank holidays by default: due on Thursday 24th, saying why.
    await expect(calendarDay(page, '2026-12-24')).toContainText('Duty · Moved 10:00 Successes for the CTO');
    await expect(calendarDay(page, '2026-12-24').locator('.duty-chip', { hasText: 'CTO' })).toHaveAttribute(
      'title',
      'Successes for the CTO, moved from Fri 25 Dec (Christmas Day)',
    );
    await expect(calendarDay(page, '2026-12-25')).not.toContainText('Successes for the CTO');

    await page.getByText('Calendar settings: lead times, public holidays and change freezes').click();
    const region = page.getByLabel('Holiday region');
    await expect(region).toHaveValue('GB-ENG');
    // A region the holiday data does not know is refused on the field, and what was typed stays.
    await region.fill('XX-YY');
    await page.getByRole('button', { name: 'Save holiday region' }).click();
    await expect(page.getByRole('alert')).toContainText('Herald has no public holidays for "XX-YY"');
    await expect(region).toHaveAttribute('aria-invalid', 'true');
    await expect(region).toHaveValue('XX-YY');
    await expectNoAxeViolations();

    // No region: the duty stays on Christmas Day.
    await region.fill('');
    await page.getByRole('button', { name: 'Save holiday region' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'holidays or not' })).toBeVisible();
    await expect(calendarDay(page, '2026-12-25')).toContainText('Duty 10:00 Successes for the CTO');
    await expect(calendarDay(page, '2026-12-24')).not.toContainText('Successes for the CTO');

    // Scotland keeps Christmas too, and the setting survives a reload.
    await region.fill('gb-sct');
    await page.getByRole('button', { name: 'Save holiday region' }).click();
    await expect(calendarDay(page, '2026-12-24')).toContainText('Duty · Moved 10:00 Successes for the CTO');
    await page.reload();
    await page.getByText('Calendar settings: lead times, public holidays and change freezes').click();
    await expect(page.getByLabel('Holiday region')).toHaveValue('GB-SCT');
    await calendarDay(page, '2026-12-24').locator('.day-head').click();
    await expect(page.getByRole('region', { name: 'Thursday 24 December 2026' })).toContainText(
      'Successes for the CTO (Chief Technology Officer), moved from Fri 25 Dec (Christmas Day)',
    );
  });
});

test.describe('recurring maintenance', () => {
  test('creates a weekly series from the form and shows every occurrence', async ({
    page,
    openHerald,
    harness,
  }) => {
    // It also checks every button of the panel at three widths.
    test.slow();
    await openHerald('Calendar');
    await page.getByRole('button', { name: 'New maintenance' }).click();
    const form = page.getByRole('dialog', { name: 'New maintenance' });
    await form.getByLabel('Title').fill('Database Patching');
    await form.getByLabel('What is being done').fill('Applying the monthly PostgreSQL minor release.');
    await form.getByLabel('Start date').fill('2026-04-07');
    await form.getByLabel('Start time').fill('09:00');
    await form.getByLabel('End date').fill('2026-04-07');
    await form.getByLabel('End time').fill('10:00');
    await form.getByLabel('Affected services').fill('rds');
    await form.getByLabel('Impact on users').fill('Connections drop for a few seconds.');
    await form.getByLabel('Repeats', { exact: true }).selectOption('Every week');
    // Core refuses more than a year of weekly occurrences, on the field, keeping the form as typed.
    await form.getByLabel('Occurrences').fill('60');
    await form.getByRole('button', { name: 'Add to calendar' }).click();
    await expect(form.getByLabel('Occurrences')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Must be at most 52.')).toBeVisible();
    await expect(form.getByLabel('Title')).toHaveValue('Database Patching');

    await form.getByLabel('Occurrences').fill('4');
    await form.getByRole('button', { name: 'Add to calendar' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'is on the calendar 4 times' })).toBeVisible();
    for (const date of ['2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28'])
      await expect(calendarDay(page, date)).toContainText('Planned 09:00 Database Patching');
    await expect(calendarDay(page, '2026-04-08')).not.toContainText('Database Patching');

    // Four events in one series, each keyed by its own start, with its own messages armed.
    const list = await harness.call<{
      events: Array<{
        title: string;
        seriesUid: string | null;
        recurrenceId: string | null;
        startsAtUtc: string;
      }>;
    }>('calendar:list', { fromUtc: '2026-03-30T00:00:00.000Z', toUtc: '2026-05-04T00:00:00.000Z' });
    const series = list.events.filter((event) => event.title === 'Database Patching');
    expect(series.map((event) => event.startsAtUtc)).toEqual([
      '2026-04-07T08:00:00.000Z',
      '2026-04-14T08:00:00.000Z',
      '2026-04-21T08:00:00.000Z',
      '2026-04-28T08:00:00.000Z',
    ]);
    expect(new Set(series.map((event) => event.seriesUid)).size).toBe(1);
    expect(series[0]!.seriesUid).toMatch(/@herald$/);
    expect(series.map((event) => event.recurrenceId)).toEqual(series.map((event) => event.startsAtUtc));
    // One occurrence is cancelled on its own; the others stay planned.
    await calendarDay(page, '2026-04-14')
      .getByRole('button', { name: /^Planned 09:00 Database Patching/ })
      .click();
    const panel = page.getByRole('region', { name: 'Database Patching' });
    // The first occurrence's announcement is already overdue on the test clock, so its alert toast shows: it sits
    // under the navigation, never over the panel's actions, at every width.
    await expect(
      page.getByRole('region', { name: 'New alerts' }).getByRole('listitem').first(),
    ).toBeVisible();
    for (const width of [800, 1024, 1440]) {
      await page.setViewportSize({ width, height: 700 });
      await expectEveryButtonUncovered(panel);
    }
    await panel.getByRole('button', { name: 'Cancel event' }).click();
    await page
      .getByRole('dialog', { name: 'Cancel “Database Patching”?' })
      .getByRole('button', { name: 'Cancel the event' })
      .click();
    await expect(calendarDay(page, '2026-04-14')).toContainText('Cancelled 09:00 Database Patching');
    await expect(calendarDay(page, '2026-04-21')).toContainText('Planned 09:00 Database Patching');
  });
  test('cancels this and the following occurrences, naming the messages scheduled in Slack first; edits the whole series', async ({
    page,
    openHerald,
    harness,
    slack,
    expectNoAxeViolations,
  }) => {
    test.slow();
    // Slack's clock is Herald's test clock here, so it accepts a message scheduled for April.
    slack.setNowMs(Date.parse('2026-04-01T09:00:00.000Z'));
    await connectSlack(harness, slack.botToken);
    // Database patching, Tuesdays 09:00–10:00 BST from 7 April, four times.
    await harness.call('calendar:createSeries', {
      event: {
        ...CERT_MANAGER_UPGRADE,
        title: 'Database Patching',
        workKind: 'maintenance',
        what: 'Applying the monthly PostgreSQL minor release.',
        services: ['rds'],
        impact: 'Connections drop for a few seconds.',
        startsAtUtc: '2026-04-07T08:00:00.000Z',
        endsAtUtc: '2026-04-07T09:00:00.000Z',
        userActions: 'None',
        userActionDeadlineUtc: null,
      },
      repeat: { everyWeeks: 1, count: 4 },
    });
    const { events } = await harness.call<{
      events: Array<{ id: string; title: string; startsAtUtc: string }>;
    }>('calendar:list', { fromUtc: '2026-04-01T00:00:00.000Z', toUtc: '2026-05-01T00:00:00.000Z' });
    const on21 = events.find((event) => event.startsAtUtc === '2026-04-21T08:00:00.000Z')!;
    // The 21 April occurrence's announcement is scheduled in Slack for a week before (once Slack answers: until
    // then Herald would hold it to send itself).
    await waitUntilOnline(harness);
    await sendEventMessage(harness, on21.id, { mode: 'schedule', atUtc: '2026-04-14T08:00:00.000Z' });
    await expect.poll(() => slack.scheduled().length, { timeout: 20_000 }).toBe(1);

    await openHerald('Calendar');
    await calendarDay(page, '2026-04-14')
      .getByRole('button', { name: /^Planned 09:00 Database Patching/ })
      .click();
    const panel = page.getByRole('region', { name: 'Database Patching' });
    await panel.getByRole('button', { name: 'Cancel event' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel “Database Patching”?' });
    await expect(dialog.getByRole('radio', { name: /^Only this occurrence/ })).toBeChecked();
    await dialog.getByRole('radio', { name: 'This and the following occurrences' }).check();
    const preview = dialog.getByTestId('series-preview');
    await expect(preview).toContainText(
      'Cancels 3 occurrences: Tue 14 Apr 2026, 09:00 BST; Tue 21 Apr 2026, 09:00 BST; Tue 28 Apr 2026, 09:00 BST.',
    );
    await expect(preview).toContainText(
      '1 message waiting to go out will be removed from Slack (or the outbox):',
    );
    const affected = preview.getByRole('list', { name: 'Scheduled messages affected' }).getByRole('listitem');
    await expect(affected).toHaveCount(1);
    await expect(affected).toContainText('Announcement');
    await expect(affected).toContainText('for Tue 21 Apr 2026, 09:00 BST');
    await expect(affected).toContainText('Scheduled in Slack for Tue 14 Apr 2026, 09:00 BST');
    // The whole series reaches the first occurrence too.
    await dialog.getByRole('radio', { name: 'Every occurrence in the series' }).check();
    await expect(preview).toContainText('Cancels 4 occurrences');
    await dialog.getByRole('radio', { name: 'This and the following occurrences' }).check();
    await expect(dialog.getByRole('button', { name: 'Cancel 3 occurrences' })).toBeEnabled();
    await expectNoAxeViolations();
    await page.screenshot({ path: '/tmp/series-cancel-dialog.png', fullPage: true });
    await dialog.getByLabel('Why is it cancelled?').fill('The release is postponed.');
    await dialog.getByRole('button', { name: 'Cancel 3 occurrences' }).click();

    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '3 occurrences cancelled.' })).toBeVisible();
    await expect(calendarDay(page, '2026-04-07')).toContainText('Planned 09:00 Database Patching');
    for (const date of ['2026-04-14', '2026-04-21', '2026-04-28'])
      await expect(calendarDay(page, date)).toContainText('Cancelled 09:00 Database Patching');
    // The announcement is gone from Slack, through the outbox.
    await expect.poll(() => slack.scheduled().length, { timeout: 20_000 }).toBe(0);

    // Editing the whole series: what is left of it (the first occurrence) takes the new title and time.
    await calendarDay(page, '2026-04-07')
      .getByRole('button', { name: /^Planned 09:00 Database Patching/ })
      .click();
    await page
      .getByRole('region', { name: 'Database Patching' })
      .getByRole('button', { name: 'Edit' })
      .click();
    const form = page.getByRole('dialog', { name: 'Edit “Database Patching”' });
    await form.getByRole('radio', { name: 'Every occurrence in the series' }).check();
    await expect(form.getByTestId('series-preview')).toContainText(
      'Changes 1 occurrence: Tue 7 Apr 2026, 09:00 BST.',
    );
    await form.getByLabel('Title').fill('Database Patching (PostgreSQL 16.4)');
    await form.getByLabel('Start time').fill('10:00');
    await form.getByLabel('End time').fill('11:00');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '1 occurrence changed.' })).toBeVisible();
    await expect(calendarDay(page, '2026-04-07')).toContainText(
      'Planned 10:00 Database Patching (PostgreSQL 16.4)',
    );
    // Cancelled occurrences are left as they were.
    await expect(calendarDay(page, '2026-04-14')).toContainText('Cancelled 09:00 Database Patching');
  });
});
