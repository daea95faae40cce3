// window.herald for the browser harness: the same HeraldApi the Electron
// preload exposes, over HTTP to the harness on 127.0.0.1. The per-run token
// arrives in the URL fragment (never sent to a server, never in logs), is
// kept in sessionStorage for reloads, and is removed from the address bar.
import type { HeraldApi } from '../../shared/api/contract.ts';
import { fail, type Result } from '../../shared/api/result.ts';

const TOKEN_KEY = 'herald.harnessToken';

function takeToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    fragment.delete('token');
    const rest = fragment.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

type Listener = (payload: unknown) => void;

export function createHarnessClient(): HeraldApi {
  const token = takeToken() ?? '';
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  function ensureStream(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as typeof parsed;
      } catch {
        return;
      }
      // Only names something subscribed to have listeners: anything else finds none.
      if (typeof parsed.event !== 'string') return;
      for (const listener of listeners.get(parsed.event) ?? []) listener(parsed.payload);
    };
  }

  return {
    async invoke(channel, args) {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(args ?? {}),
        });
      } catch {
        return fail(
          'unavailable',
          'Herald’s local service is not reachable. Is `npm run web` still running?',
        );
      }
      try {
        return (await response.json()) as Result<never>;
      } catch {
        return fail(
          'internal',
          `Herald’s local service sent an unreadable answer (HTTP ${response.status}).`,
        );
      }
    },
    on(event, listener) {
      ensureStream();
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
