// The Compose screen: the start panel (a type, a template or a draft) or
// the open draft's editor. Entering the screen reopens the draft Herald had
// open; a compose intent (a reminder, the calendar, an incident) opens the
// message it names; leaving the screen saves at once.
import { useEffect } from 'react';
import { useComposer } from './composer-store.ts';
import { useComposeIntent } from './compose-intent.ts';
import { DraftEditor } from './draft-editor.tsx';
import { StartPanel } from './start-panel.tsx';
import './composer.css';

function Notice() {
  const notice = useComposer((state) => state.notice);
  const showNotice = useComposer((state) => state.showNotice);
  if (!notice) return null;
  return (
    <div
      className={`composer-notice composer-notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="composer-notice"
    >
      <p>{notice.text}</p>
      <button type="button" onClick={() => showNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}

export function ComposerScreen() {
  const phase = useComposer((state) => state.phase);
  const loadError = useComposer((state) => state.loadError);
  useComposeIntent();

  useEffect(() => {
    void useComposer.getState().enter();
    return () => void useComposer.getState().flush();
  }, []);

  return (
    <div className="composer">
      {loadError ? (
        <p role="alert" className="error-banner">
          {loadError}
        </p>
      ) : null}
      <Notice />
      {phase === 'loading' ? (
        <p className="muted">Opening your draft…</p>
      ) : phase === 'start' ? (
        <StartPanel />
      ) : (
        <DraftEditor />
      )}
    </div>
  );
}
