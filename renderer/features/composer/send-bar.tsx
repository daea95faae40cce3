// How the open draft leaves Herald: now (through the outbox), when Slack
// can be reached (being offline is normal), at a chosen time, or copied as
// Slack text for places Herald does not post to. Incident updates may also
// go to the channel, not only the thread.
import { useEffect, useId, useRef, useState } from 'react';
import { isShownInChannel, slackChannelsOf } from '../../../shared/plan/plan-lookups.ts';
import { parseTimeInput, formatInstant, formatRelative, toIsoUtc } from '../../../shared/time/index.ts';
import { SEND_FOCUS, useComposer } from './composer-store.ts';
import { ConnectionNote } from './connection-note.tsx';
import { useDraftType } from './draft-form.tsx';
import { useSend } from './send-store.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { isThreadReply } from './thread-reply.ts';
import { useUserZone } from '../../server-state/settings-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

function SchedulePanel({ isDisabled }: { isDisabled: boolean }) {
  const ids = { at: useId(), reading: useId() };
  const zone = useUserZone();
  const send = useSend((state) => state.send);
  const [typed, setTyped] = useState('');
  const [hasTried, setHasTried] = useState(false);
  const parsed = typed.trim() === '' ? null : parseTimeInput(typed, { nowMs: serverNowMs(), zone });
  const onSchedule = () => {
    setHasTried(true);
    if (parsed?.ok) void send({ mode: 'schedule', atUtc: toIsoUtc(parsed.value.epochMs) });
  };
  const reading =
    parsed === null
      ? hasTried
        ? 'Type when to send it.'
        : ''
      : parsed.ok
        ? `${formatInstant(parsed.value.epochMs, zone)} · ${formatRelative(parsed.value.epochMs, serverNowMs())}`
        : parsed.error;
  const isError = (parsed !== null && !parsed.ok) || (parsed === null && hasTried);
  return (
    <div className="schedule-panel row">
      <div className="field">
        <label htmlFor={ids.at}>Send at</label>
        <input
          id={ids.at}
          type="text"
          value={typed}
          placeholder="tomorrow 09:00"
          autoComplete="off"
          aria-describedby={ids.reading}
          aria-invalid={isError ? true : undefined}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onSchedule();
            }
          }}
        />
        <p id={ids.reading} className={isError ? 'field-error' : 'instant-reading'} aria-live="polite">
          {reading}
        </p>
      </div>
      <button type="button" onClick={onSchedule} disabled={isDisabled}>
        Schedule
      </button>
    </div>
  );
}

function Feedback() {
  const error = useSend((state) => state.error);
  const copy = useSend((state) => state.copy);
  return (
    <>
      <ErrorAlert error={error} isBanner />
      <div role="status">
        {copy?.kind === 'copied' ? (
          <p className="muted">Copied as Slack text: paste it where it belongs.</p>
        ) : null}
      </div>
      {copy?.kind === 'manual' ? (
        <div className="field">
          <label htmlFor="composer-manual-copy">
            Slack text to copy (Herald could not reach the clipboard)
          </label>
          <textarea
            id="composer-manual-copy"
            readOnly
            rows={6}
            value={copy.text}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
    </>
  );
}

export function SendBar() {
  const alsoId = useId();
  const { type } = useDraftType();
  // Narrow selections: the send bar need not re-render on every keystroke in the body.
  const hasDraft = useComposer((state) => state.draft !== null);
  const channel = useComposer((state) => state.draft?.channel ?? '');
  const replies = useComposer((state) =>
    state.draft ? isThreadReply(state.draft, state.meta?.origin.kind) : false,
  );
  const isSending = useSend((state) => state.isSending);
  const stage = useComposer((state) => state.draft?.stage ?? '');
  const chosenAlsoToChannel = useSend((state) => state.alsoToChannel);
  const alsoToChannel = chosenAlsoToChannel ?? isShownInChannel(type, stage);
  const setAlsoToChannel = useSend((state) => state.setAlsoToChannel);
  const send = useSend((state) => state.send);
  const copyAsSlackText = useSend((state) => state.copyAsSlackText);
  const [isScheduling, setIsScheduling] = useState(false);
  const sendNow = useRef<HTMLButtonElement | null>(null);
  const focusRequest = useComposer((state) => state.focusRequest);
  // A draft that is ready as it stands (a holding update) opens with Send focused: Enter sends it.
  useEffect(() => {
    if (focusRequest !== SEND_FOCUS || !sendNow.current) return;
    sendNow.current.focus();
    useComposer.getState().clearFocusRequest();
  }, [focusRequest, hasDraft]);
  // Edit mode: the correction is saved as an edit of its message in Slack, through the outbox like a send.
  const isEditing = useComposer((state) => state.correction !== null);
  if (!hasDraft) return null;
  const isCopyOnly =
    !isEditing && type !== undefined && slackChannelsOf(type).length === 0 && channel.trim() === '';
  const isDisabled = isSending || isCopyOnly;

  return (
    <section className="send-bar card" aria-labelledby="send-heading">
      <h2 id="send-heading">{isEditing ? 'Save the edit' : 'Send'}</h2>
      <ConnectionNote />
      {isCopyOnly ? (
        <p className="help">
          Herald does not post this kind of message: copy it as Slack text and paste it where the plan says.
        </p>
      ) : null}
      {replies && !isEditing ? (
        <label className="checkbox" htmlFor={alsoId}>
          <input
            id={alsoId}
            type="checkbox"
            checked={alsoToChannel}
            onChange={(event) => setAlsoToChannel(event.target.checked)}
          />
          Also show it in the channel, not only in the thread (the plan’s choice for this stage is preset)
        </label>
      ) : null}
      <div className="row">
        <button
          ref={sendNow}
          type="button"
          className="primary"
          disabled={isDisabled}
          onClick={() => void send({ mode: 'now' })}
        >
          {isEditing ? 'Save edit in Slack' : 'Send now'}
        </button>
        {isEditing ? null : (
          <>
            <button type="button" disabled={isDisabled} onClick={() => void send({ mode: 'when_online' })}>
              Send when online
            </button>
            <button
              type="button"
              disabled={isDisabled}
              aria-expanded={isScheduling}
              onClick={() => setIsScheduling((value) => !value)}
            >
              Schedule for…
            </button>
          </>
        )}
        <button
          type="button"
          className={isCopyOnly ? 'primary' : undefined}
          onClick={() => void copyAsSlackText()}
        >
          Copy as Slack text
        </button>
        <span className="muted">
          {isEditing
            ? isSending
              ? 'Saving…'
              : 'Ctrl+Enter (⌘Enter) saves it. Offline, the edit waits in the outbox.'
            : isSending
              ? 'Sending…'
              : 'Ctrl+Enter (⌘Enter) sends now.'}
        </span>
      </div>
      {isScheduling && !isEditing ? <SchedulePanel isDisabled={isDisabled} /> : null}
      <Feedback />
    </section>
  );
}
