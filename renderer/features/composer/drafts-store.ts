// The drafts waiting to be finished, as the start panel lists them: loaded
// and followed (drafts:changed) while the list is shown, with the one just
// moved to the bin kept so the move can be undone.
import { create } from 'zustand';
import type { Result } from '../../../shared/api/index.ts';
import type { DraftSummary, StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import { herald } from '../../api/herald.ts';

interface DraftsState {
  /** Null until the first answer. */
  drafts: DraftSummary[] | null;
  /** The draft just moved to the bin, until it is restored. */
  binned: DraftSummary | null;
  error: string | null;
  load: () => Promise<void>;
  /** Copies a draft; the caller opens the copy. */
  duplicate: (id: string) => Promise<Result<StoredDraft>>;
  bin: (summary: DraftSummary) => Promise<void>;
  undoBin: () => Promise<void>;
}

export const useDrafts = create<DraftsState>()((set, get) => ({
  drafts: null,
  binned: null,
  error: null,
  load: async () => {
    const result = await herald().invoke('drafts:list', {});
    set(result.ok ? { drafts: result.value } : { error: result.error.message });
  },
  duplicate: async (id) => {
    const result = await herald().invoke('drafts:duplicate', { id });
    if (!result.ok) set({ error: result.error.message });
    return result;
  },
  bin: async (summary) => {
    const result = await herald().invoke('drafts:delete', { id: summary.id });
    set(result.ok ? { binned: summary } : { error: result.error.message });
  },
  undoBin: async () => {
    const { binned } = get();
    if (!binned) return;
    const result = await herald().invoke('drafts:restore', { id: binned.id });
    set({ binned: null, ...(result.ok ? {} : { error: result.error.message }) });
  },
}));

/** Loads the drafts and keeps them current while the list is mounted; a fresh list starts with no notices. */
export function followDrafts(): () => void {
  useDrafts.setState({ binned: null, error: null });
  void useDrafts.getState().load();
  return herald().on('drafts:changed', () => void useDrafts.getState().load());
}
