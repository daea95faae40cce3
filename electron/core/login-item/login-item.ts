// Open at login: the setting (asked once on first run, changeable in
// Settings) is applied to the operating system's login items, and a run the
// login item started opens hidden in the tray. Each platform marks that run
// differently: macOS reports it (getLoginItemSettings().wasOpenedAtLogin);
// on Windows and Linux the login item passes LAUNCHED_AT_LOGIN_ARG.
import { ok } from '../../../shared/api/index.ts';
import type { LoginItemStatus } from '../../../shared/api/channels/desktop.ts';
import type { Handler } from '../api/router.ts';
import type { Logger } from '../logging/logger.ts';

export const LAUNCHED_AT_LOGIN_ARG = '--hidden';

/** The operating system's login item for Herald. */
export interface LoginItemPort {
  isEnabled(): boolean;
  setEnabled(isEnabled: boolean): void;
}

export interface LaunchFacts {
  platform: string;
  argv: readonly string[];
  /** macOS only: app.getLoginItemSettings().wasOpenedAtLogin. */
  wasOpenedAtLogin: boolean;
}

export function wasLaunchedAtLogin(facts: LaunchFacts): boolean {
  if (facts.platform === 'darwin') return facts.wasOpenedAtLogin;
  return facts.argv.includes(LAUNCHED_AT_LOGIN_ARG);
}

/** What app.setLoginItemSettings gets: on Windows the login item passes the marker argument. */
export function loginItemSettingsFor(
  platform: string,
  openAtLogin: boolean,
): { openAtLogin: boolean; args?: string[] } {
  return platform === 'win32' ? { openAtLogin, args: [LAUNCHED_AT_LOGIN_ARG] } : { openAtLogin };
}

export interface LoginItemServiceDeps {
  /** Null in the browser harness. */
  port: LoginItemPort | null;
  wasLaunchedAtLogin: boolean;
  openAtLogin: () => boolean;
  logger: Logger;
}

export interface LoginItemService {
  /** Makes the operating system's login item match the setting. */
  apply(): void;
  status(): LoginItemStatus;
  handlers: { 'loginItem:status': Handler<'loginItem:status'> };
}

export function createLoginItemService(deps: LoginItemServiceDeps): LoginItemService {
  const status = (): LoginItemStatus => ({
    isSupported: deps.port !== null,
    isEnabled: deps.port?.isEnabled() ?? false,
    wasLaunchedAtLogin: deps.wasLaunchedAtLogin,
  });
  return {
    apply() {
      const { port } = deps;
      if (!port) return;
      const wanted = deps.openAtLogin();
      try {
        if (port.isEnabled() !== wanted) port.setEnabled(wanted);
      } catch (error) {
        deps.logger.warn('login_item.apply_failed', { wanted, error });
      }
    },
    status,
    handlers: { 'loginItem:status': () => Promise.resolve(ok(status())) },
  };
}
