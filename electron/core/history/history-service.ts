// History: every message Herald sent, with the time, channel, link, thread,
// what kind of message it was, and the checklist and override as they stood
// when it was sent. Written by the outbox the moment an item is sent (and
// again when its permalink arrives); searched by history:list.
import type { HistoryList } from '../../../shared/api/channels/history.ts';
import { ok } from '../../../shared/api/index.ts';
import type { HistoryEntry } from '../../../shared/history/history-entry.ts';
import type { HistoryQuery } from '../../../shared/history/history-query.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { HistorySegments } from './history-segments.ts';

/** Entries recorded in this run, kept to answer "was this recorded already?" without reading the disk. */
const RECENT_KEPT = 2_000;

export interface HistoryService {
  /** Records a sent outbox item (or updates its entry: the permalink arrives later). */
  recordSent(item: OutboxItem, via: HistoryEntry['via']): HistoryEntry | undefined;
  /**
   * Records a sent edit on the entry of the message it changed: the new text becomes the entry's, the text
   * it replaced joins `versions`. Recording the same edit twice changes nothing.
   */
  recordEdit(edit: OutboxItem): HistoryEntry | undefined;
  get(id: string): HistoryEntry | undefined;
  list(query: HistoryQuery): HistoryList;
  /** Writes what is still only in memory (the segments' index); called on stop. */
  flush(): void;
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
    draft: item.draft,
    editedAtUtc: null,
    versions: [],
  };
}

/** An entry after an edit of its message was applied in Slack. */
export function entryAfterEdit(entry: HistoryEntry, edit: OutboxItem): HistoryEntry {
  if (edit.editOf === null || edit.sentAtUtc === null) return entry;
  if (entry.versions.some((version) => version.editId === edit.id)) return entry;
  const isCorrection = edit.editOf.purpose === 'correction';
  return {
    ...entry,
    text: edit.text,
    // A headline edit is Herald's own summary: the checklist and draft stay those the lead sent.
    ...(isCorrection
      ? { checklist: edit.checklist, override: edit.override, draft: edit.draft ?? entry.draft }
      : {}),
    editedAtUtc: edit.sentAtUtc,
    versions: [
      ...entry.versions,
      { text: entry.text, replacedAtUtc: edit.sentAtUtc, editId: edit.id, purpose: edit.editOf.purpose },
    ],
  };
}

export function createHistoryService(segments: HistorySegments, bus: EventBus): HistoryService {
  // The permalink of a message arrives moments after it is sent, in the same run: the entry is then here.
  const recent = new Map<string, HistoryEntry>();
  const remember = (entry: HistoryEntry) => {
    recent.delete(entry.id);
    recent.set(entry.id, entry);
    if (recent.size > RECENT_KEPT) recent.delete(recent.keys().next().value!);
  };
  return {
    recordSent(item, via) {
      const existing = recent.get(item.id);
      const fresh = entryOf(item, existing?.via ?? via);
      if (!fresh) return undefined;
      // A permalink arriving after an edit must not undo the edit.
      const entry: HistoryEntry =
        existing && existing.versions.length > 0
          ? {
              ...fresh,
              text: existing.text,
              checklist: existing.checklist,
              override: existing.override,
              draft: existing.draft,
              editedAtUtc: existing.editedAtUtc,
              versions: existing.versions,
            }
          : fresh;
      segments.append(entry, existing === undefined);
      remember(entry);
      bus.emit('history:changed', entry);
      return entry;
    },
    recordEdit(edit) {
      if (edit.editOf === null) return undefined;
      const target = recent.get(edit.editOf.itemId) ?? segments.find(edit.editOf.itemId);
      if (!target) return undefined;
      const entry = entryAfterEdit(target, edit);
      if (entry === target) return target;
      segments.append(entry, false);
      remember(entry);
      bus.emit('history:changed', entry);
      return entry;
    },
    get: (id) => recent.get(id) ?? segments.find(id),
    list: (query) => segments.query(query),
    flush: () => segments.flush(),
    handlers: {
      'history:list': (query) => Promise.resolve(ok(segments.query(query))),
    },
  };
}
