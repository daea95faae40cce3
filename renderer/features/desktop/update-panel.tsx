// Settings → Updates: what the updater is doing, "Check now", "Download"
// (when automatic download is off), "Restart to update" (refused, with the
// reason, while a message sends or a draft is unsaved), and the automatic
// download choice.
import { useId } from 'react';
import type { UpdateStatus } from '../../../shared/desktop/update-status.ts';
import { formatInstant } from '../../../shared/time/index.ts';
import { useUserZone } from '../../server-state/settings-store.ts';
import { useDesktop, useDesktopSettings } from './desktop-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

function describe(update: UpdateStatus): string {
  switch (update.state) {
    case 'unsupported':
      return update.message ?? 'This copy of Herald cannot update itself.';
    case 'idle':
      return 'Herald checks for updates shortly after it starts and every few hours.';
    case 'checking':
      return 'Checking for updates…';
    case 'up_to_date':
      return 'Herald is up to date.';
    case 'available':
      return `Version ${update.version ?? ''} is available.`;
    case 'downloading':
      return `Downloading version ${update.version ?? ''}… ${update.percent ?? 0}%`;
    case 'ready':
      return `Version ${update.version ?? ''} is ready. Restart Herald to use it, or it installs the next time you quit.`;
    case 'error':
      return update.message ?? 'The last update check failed.';
  }
}

export function UpdatePanel() {
  const autoId = useId();
  const update = useDesktop((state) => state.update);
  const settings = useDesktopSettings();
  const isBusy = useDesktop((state) => state.isBusy);
  const error = useDesktop((state) => state.updateError);
  const zone = useUserZone();
  if (!update) return null;
  const isSupported = update.state !== 'unsupported';
  const lastChecked = update.lastCheckedUtc ? formatInstant(Date.parse(update.lastCheckedUtc), zone) : null;
  return (
    <section className="card" aria-labelledby="updates-heading">
      <h2 id="updates-heading">Updates</h2>
      <div className="stack">
        <p
          role="status"
          data-testid="update-status"
          className={update.state === 'error' ? 'field-error' : undefined}
        >
          {describe(update)}
        </p>
        <p className="muted">
          This is Herald {update.currentVersion}.{lastChecked ? ` Last checked ${lastChecked}.` : ''}
        </p>
        {update.restartBlockedBy ? (
          <p className="warning-text" role="note">
            {update.restartBlockedBy} Herald will not restart until that is done.
          </p>
        ) : null}
        <ErrorAlert error={error} />
        {isSupported ? (
          <div className="row">
            <button
              type="button"
              onClick={() => void useDesktop.getState().checkForUpdates()}
              disabled={
                isBusy ||
                update.state === 'checking' ||
                update.state === 'downloading' ||
                update.state === 'ready'
              }
            >
              Check now
            </button>
            {update.state === 'available' ? (
              <button
                type="button"
                onClick={() => void useDesktop.getState().downloadUpdate()}
                disabled={isBusy}
              >
                Download {update.version}
              </button>
            ) : null}
            {update.state === 'ready' ? (
              <button
                type="button"
                className="primary"
                onClick={() => void useDesktop.getState().restartToUpdate()}
                disabled={isBusy || update.restartBlockedBy !== null}
              >
                Restart to update
              </button>
            ) : null}
          </div>
        ) : null}
        {settings && isSupported ? (
          <label htmlFor={autoId} className="checkbox">
            <input
              id={autoId}
              type="checkbox"
              checked={settings.autoDownloadUpdates}
              disabled={isBusy}
              onChange={(event) =>
                void useDesktop.getState().choose({ autoDownloadUpdates: event.target.checked })
              }
            />
            Download updates automatically (otherwise Herald asks first)
          </label>
        ) : null}
      </div>
    </section>
  );
}
