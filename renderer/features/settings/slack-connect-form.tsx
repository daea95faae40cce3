// Connecting Slack: which Slack the token is for (Slack or GovSlack; a test
// server only when Herald was started with --slack-api-url), the token field,
// the weak-protection consent where the machine cannot protect the token
// well, and the answer from auth.test. The token is bound to the chosen
// address: main sends it nowhere else. On failure the typed token stays in
// the field so nothing is lost.
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { SlackStatus } from '../../../shared/api/channels/slack.ts';
import { apiHostLabel } from '../../../shared/slack/api-hosts.ts';
import { SLACK_TOKEN_PATTERN } from '../../../shared/slack/token-pattern.ts';
import { useSlack } from './slack-store.ts';
import './settings.css';

interface ConnectFields {
  apiUrl: string;
  token: string;
  acceptWeakProtection: boolean;
}

export function SlackConnectForm({ status }: { status: SlackStatus }) {
  const { protection } = status;
  const ids = {
    host: useId(),
    hostHelp: useId(),
    token: useId(),
    tokenHelp: useId(),
    tokenError: useId(),
    consent: useId(),
  };
  const connect = useSlack((state) => state.connect);
  const isBusy = useSlack((state) => state.isBusy);
  const { register, handleSubmit, formState, reset } = useForm<ConnectFields>({
    defaultValues: { apiUrl: status.apiUrl, token: '', acceptWeakProtection: false },
  });
  const tokenError = formState.errors.token?.message;
  const isWeak = protection.level === 'weak';

  const onSubmit = handleSubmit(async ({ apiUrl, token, acceptWeakProtection }) => {
    if (await connect({ token: token.trim(), acceptWeakProtection, apiUrl })) reset();
  });

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <fieldset className="field slack-hosts" aria-describedby={ids.hostHelp}>
        <legend>Slack host</legend>
        {status.allowedApiUrls.map((apiUrl) => (
          <label key={apiUrl} className="checkbox">
            <input type="radio" value={apiUrl} {...register('apiUrl')} />
            {apiHostLabel(apiUrl)} <code>{apiUrl}</code>
          </label>
        ))}
        <p id={ids.hostHelp} className="help">
          The token is sent only to this address. To change it later, disconnect and enter a token again.
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.token}>Slack token</label>
        <input
          id={ids.token}
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids.tokenHelp}${tokenError ? ` ${ids.tokenError}` : ''}`}
          aria-invalid={tokenError ? true : undefined}
          {...register('token', {
            required: 'Paste the token from your Slack app.',
            validate: (value) =>
              SLACK_TOKEN_PATTERN.test(value.trim()) ||
              'A Slack token starts with xoxb- (bot) or xoxp- (user).',
          })}
        />
        <p id={ids.tokenHelp} className="help">
          A bot token (xoxb-…) from the Herald Slack app is best; see the README for the one-step app
          manifest.
        </p>
        {tokenError ? (
          <p id={ids.tokenError} className="field-error">
            {tokenError}
          </p>
        ) : null}
      </div>
      {isWeak ? (
        <div className="consent">
          <p className="warning-text">{protection.explanation}</p>
          <label htmlFor={ids.consent} className="checkbox">
            <input id={ids.consent} type="checkbox" {...register('acceptWeakProtection')} />I understand the
            token will be stored with weak protection on this machine
          </label>
        </div>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? 'Checking with Slack…' : 'Connect Slack'}
        </button>
      </div>
    </form>
  );
}
