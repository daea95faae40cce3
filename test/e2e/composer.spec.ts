// The guided composer in the browser harness: starting a message from the
// plan, the checklist and Slack preview following every keystroke, typed
// times, autosave that survives a reload (cursor field included), the
// override dialog, copying as Slack text, and axe on Compose and Incidents.
import type { Page } from '@playwright/test';
import { diskFailureOf, diskFailureResult } from '../../electron/core/api/disk-failure.ts';
import { expect, test } from './fixtures.ts';
import { goTo } from './helpers.ts';

// Thursday 23 April 2026, 12:00 in London.
test.use({ testClockIso: '2026-04-23T11:00:00.000Z' });

function checklistEntry(page: Page, label: string) {
  return page
    .getByTestId('checklist')
    .locator('li', { has: page.getByRole('button', { name: label, exact: true }) });
}

async function startMessage(page: Page, typeLabel: string, stage?: string) {
  await page.getByLabel('Type of message').selectOption({ label: typeLabel });
  if (stage) await page.getByLabel('Stage', { exact: true }).selectOption({ label: stage });
  await page.getByRole('button', { name: 'Start message' }).click();
}

test.describe('the guided composer', () => {
  test('declares an incident step by step with a live checklist and preview, and reopens at the same draft and field', async ({
    page,
    openHerald,
    expectNoAxeViolations,
  }) => {
    await openHerald('Compose');
    await expect(page.getByRole('heading', { name: 'Start a message' })).toBeVisible();
    await expectNoAxeViolations();

    await startMessage(page, 'Service impacting incidents', 'Declared');
    const service = page.getByLabel('Which service is affected?');
    await expect(service).toBeFocused();
    await expect(page.getByText('A short name people recognise')).toBeVisible();
    await expect(checklistEntry(page, 'Which service is affected?')).toHaveAttribute('data-state', 'missing');

    await service.fill('Sentry');
    await page.getByLabel('Priority').selectOption({ label: 'High Priority' });
    const preview = page.getByTestId('slack-preview');
    await expect(preview.locator('.slack-header')).toHaveText('High Priority Incident Declared - Sentry');
    await expect(checklistEntry(page, 'Which service is affected?')).toHaveAttribute('data-state', 'done');
    await expect(checklistEntry(page, 'Apology')).toContainText('Done');

    await page
      .getByLabel('What are users seeing?')
      .fill('Errors are not reaching Sentry, so alerts may be missing.');
    await expect(preview).toContainText('Errors are not reaching Sentry');

    // A time in the past is refused in the engine's words, and what was typed stays.
    const nextUpdate = page.getByLabel('When is the next update?');
    await nextUpdate.fill('09:00');
    await nextUpdate.press('Tab');
    await expect(page.getByText('09:00 today has already passed')).toBeVisible();
    await expect(nextUpdate).toHaveValue('09:00');
    await expect(nextUpdate).toHaveAttribute('aria-invalid', 'true');
    await nextUpdate.fill('in 30 min');
    await expect(page.getByText('Thu 23 Apr 2026, 12:30 BST · in 30 min')).toBeVisible();
    // Readers see the time in their own zone: this browser is in London.
    await expect(preview.locator('time.slack-date')).toHaveText('Today at 12:30');
    await expect(checklistEntry(page, 'When is the next update?')).toHaveAttribute('data-state', 'done');

    // "Does not apply" needs a reason, and the checklist says so.
    await page.getByLabel('Does not apply to this message (Do users need to do anything?)').check();
    await page
      .getByLabel('Why it does not apply (Do users need to do anything?)')
      .fill('Nothing users can do');
    await expect(checklistEntry(page, 'Do users need to do anything?')).toContainText(
      'Not applicable: Nothing users can do',
    );

    await page
      .getByLabel('Message text')
      .fill('*Status page* is updated. See <not a link> & `sentry-relay`.');
    await expect(preview.locator('strong', { hasText: 'Status page' })).toBeVisible();
    await expect(preview.locator('code', { hasText: 'sentry-relay' })).toBeVisible();
    await expect(preview).toContainText('See <not a link> & ');

    const action = page.getByLabel('What are we doing about it?');
    await action.fill('An incident team has been formed and is investigating');
    await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
    await expectNoAxeViolations();

    await page.reload();
    await expect(page.getByLabel('What are we doing about it?')).toBeFocused();
    await expect(page.getByLabel('What are we doing about it?')).toHaveValue(
      'An incident team has been formed and is investigating',
    );
    await expect(page.getByLabel('Which service is affected?')).toHaveValue('Sentry');
    await expect(page.getByLabel('When is the next update?')).toHaveValue('Thu 23 Apr 2026, 12:30 BST');
    await expect(page.getByLabel('Message text')).toHaveValue(
      '*Status page* is updated. See <not a link> & `sentry-relay`.',
    );
    await expect(page.getByTestId('slack-preview').locator('.slack-header')).toHaveText(
      'High Priority Incident Declared - Sentry',
    );
  });

  test('switching screens keeps every keystroke, and Ctrl+N starts a new message with the draft kept', async ({
    page,
    openHerald,
  }) => {
    await openHerald('Compose');
    await startMessage(page, 'Service impacting upgrades and maintenance', 'Announcement');
    await page.getByLabel('What is changing, in a few words?').fill('Certificate Manager');
    await page.getByLabel('Message text').pressSequentially('Typed just before leaving');
    await goTo(page, 'Incidents');
    await goTo(page, 'Compose');
    await expect(page.getByLabel('Message text')).toHaveValue(/ below\.Typed just before leaving$/);
    await expect(page.getByTestId('slack-preview').locator('.slack-header')).toHaveText(
      'Certificate Manager Upgrade',
    );

    await page.getByRole('button', { name: 'Save as template…' }).click();
    await page.getByLabel('Template name').fill('Cert-manager upgrades');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByText('Saved as the template “Cert-manager upgrades”.')).toBeVisible();

    await page.keyboard.press('Control+n');
    await expect(page.getByLabel('Type of message')).toBeFocused();
    await page
      .getByLabel('Type of message')
      .selectOption({ label: 'Service impacting upgrades and maintenance' });
    await expect(
      page.getByLabel('Start from').locator('option', { hasText: 'Team template: Cert-manager upgrades' }),
    ).toHaveCount(1);
    const kept = page
      .getByRole('region', { name: 'Carry on with a draft' })
      .getByRole('listitem')
      .filter({ hasText: 'Typed just before leaving' });
    await expect(kept).toContainText('Service impacting upgrades and maintenance');
    await kept.getByRole('button', { name: /^Open / }).click();
    await expect(page.getByLabel('Message text')).toHaveValue(/ below\.Typed just before leaving$/);
  });

  test('sending with required items missing asks for an explicit reason first', async ({
    page,
    openHerald,
    expectNoAxeViolations,
  }) => {
    await openHerald('Compose');
    await startMessage(page, 'Service impacting incidents', 'Declared');
    await page.getByLabel('Which service is affected?').fill('Sentry');
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByRole('dialog', { name: 'Send with the checklist incomplete?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Say when the next update will be');
    await expect(dialog.getByRole('button', { name: 'Send anyway' })).toBeDisabled();
    await expectNoAxeViolations();
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('Which service is affected?')).toHaveValue('Sentry');
  });

  test('a full disk on send says the message was not queued, and keeps the draft and what was typed', async ({
    page,
    openHerald,
  }) => {
    await openHerald('Compose');
    await startMessage(page, 'Service impacting incidents', 'Declared');
    await page.getByLabel('Which service is affected?').fill('Sentry');
    // The disk cannot be filled from a test: the answer is the one core's router gives for ENOSPC writing the outbox
    // (test/unit/electron/core/api/disk-failure.test.ts shows the router giving it over both transports).
    const full = Object.assign(new Error('ENOSPC: no space left on device'), {
      code: 'ENOSPC',
      path: '/data/outbox/q-1.json.tmp-1',
    });
    const answer = diskFailureResult('messages:send', diskFailureOf(full)!);
    await page.route(
      (url) => decodeURIComponent(url.pathname) === '/api/messages:send',
      (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) }),
    );
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByRole('dialog', { name: 'Send with the checklist incomplete?' });
    await dialog.getByLabel('Reason for sending anyway').fill('Testing a full disk');
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'Herald could not save the outbox: the disk is full (ENOSPC). The message was not queued and will not be sent. Your draft is kept.',
    );
    await expect(alert).toContainText('Free some space on the disk, then try again.');
    await expect(alert).not.toContainText('Something went wrong');
    await expect(page.getByLabel('Which service is affected?')).toHaveValue('Sentry');
  });

  test('copies a message Herald does not post as Slack text', async ({ page, context, openHerald }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openHerald('Compose');
    await startMessage(page, 'Successes for the CTO');
    await page.getByLabel('What did we achieve?').fill('Moved every team to the new ingress');
    await expect(page.getByRole('button', { name: 'Send now' })).toBeDisabled();
    await page.getByRole('button', { name: 'Copy as Slack text' }).click();
    await expect(page.getByText('Copied as Slack text')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      '*Moved every team to the new ingress*',
    );
  });

  test('the Incidents screen is accessible with nothing open, and offers to declare one', async ({
    page,
    openHerald,
    expectNoAxeViolations,
  }) => {
    await openHerald('Incidents');
    await expect(page.getByText('No open incidents.')).toBeVisible();
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Declare an incident' }).click();
    await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Which service is affected?')).toBeFocused();
  });
});
