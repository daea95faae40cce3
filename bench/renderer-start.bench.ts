// Renderer start in Chromium: from navigation to an interactive composer
// (the open draft's fields can take input), next to a bare Vite + React page
// (to its one button) built in the same run. Both are served on 127.0.0.1
// with the same CSP; Herald's page is served by the real browser harness over
// a real core with a draft open, so its figure includes the API calls the
// composer makes before it can be used — once on a folder with that one
// draft, once on a large folder (a year of use: bench/support/large-folder.ts).
// Goal: ≤ 1.3× the bare page on both. Every sample is a cold browser context
// (no cache), and the pages take turns so drift hits them alike.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startHarnessServer } from '../electron/harness/http-transport.ts';
import { makeCore } from '../test/support/core-fixture.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';
import { LARGE, openLargeFolder } from './support/large-folder.ts';
import { buildRenderers, serveStatic } from './support/renderer-builds.ts';
import { percentile, printTable } from './support/stats.ts';

const WARM_UP = 2;
const GOAL_RATIO = 1.3;
const SAMPLES = 15;
const TIMEOUT_MS = 30_000;
/** The composer is interactive once a field of the open draft is in the page and enabled. */
const COMPOSER_READY = '.composer [data-field]:not([disabled])';
const BARE_READY = 'button:not([disabled])';
/** Herald's app shell (navigation) on screen: React has rendered, before the composer's data arrives. */
const SHELL_RENDERED = 'nav[aria-label="Main"]';

/** Milliseconds from navigation start until each selector first matches, measured inside the page. */
async function timeToInteractive(
  browser: Browser,
  url: string,
  selectors: readonly string[],
  sessionToken?: string,
): Promise<number[]> {
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
    await page.waitForFunction(
      (wanted) =>
        wanted.every(
          (selector) =>
            (window as unknown as { __seenAt: Record<string, number> }).__seenAt[selector] !== undefined,
        ),
      selectors,
      {
        timeout: TIMEOUT_MS,
      },
    );
    const seenAt = await page.evaluate(
      () => (window as unknown as { __seenAt: Record<string, number> }).__seenAt,
    );
    return selectors.map((selector) => seenAt[selector]!);
  } finally {
    await context.close();
  }
}

const builds = await buildRenderers();
const bareServer = await serveStatic(builds.bareDir);
const token = 'bench-token-0123456789';

/** The one-draft folder: the default plan and one draft open. */
const small = makeCore({ dataDir: mkdtempSync(join(tmpdir(), 'herald-bench-start-')) });
const plan = await small.core.router.call('plan:get', {});
if (!plan.ok || !plan.value.types[0]) throw new Error('the default plan has no message types');
const created = await small.core.router.call('drafts:create', {
  typeId: plan.value.types[0].id,
  title: 'Database upgrade on Tuesday',
});
if (!created.ok) throw new Error(`could not open a draft: ${created.error.message}`);
await small.core.router.call('drafts:setCurrent', { id: created.value.draft.id });
const large = await openLargeFolder(mkdtempSync(join(tmpdir(), 'herald-bench-start-large-')));

const servers = await Promise.all(
  [small, large].map(({ core, logger }) =>
    startHarnessServer({
      router: core.router,
      bus: core.bus,
      logger,
      token,
      staticDir: builds.heraldDir,
      port: 0,
    }),
  ),
);
const [smallServer, largeServer] = servers as [(typeof servers)[number], (typeof servers)[number]];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const samples = {
  bare: [] as number[],
  smallShell: [] as number[],
  small: [] as number[],
  largeShell: [] as number[],
  large: [] as number[],
};
try {
  for (let round = 0; round < WARM_UP + SAMPLES; round++) {
    const [bareMs] = await timeToInteractive(browser, `${bareServer.origin}/`, [BARE_READY]);
    const [smallShellMs, smallMs] = await timeToInteractive(
      browser,
      `${smallServer.origin}/#/compose`,
      [SHELL_RENDERED, COMPOSER_READY],
      token,
    );
    const [largeShellMs, largeMs] = await timeToInteractive(
      browser,
      `${largeServer.origin}/#/compose`,
      [SHELL_RENDERED, COMPOSER_READY],
      token,
    );
    if (round < WARM_UP) continue;
    samples.bare.push(bareMs!);
    samples.smallShell.push(smallShellMs!);
    samples.small.push(smallMs!);
    samples.largeShell.push(largeShellMs!);
    samples.large.push(largeMs!);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
  await bareServer.close();
}

const row = (name: string, times: number[]) => ({
  name,
  p50: percentile(times, 50),
  p95: percentile(times, 95),
  max: percentile(times, 100),
});
const largeName = `${LARGE.history.toLocaleString('en-GB')} sent, ${LARGE.drafts.toLocaleString('en-GB')} drafts, ${LARGE.events.toLocaleString('en-GB')} events, ${LARGE.queued.toLocaleString('en-GB')} queued`;
printTable(
  `Renderer start to interactive, cold context, ${SAMPLES} samples each (ms; goal: composer ≤ ${GOAL_RATIO}× the bare page)`,
  [
    row('baseline: bare Vite + React page (button)', samples.bare),
    row('Herald app shell rendered (navigation), one-draft folder', samples.smallShell),
    row('Herald composer interactive (draft open), one-draft folder', samples.small),
    row(`Herald app shell rendered (navigation), large folder (${largeName})`, samples.largeShell),
    row(`Herald composer interactive (draft open), large folder (${largeName})`, samples.large),
  ],
);
for (const [folder, times] of [
  ['one-draft', samples.small],
  ['large', samples.large],
] as const) {
  const ratio = percentile(times, 50) / percentile(samples.bare, 50);
  console.log(
    `${folder} folder: Herald's composer is interactive ${ratio.toFixed(2)}× the bare page's time at the median (${ratio <= GOAL_RATIO ? 'within' : 'OVER'} the ${GOAL_RATIO}× goal).`,
  );
}
