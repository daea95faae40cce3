// Both ways into Herald's API, as an attacker in the renderer would use them:
//  - Electron IPC: the real shell (electron/shell/app.ts) started over the fake
//    electron module, called as its own window's main frame. Arguments go
//    through structuredClone, as Electron's IPC serialises them.
//  - The browser harness: the real HTTP transport over a core that serves every
//    channel (the test-clock ones included), called with the run's token.
// Each gives `call(channel, args)` → the parsed Result, and its data folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel } from '../../../../shared/api/index.ts';
import { startHeraldShell } from '../../../../electron/shell/app.ts';
import { startHarnessServer } from '../../../../electron/harness/http-transport.ts';
import { app, BrowserWindow, ipcMain, resetFakeElectron } from '../../../fakes/electron.ts';
import { makeCore } from '../../../support/core-fixture.ts';

export interface ApiResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; fields?: string[] };
}

export interface Transport {
  name: 'Electron IPC' | 'HTTP harness';
  /** The channels this transport serves. */
  channels: readonly Channel[];
  dataDir: string;
  call(channel: string, args: unknown): Promise<ApiResult>;
  /** What actually reaches the other side after serialisation (JSON drops undefined, NaN becomes null). */
  transported(args: unknown): unknown;
  close(): Promise<void>;
}

const TOKEN = 'security-test-token-0123456789';

export async function startIpcTransport(): Promise<Transport> {
  resetFakeElectron();
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-security-ipc-'));
  app.userDataPath = dataDir;
  const rendererDir = mkdtempSync(join(tmpdir(), 'herald-security-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Herald</title>');
  await startHeraldShell({ electronDir: '/opt/herald/electron', rendererDir });
  const window = BrowserWindow.instances[0];
  if (!window) throw new Error('the shell created no window');
  const names = [...ipcMain.handlers.keys()] as Channel[];
  return {
    name: 'Electron IPC',
    channels: names,
    dataDir,
    transported: (args) => structuredClone(args),
    call: async (channel, args) =>
      (await ipcMain.invokeAs(window.webContents, channel, structuredClone(args))) as ApiResult,
    close: () => {
      app.emit('before-quit');
      resetFakeElectron();
      return Promise.resolve();
    },
  };
}

export async function startHttpTransport(): Promise<Transport> {
  const { core, logger, dataDir } = makeCore({ withTestClock: true });
  const staticDir = mkdtempSync(join(tmpdir(), 'herald-security-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Herald</title>');
  const server = await startHarnessServer({
    router: core.router,
    bus: core.bus,
    logger,
    token: TOKEN,
    staticDir,
    port: 0,
  });
  return {
    name: 'HTTP harness',
    channels: core.router.channelNames,
    dataDir,
    transported: (args) => (args === undefined ? {} : (JSON.parse(JSON.stringify(args)) as unknown)),
    call: async (channel, args) => {
      const response = await fetch(`${server.origin}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: args === undefined ? '' : JSON.stringify(args),
      });
      return (await response.json()) as ApiResult;
    },
    close: async () => {
      await server.close();
      core.stop();
    },
  };
}
