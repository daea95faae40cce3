// Herald's desktop duties in a real Electron app, one spec per duty: updates,
// open at login, window state, diagnostics and native notifications. Runs
// wherever an Electron binary is installed; elsewhere each test is skipped
// and says why. (Built unpackaged, so updates and the login item report
// themselves unavailable; the logic behind both is unit-tested in
// test/unit/electron/core/updates and core/login-item.)
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const executablePath = findElectronBinary();
test.skip(
  !executablePath,
  'Electron binary not installed on this machine (it cannot be downloaded here); the unit tests cover updates, open at login, window state, diagnostics and notifications.',
);

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function launch(userData: string, extraArgs: string[] = []) {
  app = await electron.launch({
    executablePath: executablePath!,
    args: ['.', `--user-data-dir=${userData}`, '--password-store=basic', ...extraArgs],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  return app;
}

const newUserData = () => mkdtempSync(join(tmpdir(), 'herald-electron-'));

async function openSettings(electronApp: ElectronApplication) {
  const page = await electronApp.firstWindow();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  return page;
}

test('updates: an unpackaged build says it cannot update itself and offers no restart', async () => {
  const page = await openSettings(await launch(newUserData()));
  await expect(page.getByTestId('update-status')).toContainText('development build');
  await expect(page.getByRole('button', { name: 'Restart to update' })).toHaveCount(0);
});

test('open at login: a launch with --hidden stays in the tray until opened', async () => {
  const userData = newUserData();
  const electronApp = await launch(userData, ['--hidden']);
  // Stores are written in the same tick that would create the window: once they exist, start-up is done.
  await expect.poll(() => existsSync(join(userData, 'settings.json'))).toBe(true);
  expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
  // What a click on the dock icon or a second launch does.
  await electronApp.evaluate(({ app: electronMain }) => electronMain.emit('activate'));
  const page = await openSettings(electronApp);
  await expect(
    page.getByText('Opening at login is available in the installed desktop app only'),
  ).toBeVisible();
});

test('window state: size and position come back after a restart', async () => {
  const userData = newUserData();
  const first = await launch(userData);
  await first.firstWindow();
  await first.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 60, width: 1000, height: 700 }),
  );
  await first.close();
  const second = await launch(userData);
  await second.firstWindow();
  const bounds = await second.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
  expect(bounds).toMatchObject({ width: 1000, height: 700 });
});

test('diagnostics: Copy diagnostics includes the crash dumps folder and no secrets', async () => {
  const page = await openSettings(await launch(newUserData()));
  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  const text = await page.getByLabel(/^Diagnostics/).inputValue();
  expect(text).toContain('(electron)');
  expect(text).toContain('## Crash dumps');
  expect(text).not.toContain('The browser harness has no crash reporter');
  expect(text).not.toMatch(/xox[a-z]-/);
});

test('notifications: this platform can show them, with Windows toasts registered to Herald', async () => {
  const electronApp = await launch(newUserData());
  await electronApp.firstWindow();
  const facts = await electronApp.evaluate(({ app: electronMain, Notification }) => ({
    platform: process.platform,
    isSupported: Notification.isSupported(),
    toastActivator: process.platform === 'win32' ? electronMain.toastActivatorCLSID : null,
  }));
  expect(facts.isSupported).toBe(true);
  if (facts.platform === 'win32') expect(facts.toastActivator).toBe('{6F1B7C52-8E0A-4B8B-9C3E-2D4F5A6B7C81}');
});
