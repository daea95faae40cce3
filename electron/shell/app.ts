// The Electron shell's lifecycle: single instance, the app:// protocol,
// secure windows, core services over electron-store, and the IPC bridge.
// Decisions live in core; this file only wires Electron to it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { createSystemClock } from '../core/clock/clock.ts';
import { createCore } from '../core/create-core.ts';
import { createLogger } from '../core/logging/logger.ts';
import type { ConfFactory } from '../core/storage/conf-like.ts';
import { isSafeExternalUrl } from '../../shared/security/external-links.ts';
import { appSchemePrivileges, serveRenderer } from './app-protocol.ts';
import { startAttentionShell } from './attention-shell.ts';
import { bindIpc } from './ipc-bridge.ts';
import { keepInTrayOnClose } from './keep-in-tray.ts';
import { createSafeStorageSecretBox } from './safe-storage-secret-box.ts';
import { APP_ENTRY_URL, denyAllPermissions, hardenWebContents, secureWebPreferences } from './window-security.ts';

declare const __HERALD_VERSION__: string | undefined;

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
  // Must happen before `ready`.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternalSafely));

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, paths.rendererDir);

  const logger = createLogger((line) => process.stderr.write(`${line}\n`));
  const clock = createSystemClock();
  const core = createCore({
    host: 'electron',
    version: typeof __HERALD_VERSION__ === 'string' ? __HERALD_VERSION__ : app.getVersion(),
    dataDir: app.getPath('userData'),
    createBackend: createElectronStoreBackend,
    secretBox: createSafeStorageSecretBox(safeStorage, process.platform),
    clock,
    logger,
  });

  let mainWindow: BrowserWindow | null = null;
  // Set by a real quit (the tray's Quit, Cmd+Q): closing the window then ends Herald even when it keeps running in the tray.
  let isQuitting = false;
  const createWindow = () => {
    mainWindow = new BrowserWindow({
      width: 1280,
      height: 860,
      minWidth: 900,
      minHeight: 600,
      title: 'Herald',
      show: false,
      webPreferences: secureWebPreferences(join(paths.electronDir, 'preload.cjs')),
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
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

  app.on('second-instance', () => revealWindow());
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
  createWindow();
  return true;
}
