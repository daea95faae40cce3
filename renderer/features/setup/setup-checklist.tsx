// The first-run checklist: connect Slack, check that each channel the plan
// posts to exists and Herald's bot is a member of it, and review the plan.
// Shown at the top of Compose until every step is done or the lead hides it,
// and always in Settings. Each step says its state in words and a symbol,
// never by colour alone, and says what to do next.
import { useEffect, useId, type ReactNode } from 'react';
import type { ChannelResolution } from '../../../shared/api/channels/channels.ts';
import { channelsInPlan } from '../../../shared/plan/plan-edits.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { useSettings } from '../../server-state/settings-store.ts';
import { knowSlackStatus, useSlack } from '../settings/slack-store.ts';
import { useSetup } from './setup-store.ts';
import './setup.css';
import { ErrorAlert } from '../../ui/error-alert.tsx';

type StepState = 'done' | 'todo' | 'problem';

const STEP_WORDS: Record<StepState, { symbol: string; label: string }> = {
  done: { symbol: '✓', label: 'Done' },
  todo: { symbol: '○', label: 'To do' },
  problem: { symbol: '⚠', label: 'Needs you' },
};

function Step({ state, title, children }: { state: StepState; title: string; children: ReactNode }) {
  const words = STEP_WORDS[state];
  return (
    <li className={`setup-step setup-${state}`} data-step-state={state}>
      <p className="setup-step-title">
        <span aria-hidden="true">{words.symbol} </span>
        <strong>{title}</strong> <span className="setup-step-state">({words.label})</span>
      </p>
      <div className="setup-step-body">{children}</div>
    </li>
  );
}

function ChannelLine({ result }: { result: ChannelResolution }) {
  if (result.status === 'ok')
    return (
      <li data-channel-status="ok">
        <span aria-hidden="true">✓ </span>#{result.name}: found, and Herald is a member.
      </li>
    );
  return (
    <li data-channel-status={result.status}>
      <span aria-hidden="true">⚠ </span>
      {result.message} <span className="setup-fix">What to do: {result.fix}</span>
    </li>
  );
}

/** The Slack connection, from the bootstrap (asked for only if it could not answer). */
function useSlackStatus() {
  const status = useSlack((state) => state.status);
  useEffect(() => {
    knowSlackStatus();
  }, []);
  return status;
}

export function useSetupProgress() {
  const status = useSlackStatus();
  const plan = usePlan((state) => state.plan);
  const settings = useSettings((state) => state.settings);
  const channels = useSetup((state) => state.channels);
  const checkedNames = useSetup((state) => state.checkedNames);
  const names = plan ? channelsInPlan(plan).map((use) => use.channel) : [];
  const isConnected = status?.connected === true && status.identity !== null;
  const isCurrent = channels !== null && checkedNames.join('\n') === names.join('\n');
  const channelsState: StepState = !isCurrent
    ? 'todo'
    : channels.every((result) => result.status === 'ok')
      ? 'done'
      : 'problem';
  const planState: StepState = settings?.hasReviewedPlan ? 'done' : 'todo';
  const connectState: StepState = isConnected ? 'done' : 'todo';
  const isLoaded = status !== null && plan !== null && settings !== null;
  const isComplete = connectState === 'done' && channelsState === 'done' && planState === 'done';
  return {
    status,
    names,
    isConnected,
    isCurrent,
    connectState,
    channelsState,
    planState,
    isLoaded,
    isComplete,
  };
}

export function SetupChecklist({ placement }: { placement: 'home' | 'settings' }) {
  const headingId = useId();
  const progress = useSetupProgress();
  const { status, names, isConnected, isCurrent } = progress;
  const channels = useSetup((state) => state.channels);
  const isChecking = useSetup((state) => state.isChecking);
  const checkError = useSetup((state) => state.error);
  const settings = useSettings((state) => state.settings);

  // Once connected, check the plan's channels without being asked (again when the plan's channels change).
  const namesKey = names.join('\n');
  useEffect(() => {
    if (isConnected && !isCurrent)
      void useSetup.getState().checkChannels(namesKey.split('\n').filter(Boolean));
  }, [isConnected, isCurrent, namesKey]);

  if (!progress.isLoaded) return null;
  if (placement === 'home' && (progress.isComplete || settings?.isSetupChecklistHidden)) return null;
  const doneCount = [progress.connectState, progress.channelsState, progress.planState].filter(
    (state) => state === 'done',
  ).length;
  const go = (screen: 'settings' | 'outbox') => useNavigation.getState().go(screen);

  return (
    <section className="card setup-checklist" aria-labelledby={headingId} data-testid="setup-checklist">
      <div className="setup-head">
        <h2 id={headingId}>Get Herald ready</h2>
        <p className="muted">{doneCount} of 3 done</p>
      </div>
      <ol className="setup-steps">
        <Step state={progress.connectState} title="Connect Slack">
          {isConnected && status?.identity ? (
            <>
              <p>
                Connected to {status.identity.workspace} as {status.identity.actorName}.
              </p>
              {status.identity.scopes === null ? (
                <p data-testid="setup-scopes">
                  Permissions could not be checked: Slack’s answer did not list them. Sending will say if one
                  is missing.
                </p>
              ) : status.identity.missingScopes.length > 0 ? (
                <p data-testid="setup-scopes">
                  Missing permissions:{' '}
                  {status.identity.missingScopes.map((missing) => missing.scope).join(', ')}.
                </p>
              ) : null}
            </>
          ) : (
            <>
              <p>Herald sends nothing until it is connected to your Slack workspace with the app’s token.</p>
              {placement === 'home' ? (
                <button type="button" className="primary" onClick={() => go('settings')}>
                  Connect Slack in Settings
                </button>
              ) : (
                <p className="muted">Use the Slack section below.</p>
              )}
            </>
          )}
        </Step>
        <Step state={progress.channelsState} title="Check the plan’s Slack channels">
          {!isConnected ? (
            <p>Connect Slack first; then Herald checks each channel the plan posts to.</p>
          ) : names.length === 0 ? (
            <p>The plan does not post to any Slack channel yet.</p>
          ) : (
            <>
              <ErrorAlert error={checkError} />
              {channels && isCurrent ? (
                <ul className="setup-channels" aria-label="Plan channels">
                  {channels.map((result) => (
                    <ChannelLine key={result.name} result={result} />
                  ))}
                </ul>
              ) : null}
              <div role="status" className="muted">
                {isChecking ? `Checking ${names.length} channels in Slack…` : ''}
              </div>
              <button
                type="button"
                onClick={() => void useSetup.getState().checkChannels(names)}
                disabled={isChecking}
              >
                Check channels again
              </button>
            </>
          )}
        </Step>
        <Step state={progress.planState} title="Review the communications plan">
          <p>
            The plan says which messages go where, their checklists and when reminders come. Make sure it is
            your team’s before you rely on it.
          </p>
          <div className="row">
            {placement === 'home' ? (
              <button type="button" onClick={() => go('settings')}>
                Open the plan
              </button>
            ) : null}
            {settings?.hasReviewedPlan ? null : (
              <button
                type="button"
                onClick={() => void useSettings.getState().update({ hasReviewedPlan: true })}
              >
                The plan is reviewed
              </button>
            )}
          </div>
        </Step>
      </ol>
      {placement === 'home' ? (
        <button
          type="button"
          className="setup-hide"
          onClick={() => void useSettings.getState().update({ isSetupChecklistHidden: true })}
        >
          Hide this checklist (it stays in Settings)
        </button>
      ) : null}
    </section>
  );
}
