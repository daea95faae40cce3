// The outbox's persisted queue. Every change goes to disk before the outbox
// acts on it (a crash can lose nothing it has acknowledged), and every change
// is announced, so the UI always shows each item's real state.
import { z } from 'zod';
import { finishedStates, outboxItemSchema, type OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';

const storedOutboxSchema = z.object({
  items: z.array(outboxItemSchema),
  /** The next item's sequence: never reused, so order survives pruning. */
  nextSequence: z.number().int().nonnegative(),
});
export type StoredOutbox = z.output<typeof storedOutboxSchema>;

export const outboxStoreDefinition: StoreDefinition<typeof storedOutboxSchema> = {
  name: 'outbox',
  schema: storedOutboxSchema,
  defaults: () => ({ items: [], nextSequence: 0 }),
};

/** Sent and cancelled items stay this long (history keeps sent messages for good). */
export const FINISHED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
/** …and at most this many, newest first. */
export const FINISHED_KEPT_MAX = 500;

export type ItemChange = Partial<Omit<OutboxItem, 'id' | 'sequence' | 'createdAtUtc' | 'updatedAtUtc'>>;

export interface OutboxRepository {
  /** Every item, in sequence order. */
  all(): readonly OutboxItem[];
  get(id: string): OutboxItem | undefined;
  /** Stores a new item with the next sequence number. */
  add(item: Omit<OutboxItem, 'sequence'>): OutboxItem;
  /** Applies a change, stamps updatedAtUtc, persists, announces, and returns the stored item. */
  patch(id: string, change: ItemChange): OutboxItem;
}

export function createOutboxRepository(
  store: VersionedStore<StoredOutbox>,
  nowMs: () => number,
  onChange: (item: OutboxItem) => void,
): OutboxRepository {
  let index = new Map(store.read().items.map((item) => [item.id, item]));

  function prune(items: OutboxItem[]): OutboxItem[] {
    const cutoffMs = nowMs() - FINISHED_KEPT_MS;
    const finished = items
      .filter((item) => finishedStates.has(item.state))
      .sort((a, b) => Date.parse(b.updatedAtUtc) - Date.parse(a.updatedAtUtc));
    const dropped = new Set(
      finished.filter((item, rank) => rank >= FINISHED_KEPT_MAX || Date.parse(item.updatedAtUtc) < cutoffMs).map((item) => item.id),
    );
    return dropped.size === 0 ? items : items.filter((item) => !dropped.has(item.id));
  }

  function save(next: StoredOutbox): void {
    store.write(next);
    index = new Map(next.items.map((item) => [item.id, item]));
  }

  return {
    all: () => store.read().items,
    get: (id) => index.get(id),
    add(fields) {
      const current = store.read();
      const item: OutboxItem = { ...fields, sequence: current.nextSequence };
      save({ items: prune([...current.items, item]), nextSequence: current.nextSequence + 1 });
      onChange(item);
      return item;
    },
    patch(id, change) {
      const current = store.read();
      const existing = index.get(id);
      if (!existing) throw new Error(`outbox item ${id} does not exist`);
      const item: OutboxItem = { ...existing, ...change, updatedAtUtc: new Date(nowMs()).toISOString() };
      save({ ...current, items: current.items.map((candidate) => (candidate.id === id ? item : candidate)) });
      onChange(item);
      return item;
    },
  };
}
