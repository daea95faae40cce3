// History as the History screen holds it: the current search and the pages
// of its answer loaded so far ("Load more" asks core for the next page; core
// reads only the months it needs). A sent message (history:changed) re-runs
// the search for as many entries as are shown, so the list stays live.
import { create } from 'zustand';
import type { HistoryEntry } from '../../../shared/history/history-entry.ts';
import type { HistoryQuery } from '../../../shared/history/history-query.ts';
import { herald } from '../../api/herald.ts';
import { HISTORY_PAGE_SIZE } from './history-filters.ts';

interface HistoryState {
  entries: HistoryEntry[];
  total: number;
  isLoaded: boolean;
  error: string | null;
  query: HistoryQuery;
  /** Channel names seen in any answer, so narrowing a search never hides a choice. */
  seenChannels: string[];
  isLoadingMore: boolean;
  /** Counts searches, so only the newest answer is shown (typing fires several). */
  searchCount: number;
  /** The screen has just opened and its first search has not gone out yet (it waits for the typing pause). */
  isOpening: boolean;
  search: (query: HistoryQuery) => Promise<void>;
  refresh: () => Promise<void>;
  /** Appends the next page of the current search. */
  loadMore: () => Promise<void>;
}

/** The most a refresh asks for at once (the contract's limit). */
const MAX_LIMIT = 1_000;

export const useHistory = create<HistoryState>()((set, get) => ({
  entries: [],
  total: 0,
  isLoaded: false,
  error: null,
  query: {},
  seenChannels: [],
  isLoadingMore: false,
  searchCount: 0,
  isOpening: false,
  search: async (query) => {
    const search = get().searchCount + 1;
    set({ query, searchCount: search, isOpening: false });
    const result = await herald().invoke('history:list', { limit: HISTORY_PAGE_SIZE, ...query });
    // Typing fires several searches; only the newest may answer.
    if (search !== get().searchCount) return;
    if (!result.ok) {
      set({ error: result.error.message, isLoaded: true });
      return;
    }
    const names = result.value.entries.flatMap((entry) => (entry.channelName ? [entry.channelName] : []));
    const seen = get().seenChannels;
    set({
      entries: result.value.entries,
      total: result.value.total,
      isLoaded: true,
      error: null,
      ...(names.every((name) => seen.includes(name))
        ? {}
        : { seenChannels: [...new Set([...seen, ...names])].sort() }),
    });
  },
  refresh: () =>
    // A change heard while the screen opens needs nothing more: its first search, asked after it, includes it.
    get().isOpening
      ? Promise.resolve()
      : get().search({
          ...get().query,
          limit: Math.min(MAX_LIMIT, Math.max(HISTORY_PAGE_SIZE, get().entries.length)),
        }),
  loadMore: async () => {
    const { query, entries, isLoadingMore } = get();
    if (isLoadingMore) return;
    const search = get().searchCount;
    set({ isLoadingMore: true });
    const result = await herald().invoke('history:list', {
      ...query,
      limit: HISTORY_PAGE_SIZE,
      offset: entries.length,
    });
    // A new search started meanwhile: its answer replaces the list, this page would not belong to it.
    if (search !== get().searchCount) return set({ isLoadingMore: false });
    if (!result.ok) return set({ error: result.error.message, isLoadingMore: false });
    const known = new Set(entries.map((entry) => entry.id));
    set({
      entries: [...entries, ...result.value.entries.filter((entry) => !known.has(entry.id))],
      total: result.value.total,
      isLoadingMore: false,
      error: null,
    });
  },
}));

/**
 * Re-runs the search whenever a message is sent, while the History screen is mounted (call from its mount
 * effect). A message sends two changes (sent, then its permalink): one heard before the screen's first search
 * used to send a search of its own, then the screen's, for the same list.
 */
export function followHistory(): () => void {
  useHistory.setState({ isOpening: true });
  return herald().on('history:changed', () => void useHistory.getState().refresh());
}
