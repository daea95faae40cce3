// The Compose screen: the start panel (a type, a template or a draft) or
// the open draft's editor. Entering the screen reopens the draft Herald had
// open; a compose intent (a reminder, the calendar, an incident) opens the
// message it names; leaving the screen saves at once.
import { useEffect } from 'react';
import { useComposer } from './composer-store.ts';
import { useComposeIntent } from './compose-intent.ts';
import { DraftEditor } from './draft-editor.tsx';
import { StartPanel } from './start-panel.tsx';
import { sendFeedback } from './send-feedback.ts';
import { useSendFeedback } from './send-feedback-store.ts';
import { useConnection } from '../../server-state/connection-store.ts';
import { useUserZone } from '../../server-state/settings-store.ts';
import './composer.css';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useKeepStartScreen } from '../../app/start-screen/capture.ts';

function Notice() {
  const notice = useComposer((state) => state.notice);
  const showNotice = useComposer((state) => state.showNotice);
  const followed = useSendFeedback((state) => state.item);
  const connection = useConnection((state) => state.status?.state ?? null);
  const zone = useUserZone();
  if (!notice) return null;
  // After Send the notice tells the outbox item's state as it is now, not as it was when Send was answered.
  const live =
    notice.outboxItemId !== undefined && followed?.id === notice.outboxItemId
      ? sendFeedback(followed, connection, zone)
      : null;
  const tone = live?.tone ?? notice.tone;
  const dismiss = () => {
    useSendFeedback.getState().stop();
    showNotice(null);
  };
  return (
    <div
      className={`composer-notice composer-notice-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="composer-notice"
      data-start-screen="omit"
    >
      <div>
        <p>
          {live?.text ?? notice.text}
          {live?.permalink ? (
            <>
              {' '}
              <a href={live.permalink} target="_blank" rel="noreferrer noopener">
                Open in Slack <span aria-hidden="true">↗</span>
              </a>
            </>
          ) : null}
        </p>
        {live?.fix ? <p>{live.fix}</p> : null}
      </div>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

export function ComposerScreen() {
  const phase = useComposer((state) => state.phase);
  const loadError = useComposer((state) => state.loadError);
  useComposeIntent();
  useKeepStartScreen();

  useEffect(() => {
    void useComposer.getState().enter();
    return () => void useComposer.getState().flush();
  }, []);

  return (
    <div className="composer">
      <ErrorAlert error={loadError} isBanner />
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
