// Settings → Start-up: open Herald when you log in (it starts in the tray).
import { useId } from 'react';
import { useDesktop, useDesktopSettings } from './desktop-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function OpenAtLoginPanel() {
  const checkboxId = useId();
  const loginItem = useDesktop((state) => state.loginItem);
  const settings = useDesktopSettings();
  const isBusy = useDesktop((state) => state.isBusy);
  const error = useDesktop((state) => state.choiceError);
  if (!loginItem || !settings) return null;
  const isOutOfStep = loginItem.isSupported && loginItem.isEnabled !== settings.openAtLogin;
  return (
    <section className="card" aria-labelledby="startup-heading">
      <h2 id="startup-heading">Start-up</h2>
      <div className="stack">
        {loginItem.isSupported ? (
          <label htmlFor={checkboxId} className="checkbox">
            <input
              id={checkboxId}
              type="checkbox"
              checked={settings.openAtLogin}
              disabled={isBusy}
              onChange={(event) =>
                void useDesktop
                  .getState()
                  .choose({ openAtLogin: event.target.checked, hasAnsweredOpenAtLogin: true })
              }
            />
            Open Herald when I log in to this computer (it starts in the tray, so reminders fire from the
            start of the day)
          </label>
        ) : (
          <p className="muted">
            Opening at login is available in the installed desktop app only (not in a development build or the
            browser harness).
          </p>
        )}
        <ErrorAlert error={error} />
        {isOutOfStep ? (
          <p className="warning-text" role="note">
            Your computer&apos;s login items say otherwise: it may have been changed in the system settings.
          </p>
        ) : null}
      </div>
    </section>
  );
}
