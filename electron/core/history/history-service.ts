// History: every message Herald sent, with the time, channel, link, thread,
// what kind of message it was, and the checklist and override as they stood
// when it was sent. Written by the outbox the moment an item is sent (and
// again when its permalink arrives); searched by history:list.
import { z } from 'zod';
import type { HistoryList } from '../../../shared/api/channels/history.ts';
import { ok } from '../../../shared/api/index.ts';
import { historyEntrySchema, type HistoryEntry } from '../../../shared/history/history-entry.ts';
import { searchHistory, type HistoryQuery } from '../../../shared/history/history-query.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';

const storedHistorySchema = z.object({ entries: z.array(historyEntrySchema) });
export type StoredHistory = z.output<typeof storedHistorySchema>;

export const historyStoreDefinition: StoreDefinition<typeof storedHistorySchema> = {
  name: 'history',
  schema: storedHistorySchema,
  defaults: () => ({ entries: [] }),
};

export interface HistoryService {
  /** Records a sent outbox item (or updates its entry: the permalink arrives later). */
  recordSent(item: OutboxItem, via: HistoryEntry['via']): HistoryEntry | undefined;
  get(id: string): HistoryEntry | undefined;
  list(query: HistoryQuery): HistoryList;
  handlers: { 'history:list': Handler<'history:list'> };
}

/** The history entry for a sent item; undefined while it has no channel id or send time. */
export function entryOf(item: OutboxItem, via: HistoryEntry['via']): HistoryEntry | undefined {
  if (item.channelId === null || item.sentAtUtc === null) return undefined;
  return {
    id: item.id,
    channelId: item.channelId,
    channelName: item.channelName,
    text: item.text,
    ts: item.ts,
    threadTs: item.threadTs,
    replyBroadcast: item.replyBroadcast,
    permalink: item.permalink,
    sentAtUtc: item.sentAtUtc,
    via,
    source: item.source,
    checklist: item.checklist,
    override: item.override,
  };
}

export function createHistoryService(store: VersionedStore<StoredHistory>, bus: EventBus): HistoryService {
  return {
    recordSent(item, via) {
      const existing = store.read().entries.find((entry) => entry.id === item.id);
      const entry = entryOf(item, existing?.via ?? via);
      if (!entry) return undefined;
      store.update((current) => ({
        entries: existing ? current.entries.map((candidate) => (candidate.id === entry.id ? entry : candidate)) : [...current.entries, entry],
      }));
      bus.emit('history:changed', entry);
      return entry;
    },
    get: (id) => store.read().entries.find((entry) => entry.id === id),
    list: (query) => searchHistory(store.read().entries, query),
    handlers: {
      'history:list': (query) => Promise.resolve(ok(searchHistory(store.read().entries, query))),
    },
  };
}
