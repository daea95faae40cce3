// The one question asked on first run: open Herald at login? Shown only where
// login items exist (the installed desktop app) and until it is answered;
// the answer can be changed later in Settings → Start-up.
import { useEffect } from 'react';
import { followDesktop, useDesktop, useDesktopSettings } from './desktop-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function OpenAtLoginPrompt() {
  const loginItem = useDesktop((state) => state.loginItem);
  const settings = useDesktopSettings();
  const isBusy = useDesktop((state) => state.isBusy);
  const error = useDesktop((state) => state.choiceError);
  useEffect(() => followDesktop(), []);
  if (!loginItem?.isSupported || !settings || settings.hasAnsweredOpenAtLogin) return null;
  const answer = (openAtLogin: boolean) =>
    void useDesktop.getState().choose({ openAtLogin, hasAnsweredOpenAtLogin: true });
  return (
    <section className="card" role="region" aria-labelledby="open-at-login-question">
      <div className="stack">
        <h2 id="open-at-login-question">Open Herald when you log in?</h2>
        <p className="help">
          Herald then starts in the tray each morning, so reminders of promised updates fire even before you
          open it. You can change this in Settings.
        </p>
        <ErrorAlert error={error} />
        <div className="row">
          <button type="button" className="primary" disabled={isBusy} onClick={() => answer(true)}>
            Open at login
          </button>
          <button type="button" disabled={isBusy} onClick={() => answer(false)}>
            Not now
          </button>
        </div>
      </div>
    </section>
  );
}
