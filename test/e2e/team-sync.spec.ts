// Two leads, two Heralds (two data folders, two harnesses), one fake Slack:
// Slack is all they share. A declares with a promise; B sees it with its
// promise and owner within 30 s of its clock; B takes over, and at the
// promised time only B is alerted; B's update reaches A, which was closed
// meanwhile and catches up when reopened; overdue past the grace period, both
// are told.
import type { RestartableHarness } from '../support/harness-process.ts';
import { expect, LEAD_A, LEAD_B, test } from './fixtures.ts';
import {
  fillAndSend,
  goTo,
  declareInSlack,
  openOtherHerald,
  type StoredDraftLike,
  UPDATE_CHANNEL,
} from './helpers.ts';

const START = '2026-04-23T11:00:00.000Z';
test.use({ testClockIso: START });

interface Reminders {
  reminders: Array<{ kind: string; state: string; subject: { incidentId?: string }; eventAtUtc: string }>;
}

async function nowOf(harness: RestartableHarness): Promise<number> {
  const reading = await harness.call<{ nowUtc?: string; nowMs?: number }>('clock:now');
  return reading.nowMs ?? Date.parse(reading.nowUtc ?? '');
}

const fired = (list: Reminders, incidentId: string, kind: string) =>
  list.reminders.some((r) => r.subject.incidentId === incidentId && r.kind === kind && r.state === 'fired');

test('two leads share one picture through Slack: declare, see, take over, update, catch up, escalate', async ({
  page,
  browser,
  slack,
  team: { a, b },
  expectNoAxeViolations,
}) => {
  test.setTimeout(240_000);
  // A declares, promising the next update in 30 minutes.
  const incidentId = (await declareInSlack(a, slack, '2026-04-23T11:30:00.000Z')).incidentId ?? '';

  // Within 30 s of B's clock, B's Herald shows it, with A's promise and A as the owner.
  await b.call('testClock:advance', { ms: 30_000 });
  const bPage = await openOtherHerald(browser, b, 'Incidents');
  const onB = bPage.getByTestId('incident').filter({ hasText: 'Sentry' });
  await expect(onB.getByTestId('incident-next-update')).toHaveText(
    /Next update promised for Thu 23 Apr 2026, 12:30 BST/,
  );
  await expect(onB.getByTestId('incident-owner')).toHaveText(/Comms: @.+ has it\./);

  // A closes Herald. B takes over: a short note in the thread, and B has it.
  await a.stop();
  await onB.getByRole('button', { name: 'Take over comms' }).click();
  await expect(onB.getByTestId('incident-owner')).toHaveText('Comms: you have it.');
  await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(2);
  expect(slack.messages(UPDATE_CHANNEL)[1]).toMatchObject({
    thread_ts: slack.messages(UPDATE_CHANNEL)[0]?.ts,
    text: `Comms for this incident are now with <@${LEAD_B.userId}>.`,
  });

  // A reopens (its clock where B's is): it catches up within 30 s and knows B has it.
  await a.start();
  await a.call('testClock:set', { nowUtc: new Date(await nowOf(b)).toISOString() });
  await a.call('testClock:advance', { ms: 30_000 });
  await b.call('testClock:advance', { ms: 30_000 });
  await page.goto(a.url);
  await goTo(page, 'Incidents');
  const onA = page.getByTestId('incident').filter({ hasText: 'Sentry' });
  await expect(onA.getByTestId('incident-owner')).toHaveText(`Comms: @${LEAD_B.name} has it.`);
  await expect(onA.getByRole('button', { name: 'Take over comms' })).toBeVisible();
  await expectNoAxeViolations();

  // At the promised time only B's Herald alerts.
  const toPromise = Date.parse('2026-04-23T11:30:30.000Z') - (await nowOf(b));
  await a.call('testClock:advance', { ms: toPromise });
  await b.call('testClock:advance', { ms: toPromise });
  await expect
    .poll(async () => fired(await b.call<Reminders>('reminders:list'), incidentId, 'incident_due'))
    .toBe(true);
  const onAList = await a.call<Reminders>('reminders:list');
  expect(onAList.reminders.filter((r) => r.subject.incidentId === incidentId && r.state === 'fired')).toEqual(
    [],
  );

  // B posts the update; A's view shows it within 30 s.
  const next = await b.call<StoredDraftLike>('incidents:draftNext', {
    incidentId,
    kind: 'update',
  });
  await fillAndSend(b, next, {
    serviceImpact: 'Most errors reach Sentry again.',
    actionBeingTaken: 'Relays restarted; watching the backlog drain.',
    userActions: 'Nothing.',
    nextUpdateAtUtc: '2026-04-23T12:30:00.000Z',
  });
  await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(3);
  await a.call('testClock:advance', { ms: 30_000 });
  await b.call('testClock:advance', { ms: 30_000 });
  await expect(onA.getByTestId('incident-next-update')).toHaveText(
    /Next update promised for Thu 23 Apr 2026, 13:30 BST/,
  );
  // A's card is named after the latest message, as B's is and as Slack shows it, not after the declaration.
  await expect(onA.getByRole('heading', { level: 3 })).toHaveText('Incident Update - Sentry');
  await expect(onB.getByRole('heading', { level: 3 })).toHaveText('Incident Update - Sentry');
  expect(slack.messages(UPDATE_CHANNEL)[2]?.text).toContain('Incident Update - Sentry');

  // Nobody posts: past the promise and the plan's 15-minute grace, both Heralds escalate.
  const pastGrace = Date.parse('2026-04-23T12:46:00.000Z') - (await nowOf(b));
  await a.call('testClock:advance', { ms: pastGrace });
  await b.call('testClock:advance', { ms: pastGrace });
  for (const harness of [a, b]) {
    await expect
      .poll(async () =>
        fired(await harness.call<Reminders>('reminders:list'), incidentId, 'incident_escalated'),
      )
      .toBe(true);
  }
});

test('a Herald with no lead named acts for another lead’s incident too, and says how to leave it to them', async ({
  page,
  slack,
  team: { a, b },
  expectNoAxeViolations,
}) => {
  test.setTimeout(120_000);
  await declareInSlack(a, slack, '2026-04-23T11:30:00.000Z');
  await b.call('settings:update', { lead: null });
  await b.call('testClock:advance', { ms: 30_000 });
  await page.goto(b.url);
  await goTo(page, 'Incidents');
  const onB = page.getByTestId('incident').filter({ hasText: 'Sentry' });
  await expect(onB.getByTestId('incident-owner')).toHaveText(`Comms: @${LEAD_A.name} has it.`, {
    timeout: 20_000,
  });
  await expect(onB.getByTestId('incident-no-lead')).toHaveText(
    `No lead is named in this Herald’s Settings, so it reminds you of every incident’s updates, this one’s too. Name yourself there to leave @${LEAD_A.name}’s work to them.`,
  );
  // The owner's actions, as main's rule allows (owner-wording.ts's isTheirs): no take-over without a lead to name.
  await expect(onB.getByRole('button', { name: 'Post update', exact: true })).toBeVisible();
  await expect(onB.getByRole('button', { name: 'Take over comms' })).toHaveCount(0);
  await expectNoAxeViolations();
  await page.screenshot({ path: '/tmp/s7-team/solo-incident.png', fullPage: true });
});
