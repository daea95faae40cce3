// Linux has no app.setLoginItemSettings: desktops start what the XDG
// Autostart spec lists in $XDG_CONFIG_HOME/autostart/*.desktop. Herald's
// entry starts it with the marker argument so it opens hidden in the tray.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAUNCHED_AT_LOGIN_ARG, type LoginItemPort } from './login-item.ts';

export const AUTOSTART_FILE_NAME = 'herald.desktop';

/** Quotes an Exec argument as the Desktop Entry spec asks (double quotes; \, ", `, $ escaped). */
function quoteExecArgument(argument: string): string {
  if (/^[A-Za-z0-9_./-]+$/.test(argument)) return argument;
  return `"${argument.replace(/[\\"`$]/g, (character) => `\\${character}`)}"`;
}

export function autostartEntry(executablePath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Herald',
    "Comment=The comms lead's desk: reminders for promised incident updates",
    `Exec=${quoteExecArgument(executablePath)} ${LAUNCHED_AT_LOGIN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LinuxAutostartDeps {
  /** $XDG_CONFIG_HOME, or ~/.config. */
  configHome: string;
  /** The AppImage file when run from one ($APPIMAGE), else the executable. */
  executablePath: string;
}

export function createLinuxAutostart(deps: LinuxAutostartDeps): LoginItemPort {
  const folder = join(deps.configHome, 'autostart');
  const file = join(folder, AUTOSTART_FILE_NAME);
  return {
    isEnabled() {
      if (!existsSync(file)) return false;
      const text = readFileSync(file, 'utf8');
      return !/^Hidden=true$/m.test(text) && !/^X-GNOME-Autostart-enabled=false$/m.test(text);
    },
    setEnabled(isEnabled) {
      if (!isEnabled) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(folder, { recursive: true });
      writeFileSync(file, autostartEntry(deps.executablePath), { mode: 0o644 });
    },
  };
}
