// A promised incident update, end to end in Chromium on the harness's test
// clock: declaring an incident with "next update in 30 minutes" arms the
// heads-up, due and overdue alerts, which appear in the notification centre
// as time moves; the centre routes to the composer, and sending the update
// clears them. The incident is declared and updated through the same API the
// composer uses (drafts:create → drafts:save → messages:send); the composer's
// own clicks are covered by incident-lifecycle.spec.ts.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  CERT_MANAGER_UPGRADE,
  connectSlack,
  declareIncident,
  fillAndSend,
  MINUTE_MS,
  type StoredDraftLike,
  UPDATE_CHANNEL,
} from './helpers.ts';

/** Reminders name the incident by its service. */
const INCIDENT_TITLE = 'Sentry';

test.use({ testClockIso: '2026-04-20T09:00:00Z' });

function centre(page: Page) {
  return page.getByRole('complementary', { name: 'Notifications' });
}

function section(page: Page, heading: RegExp) {
  return centre(page).getByRole('region', { name: heading });
}

test.describe('promised incident updates', () => {
  test('the centre shows the heads-up, the due and the overdue alert as time passes, and clears them once the update is sent', async ({
    page,
    harness,
    slack,
    openHerald,
    expectNoAxeViolations,
  }) => {
    await connectSlack(harness, slack.botToken);
    await openHerald('Incidents');
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await expect(bell).toHaveAccessibleName(/^Notifications \(nothing due\)$/);

    // Declaring the incident with "next update in 30 minutes".
    const incidentId = await declareIncident(harness, '2026-04-20T09:30:00.000Z');
    // Its alerts count from when the declaration reaches Slack.
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length).toBe(1);
    await bell.click();
    await expect(section(page, /^Coming up/)).toContainText(INCIDENT_TITLE);
    await expect(section(page, /^Coming up/)).toContainText('Incident update due in 30 min (10:30 BST)');
    await page.keyboard.press('Escape');
    await expect(centre(page)).toHaveCount(0);
    await expect(bell).toBeFocused();

    // The heads-up: an alert pops up in the page, and the centre lists it as due soon.
    await harness.call('testClock:advance', { ms: 25 * MINUTE_MS });
    const alerts = page.getByRole('region', { name: 'New alerts' });
    await expect(alerts).toContainText(`Update due in 5 min: ${INCIDENT_TITLE}`);
    await expect(bell).toHaveAccessibleName(/^Notifications 1 item needs you$/);
    await alerts.getByRole('button', { name: 'Show' }).click();
    await expect(section(page, /^Due soon/)).toContainText('Incident update due in 5 min (10:30 BST)');

    // The promised time: due now.
    await harness.call('testClock:advance', { ms: 5 * MINUTE_MS });
    await expect(section(page, /^Due now/)).toContainText('Incident update due now (10:30 BST)');
    await expect(section(page, /^Due soon/)).toHaveCount(0);
    await centre(page).getByRole('button', { name: 'Close' }).click();

    // Five minutes late: overdue.
    await harness.call('testClock:advance', { ms: 5 * MINUTE_MS });
    await expect(alerts).toContainText(`Update overdue: ${INCIDENT_TITLE}`);
    await alerts.getByRole('button', { name: 'Show' }).click();
    const overdue = section(page, /^Overdue/);
    await expect(overdue).toContainText('Incident update overdue since 10:30 BST (5 minutes late)');
    await expect(section(page, /^Due now/)).toHaveCount(0);
    for (const action of ['Post update', 'Post holding update', 'Snooze 5 min', 'Dismiss']) {
      await expect(overdue.getByRole('button', { name: action })).toBeVisible();
    }
    await expectNoAxeViolations();

    // "Post update" opens the composer on this incident's next update.
    await overdue.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
    expect(page.url()).toMatch(/#\/compose$/);

    // Posting the update, with a new promise two hours on.
    const update = await harness.call<StoredDraftLike>('incidents:draftNext', { incidentId, kind: 'update' });
    await fillAndSend(harness, update, {
      serviceImpact: 'Errors are reaching Sentry again, slowly.',
      actionBeingTaken: 'A fix is being deployed.',
      userActions: 'None',
      nextUpdateAtUtc: '2026-04-20T11:35:00.000Z',
    });
    await expect(bell).toHaveAccessibleName(/^Notifications \(nothing due\)$/);
    await bell.click();
    // The old alerts are gone; only the new promise waits, further off.
    for (const heading of [/^Overdue/, /^Due now/, /^Due soon/])
      await expect(section(page, heading)).toHaveCount(0);
    await expect(section(page, /^Coming up/)).toContainText('12:35 BST');
    await expect(page.getByRole('region', { name: 'New alerts' })).toHaveCount(0);
  });

  test('snoozing an overdue alert moves it out of the way until the snooze ends', async ({
    page,
    harness,
    slack,
    openHerald,
  }) => {
    await connectSlack(harness, slack.botToken);
    await openHerald();
    await declareIncident(harness, '2026-04-20T09:10:00.000Z');
    await expect.poll(() => slack.messages(UPDATE_CHANNEL).length).toBe(1);
    await harness.call('testClock:advance', { ms: 15 * MINUTE_MS });
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const overdue = section(page, /^Overdue/);
    await overdue.getByRole('button', { name: 'Snooze 5 min' }).click();
    await expect(overdue).toHaveCount(0);
    await expect(section(page, /^Due soon/)).toContainText(INCIDENT_TITLE);

    await harness.call('testClock:advance', { ms: 5 * MINUTE_MS });
    await expect(section(page, /^Overdue/)).toContainText(INCIDENT_TITLE);
  });
});

test.describe('calendar messages in the notification centre', () => {
  const upgrade = { ...CERT_MANAGER_UPGRADE, userActions: 'None', userActionDeadlineUtc: null };
  interface DetailLike {
    comms: { stage: string; dueAtUtc: string | null; state: string }[];
  }

  test('each message is due when the calendar says, and one imported after its time is overdue, not "missed while asleep"', async ({
    page,
    harness,
    openHerald,
    expectNoAxeViolations,
  }) => {
    // Work on Tue 28 Apr: the calendar puts its announcement on Tue 21 Apr, a week before.
    const planned = await harness.call<DetailLike>('calendar:create', {
      event: { ...upgrade, startsAtUtc: '2026-04-28T11:00:00.000Z', endsAtUtc: '2026-04-28T16:00:00.000Z' },
    });
    expect(planned.comms.find((comm) => comm.stage === 'announcement')?.dueAtUtc).toBe(
      '2026-04-21T11:00:00.000Z',
    );
    // Work on Fri 24 Apr, entered today (Mon 20 Apr): its announcement was due on Fri 17 Apr.
    const late = await harness.call<DetailLike>('calendar:create', {
      event: {
        ...upgrade,
        title: 'Ingress Controller Upgrade',
        services: ['ingress'],
        startsAtUtc: '2026-04-24T11:00:00.000Z',
        endsAtUtc: '2026-04-24T13:00:00.000Z',
      },
    });
    expect(late.comms.find((comm) => comm.stage === 'announcement')).toMatchObject({
      dueAtUtc: '2026-04-17T11:00:00.000Z',
      state: 'overdue',
    });

    await openHerald('Incidents');
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const comingUp = section(page, /^Coming up/);
    await expect(comingUp).toContainText('Maintenance announcement due in 1 day 2 h (Tue 21 Apr, 12:00 BST)');
    // The calendar's reminder is due the day before the work (Mon 27 Apr); before, both said the work's start.
    expect(planned.comms.find((comm) => comm.stage === 'reminder')?.dueAtUtc).toBe(
      '2026-04-27T11:00:00.000Z',
    );
    await expect(comingUp).toContainText('Maintenance reminder due in 7 days (Mon 27 Apr, 12:00 BST)');
    await expect(comingUp).not.toContainText('Maintenance announcement due in 8 days (Tue 28 Apr');
    // Three days past its time it is overdue, in the Overdue section, not "due now".
    const overdue = section(page, /^Overdue/);
    await expect(overdue).toContainText('Ingress Controller Upgrade');
    await expect(overdue).toContainText(
      'Maintenance announcement overdue since Fri 17 Apr, 12:00 BST (2 days 22 hours late)',
    );
    await expect(section(page, /^Due now/)).toHaveCount(0);
    await expect(centre(page)).not.toContainText('asleep');
    await expectNoAxeViolations();
  });
});
