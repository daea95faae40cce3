// The autosave state in words: Saved, Saving…, or Not saved with the
// reason, so the author never wonders whether their text is safe.
import { useComposer } from './composer-store.ts';

export function SaveStatus() {
  const status = useComposer((state) => state.saveStatus);
  const error = useComposer((state) => state.saveError);
  const text =
    status === 'saved'
      ? 'Saved'
      : status === 'pending' || status === 'saving'
        ? 'Saving…'
        : status === 'retrying'
          ? 'Not saved — retrying'
          : `Not saved — ${error ?? 'Herald could not keep this draft.'}`;
  return (
    <p className={`save-status save-status-${status}`} role="status" data-testid="save-status">
      <span aria-hidden="true" className="save-status-mark">
        {status === 'saved' ? '✓' : status === 'retrying' || status === 'failed' ? '!' : '…'}
      </span>{' '}
      {text}
    </p>
  );
}
