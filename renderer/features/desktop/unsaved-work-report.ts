// Tells main whether the composer holds keystrokes that are not saved yet, so
// an update never restarts Herald over them (main refuses "Restart to update"
// while this is on). Only changes are sent.
import { useEffect } from 'react';
import { herald } from '../../api/herald.ts';
import { useComposer } from '../composer/composer-store.ts';

export interface UnsavedSource {
  hasUnsaved: () => boolean;
  /** Calls back on every change of the source; returns the unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
}

/** Reports the current state at once, then each change of it. Returns the unsubscribe function. */
export function reportUnsavedWork(
  source: UnsavedSource,
  report: (hasUnsavedDraft: boolean) => void,
): () => void {
  let reported: boolean | null = null;
  const check = () => {
    const hasUnsaved = source.hasUnsaved();
    if (hasUnsaved === reported) return;
    reported = hasUnsaved;
    report(hasUnsaved);
  };
  check();
  return source.subscribe(check);
}

export function useUnsavedWorkReport(): void {
  useEffect(
    () =>
      reportUnsavedWork(
        {
          hasUnsaved: () => useComposer.getState().saveStatus !== 'saved',
          subscribe: (onChange) => useComposer.subscribe(onChange),
        },
        (hasUnsavedDraft) => void herald().invoke('app:reportUnsavedWork', { hasUnsavedDraft }),
      ),
    [],
  );
}
