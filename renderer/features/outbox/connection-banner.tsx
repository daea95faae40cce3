// Whether Herald can reach Slack, at the top of the Outbox: online, offline
// (normal, messages wait, with "Try now"), or stopped because Slack refused
// the token (with the way to Settings).
import { useState } from 'react';
import { useNavigation } from '../../app/navigation-store.ts';
import { useConnection } from '../../server-state/connection-store.ts';
import { connectionBanner } from './outbox-view.ts';
import { useOutbox } from './outbox-store.ts';

export function ConnectionBanner({ nowMs, hasWaiting }: { nowMs: number; hasWaiting: boolean }) {
  const connection = useConnection((state) => state.status);
  const flush = useOutbox((state) => state.flush);
  const [isTrying, setIsTrying] = useState(false);
  const banner = connectionBanner(connection, nowMs);

  async function tryNow() {
    setIsTrying(true);
    await flush();
    setIsTrying(false);
  }

  return (
    <section
      className={`connection-banner tone-${banner.tone}`}
      aria-labelledby="connection-title"
      data-testid="connection-banner"
    >
      <div role="status" className="connection-text">
        <h2 id="connection-title">
          <span aria-hidden="true">{banner.symbol} </span>
          {banner.title}
        </h2>
        <p>{banner.message}</p>
        {banner.fix ? <p className="connection-fix">What to do: {banner.fix}</p> : null}
        {banner.nextCheck ? <p className="muted">{banner.nextCheck}</p> : null}
      </div>
      <div className="row">
        {banner.tone === 'error' ? (
          <button type="button" className="primary" onClick={() => useNavigation.getState().go('settings')}>
            Open Settings
          </button>
        ) : null}
        {banner.tone !== 'ok' || hasWaiting ? (
          <button type="button" onClick={() => void tryNow()} disabled={isTrying}>
            {isTrying ? 'Trying…' : 'Try now'}
          </button>
        ) : null}
      </div>
    </section>
  );
}
