// What the transports agree on before any schema is involved: the one IPC
// channel events travel on, and the grammar of a request channel's name.
// Zod-free, so the preload and the renderer can use it without loading a
// validation library; contract.ts's channel table must follow the grammar
// (checked by test/unit/shared/api/wire.test.ts).

/** Main sends every event on this one IPC channel as (eventName, payload); the preload fans it out. */
export const EVENT_CHANNEL = 'herald:event';

/** `feature:action`, letters only: every request and event name in the contract has this shape. */
export const CHANNEL_NAME_PATTERN = /^[a-z][A-Za-z]{0,40}:[a-z][A-Za-z]{0,40}$/;

export function isChannelName(name: unknown): name is string {
  return typeof name === 'string' && CHANNEL_NAME_PATTERN.test(name);
}
