// Renderer start in Chromium: from navigation to an interactive composer
// (the open draft's fields can take input), next to a bare Vite + React page
// (to its one button) built in the same run. Both are served on 127.0.0.1
// with the same CSP; Herald's page is served by the real browser harness over
// a real core with a draft open, so its figure includes the API calls the
// composer makes before it can be used. Every sample is a cold browser
// context (no cache), and the two pages alternate so drift hits both alike.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startHarnessServer } from '../electron/harness/http-transport.ts';
import { makeCore } from '../test/support/core-fixture.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';
import { buildRenderers, serveStatic } from './support/renderer-builds.ts';
import { percentile, printTable } from './support/stats.ts';

const WARM_UP = 2;
const SAMPLES = 15;
const TIMEOUT_MS = 30_000;
/** The composer is interactive once a field of the open draft is in the page and enabled. */
const COMPOSER_READY = '.composer [data-field]:not([disabled])';
const BARE_READY = 'button:not([disabled])';
/** Herald's app shell (navigation) on screen: React has rendered, before the composer's data arrives. */
const SHELL_RENDERED = 'nav[aria-label="Main"]';

/** Milliseconds from navigation start until each selector first matches, measured inside the page. */
async function timeToInteractive(browser: Browser, url: string, selectors: readonly string[], sessionToken?: string): Promise<number[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Init scripts are Playwright's, not the page's: the CSP does not apply to them. Given as text, because
    // tsx would otherwise wrap the inner function in a helper that does not exist inside the page.
    await page.addInitScript(`
      ${sessionToken ? `sessionStorage.setItem('herald.harnessToken', ${JSON.stringify(sessionToken)});` : ''}
      window.__seenAt = {};
      const wanted = ${JSON.stringify(selectors)};
      new MutationObserver(function () {
        for (const selector of wanted) {
          if (window.__seenAt[selector] === undefined && document.querySelector(selector)) window.__seenAt[selector] = performance.now();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    `);
    await page.goto(url);
    // A function, not a string: the page's CSP refuses string evaluation once the page is loaded.
    await page.waitForFunction((wanted) => wanted.every((selector) => (window as unknown as { __seenAt: Record<string, number> }).__seenAt[selector] !== undefined), selectors, {
      timeout: TIMEOUT_MS,
    });
    const seenAt = await page.evaluate(() => (window as unknown as { __seenAt: Record<string, number> }).__seenAt);
    return selectors.map((selector) => seenAt[selector]!);
  } finally {
    await context.close();
  }
}

const builds = await buildRenderers();
const bareServer = await serveStatic(builds.bareDir);

const { core, logger } = makeCore({ dataDir: mkdtempSync(join(tmpdir(), 'herald-bench-start-')) });
const plan = await core.router.call('plan:get', {});
if (!plan.ok || !plan.value.types[0]) throw new Error('the default plan has no message types');
const created = await core.router.call('drafts:create', { typeId: plan.value.types[0].id, title: 'Database upgrade on Tuesday' });
if (!created.ok) throw new Error(`could not open a draft: ${created.error.message}`);
await core.router.call('drafts:setCurrent', { id: created.value.draft.id });
const token = 'bench-token-0123456789';
const harness = await startHarnessServer({ router: core.router, bus: core.bus, logger, token, staticDir: builds.heraldDir, port: 0 });

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const bare: number[] = [];
const heraldShell: number[] = [];
const herald: number[] = [];
try {
  for (let round = 0; round < WARM_UP + SAMPLES; round++) {
    const [bareMs] = await timeToInteractive(browser, `${bareServer.origin}/`, [BARE_READY]);
    const [shellMs, composerMs] = await timeToInteractive(browser, `${harness.origin}/#/compose`, [SHELL_RENDERED, COMPOSER_READY], token);
    if (round < WARM_UP) continue;
    bare.push(bareMs!);
    heraldShell.push(shellMs!);
    herald.push(composerMs!);
  }
} finally {
  await browser.close();
  await harness.close();
  await bareServer.close();
}

const row = (name: string, samples: number[]) => ({ name, p50: percentile(samples, 50), p95: percentile(samples, 95), max: percentile(samples, 100) });
printTable(`Renderer start to interactive, cold context, ${SAMPLES} samples each (ms)`, [
  row('baseline: bare Vite + React page (button)', bare),
  row('Herald app shell rendered (navigation)', heraldShell),
  row('Herald composer interactive (draft open)', herald),
]);
console.log(`Herald's composer is interactive ${(percentile(herald, 50) / percentile(bare, 50)).toFixed(1)}× the bare page's time at the median.`);
