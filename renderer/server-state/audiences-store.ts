// What each audience last heard, as core derives it: the Audiences screen
// shows it whole, and the notification centre lists its flags. Followed while
// either is mounted (the bell always is), replaced whole by audiences:changed.
// "Draft the fix" asks core for the fix as a draft and opens it in Compose.
import { create } from 'zustand';
import type { AudiencesView } from '../../shared/api/channels/audiences.ts';
import { herald } from '../api/herald.ts';
import { afterFirstPaint } from '../app/after-first-paint.ts';
import { useNavigation } from '../app/navigation-store.ts';
import { createFollower } from './follow.ts';

interface AudiencesState {
  view: AudiencesView | null;
  loadError: string | null;
  /** Why the last "Draft the fix" failed, with the flag it was for. */
  fixError: { flagId: string; message: string } | null;
  /** Counts loads, so an older answer never replaces a newer push. */
  loadCount: number;
  load: () => Promise<void>;
  apply: (view: AudiencesView) => void;
  /** Drafts the fix for a flag and opens it in Compose; false (with `fixError`) when core refused. */
  draftFix: (flagId: string) => Promise<boolean>;
}

export const useAudiences = create<AudiencesState>()((set, get) => ({
  view: null,
  loadError: null,
  fixError: null,
  loadCount: 0,
  async load() {
    const count = get().loadCount + 1;
    set({ loadCount: count });
    const result = await herald().invoke('audiences:view', {});
    if (count !== get().loadCount) return;
    if (result.ok) set({ view: result.value, loadError: null });
    else
      set({ loadError: `Herald could not work out what each channel last heard: ${result.error.message}` });
  },
  apply(view) {
    // A push is newer than any load still on its way.
    set((state) => ({ view, loadError: null, loadCount: state.loadCount + 1 }));
  },
  async draftFix(flagId) {
    set({ fixError: null });
    const result = await herald().invoke('audiences:draftFix', { flagId });
    if (!result.ok) {
      set({ fixError: { flagId, message: result.error.message } });
      return false;
    }
    useNavigation.getState().openCompose({ kind: 'draft', draftId: result.value.draftId });
    return true;
  },
}));

/** Loads the view and follows audiences:changed while any caller is mounted (call from a useEffect). */
export const followAudiences = createFollower(() => {
  // The bell follows from the first render: its load waits for the first paint, which the composer needs first.
  const cancelLoad = afterFirstPaint(() => void useAudiences.getState().load());
  const unsubscribe = herald().on('audiences:changed', (view) => useAudiences.getState().apply(view));
  return () => {
    cancelLoad();
    unsubscribe();
  };
});
