// Settings → Slack: who Herald is connected as and on which Slack host (the
// token is bound to it), what is missing, and how well the token is protected.
import { useEffect } from 'react';
import { apiHostLabel } from '../../../shared/slack/api-hosts.ts';
import { requiredScopes } from '../../../shared/slack/scopes.ts';
import { SlackConnectForm } from './slack-connect-form.tsx';
import { knowSlackStatus, useSlack } from './slack-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function SlackPanel() {
  const status = useSlack((state) => state.status);
  const error = useSlack((state) => state.error);
  const isBusy = useSlack((state) => state.isBusy);
  const disconnect = useSlack((state) => state.disconnect);

  useEffect(() => knowSlackStatus(), []);

  return (
    <section className="card" aria-labelledby="slack-heading">
      <h2 id="slack-heading">Slack</h2>
      <ErrorAlert error={error} isBanner />
      {status === null ? (
        <p className="muted">Checking the connection…</p>
      ) : status.problem ? (
        <div className="stack">
          <div role="alert" className="warning-banner">
            <p>{status.problem}</p>
          </div>
          <div>
            <button type="button" onClick={() => void disconnect()} disabled={isBusy}>
              Disconnect
            </button>
          </div>
        </div>
      ) : status.connected && status.identity ? (
        <div className="stack">
          <p data-testid="slack-connected">
            Connected to <strong>{status.identity.workspace}</strong> as{' '}
            <strong>{status.identity.actorName}</strong> (
            {status.identity.tokenKind === 'bot' ? 'bot token' : 'user token'}).
          </p>
          {status.identity.scopes === null ? (
            <div className="warning-banner" role="status" data-testid="slack-scopes-unchecked">
              <p>
                Herald could not check the Slack app’s permissions: Slack’s answer did not list them. If
                sending fails for lack of a permission, check the app has{' '}
                {requiredScopes.map((need) => need.scope).join(', ')}.
              </p>
            </div>
          ) : status.identity.missingScopes.length > 0 ? (
            <div className="warning-banner" role="status">
              <p>The Slack app is missing permissions Herald needs:</p>
              <ul>
                {status.identity.missingScopes.map((missing) => (
                  <li key={missing.scope}>
                    <code>{missing.scope}</code> — for {missing.neededFor}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="help">
            Token protection: {status.protection.level === 'os' ? 'your system keychain' : 'weak'} (
            {status.protection.backend}).
          </p>
          <p data-testid="slack-host">
            Slack host: <strong>{apiHostLabel(status.apiUrl)}</strong> <code>{status.apiUrl}</code>. The token
            is sent only there.
          </p>
          <p className="help">
            To use another Slack host (such as GovSlack), disconnect, then connect again with a token for that
            host.
          </p>
          <div>
            <button type="button" onClick={() => void disconnect()} disabled={isBusy}>
              Disconnect
            </button>
          </div>
        </div>
      ) : (
        <SlackConnectForm status={status} />
      )}
    </section>
  );
}
