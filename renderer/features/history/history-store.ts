// History as the History screen holds it: the current search and its
// answer. A sent message (history:changed) re-runs the search, so the list
// stays live.
import { create } from 'zustand';
import type { HistoryEntry } from '../../../shared/history/history-entry.ts';
import type { HistoryQuery } from '../../../shared/history/history-query.ts';
import { herald } from '../../api/herald.ts';

interface HistoryState {
  entries: HistoryEntry[];
  total: number;
  isLoaded: boolean;
  error: string | null;
  query: HistoryQuery;
  /** Channel names seen in any answer, so narrowing a search never hides a choice. */
  seenChannels: string[];
  search: (query: HistoryQuery) => Promise<void>;
  refresh: () => Promise<void>;
}

let latestSearch = 0;

export const useHistory = create<HistoryState>()((set, get) => ({
  entries: [],
  total: 0,
  isLoaded: false,
  error: null,
  query: {},
  seenChannels: [],
  search: async (query) => {
    const search = ++latestSearch;
    set({ query });
    const result = await herald().invoke('history:list', query);
    // Typing fires several searches; only the newest may answer.
    if (search !== latestSearch) return;
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
      ...(names.every((name) => seen.includes(name)) ? {} : { seenChannels: [...new Set([...seen, ...names])].sort() }),
    });
  },
  refresh: () => get().search(get().query),
}));
