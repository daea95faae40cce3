// The start screen: a Herald that has been used opens on the composer as it
// was last drawn, before React has loaded, and takes typing at once; React
// then takes over without losing a key or moving the cursor. The copy comes
// back from main, so it is untrusted: a planted one is drawn without anything
// that runs, loads or leaves the page. The app's chunk is held back here, so
// the moment before React is long enough to act in.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { RestartableHarness } from '../support/harness-process.ts';
import type { StoredDraftLike } from './helpers.ts';

test.use({ testClockIso: '2026-04-23T11:00:00.000Z' });

const APP_CHUNK = /\/assets\/app-[^/]+\.js$/;

/** Holds the app's chunk until `release` is called: the page stays on its start screen until then. */
async function holdReact(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((settle) => (release = settle));
  await page.route(APP_CHUNK, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

async function startUpgradeDraft(page: Page, title: string): Promise<void> {
  await page.getByLabel('Type of message').selectOption({ label: 'New features or services' });
  await page.getByRole('button', { name: 'Start message' }).click();
  await page.getByLabel('Title').fill(title);
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
}

/** Waits until main holds a start screen for the open draft (the composer keeps one once it has been quiet). */
async function untilKept(harness: RestartableHarness): Promise<void> {
  await expect
    .poll(
      async () =>
        (await harness.call<{ startScreen: { html: string } | null }>('app:bootstrap')).startScreen !== null,
      { timeout: 20_000 },
    )
    .toBe(true);
}

const startScreen = (page: Page) => page.locator('#start-screen');

test('a used Herald opens on its draft before React loads, takes typing, and React keeps every key', async ({
  page,
  openHerald,
  harness,
  expectNoAxeViolations,
}) => {
  await openHerald('Compose');
  await startUpgradeDraft(page, 'Database upgrade on Tuesday');
  // Something that belongs to the moment, as a notice or the bell's count does: the copy leaves it out.
  await page.evaluate(() => {
    const moment = document.createElement('p');
    moment.dataset.startScreen = 'omit';
    moment.textContent = 'A notice of the moment';
    document.querySelector('#root .composer')?.prepend(moment);
  });
  await untilKept(harness);
  const { html } = (await harness.call<{ startScreen: { html: string } }>('app:bootstrap')).startScreen;
  expect(html).toContain('value="Database upgrade on Tuesday"');
  expect(html).not.toContain('A notice of the moment');

  const release = await holdReact(page);
  await page.reload();
  const copy = startScreen(page);
  await expect(copy).toBeVisible();
  await expect(copy.getByLabel('Title')).toHaveValue('Database upgrade on Tuesday');
  // The cursor is already back where the lead left it (the title), as the composer would put it.
  await expect(copy.getByLabel('Title')).toBeFocused();
  await expectNoAxeViolations();
  await page.screenshot({ path: 'docs/screenshots/start-screen.png' });

  // Nothing but typing acts yet: a link does not leave the composer, a form does not submit.
  await copy.getByRole('link', { name: 'Calendar' }).click({ force: true });
  await copy.getByLabel('Title').press('Enter');
  expect(new URL(page.url()).hash).toBe('#/compose');

  // An answer in the checklist, then back to the title: both are kept, and the cursor stays in the title.
  await copy.getByLabel('What is the feature called?').fill('Managed databases');
  const title = copy.getByLabel('Title');
  await title.focus();
  await title.press('End');
  await page.keyboard.type(' at 09:00');
  await expect(title).toHaveValue('Database upgrade on Tuesday at 09:00');

  release();
  await expect(copy).toHaveCount(0);
  const live = page.locator('#root').getByLabel('Title');
  await expect(live).toHaveValue('Database upgrade on Tuesday at 09:00');
  // What was typed before React loaded is the draft's now: saved, and in the preview React draws.
  await expect(page.locator('#root').getByLabel('What is the feature called?')).toHaveValue(
    'Managed databases',
  );
  await expect
    .poll(async () => {
      const { draft } = await harness.call<StoredDraftLike>('drafts:getCurrent');
      return [draft.title, draft.fields.feature];
    })
    .toEqual(['Database upgrade on Tuesday at 09:00', 'Managed databases']);
  await expect(page.getByTestId('slack-preview')).toContainText('Database upgrade on Tuesday at 09:00');
  // The cursor stayed where the lead had it: the next key lands after what they typed.
  await expect(live).toBeFocused();
  await page.keyboard.type(' UK time');
  await expect(live).toHaveValue('Database upgrade on Tuesday at 09:00 UK time');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  await expect
    .poll(async () => (await harness.call<StoredDraftLike>('drafts:getCurrent')).draft.title)
    .toBe('Database upgrade on Tuesday at 09:00 UK time');
  // The preview, drawn by React, follows what was typed before it loaded.
  await expect(page.getByTestId('slack-preview')).toContainText(
    'Database upgrade on Tuesday at 09:00 UK time',
  );
});

test('a start screen planted in main is drawn without anything that runs, loads or leaves the page', async ({
  page,
  openHerald,
  harness,
}) => {
  await openHerald('Compose');
  await startUpgradeDraft(page, 'Planted');
  await untilKept(harness);
  const { html } = (await harness.call<{ startScreen: { html: string } }>('app:bootstrap')).startScreen;
  const current = await harness.call<StoredDraftLike & { meta: { revision: number } }>('drafts:getCurrent');
  const planted = html.replace(
    '<main',
    [
      '<script>window.__planted = "script"</script>',
      '<img src="/favicon.svg?planted" onerror="window.__planted = \'img\'">',
      '<a id="planted-link" href="javascript:window.__planted = \'link\'">planted link</a>',
      '<iframe id="planted-frame" src="https://example.com/"></iframe>',
      '<form id="planted-form" action="https://example.com/steal">',
      '<input id="planted-password" type="password" name="password">',
      '<button id="planted-submit" type="submit" formaction="https://example.com/">Go</button></form>',
      '<div id="planted-style" style="background: url(https://example.com/x.png)" onclick="window.__planted = \'click\'">styled</div>',
      // Elements that would be found instead of the page's own (DOM clobbering): React must still start.
      '<div id="root" data-planted="root"></div>',
      '<form id="planted-named" name="querySelector"></form>',
      '<main',
    ].join(''),
  );
  const kept = await harness.call<{ kept: boolean }>('app:keepStartScreen', {
    draftId: current.draft.id,
    revision: current.meta.revision,
    html: planted,
  });
  expect(kept.kept).toBe(true);

  const leftThePage: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(harness.origin).origin || url.search.includes('planted'))
      leftThePage.push(request.url());
  });
  const release = await holdReact(page);
  await page.reload();
  const copy = startScreen(page);
  await expect(copy.getByLabel('Title')).toHaveValue('Planted');

  await expect(copy.locator('script, img, iframe, input[type="password"]')).toHaveCount(0);
  await expect(copy.locator('#planted-link')).toHaveCount(1);
  await expect(copy.locator('#planted-link')).not.toHaveAttribute('href', /.*/);
  await expect(copy.locator('#planted-form')).not.toHaveAttribute('action', /.*/);
  await expect(copy.locator('#planted-submit')).toHaveAttribute('type', 'button');
  await expect(copy.locator('#planted-submit')).not.toHaveAttribute('formaction', /.*/);
  await expect(copy.locator('#planted-style')).not.toHaveAttribute('style', /.*/);
  await expect(copy.locator('#planted-style')).not.toHaveAttribute('onclick', /.*/);
  await expect(copy.locator('[data-planted="root"]')).not.toHaveAttribute('id', /.*/);
  await expect(copy.locator('#planted-named')).not.toHaveAttribute('name', /.*/);
  await copy.locator('#planted-style').click({ force: true });
  await copy.locator('#planted-link').click({ force: true });
  expect(await page.evaluate(() => (window as unknown as { __planted?: string }).__planted)).toBeUndefined();
  expect(leftThePage).toEqual([]);

  release();
  await expect(copy).toHaveCount(0);
  await expect(page.locator('#root').getByLabel('Title')).toHaveValue('Planted');
  expect(leftThePage).toEqual([]);
});
