import { describe, expect, it, vi } from 'vitest';
import type { HeraldApi } from '../../../shared/api/index.ts';
import type * as FakeElectron from '../../fakes/electron.ts';

/** A fresh fake electron and a fresh run of the preload against it. */
async function loadPreload(configure?: (fake: typeof FakeElectron) => void) {
  vi.resetModules();
  const fake: typeof FakeElectron = await import('../../fakes/electron.ts');
  configure?.(fake);
  await import('../../../electron/preload.ts');
  return { fake, api: fake.contextBridge.exposed.herald as HeraldApi };
}

type LooseInvoke = (channel: string, args: unknown) => Promise<unknown>;

describe('the preload bridge', () => {
  it('exposes only invoke and on, never ipcRenderer', async () => {
    const { fake, api } = await loadPreload();
    expect(Object.keys(fake.contextBridge.exposed)).toEqual(['herald']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('refuses names that cannot be channels without calling main', async () => {
    const { fake, api } = await loadPreload();
    const call = api.invoke as LooseInvoke;
    expect(await call('electron-store-get-data', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await call('../x', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(fake.ipcRenderer.invoked).toHaveLength(0);
  });

  it('passes contract-shaped calls to main and returns its answer', async () => {
    const { fake, api } = await loadPreload((electron) => {
      electron.ipcRenderer.invokeImpl = () =>
        Promise.resolve({ ok: true, value: { nowUtc: '2026-01-01T00:00:00.000Z' } });
    });
    expect(await api.invoke('clock:now', {})).toEqual({
      ok: true,
      value: { nowUtc: '2026-01-01T00:00:00.000Z' },
    });
    expect(fake.ipcRenderer.invoked).toEqual([{ channel: 'clock:now', args: {} }]);
  });

  it('turns an unregistered channel into an unknown_channel result', async () => {
    const { api } = await loadPreload((electron) => {
      electron.ipcRenderer.invokeImpl = () =>
        Promise.reject(new Error("No handler registered for 'nope:nope'"));
    });
    expect(await (api.invoke as LooseInvoke)('nope:nope', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('relays events without the Electron event object and unsubscribes', async () => {
    const { fake, api } = await loadPreload();
    const seen: unknown[][] = [];
    const off = api.on('settings:changed', (...args: unknown[]) => seen.push(args));
    fake.ipcRenderer.emit('herald:event', { sender: 'secret' }, 'settings:changed', { timeZone: 'UTC' });
    fake.ipcRenderer.emit('herald:event', { sender: 'secret' }, 'slack:changed', { connected: false });
    off();
    fake.ipcRenderer.emit('herald:event', { sender: 'secret' }, 'settings:changed', { timeZone: 'UTC' });
    expect(seen).toEqual([[{ timeZone: 'UTC' }]]);
  });

  it('relays every subscription through one ipcRenderer listener', async () => {
    const { fake, api } = await loadPreload();
    const seen: string[] = [];
    const offs = Array.from({ length: 25 }, (_unused, index) =>
      api.on('settings:changed', () => seen.push(`settings ${index}`)),
    );
    const offSlack = api.on('slack:changed', () => seen.push('slack'));
    expect(fake.ipcRenderer.listenerCount('herald:event')).toBe(1);
    fake.ipcRenderer.emit('herald:event', {}, 'slack:changed', { connected: false });
    expect(seen).toEqual(['slack']);
    for (const off of offs) off();
    offSlack();
    fake.ipcRenderer.emit('herald:event', {}, 'settings:changed', { timeZone: 'UTC' });
    expect(seen).toEqual(['slack']);
  });

  it('keeps two subscriptions of the same function apart', async () => {
    const { fake, api } = await loadPreload();
    const seen: unknown[] = [];
    const listener = (payload: unknown) => seen.push(payload);
    const offFirst = api.on('settings:changed', listener);
    api.on('settings:changed', listener);
    offFirst();
    fake.ipcRenderer.emit('herald:event', {}, 'settings:changed', { timeZone: 'UTC' });
    expect(seen).toEqual([{ timeZone: 'UTC' }]);
  });
});
