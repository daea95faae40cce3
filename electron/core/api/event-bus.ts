// Typed events from core to whichever transport is attached (IPC in
// Electron, SSE in the harness). Payloads are checked against the contract
// so a transport never forwards something the renderer's types do not expect.
import { events, type EventName, type EventPayload } from '../../../shared/api/index.ts';
import type { Logger } from '../logging/logger.ts';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Every event, for transports. Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const checked = events[event].safeParse(payload);
      if (!checked.success) {
        logger.error('events.payload_mismatch', { event });
        return;
      }
      for (const listener of [...listeners]) {
        try {
          listener(event, checked.data);
        } catch (error) {
          logger.error('events.listener_threw', { event, error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
