// Renderer start in Chromium: from navigation to an interactive composer
// (the open draft's title and body are in their fields, the title field is
// enabled, and the page is free to handle a key: the first task after that
// runs), next to a bare Vite + React page (its one button, timed the same
// way) built in the same run. The last round types into the title field to
// prove the moment measured really takes a key. Both are served on 127.0.0.1
// with the same security headers (the harness's); the page signals when it is
// done, so nothing is injected into it or polled while it is timed. Herald's
// page is served by the real browser harness over a real core with a draft
// open, so its figure includes the API calls the composer makes before it can
// be used — once on a folder with that one draft, once on a large folder (a
// year of use: bench/support/large-folder.ts). Goal: ≤ 1.3× the bare page on
// both. Each of the two has been opened once before, as a lead's Herald has,
// so main holds the composer's start screen (renderer/app/start-screen/), and
// every sample checks that it was drawn. A third folder that was never opened
// (its first start: no start screen yet) is timed beside them, for context.
// Every sample is a cold browser context (no cache), and the pages take turns
// so drift hits them alike.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import type { StoredDraft } from '../shared/drafts/stored-draft.ts';
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
const TITLE_FIELD = '.composer #composer-title[data-field="title"]:not([disabled])';
const BODY_FIELD = '.composer #composer-body';
/** What the page logs once every probe has held and the page was free after it. */
const ALL_FREE = 'herald-bench:all-free';

/**
 * A moment to time: `selector` is in the page and each of `values` (selector → text) holds that value.
 * The figure is when the page can next run a task after that (a MessageChannel message sent then is
 * delivered): a key pressed at that moment is handled, not queued behind the rest of the render.
 */
interface Probe {
  selector: string;
  values?: Record<string, string>;
}

const bareReady: Probe = { selector: 'button:not([disabled])' };
/** Herald's app shell (navigation) on screen: React has rendered, whether or not the draft is shown yet. */
const shellRendered: Probe = { selector: 'nav[aria-label="Main"]' };
/** The composer is interactive: the open draft's title and body are in their fields, and the title field is enabled. */
function composerReady(stored: StoredDraft): Probe {
  return {
    selector: TITLE_FIELD,
    values: { [TITLE_FIELD]: stored.draft.title ?? '', [BODY_FIELD]: stored.draft.body ?? '' },
  };
}

/** Milliseconds from navigation start until the page is free after each probe first holds, measured inside the page. */
async function timeToInteractive(
  browser: Browser,
  url: string,
  probes: readonly Probe[],
  options: { sessionToken?: string; checkTyping?: boolean } = {},
): Promise<{ times: number[]; startScreenDrawn: boolean }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Init scripts are Playwright's, not the page's: the CSP does not apply to them. Given as text, because
    // tsx would otherwise wrap the inner function in a helper that does not exist inside the page.
    await page.addInitScript(`
      ${options.sessionToken ? `sessionStorage.setItem('herald.harnessToken', ${JSON.stringify(options.sessionToken)});` : ''}
      window.__freeAt = {};
      window.__startScreenDrawn = false;
      const probes = ${JSON.stringify(probes)};
      const seen = new Set();
      const holds = function (probe) {
        if (!document.querySelector(probe.selector)) return false;
        return Object.entries(probe.values || {}).every(function (entry) {
          const element = document.querySelector(entry[0]);
          return element !== null && element.value === entry[1];
        });
      };
      new MutationObserver(function () {
        if (document.getElementById('start-screen')) window.__startScreenDrawn = true;
        probes.forEach(function (probe, index) {
          if (seen.has(index) || !holds(probe)) return;
          seen.add(index);
          const channel = new MessageChannel();
          channel.port1.onmessage = function () {
            window.__freeAt[index] = performance.now();
            if (Object.keys(window.__freeAt).length === probes.length) console.debug(${JSON.stringify(ALL_FREE)});
          };
          channel.port2.postMessage(null);
        });
      // The fields' values are set in the same commit that inserts them (react-hook-form's ref), so the
      // mutation that brings them in also finds their values.
      }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    `);
    // The page says when every probe is free; nothing is asked of it meanwhile. (waitForFunction would inject
    // Playwright's script and poll in the page at every frame, which costs the page being timed.)
    const allFree = page.waitForEvent('console', {
      predicate: (message) => message.text() === ALL_FREE,
      timeout: TIMEOUT_MS,
    });
    await page.goto(url, { waitUntil: 'commit' });
    await allFree;
    const { freeAt, startScreenDrawn } = await page.evaluate(() => {
      const seen = window as unknown as { __freeAt: Record<number, number>; __startScreenDrawn: boolean };
      return { freeAt: seen.__freeAt, startScreenDrawn: seen.__startScreenDrawn };
    });
    if (options.checkTyping) {
      // Not timed: proves the field the figure calls interactive takes a key (the bench's last act on the folder).
      const title = page.locator(TITLE_FIELD);
      await title.press('End');
      await title.press('X');
      const value = await title.inputValue();
      if (!value.endsWith('X'))
        throw new Error(`the composer's title field did not take a key (it holds “${value}”)`);
    }
    return { times: probes.map((_, index) => freeAt[index]!), startScreenDrawn };
  } finally {
    await context.close();
  }
}

const builds = await buildRenderers();
const bareServer = await serveStatic(builds.bareDir);
const token = 'bench-token-0123456789';

/** A folder with the default plan and one draft open. */
async function oneDraftFolder(prefix: string) {
  const folder = makeCore({ dataDir: mkdtempSync(join(tmpdir(), prefix)) });
  const plan = await folder.core.router.call('plan:get', {});
  if (!plan.ok || !plan.value.types[0]) throw new Error('the default plan has no message types');
  const created = await folder.core.router.call('drafts:create', {
    typeId: plan.value.types[0].id,
    title: 'Database upgrade on Tuesday',
  });
  if (!created.ok) throw new Error(`could not open a draft: ${created.error.message}`);
  await folder.core.router.call('drafts:setCurrent', { id: created.value.draft.id });
  return folder;
}

const small = await oneDraftFolder('herald-bench-start-');
/** Never opened in a browser: its first start, with no start screen kept. */
const fresh = await oneDraftFolder('herald-bench-start-fresh-');
const large = await openLargeFolder(mkdtempSync(join(tmpdir(), 'herald-bench-start-large-')));
const largeReminders = await large.core.router.call('reminders:list', {});
if (!largeReminders.ok || largeReminders.value.reminders.length === 0)
  throw new Error('the large folder has no open reminders: its upcoming events should have armed some');
/** Each folder's open draft, as the composer must show it. */
const [smallDraft, freshDraft, largeDraft] = await Promise.all(
  [small, fresh, large].map(async ({ core }) => {
    const current = await core.router.call('drafts:getCurrent', {});
    if (!current.ok || !current.value) throw new Error('a bench folder has no open draft');
    return current.value;
  }),
);

const servers = await Promise.all(
  [small, fresh, large].map(({ core, logger }) =>
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
const [smallServer, freshServer, largeServer] = servers as [
  (typeof servers)[number],
  (typeof servers)[number],
  (typeof servers)[number],
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/**
 * The lead's earlier session on a folder: the composer opened and left quiet until main holds its start screen
 * (untimed), as any Herald that has been used has.
 */
async function openedBefore(origin: string, core: (typeof small)['core']): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(`sessionStorage.setItem('herald.harnessToken', ${JSON.stringify(token)});`);
    await page.goto(`${origin}/#/compose`);
    await page.locator('#root:not([hidden]) .composer #composer-title').waitFor({ timeout: TIMEOUT_MS });
    for (const started = Date.now(); Date.now() - started < TIMEOUT_MS;) {
      const start = await core.router.call('app:bootstrap', {});
      if (start.ok && start.value.startScreen) return;
      await new Promise((settle) => setTimeout(settle, 100));
    }
    throw new Error('the composer never left its start screen with main');
  } finally {
    await context.close();
  }
}
await openedBefore(smallServer.origin, small.core);
await openedBefore(largeServer.origin, large.core);

const samples = {
  bare: [] as number[],
  smallShell: [] as number[],
  small: [] as number[],
  largeShell: [] as number[],
  large: [] as number[],
  fresh: [] as number[],
};
/** Samples in which the start screen was drawn, per folder. */
const drawn = { small: 0, large: 0, fresh: 0 };
try {
  for (let round = 0; round < WARM_UP + SAMPLES; round++) {
    const checkTyping = round === WARM_UP + SAMPLES - 1;
    const bare = await timeToInteractive(browser, `${bareServer.origin}/`, [bareReady]);
    const smallRun = await timeToInteractive(
      browser,
      `${smallServer.origin}/#/compose`,
      [shellRendered, composerReady(smallDraft!)],
      { sessionToken: token, checkTyping },
    );
    const largeRun = await timeToInteractive(
      browser,
      `${largeServer.origin}/#/compose`,
      [shellRendered, composerReady(largeDraft!)],
      { sessionToken: token, checkTyping },
    );
    const freshRun = await timeToInteractive(
      browser,
      `${freshServer.origin}/#/compose`,
      [composerReady(freshDraft!)],
      { sessionToken: token },
    );
    if (round < WARM_UP) continue;
    samples.bare.push(bare.times[0]!);
    samples.smallShell.push(smallRun.times[0]!);
    samples.small.push(smallRun.times[1]!);
    samples.largeShell.push(largeRun.times[0]!);
    samples.large.push(largeRun.times[1]!);
    samples.fresh.push(freshRun.times[0]!);
    drawn.small += smallRun.startScreenDrawn ? 1 : 0;
    drawn.large += largeRun.startScreenDrawn ? 1 : 0;
    drawn.fresh += freshRun.startScreenDrawn ? 1 : 0;
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
const largeName = `${LARGE.history.toLocaleString('en-GB')} sent, ${LARGE.drafts.toLocaleString('en-GB')} drafts, ${LARGE.events.toLocaleString('en-GB')} events, ${LARGE.queued.toLocaleString('en-GB')} queued, ${largeReminders.value.reminders.length} open reminders`;
printTable(
  `Renderer start to interactive, cold context, ${SAMPLES} samples each (ms; goal: composer ≤ ${GOAL_RATIO}× the bare page)`,
  [
    row('baseline: bare Vite + React page (button)', samples.bare),
    row('Herald app shell on screen (navigation), one-draft folder', samples.smallShell),
    row(
      `Herald composer interactive (draft open), one-draft folder (start screen drawn in ${drawn.small} of ${SAMPLES})`,
      samples.small,
    ),
    row(`Herald app shell on screen (navigation), large folder (${largeName})`, samples.largeShell),
    row(
      `Herald composer interactive (draft open), large folder (${largeName}; start screen drawn in ${drawn.large} of ${SAMPLES})`,
      samples.large,
    ),
    row(
      `context: a one-draft folder's first start, never opened before (start screen drawn in ${drawn.fresh} of ${SAMPLES})`,
      samples.fresh,
    ),
  ],
);
// The goal's figure is the start of a Herald that has been used: a sample that did not draw the start screen is
// not that, and the run says so instead of timing something else.
if (drawn.small !== SAMPLES || drawn.large !== SAMPLES)
  throw new Error('the start screen was not drawn in every sample of the folders opened before');
if (drawn.fresh !== 0) throw new Error('a start screen was drawn for the folder never opened before');
for (const [folder, times] of [
  ['one-draft', samples.small],
  ['large', samples.large],
] as const) {
  const ratio = percentile(times, 50) / percentile(samples.bare, 50);
  console.log(
    `${folder} folder: Herald's composer is interactive ${ratio.toFixed(2)}× the bare page's time at the median (${ratio <= GOAL_RATIO ? 'within' : 'OVER'} the ${GOAL_RATIO}× goal).`,
  );
}
const freshRatio = percentile(samples.fresh, 50) / percentile(samples.bare, 50);
console.log(
  `context: a folder's first start (no start screen yet) is interactive ${freshRatio.toFixed(2)}× the bare page's time at the median.`,
);
