// The operating system's login item for core's open-at-login setting:
// app.setLoginItemSettings on macOS and Windows, an XDG autostart entry on
// Linux (Electron has no login items there). Only an installed build gets
// one: a development build would register the bare Electron binary.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { createLinuxAutostart } from '../core/login-item/linux-autostart.ts';
import {
  loginItemSettingsFor,
  wasLaunchedAtLogin,
  type LoginItemPort,
} from '../core/login-item/login-item.ts';

export function platformLoginItem(platform: NodeJS.Platform): LoginItemPort | null {
  if (!app.isPackaged) return null;
  if (platform === 'linux') {
    return createLinuxAutostart({
      configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
      executablePath: process.env.APPIMAGE || process.execPath,
    });
  }
  if (platform !== 'darwin' && platform !== 'win32') return null;
  // Windows must be asked with the same args it was given, or it reports the item as off.
  const query = platform === 'win32' ? { args: loginItemSettingsFor(platform, true).args } : {};
  return {
    isEnabled: () => app.getLoginItemSettings(query).openAtLogin,
    setEnabled: (isEnabled) => app.setLoginItemSettings(loginItemSettingsFor(platform, isEnabled)),
  };
}

/** Whether the login item started this run (it then stays hidden in the tray). */
export function launchedAtLogin(platform: NodeJS.Platform): boolean {
  return wasLaunchedAtLogin({
    platform,
    argv: process.argv,
    wasOpenedAtLogin: platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
  });
}
