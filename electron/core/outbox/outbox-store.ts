// The outbox's persisted queue: one small file per item in `outbox/`
// (storage/record-files.ts), so a change costs one small write whatever the
// length of the queue or of history. Every change goes to disk before the
// outbox acts on it (a killed process loses nothing it has acknowledged), and
// the writes that must survive a power cut are fsynced: a new item and a
// cancel (both acknowledged to the lead). `sending` is written before the
// request leaves but not synced: after a power cut the outbox checks Slack
// for every unfinished item instead (storage/session-record.ts). Every change
// is announced, so the UI always shows each item's real state.
//
// The repository also keeps the indexes the sending loop asks for on every
// step (each channel's queued line in order, the items with a time of their
// own, the items in each state), so a step costs the same however long the
// queue is.
import { join } from 'node:path';
import { z } from 'zod';
import {
  outboxItemSchema,
  outboxStates,
  type OutboxItem,
  type OutboxState,
} from '../../../shared/outbox/outbox-item.ts';
import { migrateLegacyStore } from '../storage/legacy-store.ts';
import { createRecordFiles, type RecordFiles, type RecordFilesContext } from '../storage/record-files.ts';

/** Sent and cancelled items stay this long (history keeps sent messages for good). */
export const FINISHED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
/** …and at most this many, newest first. */
export const FINISHED_KEPT_MAX = 500;
/** Pruning runs when this many more finished items have gathered, or an hour has passed: never per change. */
const PRUNE_SLACK = 100;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export type OutboxFiles = RecordFiles<OutboxItem>;

/** The layout before one file per item: every item in one `outbox.json`, rewritten on every change. */
const legacyOutboxShape = {
  schema: z.object({ items: z.array(outboxItemSchema), nextSequence: z.number().int().nonnegative() }),
};

/**
 * The outbox's item files, after moving a data folder's old single `outbox.json` into them (once, on the
 * first start of this version). The old file is kept as `outbox.migrated.json` once every item is synced.
 */
export function openOutboxFiles(dataDir: string, context: RecordFilesContext): OutboxFiles {
  const files = createRecordFiles(
    {
      dir: join(dataDir, 'outbox'),
      label: (name) => `outbox item ${name}`,
      schema: outboxItemSchema,
      idOf: (item) => item.id,
    },
    context,
  );
  migrateLegacyStore(
    {
      path: join(dataDir, 'outbox.json'),
      label: 'outbox',
      shape: legacyOutboxShape,
      // Synchronous and synced before the old file goes: nothing can send until every item is safely moved.
      moveRecords: (data) => {
        for (const item of data.items) files.write(item, { durable: true });
        files.syncNow();
      },
    },
    context,
  );
  return files;
}

export type ItemChange = Partial<Omit<OutboxItem, 'id' | 'sequence' | 'createdAtUtc' | 'updatedAtUtc'>>;

export interface OutboxRepository {
  /** Every item, in sequence order (for lists and rare scans: costs the length of the queue). */
  all(): readonly OutboxItem[];
  get(id: string): OutboxItem | undefined;
  /** Stores a new item with the next sequence number (durably: it is acknowledged to the lead). */
  add(item: Omit<OutboxItem, 'sequence'>): OutboxItem;
  /** Applies a change, stamps updatedAtUtc, persists (durably for `cancelled`), announces, and returns the stored item. */
  patch(id: string, change: ItemChange): OutboxItem;
  /** One channel's queued items in sequence order; `null`: items whose channel is not known yet. */
  queuedIn(channelId: string | null): readonly OutboxItem[];
  /** Channels with a queued item (known channels only). */
  queuedChannels(): Iterable<string>;
  /** Queued items with a send time or a promised next-update time. */
  timedQueued(): Iterable<OutboxItem>;
  /** Items in one state (unordered). */
  inState(state: OutboxState): Iterable<OutboxItem>;
  /** Resolves once every durable write so far is on disk. */
  synced(): Promise<void>;
  /** Blocking: every write so far on disk, unsynced ones too (an orderly stop). */
  syncNow(): void;
}

const bySequence = (a: OutboxItem, b: OutboxItem) => a.sequence - b.sequence;

/** Where `sequence` goes in a list sorted by sequence. */
function positionOf(list: readonly OutboxItem[], sequence: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.sequence < sequence) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function createOutboxRepository(
  files: OutboxFiles,
  nowMs: () => number,
  onChange: (item: OutboxItem) => void,
): OutboxRepository {
  const byId = new Map<string, OutboxItem>();
  const byState = new Map<OutboxState, Map<string, OutboxItem>>(
    outboxStates.map((state) => [state, new Map()]),
  );
  const lanes = new Map<string | null, OutboxItem[]>();
  const timed = new Map<string, OutboxItem>();
  let nextSequence = 0;
  let lastPruneMs = nowMs();

  function index(item: OutboxItem): void {
    byState.get(item.state)!.set(item.id, item);
    if (item.state !== 'queued') return;
    const lane = lanes.get(item.channelId) ?? [];
    lanes.set(item.channelId, lane);
    lane.splice(positionOf(lane, item.sequence), 0, item);
    if (item.sendAtUtc !== null || item.promiseAtUtc !== null) timed.set(item.id, item);
  }

  function unindex(item: OutboxItem): void {
    byState.get(item.state)!.delete(item.id);
    if (item.state !== 'queued') return;
    const lane = lanes.get(item.channelId);
    if (lane) {
      const at = positionOf(lane, item.sequence);
      if (lane[at]?.id === item.id) lane.splice(at, 1);
      if (lane.length === 0) lanes.delete(item.channelId);
    }
    timed.delete(item.id);
  }

  const finishedCount = () => byState.get('sent')!.size + byState.get('cancelled')!.size;

  /** Drops finished items past their time or beyond the newest FINISHED_KEPT_MAX. */
  function prune(): void {
    lastPruneMs = nowMs();
    const cutoffMs = lastPruneMs - FINISHED_KEPT_MS;
    const finished = [...byState.get('sent')!.values(), ...byState.get('cancelled')!.values()].sort(
      (a, b) => Date.parse(b.updatedAtUtc) - Date.parse(a.updatedAtUtc),
    );
    finished.forEach((item, rank) => {
      if (rank < FINISHED_KEPT_MAX && Date.parse(item.updatedAtUtc) >= cutoffMs) return;
      unindex(item);
      byId.delete(item.id);
      files.remove(item.id);
    });
  }

  for (const item of files.loadAll().sort(bySequence)) {
    byId.set(item.id, item);
    index(item);
    nextSequence = Math.max(nextSequence, item.sequence + 1);
  }
  prune();

  return {
    all: () => [...byId.values()],
    get: (id) => byId.get(id),
    add(fields) {
      const item: OutboxItem = { ...fields, sequence: nextSequence };
      files.write(item, { durable: true });
      nextSequence += 1;
      byId.set(item.id, item);
      index(item);
      if (finishedCount() > FINISHED_KEPT_MAX + PRUNE_SLACK || nowMs() - lastPruneMs > PRUNE_EVERY_MS)
        prune();
      onChange(item);
      return item;
    },
    patch(id, change) {
      const existing = byId.get(id);
      if (!existing) throw new Error(`outbox item ${id} does not exist`);
      const item: OutboxItem = { ...existing, ...change, updatedAtUtc: new Date(nowMs()).toISOString() };
      files.write(item, { durable: item.state === 'cancelled' && existing.state !== 'cancelled' });
      unindex(existing);
      byId.set(id, item);
      index(item);
      onChange(item);
      return item;
    },
    queuedIn: (channelId) => lanes.get(channelId) ?? [],
    queuedChannels: () => [...lanes.keys()].filter((channelId): channelId is string => channelId !== null),
    timedQueued: () => timed.values(),
    inState: (state) => byState.get(state)!.values(),
    synced: () => files.synced(),
    syncNow: () => files.syncNow(),
  };
}
