// Where the team sync has read up to in Slack, per channel and per followed
// thread, kept in the data folder so a Herald opened after a weekend reads
// only what it missed. A channel read that is cut short (a rate limit between
// pages) keeps its page cursor, so the next cycle carries on from there
// instead of starting again. Losing this file costs a re-read of the bounded
// look-back, never a wrong picture: merging is idempotent.
import { z } from 'zod';
import type { StoreDefinition } from '../storage/versioned-store.ts';

const ts = z.string().regex(/^\d+\.\d+$/);

const channelCursorSchema = z.object({
  /** The newest message seen in the channel; null before the first complete read. */
  lastSeenTs: ts.nullable(),
  /** A read in progress: its lower bound, the page to ask for next, and the newest ts it has seen. */
  pending: z.object({ oldestTs: ts, cursor: z.string().max(500), newestTs: ts.nullable() }).nullable(),
});
export type ChannelCursor = z.infer<typeof channelCursorSchema>;

const storedCursorsSchema = z.object({
  /** The Slack workspace the cursors belong to: another workspace's are ignored. */
  workspaceId: z.string().max(40).nullable(),
  channels: z.record(z.string().max(40), channelCursorSchema),
  /** "<channel id> <thread ts>" → the newest reply seen. */
  threads: z.record(z.string().max(100), ts),
});
export type StoredCursors = z.infer<typeof storedCursorsSchema>;

export const syncCursorsStoreDefinition: StoreDefinition<typeof storedCursorsSchema> = {
  name: 'team-sync',
  schema: storedCursorsSchema,
  defaults: () => ({ workspaceId: null, channels: {}, threads: {} }),
};

/** Slack's `ts` order (seconds.micros): plain string comparison fails across digit counts. */
export function compareTs(a: string, b: string): number {
  const [aSec = '0', aMicro = '0'] = a.split('.');
  const [bSec = '0', bMicro = '0'] = b.split('.');
  return Number(aSec) - Number(bSec) || Number(aMicro.padEnd(6, '0')) - Number(bMicro.padEnd(6, '0'));
}

export function newerTs(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTs(a, b) >= 0 ? a : b;
}

export function msToTs(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(6);
}
