// Builds the platform's electron-updater (NSIS on Windows, the macOS
// updater, AppImage/deb on Linux) for core's update controller, or says why
// this build cannot update itself. electron-updater is loaded only in a
// packaged build with a feed: it reads resources/app-update.yml, which
// electron-builder writes from the `publish` configuration.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import type { Logger } from '../core/logging/logger.ts';
import type { UpdaterPort } from '../core/updates/updater-port.ts';

export interface UpdaterChoice {
  updater: UpdaterPort | null;
  unsupportedReason: string;
}

export async function createPlatformUpdater(logger: Logger): Promise<UpdaterChoice> {
  if (!app.isPackaged)
    return {
      updater: null,
      unsupportedReason: 'This is a development build; installed copies of Herald update themselves.',
    };
  // process.resourcesPath is Electron's; the check also keeps a plain-Node test run from loading the updater.
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (!resourcesPath || !existsSync(join(resourcesPath, 'app-update.yml'))) {
    return {
      updater: null,
      unsupportedReason:
        'This copy of Herald was built without an update feed; install new versions by hand.',
    };
  }
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.logger = {
    info: (message?: unknown) => logger.info('updater.info', { message: String(message) }),
    warn: (message?: unknown) => logger.warn('updater.warn', { message: String(message) }),
    error: (message?: unknown) => logger.error('updater.error', { message: String(message) }),
  };
  // Herald ships full installers only; a web installer's package is not code-signed.
  autoUpdater.disableWebInstaller = true;
  return { updater: autoUpdater, unsupportedReason: '' };
}
