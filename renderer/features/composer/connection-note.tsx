// What sending will do right now, as the outbox sees Slack: being offline is
// normal (the message waits in the outbox and goes when Slack is back), a
// refused token is not (nothing goes until Slack is connected again).
import { useConnection } from '../../server-state/connection-store.ts';

export function ConnectionNote() {
  const status = useConnection((state) => state.status);
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
