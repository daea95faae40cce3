// Two leads, two Heralds, one fake Slack: a maintenance A creates and
// announces appears in B's calendar, with A as its owner and its announcement
// already marked sent, so B's Herald reminds B of nothing for it.
import { certManagerFields } from '../unit/shared/calendar/event-fixtures.ts';
import { expect, LEAD_A, test } from './fixtures.ts';

const START = '2026-04-23T11:00:00.000Z';
test.use({ testClockIso: START });

interface Detail {
  event: { id: string; owner: string; origin: string; status: string; sentStages: Record<string, string> };
}

test('a maintenance A announces appears in B’s calendar, owned by A, its announcement sent', async ({
  page,
  slack,
  team: { a, b },
  expectNoAxeViolations,
}) => {
  test.setTimeout(180_000);
  const created = await a.call<Detail>('calendar:create', {
    event: {
      ...certManagerFields(),
      startsAtUtc: '2026-04-27T11:00:00.000Z',
      endsAtUtc: '2026-04-27T16:00:00.000Z',
      userActionDeadlineUtc: null,
    },
  });
  const eventId = created.event.id;
  const opened = await a.call<{ draftId: string }>('calendar:openDraft', {
    eventId,
    stage: 'announcement',
  });
  await expect
    .poll(async () => (await a.call<{ connection: { state: string } }>('outbox:list', {})).connection.state)
    .toBe('online');
  await a.call('messages:send', {
    draftId: opened.draftId,
    mode: 'now',
    overrideReason: 'Checked with the team lead.',
  });
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
  await expect(cell.getByRole('button', { name: /Certificate Manager Upgrade/ }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/s3-team-b-calendar.png' });
  await expectNoAxeViolations();
});
