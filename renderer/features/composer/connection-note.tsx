// What sending will do right now, as the outbox sees Slack: being offline is
// normal (the message waits in the outbox and goes when Slack is back), a
// refused token is not (nothing goes until Slack is connected again).
import { useConnection } from '../../server-state/connection-store.ts';
import { useSlack } from '../settings/slack-store.ts';

export function ConnectionNote() {
  const status = useConnection((state) => state.status);
  // Slack never connected: the outbox has not tried yet, but nothing sent now goes anywhere until it is.
  const isNeverConnected = useSlack((state) => state.status?.connected === false);
  if (isNeverConnected && status?.state !== 'auth_stopped')
    return (
      <p className="connection-note" data-testid="connection-note">
        Slack is not connected, so nothing you send goes to Slack yet: it waits in the Outbox, unsent, until
        you connect Slack in Settings.
      </p>
    );
  if (!status || status.state === 'online' || status.state === 'unknown') return null;
  const text =
    status.state === 'offline'
      ? 'Slack cannot be reached just now. Anything you send waits in the outbox and goes, once, as soon as Slack is back.'
      : `${status.message}${status.fix ? ` ${status.fix}` : ''}`;
  return (
    <p className="connection-note" data-testid="connection-note">
      {text}
    </p>
  );
}
