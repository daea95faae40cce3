// The maintenance calendar end to end: the plan's cert-manager example planned
// through the form, its four messages on the calendar and armed as
// reminders, a reschedule by a day that the reminders and a "rescheduled"
// draft follow; keyboard navigation; filters and clash flags; calendar files
// out and back in; a recurring duty's digest.
import { readFileSync } from 'node:fs';
import type { RestartableHarness } from '../support/harness-process.ts';
import { lintIcs } from '../unit/electron/core/calendar/rfc5545-lint.ts';
import { expect, test } from './fixtures.ts';
import { calendarDay, CERT_MANAGER_UPGRADE } from './helpers.ts';

// Wed 1 Apr 2026, 10:00 BST: three weeks before the upgrade.
test.use({ testClockIso: '2026-04-01T09:00:00.000Z' });

interface ReminderRow {
  kind: string;
  subject: { type: string; stage?: string };
  dueAtUtc: string;
  state: string;
}

async function maintenanceReminders(harness: RestartableHarness): Promise<string[]> {
  const { reminders } = await harness.call<{ reminders: ReminderRow[] }>('reminders:list');
  return reminders
    .filter((reminder) => reminder.kind === 'maintenance_comm')
    .map((reminder) => `${reminder.subject.stage} ${reminder.dueAtUtc}`);
}

test.describe('the maintenance calendar', () => {
  test('plans the cert-manager upgrade, shows its four messages, and reschedules it by a day', async ({
    page,
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    // A long journey with three axe scans: give it room on a busy two-core machine.
    test.slow();
    await openHerald('Calendar');
    await expect(page.getByRole('heading', { name: 'April 2026', level: 2 })).toBeVisible();
    await expect(calendarDay(page, '2026-04-01')).toHaveAttribute('aria-current', 'date');
    await expect(calendarDay(page, '2026-04-01')).toContainText('Today');

    await page.getByRole('button', { name: 'New maintenance' }).click();
    const form = page.getByRole('dialog', { name: 'New maintenance' });
    await form.getByLabel('Title').fill('Certificate Manager Upgrade');
    await form.getByLabel('What is being done').fill('Upgrading cert-manager from v0.8 to v0.14.');
    await form
      .getByLabel('Why')
      .fill('v0.14 drops the v1alpha1 certificates and moves to the cert-manager.io API group.');
    await form.getByLabel('Start date').fill('2026-04-23');
    await form.getByLabel('Start time').fill('12:00');
    await form.getByLabel('End date').fill('2026-04-23');
    await form.getByLabel('End time').fill('17:00');
    await form.getByLabel('Affected services').fill('cert-manager');
    await form.getByLabel('Impact on users').fill('We do not expect any downtime.');
    await form
      .getByLabel('What users need to do')
      .fill('Move your certificate definitions into your namespace folder in the environments repository.');
    await form.getByLabel('Change notes link').fill('https://cert-manager.io/docs/installation/upgrading/');
    // A deadline after the start is caught in the form, on the deadline field.
    await form.getByLabel('Users’ deadline').fill('2026-04-24');
    await form.getByRole('button', { name: 'Add to calendar' }).click();
    await expect(form.getByLabel('Users’ deadline')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Must be before the work starts')).toBeVisible();
    await form.getByLabel('Users’ deadline').fill('2026-04-22');
    await form.getByRole('button', { name: 'Add to calendar' }).click();
    await expect(form).toHaveCount(0);

    const panel = page.getByRole('region', { name: 'Certificate Manager Upgrade' });
    await expect(panel.getByText('Planned', { exact: true })).toBeVisible();
    await expect(panel).toContainText('Thu 23 Apr 2026, 12:00 – 17:00 BST');
    await expect(panel).toContainText('Wed 22 Apr 2026, 23:59 BST');
    const messages = panel.getByRole('list', { name: 'Messages for this event' }).getByRole('listitem');
    await expect(messages).toHaveCount(4);
    await expect(messages.nth(0)).toContainText('Announcement');
    await expect(messages.nth(0)).toContainText('due Thu 16 Apr 2026, 12:00 BST');
    await expect(messages.nth(1)).toContainText('due Wed 22 Apr 2026, 12:00 BST');
    await expect(messages.nth(2)).toContainText('due Thu 23 Apr 2026, 12:00 BST');
    await expect(messages.nth(3)).toContainText('due Thu 23 Apr 2026, 17:00 BST');
    for (let index = 0; index < 4; index++) await expect(messages.nth(index)).toContainText('Reminder set');

    // The four messages are on the calendar, due on their days.
    await expect(calendarDay(page, '2026-04-16')).toContainText('Announce 12:00 Certificate Manager Upgrade');
    await expect(calendarDay(page, '2026-04-22')).toContainText('Remind 12:00 Certificate Manager Upgrade');
    // On the day of the work, its start and completion notices sit under the event rather than repeating its title.
    await expect(calendarDay(page, '2026-04-23')).toContainText(
      'Planned 12:00 Certificate Manager Upgrade Start 12:00, Complete 17:00',
    );
    await expect(calendarDay(page, '2026-04-23').getByRole('button')).toHaveCount(1);
    expect(await maintenanceReminders(harness)).toEqual([
      'announcement 2026-04-16T11:00:00.000Z',
      'reminder 2026-04-22T11:00:00.000Z',
      'start 2026-04-23T11:00:00.000Z',
      'complete 2026-04-23T16:00:00.000Z',
    ]);
    await expectNoAxeViolations();

    // Announced, then moved by a day.
    await panel.getByRole('button', { name: 'Mark as sent — Announcement' }).click();
    await expect(panel.getByText('Announced', { exact: true })).toBeVisible();
    await panel.getByRole('button', { name: 'Reschedule' }).click();
    const move = page.getByRole('dialog', { name: 'Reschedule “Certificate Manager Upgrade”' });
    await expect(move).toContainText('Herald drafts a “rescheduled” message');
    await move.getByLabel('New start date').fill('2026-04-24');
    await move.getByLabel('New end date').fill('2026-04-24');
    await move.getByLabel('Why is it moving?').fill('It clashes with a platform release.');
    await move.getByRole('button', { name: 'Reschedule' }).click();
    await expect(move).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Rescheduled.' })).toContainText(
      'a “rescheduled” message is ready',
    );

    await expect(panel.getByText('Rescheduled', { exact: true }).first()).toBeVisible();
    await expect(panel).toContainText('Fri 24 Apr 2026, 12:00 – 17:00 BST');
    await expect(panel).toContainText('Thu 23 Apr 2026, 23:59 BST');
    await expect(messages).toHaveCount(5);
    await expect(messages.nth(0)).toContainText('Sent');
    await expect(messages.nth(0)).toContainText('sent Wed 1 Apr 2026, 10:00 BST');
    await expect(messages.nth(1)).toContainText('due Thu 23 Apr 2026, 12:00 BST');
    await expect(messages.nth(2)).toContainText('due Fri 24 Apr 2026, 12:00 BST');
    await expect(messages.nth(3)).toContainText('due Fri 24 Apr 2026, 17:00 BST');
    await expect(messages.nth(4)).toContainText('Ready to send');
    await expect(messages.nth(4)).toContainText(
      'Draft: Action Required - Rescheduled - Certificate Manager Upgrade',
    );
    expect(await maintenanceReminders(harness)).toEqual([
      'reminder 2026-04-23T11:00:00.000Z',
      'start 2026-04-24T11:00:00.000Z',
      'complete 2026-04-24T16:00:00.000Z',
    ]);
    await expect(calendarDay(page, '2026-04-23')).toContainText('Remind 12:00 Certificate Manager Upgrade');
    await expect(calendarDay(page, '2026-04-01')).toContainText(
      'Announce · Sent 10:00 Certificate Manager Upgrade',
    );
    await expect(calendarDay(page, '2026-04-24')).toContainText(
      'Rescheduled 12:00 Certificate Manager Upgrade',
    );
    await expect(calendarDay(page, '2026-04-22')).not.toContainText('Certificate Manager Upgrade');

    const drafts =
      await harness.call<Array<{ id: string; origin: { kind: string; stage?: string } }>>('drafts:list');
    const rescheduled = drafts.find(
      (draft) => draft.origin.kind === 'calendar' && draft.origin.stage === 'rescheduled',
    );
    const stored = await harness.call<{ draft: { fields: Record<string, string>; body: string } }>(
      'drafts:get',
      { id: rescheduled!.id },
    );
    expect(stored.draft.fields).toMatchObject({
      startsAtUtc: '2026-04-24T11:00:00.000Z',
      userActionDeadlineUtc: '2026-04-23T22:59:00.000Z',
      why: 'It clashes with a platform release.',
    });
    expect(stored.draft.body).toBe('This was planned for Thu 23 Apr 2026, 12:00 BST.');
    await expectNoAxeViolations();
    // From the top: the navigation stays in view as the page scrolls, so it is drawn where the view is.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/calendar-month.png', fullPage: true });

    // "Open draft" takes the lead to the composer with that message.
    await panel.getByRole('button', { name: 'Open draft — Rescheduled' }).click();
    await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Rescheduled - Certificate Manager Upgrade');
  });

  test('moves between days with the keyboard and opens a day with Enter', async ({ page, openHerald }) => {
    await openHerald('Calendar');
    const today = calendarDay(page, '2026-04-01');
    await expect(today).toHaveAttribute('tabindex', '0');
    await today.focus();
    await page.keyboard.press('ArrowRight');
    await expect(calendarDay(page, '2026-04-02')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(calendarDay(page, '2026-04-09')).toBeFocused();
    await page.keyboard.press('End');
    await expect(calendarDay(page, '2026-04-12')).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { name: 'May 2026', level: 2 })).toBeVisible();
    await expect(calendarDay(page, '2026-05-12')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Monday 11 May 2026', level: 2 })).toBeVisible();
    await expect(calendarDay(page, '2026-05-11')).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await expect(page.getByRole('heading', { name: '11 – 17 May 2026', level: 2 })).toBeVisible();
    await expect(page.getByRole('gridcell')).toHaveCount(7);
  });

  test('flags clashes, filters by service and status, and shows recurring duties with their digest', async ({
    page,
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    await harness.call('calendar:create', { event: CERT_MANAGER_UPGRADE });
    await harness.call('calendar:create', {
      event: {
        ...CERT_MANAGER_UPGRADE,
        title: 'Ingress Controller Upgrade',
        services: ['ingress'],
        startsAtUtc: '2026-04-23T15:00:00.000Z',
        endsAtUtc: '2026-04-23T17:00:00.000Z',
        userActionDeadlineUtc: null,
      },
    });
    await harness.call('calendar:addFreeze', {
      label: 'Release freeze',
      firstDate: '2026-04-23',
      lastDate: '2026-04-23',
    });
    await openHerald('Calendar');
    await expect(calendarDay(page, '2026-04-23')).toContainText(
      'Planned · Overlaps 12:00 Certificate Manager Upgrade',
    );
    await page.getByRole('button', { name: 'Planned · Overlaps 12:00 Certificate Manager Upgrade' }).click();
    const panel = page.getByRole('region', { name: 'Certificate Manager Upgrade' });
    await expect(panel).toContainText('Overlaps with other work: Ingress Controller Upgrade.');
    await expect(panel).toContainText('Falls in a change freeze: Release freeze.');

    await page.getByLabel('Service').selectOption('ingress');
    await expect(calendarDay(page, '2026-04-23')).not.toContainText('Certificate Manager Upgrade');
    await expect(calendarDay(page, '2026-04-23')).toContainText('Ingress Controller Upgrade');
    await page.getByLabel('Service').selectOption('');
    await page.getByRole('checkbox', { name: 'Planned' }).uncheck();
    await expect(calendarDay(page, '2026-04-23')).not.toContainText('Upgrade');
    await page.getByRole('checkbox', { name: 'Planned' }).check();

    // The agenda lists the same. The CTO's weekly successes would fall on Friday 3 April, Good Friday in England
    // (the default holiday region), so they are due on Thursday 2 April instead.
    await page.getByRole('button', { name: 'Agenda', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Thursday 23 April' })).toContainText(
      'Ingress Controller Upgrade',
    );
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Thursday 2 April' }).click();
    const dayPanel = page.getByRole('region', { name: 'Thursday 2 April 2026' });
    await expect(dayPanel).toContainText('Successes for the CTO');
    await dayPanel.getByRole('button', { name: 'Draft the digest — Successes for the CTO' }).click();
    await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Highlights for 27 Mar – 2 Apr 2026');
  });

  test('exports calendar files that import back unchanged, and names the problem in a malformed one', async ({
    page,
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    await harness.call('calendar:create', { event: CERT_MANAGER_UPGRADE });
    await openHerald('Calendar');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all .ics' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('herald-maintenance.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    expect(lintIcs(ics)).toEqual([]);
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260423T120000\r\n');

    await page.getByRole('button', { name: 'Import .ics' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from a calendar file' });
    const picker = dialog.getByLabel('Calendar file (.ics)');
    await picker.setInputFiles({
      name: 'herald-maintenance.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(ics),
    });
    await expect(dialog.getByRole('row', { name: /Certificate Manager Upgrade/ })).toContainText('No change');
    await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();

    await picker.setInputFiles({
      name: 'broken.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY Missing colon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      ),
    });
    await expect(dialog.getByRole('alert')).toHaveText(
      'Line 4 of the calendar file is not an iCalendar line (a name, a colon, then a value): "SUMMARY Missing colon".',
    );

    const another = ics
      .replace(/UID:[^\r]+/, 'UID:another@example.org')
      .replace('SUMMARY:Certificate Manager Upgrade', 'SUMMARY:Kubernetes 1.30 Upgrade');
    await picker.setInputFiles({
      name: 'another.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(another),
    });
    await expect(dialog.getByRole('row', { name: /Kubernetes 1.30 Upgrade/ })).toContainText('New');
    await expectNoAxeViolations();
    await dialog.getByRole('button', { name: 'Import 1 event' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(calendarDay(page, '2026-04-23')).toContainText('Kubernetes 1.30 Upgrade');
  });

  test('imports a repeating event as every occurrence, and events without an end or a title', async ({
    page,
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//Other calendar//EN',
      'BEGIN:VEVENT',
      'UID:patching@example.org',
      'DTSTAMP:20260301T090000Z',
      'SUMMARY:Patching window',
      'DTSTART;TZID=Europe/London:20260414T120000',
      'DTEND;TZID=Europe/London:20260414T130000',
      'RRULE:FREQ=WEEKLY;COUNT=4',
      'EXDATE;TZID=Europe/London:20260421T120000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:patching@example.org',
      'DTSTAMP:20260301T090000Z',
      'RECURRENCE-ID;TZID=Europe/London:20260428T120000',
      'SUMMARY:Patching window (moved)',
      'DTSTART;TZID=Europe/London:20260429T140000',
      'DTEND;TZID=Europe/London:20260429T150000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:nameless@example.org',
      'DTSTAMP:20260301T090000Z',
      'DTSTART:20260416T090000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ];
    await openHerald('Calendar');
    await page.getByRole('button', { name: 'Import .ics' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from a calendar file' });
    await dialog.getByLabel('Calendar file (.ics)').setInputFiles({
      name: 'patching.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(lines.join('\r\n')),
    });
    // Every occurrence but the excluded one, the moved one in its place, and no duplicate-UID problem.
    await expect(dialog.getByRole('row', { name: /Patching window/ })).toHaveCount(3);
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByRole('row', { name: /Patching window/ }).first()).toContainText(
      'it repeats: 3 occurrences, Tue 14 Apr 2026 to Tue 5 May 2026, each imported as its own event in one series',
    );
    const untitled = dialog.getByRole('row', { name: /Untitled event/ });
    await expect(untitled).toContainText(
      'it has no title (SUMMARY), so it is called "Untitled event"; edit the title after importing',
    );
    await expect(untitled).toContainText(
      'it has no end (DTEND or DURATION), so it is a moment with no length',
    );
    await expectNoAxeViolations();
    await dialog.getByRole('button', { name: 'Import 4 events' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(calendarDay(page, '2026-04-14')).toContainText('Patching window');
    await expect(calendarDay(page, '2026-04-29')).toContainText('Patching window (moved)');
    await expect(calendarDay(page, '2026-04-16')).toContainText('Untitled event');
    // Each occurrence is its own event in one series: 21 April excluded, the 28 April one moved to the 29th.
    const list = await harness.call<{
      events: { title: string; startsAtUtc: string; seriesUid: string | null; recurrenceId: string | null }[];
    }>('calendar:list', {
      fromUtc: '2026-04-01T00:00:00.000Z',
      toUtc: '2026-06-01T00:00:00.000Z',
    });
    expect(
      list.events.map((event) => [event.title, event.startsAtUtc, event.seriesUid, event.recurrenceId]),
    ).toEqual([
      ['Patching window', '2026-04-14T11:00:00.000Z', 'patching@example.org', '2026-04-14T11:00:00.000Z'],
      ['Untitled event', '2026-04-16T09:00:00.000Z', null, null],
      [
        'Patching window (moved)',
        '2026-04-29T13:00:00.000Z',
        'patching@example.org',
        '2026-04-28T11:00:00.000Z',
      ],
      ['Patching window', '2026-05-05T11:00:00.000Z', 'patching@example.org', '2026-05-05T11:00:00.000Z'],
    ]);
  });
});
