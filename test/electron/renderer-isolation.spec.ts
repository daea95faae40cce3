// The renderer's isolation in real Electron, where the shell's own guards
// apply: window.open and navigation away from app://herald are refused, no
// second window appears, and the page keeps its origin. Runs wherever an
// Electron binary is installed; elsewhere it is skipped and says why. The same
// handlers are unit-tested over the fake electron module
// (test/unit/electron/shell/app.test.ts); CSP and origin checks in Chromium
// live in test/e2e/renderer-isolation.spec.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const executablePath = findElectronBinary();
test.skip(
  !executablePath,
  'Electron binary not installed on this machine (it cannot be downloaded here); the shell unit tests cover these handlers.',
);

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function launch() {
  const userData = mkdtempSync(join(tmpdir(), 'herald-electron-isolation-'));
  app = await electron.launch({
    executablePath: executablePath!,
    args: ['.', `--user-data-dir=${userData}`, '--password-store=basic'],
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return page;
}

test('window.open and target=_blank links never open a window inside Herald', async () => {
  const page = await launch();
  const opened = await page.evaluate(() => {
    const results = [
      'https://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://herald/index.html',
    ].map((url) => window.open(url) === null);
    const link = document.createElement('a');
    link.href = 'file:///etc/passwd';
    link.target = '_blank';
    document.body.appendChild(link);
    link.click();
    return results;
  });
  expect(opened).toEqual([true, true, true, true]);
  await page.waitForTimeout(500);
  expect(app!.windows()).toHaveLength(1);
});

test('the page cannot navigate away from app://herald', async () => {
  const page = await launch();
  for (const url of ['https://example.com/', 'file:///etc/passwd', 'data:text/html,<h1>phish</h1>']) {
    await page.evaluate((target) => {
      window.location.href = target;
    }, url);
    await page.waitForTimeout(300);
    expect(page.url(), url).toMatch(/^app:\/\/herald\//);
  }
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('the page has no Node and reaches no file or other origin', async () => {
  const page = await launch();
  const outcome = await page.evaluate(async () => {
    const attempts: Record<string, boolean> = {};
    for (const url of ['file:///etc/passwd', 'https://example.com/']) {
      try {
        await fetch(url);
        attempts[url] = true;
      } catch {
        attempts[url] = false;
      }
    }
    return {
      attempts,
      globals: ['require', 'process', 'module', 'Buffer', 'global'].filter((name) => name in globalThis),
    };
  });
  expect(outcome).toEqual({
    attempts: { 'file:///etc/passwd': false, 'https://example.com/': false },
    globals: [],
  });
});
