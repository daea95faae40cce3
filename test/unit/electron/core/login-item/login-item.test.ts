import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUTOSTART_FILE_NAME,
  autostartEntry,
  createLinuxAutostart,
} from '../../../../../electron/core/login-item/linux-autostart.ts';
import {
  createLoginItemService,
  LAUNCHED_AT_LOGIN_ARG,
  loginItemSettingsFor,
  wasLaunchedAtLogin,
  type LoginItemPort,
} from '../../../../../electron/core/login-item/login-item.ts';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';

function memoryPort(initial = false): LoginItemPort & { sets: boolean[] } {
  let isEnabled = initial;
  const sets: boolean[] = [];
  return {
    sets,
    isEnabled: () => isEnabled,
    setEnabled(next) {
      sets.push(next);
      isEnabled = next;
    },
  };
}

describe('open at login', () => {
  it('knows a login launch on each platform: macOS reports it, Windows and Linux pass --hidden', () => {
    expect(
      wasLaunchedAtLogin({ platform: 'darwin', argv: ['/Applications/Herald.app'], wasOpenedAtLogin: true }),
    ).toBe(true);
    expect(
      wasLaunchedAtLogin({
        platform: 'darwin',
        argv: ['/Applications/Herald.app', LAUNCHED_AT_LOGIN_ARG],
        wasOpenedAtLogin: false,
      }),
    ).toBe(false);
    expect(
      wasLaunchedAtLogin({ platform: 'win32', argv: ['Herald.exe', '--hidden'], wasOpenedAtLogin: false }),
    ).toBe(true);
    expect(
      wasLaunchedAtLogin({ platform: 'linux', argv: ['/opt/Herald/herald'], wasOpenedAtLogin: false }),
    ).toBe(false);
    expect(
      wasLaunchedAtLogin({
        platform: 'linux',
        argv: ['/opt/Herald/herald', '--hidden'],
        wasOpenedAtLogin: false,
      }),
    ).toBe(true);
  });

  it('asks Windows to pass the marker argument; macOS needs none', () => {
    expect(loginItemSettingsFor('win32', true)).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(loginItemSettingsFor('darwin', true)).toEqual({ openAtLogin: true });
    expect(loginItemSettingsFor('darwin', false)).toEqual({ openAtLogin: false });
  });

  it('makes the login item follow the setting, and only touches it when they differ', () => {
    const port = memoryPort();
    let wanted = false;
    const service = createLoginItemService({
      port,
      wasLaunchedAtLogin: false,
      openAtLogin: () => wanted,
      logger: createMemoryLogger(),
    });
    service.apply();
    expect(port.sets).toEqual([]);
    wanted = true;
    service.apply();
    service.apply();
    expect(port.sets).toEqual([true]);
    expect(service.status()).toEqual({ isSupported: true, isEnabled: true, wasLaunchedAtLogin: false });
  });

  it('reports login items as unavailable without a port (the browser harness, a development build)', () => {
    const service = createLoginItemService({
      port: null,
      wasLaunchedAtLogin: false,
      openAtLogin: () => true,
      logger: createMemoryLogger(),
    });
    service.apply();
    expect(service.status()).toEqual({ isSupported: false, isEnabled: false, wasLaunchedAtLogin: false });
  });

  it('logs, rather than throws, when the system refuses the change', () => {
    const logger = createMemoryLogger();
    const port: LoginItemPort = {
      isEnabled: () => false,
      setEnabled: () => {
        throw new Error('EACCES');
      },
    };
    createLoginItemService({ port, wasLaunchedAtLogin: false, openAtLogin: () => true, logger }).apply();
    expect(logger.lines.join('\n')).toContain('login_item.apply_failed');
  });
});

describe('the Linux autostart entry', () => {
  it('writes an XDG autostart entry that starts Herald hidden, and removes it when turned off', () => {
    const configHome = mkdtempSync(join(tmpdir(), 'herald-xdg-'));
    const port = createLinuxAutostart({ configHome, executablePath: '/home/lead/Apps/Herald 1.2.AppImage' });
    expect(port.isEnabled()).toBe(false);
    port.setEnabled(true);
    const file = join(configHome, 'autostart', AUTOSTART_FILE_NAME);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    expect(text).toContain('Exec="/home/lead/Apps/Herald 1.2.AppImage" --hidden');
    expect(port.isEnabled()).toBe(true);
    port.setEnabled(false);
    expect(port.isEnabled()).toBe(false);
  });

  it('treats an entry the desktop has disabled as off', () => {
    const configHome = mkdtempSync(join(tmpdir(), 'herald-xdg-'));
    const port = createLinuxAutostart({ configHome, executablePath: '/opt/Herald/herald' });
    port.setEnabled(true);
    const file = join(configHome, 'autostart', AUTOSTART_FILE_NAME);
    writeFileSync(file, `${readFileSync(file, 'utf8')}Hidden=true\n`);
    expect(port.isEnabled()).toBe(false);
  });

  it('escapes characters the Exec key treats specially', () => {
    expect(autostartEntry('/opt/my "apps"/$HOME/herald')).toContain(
      'Exec="/opt/my \\"apps\\"/\\$HOME/herald" --hidden',
    );
  });
});
