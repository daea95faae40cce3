// Herald as a real Electron app, driven by Playwright's _electron. Runs
// wherever an Electron binary is installed; elsewhere each test is skipped
// and says why.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { startFakeSlack } from '../fakes/slack-server.ts';

const executablePath = findElectronBinary();
test.skip(
  !executablePath,
  'Electron binary not installed on this machine (it cannot be downloaded here); the browser-harness suite covers the UI.',
);

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function launch(extraArgs: string[] = []) {
  const userData = mkdtempSync(join(tmpdir(), 'herald-electron-'));
  app = await electron.launch({
    executablePath: executablePath!,
    args: ['.', `--user-data-dir=${userData}`, '--password-store=basic', ...extraArgs],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  return app.firstWindow();
}

test('opens one secure window on the app origin with window.herald and no Node', async () => {
  const page = await launch();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/herald\//);
  const exposed = await page.evaluate(() => ({
    keys: Object.keys((window as unknown as { herald: object }).herald).sort(),
    hasRequire: 'require' in window,
    hasProcess: 'process' in window,
  }));
  expect(exposed).toEqual({ keys: ['invoke', 'on'], hasRequire: false, hasProcess: false });
  // The preferences themselves are asserted by the shell unit test (test/unit/electron/shell); here
  // we check their effect from inside the page.
  expect(await page.evaluate(() => typeof (globalThis as { module?: unknown }).module)).toBe('undefined');
});

test('connects Slack through IPC and never hands the token back', async () => {
  const slack = await startFakeSlack();
  try {
    // The fake Slack is allowed only because this run was started with the override on its command line.
    const page = await launch([`--slack-api-url=${slack.url}`]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(
      page.getByRole('group', { name: 'Slack host' }).getByRole('radio', { name: slack.url }),
    ).toBeChecked();
    await page.getByLabel('Slack token').fill(slack.botToken);
    const consent = page.getByLabel(/I understand the token will be stored/);
    if (await consent.isVisible()) await consent.check();
    await page.getByRole('button', { name: 'Connect Slack' }).click();
    await expect(page.getByTestId('slack-connected')).toContainText('Ministry of Justice');
    await expect(page.getByTestId('slack-host')).toContainText(slack.url);
    expect(await page.content()).not.toContain(slack.botToken);
  } finally {
    await slack.close();
  }
});
