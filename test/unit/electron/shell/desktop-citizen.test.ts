// The shell's desktop duties on the fake electron module: local crash dumps,
// the window reopening where it was (and back on screen when a monitor is
// gone), a login launch staying in the tray, and updates / open at login
// reported as unavailable in a development build.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHeraldShell } from '../../../../electron/shell/app.ts';
import {
  app,
  BrowserWindow,
  crashReporter,
  ipcMain,
  resetFakeElectron,
  screen,
  Tray,
} from '../../../fakes/electron.ts';

interface MenuTemplateItem {
  label?: string;
  click?: () => void;
}

async function startShell() {
  const rendererDir = mkdtempSync(join(tmpdir(), 'herald-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Herald</title>');
  expect(await startHeraldShell({ electronDir: '/opt/herald/electron', rendererDir })).toBe(true);
}

function quit() {
  for (const window of BrowserWindow.getAllWindows()) {
    app.emit('before-quit');
    window.close();
  }
}

describe('Herald as a desktop citizen', () => {
  beforeEach(() => {
    resetFakeElectron();
    app.userDataPath = mkdtempSync(join(tmpdir(), 'herald-shell-'));
  });
  afterEach(() => app.emit('before-quit'));

  it('keeps crash dumps on this computer: the crash reporter never uploads', async () => {
    await startShell();
    expect(crashReporter.startedWith).toEqual({ uploadToServer: false });
  });

  it('reopens the window with the size, position and maximised state it had', async () => {
    await startShell();
    const first = BrowserWindow.instances[0]!;
    first.setBounds({ x: 200, y: 150, width: 1100, height: 700 });
    first.maximize();
    quit();
    resetFakeElectron();
    await startShell();
    const second = BrowserWindow.instances[0]!;
    expect(second.options).toMatchObject({
      x: 200,
      y: 150,
      width: 1100,
      height: 700,
      minWidth: 900,
      minHeight: 600,
    });
    // Maximised once the page is ready to show, not before (that would flash an empty window).
    expect(second.isMaximized()).toBe(false);
    second.emit('ready-to-show');
    expect(second.isMaximized()).toBe(true);
    expect(second.isVisible()).toBe(true);
  });

  it('brings a window from an unplugged monitor back onto the screen that is left', async () => {
    screen.displays = [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1440, height: 900 },
        workArea: { x: 0, y: 25, width: 1440, height: 875 },
      },
      {
        id: 2,
        bounds: { x: 1440, y: 0, width: 2560, height: 1440 },
        workArea: { x: 1440, y: 0, width: 2560, height: 1440 },
      },
    ];
    await startShell();
    BrowserWindow.instances[0]!.setBounds({ x: 2000, y: 300, width: 1200, height: 800 });
    quit();
    resetFakeElectron();
    // Only the laptop's own display now.
    screen.displays = [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1440, height: 900 },
        workArea: { x: 0, y: 25, width: 1440, height: 875 },
      },
    ];
    await startShell();
    expect(BrowserWindow.instances[0]!.options).toMatchObject({ x: 120, y: 62, width: 1200, height: 800 });
  });

  it('stays hidden in the tray when the login item started it, and opens from the tray', async () => {
    process.argv.push('--hidden');
    try {
      await startShell();
    } finally {
      process.argv.splice(process.argv.indexOf('--hidden'), 1);
    }
    expect(BrowserWindow.instances).toHaveLength(0);
    const menu = (Tray.instances[0]!.menu as { items: MenuTemplateItem[] }).items;
    menu.find((item) => item.label === 'Open Herald')!.click!();
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('says a development build neither updates itself nor registers a login item', async () => {
    await startShell();
    const window = BrowserWindow.instances[0]!;
    expect(await ipcMain.invokeAs(window.webContents, 'updates:status', {})).toMatchObject({
      ok: true,
      value: {
        state: 'unsupported',
        message: 'This is a development build; installed copies of Herald update themselves.',
      },
    });
    expect(await ipcMain.invokeAs(window.webContents, 'loginItem:status', {})).toEqual({
      ok: true,
      value: { isSupported: false, isEnabled: false, wasLaunchedAtLogin: false },
    });
  });

  it('registers the login item of an installed build when the setting is turned on, and removes it when turned off', async () => {
    const configHome = mkdtempSync(join(tmpdir(), 'herald-xdg-'));
    const previous = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = configHome;
    app.isPackaged = true;
    try {
      await startShell();
      const window = BrowserWindow.instances[0]!;
      const isRegistered = () =>
        process.platform === 'linux'
          ? existsSync(join(configHome, 'autostart', 'herald.desktop'))
          : app.loginItem.openAtLogin;
      expect(isRegistered()).toBe(false);
      await ipcMain.invokeAs(window.webContents, 'settings:update', {
        openAtLogin: true,
        hasAnsweredOpenAtLogin: true,
      });
      expect(isRegistered()).toBe(true);
      expect(await ipcMain.invokeAs(window.webContents, 'loginItem:status', {})).toMatchObject({
        ok: true,
        value: { isSupported: true, isEnabled: true },
      });
      await ipcMain.invokeAs(window.webContents, 'settings:update', { openAtLogin: false });
      expect(isRegistered()).toBe(false);
      // No update feed in this build: it says so rather than failing every few hours.
      expect(await ipcMain.invokeAs(window.webContents, 'updates:status', {})).toMatchObject({
        ok: true,
        value: { state: 'unsupported' },
      });
    } finally {
      if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = previous;
    }
  });
});
