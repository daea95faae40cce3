// The plan editor in Settings: renaming a channel, retiring and adding
// types, rewording checklist help, a bad edit that saves nothing, and the
// reset to Herald's default (asked first, undoable).
import type { Page } from '@playwright/test';
import type { Plan } from '../../shared/plan/index.ts';
import type { RestartableHarness } from '../support/harness-process.ts';
import { expect, test } from './fixtures.ts';

/** Reads the stored plan straight from the harness, as another window would. */
async function storedPlan(harness: RestartableHarness): Promise<Plan> {
  return harness.call<Plan>('plan:get');
}

function channelsOf(plan: Plan): string[] {
  return [
    ...new Set(
      plan.types.flatMap((type) =>
        type.destinations.flatMap((item) => (item.kind === 'slack' ? [item.channel] : [])),
      ),
    ),
  ];
}

async function openPlanEditor(openHerald: (screen?: string) => Promise<Page>) {
  const page = await openHerald('Settings');
  const editor = page.getByRole('region', { name: 'Communications plan' });
  await expect(editor.getByRole('heading', { name: 'Message types' })).toBeVisible();
  return { page, editor };
}

test.describe('the plan editor', () => {
  test('renames a channel for every type that posts to it', async ({
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    const { page, editor } = await openPlanEditor(openHerald);
    await editor.getByRole('button', { name: 'Rename #operations-engineering-update' }).click();
    const input = editor.getByLabel('New name for #operations-engineering-update');
    await expect(input).toBeFocused();
    await input.fill('#Ops-Eng-Update');
    await input.press('Enter');
    await expect(editor.getByTestId('plan-status')).toContainText(
      '#operations-engineering-update is now #ops-eng-update',
    );
    await expect(editor.getByRole('button', { name: 'Rename #ops-eng-update' })).toBeFocused();

    const plan = await storedPlan(harness);
    expect(channelsOf(plan)).toContain('ops-eng-update');
    expect(channelsOf(plan)).not.toContain('operations-engineering-update');
    const incidents = plan.types.find((type) => type.id === 'incidents');
    expect(incidents?.destinations).toEqual([{ kind: 'slack', channel: 'ops-eng-update' }]);
    await expectNoAxeViolations();

    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Communications plan' }).getByTestId('plan-channel-ops-eng-update'),
    ).toBeVisible();
  });

  test('a bad edit shows its problem beside the field and saves nothing', async ({
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    const { editor } = await openPlanEditor(openHerald);
    const before = await storedPlan(harness);

    await editor.getByRole('button', { name: 'Rename #github-community' }).click();
    const input = editor.getByLabel('New name for #github-community');
    await input.fill('GitHub Community!');
    await editor.getByRole('button', { name: 'Rename channel' }).click();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByTestId('plan-channel-github-community')).toContainText(
      'is not a Slack channel name',
    );
    await expectNoAxeViolations();
    await editor.getByRole('button', { name: 'Cancel' }).click();

    // A type edited into an invalid state: each problem sits beside its own field.
    const card = editor.getByTestId('plan-type-incidents');
    await card.getByRole('button', { name: 'Edit Service impacting incidents' }).click();
    const form = card.getByRole('form', { name: /Change/ });
    await form.getByLabel('Name', { exact: true }).fill('');
    await form.getByLabel('Slack channels').fill('ops update');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Slack channels')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText(/the name is empty/)).toBeVisible();
    await expect(form.getByText(/"ops update" is not a valid Slack channel name/)).toBeVisible();
    await expectNoAxeViolations();

    // Fixing one field as you type clears its problem; the other stays until fixed too.
    await form.getByLabel('Name', { exact: true }).fill('Incidents');
    await expect(form.getByLabel('Name', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Slack channels')).toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('button', { name: 'Cancel' }).click();

    expect(await storedPlan(harness)).toEqual(before);
  });

  test('retires a type and restores it', async ({ openHerald, harness }) => {
    const { editor } = await openPlanEditor(openHerald);
    const card = editor.getByTestId('plan-type-blog-requests');
    await card.getByRole('button', { name: 'Retire Blog posts for a wider audience' }).click();
    await expect(card.getByText('Retired', { exact: true })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Restore Blog posts for a wider audience' })).toBeFocused();
    await expect(editor.getByTestId('plan-status')).toContainText('is retired');
    expect((await storedPlan(harness)).types.find((type) => type.id === 'blog-requests')?.isRetired).toBe(
      true,
    );

    await card.getByRole('button', { name: 'Restore Blog posts for a wider audience' }).click();
    await expect(card.getByText('Retired', { exact: true })).toHaveCount(0);
    expect((await storedPlan(harness)).types.find((type) => type.id === 'blog-requests')?.isRetired).toBe(
      false,
    );
  });

  test('adds a message type and rewords a checklist question’s help', async ({ openHerald, harness }) => {
    const { editor } = await openPlanEditor(openHerald);
    await editor.getByRole('button', { name: 'Add a message type' }).click();
    const form = editor.getByRole('form', { name: 'Add a message type' });
    await form.getByLabel('Name', { exact: true }).fill('Release notes');
    await form.getByLabel('Audience').fill('Service teams');
    await form.getByLabel('How often').selectOption('fortnightly');
    await form.getByLabel('Slack channels').fill('#release-notes');
    await form.getByLabel('Checklist', { exact: true }).selectOption('feature');
    await form.getByLabel('Title pattern').fill('Release notes - {feature}');
    await form.getByRole('button', { name: 'Add type' }).click();
    await expect(editor.getByTestId('plan-status')).toContainText('added “Release notes”');
    const added = (await storedPlan(harness)).types.find((type) => type.name === 'Release notes');
    expect(added).toMatchObject({
      id: 'release-notes',
      when: 'fortnightly',
      destinations: [{ kind: 'slack', channel: 'release-notes' }],
      checklist: 'feature',
      stages: ['message'],
    });

    await editor.getByLabel('Checklist to edit').selectOption('incident');
    const help = editor.getByRole('form', { name: 'Help text for the Incident checklist' });
    await help.getByLabel('Which service is affected?').fill('Use the name on the status page.');
    await help.getByRole('button', { name: 'Save help text' }).click();
    await expect(editor.getByTestId('plan-status')).toContainText('help text of the Incident checklist');
    expect((await storedPlan(harness)).checklistHelp).toEqual({
      incident: { service: 'Use the name on the status page.' },
    });
  });

  test('resets to the default plan after asking, and the reset can be undone', async ({
    page,
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    const { editor } = await openPlanEditor(openHerald);
    await editor.getByRole('button', { name: 'Rename #chat' }).click();
    await editor.getByLabel('New name for #chat').fill('jdt-chat');
    await editor.getByRole('button', { name: 'Rename channel' }).click();
    await expect(editor.getByTestId('plan-channel-jdt-chat')).toBeVisible();

    // Asked first; keeping the plan changes nothing.
    await editor.getByRole('button', { name: 'Reset to the default plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset to Herald’s default plan?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep my plan' })).toBeFocused();
    await expectNoAxeViolations();
    await dialog.getByRole('button', { name: 'Keep my plan' }).click();
    await expect(dialog).toBeHidden();
    expect(channelsOf(await storedPlan(harness))).toContain('jdt-chat');

    await editor.getByRole('button', { name: 'Reset to the default plan…' }).click();
    await dialog.getByRole('button', { name: 'Reset the plan' }).click();
    await expect(editor.getByTestId('plan-status')).toContainText('Herald’s default again');
    await expect(editor.getByTestId('plan-channel-chat')).toBeVisible();
    expect(channelsOf(await storedPlan(harness))).toContain('chat');

    await editor.getByRole('button', { name: 'Undo the reset' }).click();
    await expect(editor.getByTestId('plan-channel-jdt-chat')).toBeVisible();
    expect(channelsOf(await storedPlan(harness))).toContain('jdt-chat');
  });
  test('the escalation grace: a bad number is refused beside its box and kept there, a good one is saved', async ({
    page,
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    await openPlanEditor(openHerald);
    const form = page.getByRole('form', { name: 'Incident update cadence' });
    const grace = form.getByLabel('Tell every lead after (minutes overdue)');
    await expect(grace).toHaveValue('15');

    await grace.fill('a while');
    await form.getByRole('button', { name: 'Save cadence and escalation' }).click();
    await expect(grace).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Type a number of minutes, such as 15.')).toBeVisible();

    await grace.fill('2000');
    await form.getByRole('button', { name: 'Save cadence and escalation' }).click();
    await expect(form.getByText('Must be at most 1,440 minutes (a day).')).toBeVisible();
    // Nothing is saved, and what was typed stays in the box to be fixed.
    await expect(grace).toHaveValue('2000');
    expect((await storedPlan(harness)).escalationGraceMinutes).toBe(15);
    await expectNoAxeViolations();
    await page.screenshot({ path: '/tmp/s3-team-grace-error.png', fullPage: false });

    await grace.fill('25');
    await form.getByRole('button', { name: 'Save cadence and escalation' }).click();
    await expect(page.getByTestId('plan-status')).toHaveText('Saved: how often incident updates are due.');
    await expect(grace).not.toHaveAttribute('aria-invalid', 'true');
    expect((await storedPlan(harness)).escalationGraceMinutes).toBe(25);

    await page.reload();
    await expect(
      page
        .getByRole('form', { name: 'Incident update cadence' })
        .getByLabel('Tell every lead after (minutes overdue)'),
    ).toHaveValue('25');
  });
});
