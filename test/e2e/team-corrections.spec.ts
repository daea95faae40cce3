// A correction travels between leads' Heralds: lead A corrects the promise in
// a declaration already in Slack ("Edit in Slack", chat.update with the
// message's updated facts), Slack's log gains no new message, and within 30 s
// of B's clock B's Incidents screen shows the corrected promise, with B's
// reminder moved to it once B has comms.
import { expect, test } from './fixtures.ts';
import { declareInSlack, openOtherHerald, type StoredDraftLike, UPDATE_CHANNEL } from './helpers.ts';

const START = '2026-04-23T11:00:00.000Z';
test.use({ testClockIso: START, slackOptions: { nowMs: () => Date.parse(START) } });

interface Reminders {
  reminders: Array<{ kind: string; state: string; subject: { incidentId?: string }; eventAtUtc: string }>;
}

test('a promise A corrects in Slack reaches B’s Herald, its card and its reminder', async ({
  browser,
  slack,
  team: { a, b },
}) => {
  test.slow();
  const declared = await declareInSlack(a, slack, '2026-04-23T11:30:00.000Z');
  const incidentId = declared.incidentId ?? '';

  // B reads it within 30 s of its clock, and takes over comms.
  await b.call('testClock:advance', { ms: 30_000 });
  const bPage = await openOtherHerald(browser, b, 'Incidents');
  const onB = bPage.getByTestId('incident').filter({ hasText: 'Sentry' });
  await expect(onB.getByTestId('incident-next-update')).toHaveText(/Next update promised for .*12:30 BST/);
  const taken = await b.call<{ outboxItemId: string }>('incidents:takeOver', { incidentId });
  await expect
    .poll(async () => {
      const { items } = await b.call<{ items: Array<{ id: string; state: string }> }>('outbox:list', {});
      return items.find((item) => item.id === taken.outboxItemId)?.state;
    })
    .toBe('sent');

  // A corrects the declaration's promise to 12:00 BST (11:00 UTC + 60 min) in Slack.
  const opened = await a.call<{ stored: StoredDraftLike }>('messages:openCorrection', {
    messageId: declared.outboxItemId,
  });
  const movedPromise = '2026-04-23T12:00:00.000Z';
  const correction = {
    ...opened.stored.draft,
    fields: { ...opened.stored.draft.fields, nextUpdateAtUtc: movedPromise },
  };
  await a.call('drafts:save', { draft: correction });
  const messagesBefore = slack.messages(UPDATE_CHANNEL).length;
  await a.call('messages:edit', { draftId: correction.id });
  await expect
    .poll(() => JSON.stringify(slack.messages(UPDATE_CHANNEL)[0]?.metadata ?? {}), { timeout: 20_000 })
    .toContain(movedPromise);
  expect(slack.messages(UPDATE_CHANNEL)).toHaveLength(messagesBefore);

  // Within 30 s of B's clock, B's card and B's due reminder follow the correction.
  await b.call('testClock:advance', { ms: 30_000 });
  await expect(onB.getByTestId('incident-next-update')).toHaveText(/Next update promised for .*13:00 BST/);
  await expect
    .poll(async () =>
      (await b.call<Reminders>('reminders:list')).reminders
        .filter(
          (r) => r.subject.incidentId === incidentId && r.kind === 'incident_due' && r.state === 'armed',
        )
        .map((r) => r.eventAtUtc),
    )
    .toEqual([movedPromise]);
  await bPage.screenshot({ path: '/tmp/s4-team-correction-b.png' });
});
