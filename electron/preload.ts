// The preload: exposes window.herald = { invoke, on } through contextBridge,
// and nothing of ipcRenderer itself. Listeners never see the Electron event
// object (it carries `sender`), and `on` returns its own unsubscribe.
//
// It imports only types from the contract and the zod-free wire grammar:
// main validates every channel and argument, so the preload stays tiny (no
// zod) and holds no second copy of the rules. It only refuses names that
// cannot be channels, and turns IPC failures into the same Result shape
// every call returns.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HeraldApi, Result } from '../shared/api/index.ts';
import { EVENT_CHANNEL, isChannelName } from '../shared/api/wire.ts';

type Listener = (payload: unknown) => void;

function refusal(message: string): Result<never> {
  return { ok: false, error: { code: 'unknown_channel', message } };
}

async function invoke(channel: unknown, args: unknown): Promise<unknown> {
  if (!isChannelName(channel)) return refusal('There is no such API channel.');
  try {
    return (await ipcRenderer.invoke(channel, args)) as unknown;
  } catch {
    // ipcRenderer.invoke rejects when main has no handler for the name.
    return refusal(`There is no API channel called "${channel}".`);
  }
}

// One ipcRenderer listener for every subscription, attached on the first `on`: events fan out from this
// map, as the harness client does, so the number of subscribers never reaches Node's listener warning.
const listeners = new Map<string, Set<Listener>>();
let isRelaying = false;

function relay(_event: IpcRendererEvent, name: unknown, payload: unknown): void {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
}

function on(event: unknown, listener: unknown): () => void {
  if (typeof event !== 'string' || typeof listener !== 'function') return () => {};
  if (!isRelaying) {
    ipcRenderer.on(EVENT_CHANNEL, relay);
    isRelaying = true;
  }
  const subscribers = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, subscribers);
  // Wrapped, so subscribing the same function twice gives two independent subscriptions.
  const subscriber: Listener = (payload) => (listener as Listener)(payload);
  subscribers.add(subscriber);
  return () => {
    subscribers.delete(subscriber);
  };
}

const api: HeraldApi = { invoke: invoke as HeraldApi['invoke'], on };

contextBridge.exposeInMainWorld('herald', api);
