// The preload: exposes window.herald = { invoke, on } through contextBridge,
// and nothing of ipcRenderer itself. Listeners never see the Electron event
// object (it carries `sender`), and `on` returns its own unsubscribe.
//
// It imports only types from the contract: main validates every channel and
// argument, so the preload stays tiny (no zod) and holds no second copy of
// the rules. It only refuses names that cannot be channels, and turns IPC
// failures into the same Result shape every call returns.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HeraldApi, Result } from '../shared/api/index.ts';

const EVENT_CHANNEL = 'herald:event';
const CHANNEL_NAME = /^[a-z][A-Za-z]{0,40}:[a-z][A-Za-z]{0,40}$/;

function refusal(message: string): Result<never> {
  return { ok: false, error: { code: 'unknown_channel', message } };
}

async function invoke(channel: unknown, args: unknown): Promise<unknown> {
  if (typeof channel !== 'string' || !CHANNEL_NAME.test(channel)) return refusal('There is no such API channel.');
  try {
    return (await ipcRenderer.invoke(channel, args)) as unknown;
  } catch {
    // ipcRenderer.invoke rejects when main has no handler for the name.
    return refusal(`There is no API channel called "${channel}".`);
  }
}

function on(event: unknown, listener: (payload: unknown) => void): () => void {
  if (typeof event !== 'string' || typeof listener !== 'function') return () => {};
  const relay = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, relay);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, relay);
  };
}

const api: HeraldApi = { invoke: invoke as HeraldApi['invoke'], on: on as HeraldApi['on'] };

contextBridge.exposeInMainWorld('herald', api);
