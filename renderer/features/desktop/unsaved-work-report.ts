// Tells main whether the composer holds keystrokes that are not saved yet, so
// an update never restarts Herald over them (main refuses "Restart to update"
// while this is on).
import { useEffect } from 'react';
import { herald } from '../../api/herald.ts';
import { useComposer } from '../composer/composer-store.ts';

export function useUnsavedWorkReport(): void {
  useEffect(() => {
    let reported: boolean | null = null;
    const report = (hasUnsavedDraft: boolean) => {
      if (hasUnsavedDraft === reported) return;
      reported = hasUnsavedDraft;
      void herald().invoke('app:reportUnsavedWork', { hasUnsavedDraft });
    };
    report(useComposer.getState().saveStatus !== 'saved');
    return useComposer.subscribe((state) => report(state.saveStatus !== 'saved'));
  }, []);
}
