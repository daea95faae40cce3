// The Templates screen: browsing by type and stage with a Slack preview,
// duplicating one of Herald's, editing the copy (a placeholder the type
// cannot fill is refused), deleting with undo, and starting a draft from it.
import type { Template } from '../../shared/messages/templates.ts';
import { expect, test } from './fixtures.ts';

test.describe('templates', () => {
  test('browse, duplicate, edit, delete with undo, and use a template', async ({
    page,
    openHerald,
    harness,
    expectNoAxeViolations,
  }) => {
    await openHerald('Templates');
    await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
    const list = page.getByRole('navigation', { name: 'Templates' });
    const detail = page.getByTestId('template-detail');

    // Browse: grouped by the plan's types, each previewed as Slack will show it.
    await expect(
      list.getByRole('heading', { name: 'Service impacting incidents', exact: true }),
    ).toBeVisible();
    await expect(
      list.getByRole('heading', { name: 'Service impacting upgrades and maintenance', exact: true }),
    ).toBeVisible();
    await list.getByRole('button', { name: /^Incident declared/ }).click();
    await expect(detail.getByRole('heading', { name: 'Incident declared' })).toBeVisible();
    await expect(detail.getByTestId('slack-preview')).toContainText('Incident Declared');
    await expect(detail.getByTestId('slack-preview')).toContainText('we are looking into it now');
    await expect(detail.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(detail.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await expectNoAxeViolations();

    // Find narrows the list.
    await list.getByLabel('Find a template').fill('postmortem');
    await expect(list.getByRole('button')).toHaveCount(1);
    await list.getByLabel('Find a template').fill('');

    // Duplicate one of Herald's, then edit the copy.
    await detail.getByRole('button', { name: 'Duplicate' }).click();
    const editor = page.getByRole('form', { name: /^Edit Incident declared \(copy\)/ });
    await expect(editor.getByLabel('Template name')).toBeFocused();
    await editor.getByLabel('Template name').fill('Our declaration');
    await editor.getByLabel('Text', { exact: true }).fill('Trouble with {service} again. {nope}');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect(editor.getByLabel('Text', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByText(/nothing to fill \{nope\}/)).toBeVisible();
    await expectNoAxeViolations();
    await editor.getByLabel('Text', { exact: true }).fill('Trouble with {service} again.');
    await expect(editor.getByLabel('Text', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('slack-preview')).toContainText('Trouble with ‹service› again.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect(detail.getByRole('heading', { name: 'Our declaration' })).toBeFocused();
    await expect(detail).toContainText('Your team’s template');
    await expect(list.getByRole('button', { name: /^Our declaration/ })).toContainText('Yours');
    const saved = (await harness.call<Template[]>('templates:list')).find(
      (template) => template.name === 'Our declaration',
    );
    expect(saved).toMatchObject({
      typeId: 'incidents',
      stage: 'declared',
      body: 'Trouble with {service} again.',
      isBuiltIn: false,
    });

    // Delete, with an undo.
    await detail.getByRole('button', { name: 'Delete' }).click();
    const undo = page.getByRole('button', { name: 'Undo delete' });
    await expect(undo).toBeFocused();
    await expect(list.getByRole('button', { name: /^Our declaration/ })).toHaveCount(0);
    expect(
      (await harness.call<Template[]>('templates:list')).some(
        (template) => template.name === 'Our declaration',
      ),
    ).toBe(false);
    await undo.click();
    await expect(list.getByRole('button', { name: /^Our declaration/ })).toBeVisible();
    await expect(detail.getByRole('heading', { name: 'Our declaration' })).toBeVisible();

    // Use it: a draft from the template opens in Compose.
    await detail.getByRole('button', { name: 'Use this template' }).click();
    await expect(page.getByRole('heading', { name: 'Compose', level: 1 })).toBeVisible();
    const drafts = await harness.call<
      Array<{ typeId: string; stage: string; origin: { kind: string; templateId?: string } }>
    >('drafts:list', {});
    expect(drafts).toEqual([
      expect.objectContaining({
        typeId: 'incidents',
        stage: 'declared',
        origin: expect.objectContaining({ kind: 'template' }),
      }),
    ]);
  });

  test('Herald’s own templates cannot be edited or deleted, even through the API', async ({ harness }) => {
    const builtIn = (await harness.call<Template[]>('templates:list')).find(
      (template) => template.isBuiltIn,
    )!;
    await expect(harness.call('templates:delete', { id: builtIn.id })).rejects.toThrow(/cannot be deleted/);
  });
});
