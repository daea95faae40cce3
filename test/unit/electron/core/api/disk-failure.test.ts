// A full disk (or a read-only one) on enqueue says what failed and what was
// and was not saved, over both transports, instead of "Something went wrong…
// Your input is kept" when nothing was queued.
import type * as NodeFs from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfFactory } from '../../../../../electron/core/storage/conf-like.ts';
import { startHarnessServer, type HarnessServer } from '../../../../../electron/harness/http-transport.ts';
import { createConfBackend } from '../../../../../electron/harness/start-harness.ts';
import { bindIpc } from '../../../../../electron/shell/ipc-bridge.ts';
import { APP_ENTRY_URL } from '../../../../../electron/shell/window-security.ts';
import { BrowserWindow, ipcMain, resetFakeElectron } from '../../../../fakes/electron.ts';
import { makeCore } from '../../../../support/core-fixture.ts';

/**
 * Folder stores (outbox items, history months, drafts) write with node:fs directly; the mock refuses writes under
 * the folders named in `refusedFolders`, with the errno a full or read-only disk gives, and passes everything else on.
 */
const refusedFolders = vi.hoisted(() => new Map<string, string>());
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof NodeFs>();
  const refuse = (path: unknown) => {
    for (const [folder, errno] of refusedFolders) {
      if (typeof path === 'string' && path.includes(`/${folder}/`)) {
        throw Object.assign(new Error(`${errno}: write failed, '${path}'`), {
          code: errno,
          syscall: 'write',
          path,
        });
      }
    }
  };
  const writeFileSync: typeof real.writeFileSync = (path, ...rest) => {
    refuse(path);
    return real.writeFileSync(path, ...rest);
  };
  return { ...real, default: { ...real, writeFileSync }, writeFileSync };
});

/** conf backends that refuse writes to the named stores with `errno`, as a full or read-only disk does. */
function failingDisk() {
  const refusedConf = new Map<string, string>();
  // A store is refused whichever way it is kept: as a conf file (settings) or as a folder of files (the outbox).
  const failing = {
    set: (store: string, errno: string) => {
      refusedConf.set(store, errno);
      refusedFolders.set(store, errno);
    },
    clear: () => {
      refusedConf.clear();
      refusedFolders.clear();
    },
  };
  const createBackend: ConfFactory = (options) => {
    const real = createConfBackend(options);
    return {
      get path() {
        return real.path;
      },
      get store() {
        return real.store;
      },
      set store(value) {
        const errno = refusedConf.get(options.name);
        if (errno)
          throw Object.assign(new Error(`${errno}: write failed`), {
            code: errno,
            syscall: 'write',
            path: `${real.path}.tmp-1234`,
          });
        real.store = value;
      },
    };
  };
  return { failing, createBackend };
}

let server: HarnessServer | undefined;
afterEach(async () => {
  refusedFolders.clear();
  await server?.close();
  server = undefined;
  resetFakeElectron();
});

const enqueue = { channel: 'C0123456789', text: 'Incident declared' };

describe('a write the disk refuses', () => {
  it('on enqueue says the disk is full and the message was not queued; the outbox is unchanged and works once there is space', async () => {
    const disk = failingDisk();
    const { core, logger } = makeCore({ createBackend: disk.createBackend });
    disk.failing.set('outbox', 'ENOSPC');
    const result = await core.router.invoke('outbox:enqueue', enqueue);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'storage_error',
        message:
          'Herald could not save the outbox: the disk is full (ENOSPC). Nothing changed in the outbox: the message was not queued or changed, and nothing new will be sent.',
        fix: 'Free some space on the disk, then try again.',
      },
    });
    expect(JSON.stringify(result)).not.toContain('Something went wrong');
    expect(core.outbox.list().items).toHaveLength(0);
    expect(logger.lines.join('\n')).toContain('api.disk_write_failed');

    disk.failing.clear();
    expect(await core.router.invoke('outbox:enqueue', enqueue)).toMatchObject({ ok: true });
    expect(core.outbox.list().items).toHaveLength(1);
  });

  it('names a read-only disk and any other store, and says an autosave is still on screen', async () => {
    const disk = failingDisk();
    const { core } = makeCore({ createBackend: disk.createBackend });
    disk.failing.set('settings', 'EROFS');
    expect(await core.router.invoke('settings:update', { timeZone: 'UTC' })).toMatchObject({
      ok: false,
      error: {
        code: 'storage_error',
        message:
          'Herald could not save your settings: the disk is read-only (EROFS). This change was not saved; what you typed is still on screen.',
      },
    });
    expect(core.settings.get().timeZone).toBe('Europe/London');
  });

  it('gives the same answer over HTTP and over IPC', async () => {
    const disk = failingDisk();
    const { core, logger } = makeCore({ createBackend: disk.createBackend });
    disk.failing.set('outbox', 'ENOSPC');
    const expected = {
      ok: false,
      error: { code: 'storage_error', message: expect.stringContaining('the message was not queued') },
    };

    const staticDir = mkdtempSync(join(tmpdir(), 'herald-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    server = await startHarnessServer({
      router: core.router,
      bus: core.bus,
      logger,
      token: 'disk-test-token-0123456789',
      staticDir,
      port: 0,
    });
    const response = await fetch(`${server.origin}/api/outbox:enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer disk-test-token-0123456789' },
      body: JSON.stringify(enqueue),
    });
    expect(await response.json()).toMatchObject(expected);

    resetFakeElectron();
    const window = new BrowserWindow({});
    await window.loadURL(APP_ENTRY_URL);
    bindIpc({
      ipcMain: ipcMain as never,
      router: core.router,
      bus: core.bus,
      logger,
      trustedContents: () => [window.webContents as never],
    });
    expect(
      await ipcMain.invokeAs(window.webContents, 'outbox:enqueue', structuredClone(enqueue)),
    ).toMatchObject(expected);
    expect(core.outbox.list().items).toHaveLength(0);
  });
});
