// The Electron shell's lifecycle: single instance, the app:// protocol,
// secure windows, core services over electron-store, and the IPC bridge.
// Decisions live in core; this file only wires Electron to it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, crashReporter, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { createSystemClock } from '../core/clock/clock.ts';
import { createCore } from '../core/create-core.ts';
import { openAppLog, wantsConsoleLog } from '../core/logging/app-log.ts';
import { apiUrlOverrideFromArgv } from '../core/slack/api-url-policy.ts';
import type { ConfFactory } from '../core/storage/conf-like.ts';
import { isSafeExternalUrl } from '../../shared/security/external-links.ts';
import { appSchemePrivileges, serveRenderer } from './app-protocol.ts';
import { startAttentionShell } from './attention-shell.ts';
import { startDeepLinkShell } from './deep-link-shell.ts';
import { bindIpc } from './ipc-bridge.ts';
import { keepInTrayOnClose } from './keep-in-tray.ts';
import { launchedAtLogin, platformLoginItem } from './login-item.ts';
import { createSafeStorageSecretBox } from './safe-storage-secret-box.ts';
import { createPlatformUpdater } from './updater.ts';
import {
  APP_ENTRY_URL,
  denyAllPermissions,
  hardenWebContents,
  secureWebPreferences,
} from './window-security.ts';
import { initialPlacement, rememberWindowState } from './window-state.ts';

declare const __HERALD_VERSION__: string | undefined;

const WINDOW_SIZE = { width: 1280, height: 860, minWidth: 900, minHeight: 600 };

const createElectronStoreBackend: ConfFactory = ({ cwd, name }) =>
  new ElectronStore<Record<string, unknown>>({ cwd, name, clearInvalidConfig: false });

async function openExternalSafely(url: string): Promise<void> {
  if (isSafeExternalUrl(url)) await shell.openExternal(url);
}

export interface ShellPaths {
  /** Folder with main.mjs and preload.cjs. */
  electronDir: string;
  rendererDir: string;
}

export function defaultShellPaths(): ShellPaths {
  const electronDir = dirname(fileURLToPath(import.meta.url));
  return { electronDir, rendererDir: join(electronDir, '..', 'renderer') };
}

/** Starts Herald. Returns false when another instance already runs (it is focused instead). */
export async function startHeraldShell(paths: ShellPaths = defaultShellPaths()): Promise<boolean> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // Crash dumps stay on this computer (app.getPath('crashDumps')); Settings → "Copy diagnostics" lists them.
  crashReporter.start({ uploadToServer: false });
  // Must happen before `ready`.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  // herald:// links: registered, and macOS's open-url listened for, before `ready` (a cold start's link).
  const deepLinks = startDeepLinkShell(process.argv);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternalSafely));

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, paths.rendererDir);

  const logDir = app.getPath('logs');
  // JSON lines on the terminal only when asked for (--verbose / HERALD_LOG=console); the file always has them.
  const { logger } = openAppLog(logDir, { toConsole: wantsConsoleLog(process.argv, process.env) });
  const clock = createSystemClock();
  // Tests start the app with --slack-api-url to reach the fake Slack; a bad value leaves Slack's own hosts only.
  const apiUrlOverride = apiUrlOverrideFromArgv(process.argv);
  if (!apiUrlOverride.ok) logger.error('slack.api_url_override_refused', { reason: apiUrlOverride.error });
  // Set by a real quit (the tray's Quit, Cmd+Q, an update's restart): closing the window then ends Herald even when it keeps running in the tray.
  let isQuitting = false;
  const { updater, unsupportedReason } = await createPlatformUpdater(logger);
  const isLaunchedAtLogin = launchedAtLogin(process.platform);
  const core = createCore({
    host: 'electron',
    version: typeof __HERALD_VERSION__ === 'string' ? __HERALD_VERSION__ : app.getVersion(),
    dataDir: app.getPath('userData'),
    createBackend: createElectronStoreBackend,
    secretBox: createSafeStorageSecretBox(safeStorage, process.platform),
    clock,
    logger,
    ...(apiUrlOverride.ok && apiUrlOverride.value !== undefined
      ? { slackApiUrlOverride: apiUrlOverride.value }
      : {}),
    updater,
    updatesUnsupportedReason: unsupportedReason,
    loginItem: platformLoginItem(process.platform),
    wasLaunchedAtLogin: isLaunchedAtLogin,
    prepareToQuit: () => {
      isQuitting = true;
    },
    logDir,
    crashDumpsDir: app.getPath('crashDumps'),
    platform: process.platform,
  });

  let mainWindow: BrowserWindow | null = null;
  const createWindow = () => {
    const placement = initialPlacement(core.windowState(), WINDOW_SIZE);
    mainWindow = new BrowserWindow({
      ...placement.bounds,
      minWidth: WINDOW_SIZE.minWidth,
      minHeight: WINDOW_SIZE.minHeight,
      title: 'Herald',
      show: false,
      webPreferences: secureWebPreferences(join(paths.electronDir, 'preload.cjs')),
    });
    rememberWindowState(mainWindow, core.windowState());
    mainWindow.once('ready-to-show', () => {
      // Maximising shows the window, so it waits for the page like show() does.
      if (placement.isMaximized) mainWindow?.maximize();
      mainWindow?.show();
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    keepInTrayOnClose(mainWindow, () => !isQuitting && core.settings.get().keepRunningInTray);
    void mainWindow.loadURL(APP_ENTRY_URL);
    return mainWindow;
  };
  /** Shows the window (a new one if it was closed) and runs `then` once its page can receive events. */
  const revealWindow = (then: () => void = () => {}) => {
    if (!mainWindow) {
      createWindow().webContents.once('did-finish-load', then);
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    then();
  };

  bindIpc({
    ipcMain,
    router: core.router,
    bus: core.bus,
    logger,
    trustedContents: () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []),
  });

  app.on('second-instance', (_event, argv: string[]) => {
    revealWindow();
    deepLinks.fromArgv(argv);
  });

  app.on('activate', () => revealWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  core.start();
  const attentionShell = startAttentionShell({
    core,
    clock,
    logger,
    platform: process.platform,
    revealWindow,
    quit: () => {
      isQuitting = true;
      app.quit();
    },
  });
  app.on('before-quit', () => {
    isQuitting = true;
    attentionShell.stop();
    core.stop();
  });
  // Started by the login item: stay in the tray until the lead opens Herald (the tray, the dock, a second launch).
  if (!isLaunchedAtLogin || !core.settings.get().keepRunningInTray) createWindow();
  // Each link shows the window and focuses it, then core tells the page what to show (links:opened); a cold
  // start's link waits for the first page to load, so the page is listening.
  const firstLoad = new Promise<void>((resolve) => {
    if (mainWindow) mainWindow.webContents.once('did-finish-load', () => resolve());
    else resolve();
  });
  deepLinks.ready((link) => {
    void firstLoad.then(() => revealWindow(() => core.deepLinks.openFromOutside(link, 'os')));
  });
  return true;
}
