import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  shell,
  FakeWebContents,
  FakeWebFrame,
  resetFakeElectron,
} from '../../../fakes/electron.ts';
import { startHeraldShell } from '../../../../electron/shell/app.ts';
import { CONTENT_SECURITY_POLICY } from '../../../../shared/security/csp.ts';

async function startShell() {
  app.userDataPath = mkdtempSync(join(tmpdir(), 'herald-shell-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'herald-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Herald</title>');
  const started = await startHeraldShell({ electronDir: '/opt/herald/electron', rendererDir });
  const window = BrowserWindow.instances[0]!;
  return { started, window, rendererDir };
}

describe('the Electron shell', () => {
  beforeEach(() => resetFakeElectron());

  it('creates the window with every secure web preference written out', async () => {
    const { window } = await startShell();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/herald/electron/preload.cjs',
    });
    expect(window.loadedUrl).toBe('app://herald/index.html');
  });

  it('serves the renderer on app://herald with the strict Content-Security-Policy', async () => {
    await startShell();
    expect(protocol.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const handler = protocol.handlers.get('app')!;
    const page = await handler(new Request('app://herald/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    const escape = await handler(new Request('app://herald/..%2F..%2F..%2Fetc%2Fpasswd'));
    expect(await escape.text()).not.toContain('root:');
    const otherHost = await handler(new Request('app://elsewhere/index.html'));
    expect(otherHost.status).toBe(404);
  });

  it('refuses navigation away from the app and never attaches webviews', async () => {
    const { window } = await startShell();
    const contents = window.webContents;
    expect(contents.emitCancellable('will-navigate', 'https://evil.example.com/')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'app://herald/index.html#/settings')).toBe(false);
    expect(contents.emitCancellable('will-redirect', 'https://evil.example.com/')).toBe(true);
    expect(contents.emitCancellable('will-attach-webview')).toBe(true);
  });

  it('denies window.open, sending only checked https links to the system browser', async () => {
    const { window } = await startShell();
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://status.slack.com/' })).toEqual({ action: 'deny' });
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pw@example.com/',
      'smb://host/share',
      'not a url',
    ]) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://status.slack.com/']);
  });

  it('denies every permission request and check', async () => {
    await startShell();
    const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler } =
      session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      permissionRequestHandler!({}, permission, (answer) => (granted = answer));
      expect(granted).toBe(false);
    }
    expect(permissionCheckHandler!({}, 'media')).toBe(false);
    expect(devicePermissionHandler!({})).toBe(false);
  });

  it('holds a single-instance lock and quits when another instance has it', async () => {
    app.hasSingleInstanceLock = false;
    const started = await startHeraldShell({ electronDir: '/x', rendererDir: '/y' });
    expect(started).toBe(false);
    expect(app.didQuit).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('answers IPC only from its own window’s main frame on the app origin', async () => {
    const { window } = await startShell();
    const own = window.webContents;
    const info = (await ipcMain.invokeAs(own, 'app:info', {})) as { ok: boolean; value: { host: string } };
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', hasTestClock: false } });

    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://herald/index.html';
    expect(await ipcMain.invokeAs(stranger, 'app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await ipcMain.invokeAs(own, 'app:info', {}, new FakeWebFrame('app://herald/index.html')),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    own.mainFrame.url = 'https://evil.example.com/';
    expect(await ipcMain.invokeAs(own, 'app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('validates IPC arguments and never registers the test-clock channels', async () => {
    const { window } = await startShell();
    const own = window.webContents;
    expect(await ipcMain.invokeAs(own, 'app:info', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await ipcMain.invokeAs(own, 'slack:connect', { token: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await ipcMain.invokeAs(own, 'settings:update', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(ipcMain.handlers.has('testClock:advance')).toBe(false);
    expect(ipcMain.handlers.has('testClock:set')).toBe(false);
    expect(ipcMain.handlers.has('settings:get')).toBe(true);
  });

  it('forwards core events to its window', async () => {
    const { window } = await startShell();
    await ipcMain.invokeAs(window.webContents, 'settings:update', { timeZone: 'America/New_York' });
    expect(window.webContents.sent).toContainEqual({
      channel: 'herald:event',
      args: ['settings:changed', expect.objectContaining({ timeZone: 'America/New_York' })],
    });
  });
});
