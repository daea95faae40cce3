// The app-wide banner while Slack is not connected or cannot be reached, on
// every screen but the Outbox (which has its own, with "Try now"): the lead
// always knows whether what they send is going anywhere.
import { useEffect } from 'react';
import { knowSlackStatus, useSlack } from '../features/settings/slack-store.ts';
import { useConnection } from '../server-state/connection-store.ts';
import { useNavigation } from './navigation-store.ts';

export function SlackBanner() {
  const slack = useSlack((state) => state.status);
  const connection = useConnection((state) => state.status);
  const screen = useNavigation((state) => state.screen);
  useEffect(() => {
    knowSlackStatus();
  }, []);

  if (screen === 'outbox') return null;
  const isNotConnected = slack?.connected === false || connection?.state === 'auth_stopped';
  const isOffline = !isNotConnected && connection?.state === 'offline';
  if (!isNotConnected && !isOffline) return null;
  return (
    <section className="warning-banner app-banner" aria-label="Slack connection" data-testid="slack-banner">
      <p>
        <strong>{isNotConnected ? 'Slack is not connected.' : 'Slack cannot be reached.'}</strong>{' '}
        {isNotConnected
          ? 'Nothing goes to Slack until it is: what you send waits in the Outbox, unsent.'
          : 'What you send waits in the Outbox and goes, once, when Slack is back.'}
      </p>
      {isNotConnected && screen !== 'settings' ? (
        <button type="button" className="primary" onClick={() => useNavigation.getState().go('settings')}>
          Connect Slack
        </button>
      ) : null}
      {isOffline ? (
        <button type="button" onClick={() => useNavigation.getState().go('outbox')}>
          Open the Outbox
        </button>
      ) : null}
    </section>
  );
}
