// A stand-in for window.herald in renderer store tests (plain Node, no
// page): answers invoke() from per-channel handlers the test sets, and lets
// the test emit events to whoever subscribed with on(), counting listeners so
// a test can see a subscription end.
import type { Channel, EventName, EventPayload, HeraldApi, ResultOf } from '../../shared/api/contract.ts';
import { fail, type Result } from '../../shared/api/result.ts';

type Handler = (args: unknown) => Result<unknown> | Promise<Result<unknown>>;

export interface FakeHeraldApi extends HeraldApi {
  /** Answers `channel` with `handler` from now on; channels without one answer an `internal` failure. */
  answer<C extends Channel>(
    channel: C,
    handler: (args: unknown) => Result<ResultOf<C>> | Promise<Result<ResultOf<C>>>,
  ): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventName): number;
  /** Every invoke so far, in order. */
  calls: Array<{ channel: Channel; args: unknown }>;
  reset(): void;
}

export function createFakeHeraldApi(): FakeHeraldApi {
  const handlers = new Map<Channel, Handler>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const calls: FakeHeraldApi['calls'] = [];
  return {
    calls,
    answer: (channel, handler) => void handlers.set(channel, handler),
    invoke: async (channel, args) => {
      calls.push({ channel, args });
      const handler = handlers.get(channel);
      if (!handler) return fail('internal', `no answer for ${channel}`);
      return (await handler(args)) as never;
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit: (event, payload) => {
      for (const listener of [...(listeners.get(event) ?? [])])
        (listener as (payload: unknown) => void)(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
    reset: () => {
      handlers.clear();
      listeners.clear();
      calls.length = 0;
    },
  };
}

/** Puts a fake window (with `herald` and an in-memory localStorage) on globalThis; the renderer's herald() finds it. */
export function installFakeWindow(api: FakeHeraldApi): void {
  const items = new Map<string, string>();
  const localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
  Object.assign(globalThis, {
    window: { herald: api, localStorage, addEventListener: () => {}, removeEventListener: () => {} },
    document: { addEventListener: () => {}, removeEventListener: () => {}, visibilityState: 'visible' },
  });
}
