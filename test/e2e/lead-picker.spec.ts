// Settings → "You, in Slack": the lead picks themselves from the people the
// workspace lists (users.list through core; the fake serves them), saves,
// and the choice stays across a reload; what they declare next is theirs in
// Slack's metadata and on the incident. Without Slack the picker says why it
// cannot list anyone and keeps the saved choice.
import { expect, LEAD_B, test } from './fixtures.ts';
import { connectSlack, declareIncident, goTo, UPDATE_CHANNEL } from './helpers.ts';

/** A lead saved before their Slack account was deactivated (the fake's seed: users.list marks them deleted). */
const FORMER_LEAD = { userId: 'U0FORMERLD', name: 'Alex' };

test.use({ testClockIso: '2026-04-23T11:00:00.000Z' });

test('the lead picks themselves from the workspace, and what they declare is theirs', async ({
  page,
  slack,
  harness,
  openHerald,
  expectNoAxeViolations,
}) => {
  await connectSlack(harness, slack.botToken);
  await openHerald('Settings');
  const picker = page.getByRole('region', { name: 'You, in Slack' });
  await expect(picker.getByTestId('lead-name')).toHaveText('not named');

  await picker.getByRole('button', { name: 'Choose from the workspace' }).click();
  const select = picker.getByLabel('Your Slack user');
  // The workspace's people: the leads and the engineer, not the bot, Slackbot or a deactivated account.
  await expect(select.locator('option')).toHaveText([
    'Not named',
    'Comms Lead (@comms.lead)',
    'Priya (comms) (@priya.shah)',
    'Sam Okafor (@sam.okafor)',
  ]);
  await select.selectOption({ label: `${LEAD_B.name} (@priya.shah)` });
  await picker.getByRole('button', { name: 'Save' }).click();
  await expect(picker.getByRole('status')).toHaveText(`You are ${LEAD_B.name} in Slack.`);
  await expect(picker.getByTestId('lead-name')).toHaveText(LEAD_B.name);
  await picker.screenshot({ path: '/tmp/s4-team/lead-picker-saved.png' });
  await expectNoAxeViolations();

  // A reload keeps it, and the list opens on it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(picker.getByTestId('lead-name')).toHaveText(LEAD_B.name);
  await picker.getByRole('button', { name: 'Choose from the workspace' }).click();
  await expect(select).toHaveValue(LEAD_B.userId);
  expect((await harness.call<{ lead: unknown }>('settings:get')).lead).toEqual(LEAD_B);

  // What this lead declares next is theirs: in Slack's metadata and on the incident.
  await declareIncident(harness, '2026-04-23T11:30:00.000Z');
  await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(1);
  expect(slack.messages(UPDATE_CHANNEL)[0]?.metadata?.event_payload).toMatchObject({
    actor: LEAD_B.userId,
    incident: { owner: LEAD_B.userId },
  });
  await goTo(page, 'Incidents');
  await expect(page.getByTestId('incident').getByTestId('incident-owner')).toHaveText('Comms: you have it.');
});

test('without Slack the picker says why it cannot list anyone and keeps the saved lead', async ({
  page,
  slack,
  harness,
  openHerald,
  expectNoAxeViolations,
}) => {
  await harness.call('settings:update', { lead: FORMER_LEAD });
  await openHerald('Settings');
  const picker = page.getByRole('region', { name: 'You, in Slack' });
  await expect(picker.getByTestId('lead-name')).toHaveText(FORMER_LEAD.name);
  await expect(picker.getByTestId('lead-picker-offline')).toHaveText(
    'Herald lists the workspace’s people from Slack: connect Slack above to choose yourself. Until then you stay named as above.',
  );
  await expect(picker.getByRole('button', { name: 'Choose from the workspace' })).toHaveCount(0);
  await picker.screenshot({ path: '/tmp/s4-team/lead-picker-offline.png' });
  await expect(picker.getByTestId('lead-name')).toHaveText(FORMER_LEAD.name);
  expect((await harness.call<{ lead: unknown }>('settings:get')).lead).toEqual(FORMER_LEAD);
  await expectNoAxeViolations();

  // Connected, the list opens on the saved lead even though Slack no longer lists them (deactivated): Save keeps them.
  await connectSlack(harness, slack.botToken);
  await page.reload();
  await picker.getByRole('button', { name: 'Choose from the workspace' }).click();
  const select = picker.getByLabel('Your Slack user');
  await expect(select).toHaveValue(FORMER_LEAD.userId);
  await expect(select.locator('option:checked')).toHaveText('Alex (not in the workspace’s list now)');
  await picker.getByRole('button', { name: 'Save' }).click();
  await expect(picker.getByRole('status')).toHaveText('You are Alex in Slack.');
  expect((await harness.call<{ lead: unknown }>('settings:get')).lead).toEqual(FORMER_LEAD);
});
