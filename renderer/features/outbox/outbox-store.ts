// The outbox as the Outbox screen holds it: the items loaded so far (a page
// at a time: what is on its way first, then what has finished), kept live by
// outbox:changed while the screen is showing. The connection to Slack is the
// app's connection store (renderer/server-state/). Commands answer their
// Result so each item can show its own error beside its actions.
import { create } from 'zustand';
import type { Result } from '../../../shared/api/index.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { ConfirmRequest, OutboxPatch } from '../../../shared/outbox/outbox-requests.ts';
import { herald } from '../../api/herald.ts';
import { useConnection } from '../../server-state/connection-store.ts';
import { createFollower } from '../../server-state/follow.ts';
import { type OutboxSectionCounts, sectionOfState } from '../../../shared/outbox/outbox-sections.ts';
import { withItem } from './outbox-view.ts';

/** Items per page. */
export const OUTBOX_PAGE = 200;

interface OutboxState {
  items: OutboxItem[];
  /** How many items core keeps (the list may hold fewer until "Load more"). */
  total: number;
  /** How many items each section holds in core, loaded or not (headings say "200 of 1,000"). */
  sections: OutboxSectionCounts;
  /** A count refresh is on its way (one at a time). */
  isCounting: boolean;
  /** A change came while one was on its way, which that answer may predate: count once more after it. */
  isRecountWanted: boolean;
  isLoaded: boolean;
  loadError: string | null;
  load: () => Promise<void>;
  /** Loads the next page. */
  loadMore: () => Promise<void>;
  applyItem: (item: OutboxItem) => void;
  /** Asks core for the counts again (a change to an item on a page not loaded yet). */
  refreshCounts: () => Promise<void>;
  update: (id: string, patch: OutboxPatch) => Promise<Result<OutboxItem>>;
  cancel: (id: string) => Promise<Result<OutboxItem>>;
  retry: (id: string) => Promise<Result<OutboxItem>>;
  confirm: (request: ConfirmRequest) => Promise<Result<OutboxItem>>;
  flush: () => Promise<Result<unknown>>;
}

const initialState = {
  items: [],
  total: 0,
  sections: { attention: 0, waiting: 0, finished: 0 },
  isCounting: false,
  isRecountWanted: false,
  isLoaded: false,
  loadError: null,
};

/** The counts after `item` changed, when the change can be placed from what is loaded; null when it cannot. */
function countsAfter(state: Pick<OutboxState, 'items' | 'total' | 'sections'>, item: OutboxItem) {
  const shown = state.items.find((existing) => existing.id === item.id);
  const to = sectionOfState(item.state);
  if (shown !== undefined) {
    if (Date.parse(shown.updatedAtUtc) > Date.parse(item.updatedAtUtc)) return state;
    const from = sectionOfState(shown.state);
    if (from === to) return state;
    return {
      total: state.total,
      sections: { ...state.sections, [from]: state.sections[from] - 1, [to]: state.sections[to] + 1 },
    };
  }
  // Not shown: new only when every item is loaded; otherwise it may be on a page not loaded yet.
  if (state.items.length < state.total) return null;
  return { total: state.total + 1, sections: { ...state.sections, [to]: state.sections[to] + 1 } };
}

export const useOutbox = create<OutboxState>()((set, get) => {
  /** A command's answer is the item's newest state: show it at once rather than wait for the event. */
  const settle = (result: Result<OutboxItem>) => {
    if (result.ok) get().applyItem(result.value);
    return result;
  };
  return {
    ...initialState,
    load: async () => {
      const seen = useConnection.getState().changeCount;
      const result = await herald().invoke('outbox:list', {
        limit: Math.max(OUTBOX_PAGE, get().items.length),
      });
      if (result.ok) useConnection.getState().applySnapshot(result.value.connection, seen);
      set(
        result.ok
          ? {
              items: result.value.items,
              total: result.value.total,
              sections: result.value.sections,
              isLoaded: true,
              loadError: null,
            }
          : { loadError: result.error.message, isLoaded: true },
      );
    },
    loadMore: async () => {
      const seen = useConnection.getState().changeCount;
      const result = await herald().invoke('outbox:list', { limit: OUTBOX_PAGE, offset: get().items.length });
      if (!result.ok) return set({ loadError: result.error.message });
      useConnection.getState().applySnapshot(result.value.connection, seen);
      set((state) => ({
        items: result.value.items.reduce(withItem, state.items),
        total: result.value.total,
        sections: result.value.sections,
      }));
    },
    applyItem: (item) => {
      const counts = countsAfter(get(), item);
      set((state) => ({ items: withItem(state.items, item), ...(counts ?? {}) }));
      if (counts === null) void get().refreshCounts();
    },
    refreshCounts: async () => {
      if (get().isCounting) return set({ isRecountWanted: true });
      set({ isCounting: true, isRecountWanted: false });
      const result = await herald().invoke('outbox:list', { limit: 1 });
      set(
        result.ok
          ? { total: result.value.total, sections: result.value.sections, isCounting: false }
          : { isCounting: false },
      );
      if (get().isRecountWanted) await get().refreshCounts();
    },
    update: async (id, patch) => settle(await herald().invoke('outbox:update', { id, patch })),
    cancel: async (id) => settle(await herald().invoke('outbox:cancel', { id })),
    retry: async (id) => settle(await herald().invoke('outbox:retry', { id })),
    confirm: async (request) => settle(await herald().invoke('outbox:confirm', request)),
    flush: async () => {
      const seen = useConnection.getState().changeCount;
      const result = await herald().invoke('outbox:flush', {});
      // The answer is the outbox as the check began. What the check and the sends it starts change arrives as
      // outbox:changed and connection:changed (the banner that calls this is on the Outbox screen, which follows
      // them), so the answer's items and status must not overwrite what was announced while it was on its way.
      if (result.ok) useConnection.getState().applySnapshot(result.value.connection, seen);
      return result;
    },
  };
});

/** Loads the outbox and follows its items while any caller is mounted (call from a useEffect). */
export const followOutbox = createFollower(() => {
  void useOutbox.getState().load();
  return herald().on('outbox:changed', (item) => useOutbox.getState().applyItem(item));
});
