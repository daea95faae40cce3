// An event's messages as Slack holds them, beside the event: each one's true
// state (scheduled in Slack, waiting in the outbox, posted, removed), which
// no longer say what the event says, and the confirm dialog that lists what
// following the change will do to each before anything happens in Slack.
import { useEffect, useId, useRef, useState } from 'react';
import type { EventDetail } from '../../../shared/calendar/calendar-views.ts';
import { commStageLabels, isCommStage } from '../../../shared/calendar/comm-stages.ts';
import type {
  CalendarFileView,
  SlackFate,
  SlackMessages,
  SlackMessageView,
} from '../../../shared/calendar/slack-follow.ts';
import { useCalendar } from './calendar-store.ts';
import { ModalDialog } from './modal-dialog.tsx';
import { longInstant } from './wall-time.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export const stageName = (message: Pick<SlackMessageView, 'stage'>) =>
  message.stage && isCommStage(message.stage) ? commStageLabels[message.stage] : 'Message';

/** Where the calendar file in a message's thread has got to, in words (after "Calendar file <name>:"). */
export function fileState(view: CalendarFileView, zone: string): string {
  const { file } = view;
  if (file === null) return view.messageState === 'sent' ? 'none in its thread' : 'none queued with it';
  const version = file.method === 'CANCEL' ? 'the cancellation' : `revision ${file.sequence ?? 0}`;
  switch (file.state) {
    case 'sent':
      return `in its thread (${version})${file.sentAtUtc ? `, uploaded ${longInstant(file.sentAtUtc, zone)}` : ''}`;
    case 'failed':
      return `could not be uploaded: ${file.problem?.message ?? 'Slack refused it.'}`;
    case 'held':
      return `${version}, held for you in the outbox`;
    default:
      return view.messageState === 'sent'
        ? `${version}, waiting in the outbox`
        : `${version}, goes into its thread once the message is posted`;
  }
}

/** What sending the file again does, in words. */
function fileUpdateWords(view: CalendarFileView, isCancelled: boolean): string {
  const which = isCancelled ? 'the cancellation' : view.file ? 'the updated' : 'the';
  return `Send ${which} calendar file to the ${stageName(view).toLowerCase()}’s thread in #${view.channel}`;
}

/** Where the message is, in words. */
export function whereItIs(message: SlackMessageView, zone: string): string {
  if (message.removal && message.removal.state !== 'sent' && message.removal.state !== 'cancelled') {
    return message.removal.state === 'failed'
      ? `Could not be removed from Slack: ${message.removal.problem?.message ?? 'Slack refused.'}`
      : 'Being removed from Slack (queued in the outbox).';
  }
  switch (message.state) {
    case 'scheduled':
      return message.scheduleForUtc
        ? `Scheduled in Slack for ${longInstant(message.scheduleForUtc, zone)}`
        : 'Scheduled in Slack';
    case 'queued':
    case 'sending':
    case 'held': {
      const later = message.scheduleForUtc ?? message.sendAtUtc;
      const when = later ? ` for ${longInstant(later, zone)}` : '';
      return message.state === 'held'
        ? `Held in the outbox${when}, waiting for you`
        : `Waiting in the outbox${when}, not yet in Slack`;
    }
    case 'sent':
      return message.sentAtUtc
        ? `Posted in Slack ${longInstant(message.sentAtUtc, zone)}`
        : 'Posted in Slack';
    case 'failed':
      return 'Failed: not in Slack';
    case 'cancelled':
      return message.problem?.code === 'removed_from_slack'
        ? 'Removed from Slack'
        : 'Cancelled: not in Slack';
  }
}

/** What a fate will do, in words. */
function fateWords(fate: SlackFate, message: SlackMessageView, zone: string): string {
  const fromWhere = message.state === 'scheduled' ? 'Remove it from Slack' : 'Take it out of the outbox';
  switch (fate) {
    case 'reschedule':
      return `${fromWhere} and schedule it again, re-written, for ${message.newTimeUtc ? longInstant(message.newTimeUtc, zone) : 'the new time'}`;
    case 'draft':
      return `${fromWhere} and return it, re-written, to drafts for you to send`;
    case 'remove':
      return `${fromWhere}`;
  }
}

function FollowDialog({
  detail,
  messages,
  files,
  onClose,
  onDone,
}: {
  detail: EventDetail;
  messages: SlackMessageView[];
  files: CalendarFileView[];
  onClose: () => void;
  onDone: (next: SlackMessages) => void;
}) {
  const { event } = detail;
  const zone = useCalendar((state) => state.zone);
  const say = useCalendar((state) => state.say);
  const groupId = useId();
  const [fates, setFates] = useState<Record<string, SlackFate>>(() =>
    Object.fromEntries(messages.map((message) => [message.outboxItemId, message.fates[0]!])),
  );
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [fileIds, setFileIds] = useState<ReadonlySet<string>>(
    () => new Set(files.map((file) => file.messageItemId)),
  );
  const isCancelled = event.status === 'cancelled';

  async function confirm() {
    setIsBusy(true);
    setError(null);
    if (messages.length === 0 && fileIds.size === 0) {
      setIsBusy(false);
      setError('Choose at least one thread to send the calendar file to, or choose “Not now”.');
      return;
    }
    const result = await useCalendar.getState().followChange({
      id: event.id,
      choices: messages.map((message) => ({
        outboxItemId: message.outboxItemId,
        fate: fates[message.outboxItemId] ?? message.fates[0]!,
      })),
      calendarFiles: files.map((file) => file.messageItemId).filter((id) => fileIds.has(id)),
    });
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    say(result.value.summary);
    onDone(result.value.messages);
  }

  return (
    <ModalDialog
      title={
        messages.length > 0
          ? 'Update the messages already scheduled in Slack'
          : 'Update the calendar file in Slack'
      }
      onClose={onClose}
      isWide
    >
      <div className="stack">
        {messages.length === 0 ? (
          <p className="help">
            {isCancelled
              ? `“${event.title}” is cancelled. Readers who added it to their calendar from Slack can have it taken out: the cancellation file has the same calendar id.`
              : `“${event.title}” has changed since its calendar file went to Slack. Readers who added it can have their calendar follow: the new file updates the same entry.`}{' '}
            Nothing changes in Slack until you confirm.
          </p>
        ) : (
          <p className="help">
            {isCancelled
              ? `“${event.title}” is cancelled, so these messages must not go out. Herald removes each from Slack through the outbox and drafts the cancellation notice.`
              : `These messages about “${event.title}” no longer say what the event says. Nothing changes in Slack until you confirm.`}{' '}
            If Slack has already posted one, Herald says so and drafts a correction.
          </p>
        )}
        {messages.length > 0 ? (
          <ul className="comm-list" aria-label="Messages to update">
            {messages.map((message, index) => (
              <li key={message.outboxItemId} className="comm-row" data-testid="follow-message">
                <div className="comm-main">
                  <strong>{stageName(message)}</strong>
                  <span>#{message.channel}</span>
                  <span>{whereItIs(message, zone)}</span>
                </div>
                <p className="comm-draft">{message.excerpt}</p>
                {message.fates.length > 1 ? (
                  <fieldset className="follow-fates">
                    <legend id={`${groupId}-${index}`}>What happens to it</legend>
                    {message.fates.map((fate) => (
                      <label key={fate} className="row">
                        <input
                          type="radio"
                          name={`${groupId}-${index}`}
                          value={fate}
                          checked={fates[message.outboxItemId] === fate}
                          onChange={() =>
                            setFates((current) => ({ ...current, [message.outboxItemId]: fate }))
                          }
                        />
                        {fateWords(fate, message, zone)}
                      </label>
                    ))}
                  </fieldset>
                ) : (
                  <p>
                    <strong>What happens: </strong>
                    {fateWords(message.fates[0]!, message, zone)}.
                  </p>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {files.length > 0 ? (
          <fieldset className="follow-files" data-testid="follow-files">
            <legend>Calendar file</legend>
            {files.map((file) => (
              <label key={file.messageItemId} className="row">
                <input
                  type="checkbox"
                  checked={fileIds.has(file.messageItemId)}
                  onChange={(change) => {
                    const isChecked = change.currentTarget.checked;
                    setFileIds((current) => {
                      const next = new Set(current);
                      if (isChecked) next.add(file.messageItemId);
                      else next.delete(file.messageItemId);
                      return next;
                    });
                  }}
                />
                <span>{fileUpdateWords(file, isCancelled)}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {isCancelled && messages.length > 0 ? (
          <p>The cancellation notice is drafted for you to check and send.</p>
        ) : null}
        <ErrorAlert error={error} />
        <div className="row">
          <button type="button" className="primary" disabled={isBusy} onClick={() => void confirm()}>
            Confirm
          </button>
          <button type="button" onClick={onClose}>
            Not now
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

/**
 * The "In Slack" part of the event panel. Reads the messages again whenever the event changes; when
 * the change was made here (its calendar sequence went up) and some no longer match, opens the dialog.
 */
export function SlackMessagesSection({ detail }: { detail: EventDetail }) {
  const { event } = detail;
  const zone = useCalendar((state) => state.zone);
  const refreshDetail = useCalendar((state) => state.refreshDetail);
  const [answer, setAnswer] = useState<SlackMessages | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const seen = useRef<{ id: string; sequence: number } | null>(null);
  /** Bumped when one of the event's outbox items (or a removal of one) moves on, to read them again. */
  const [outboxTick, setOutboxTick] = useState(0);

  useEffect(
    () => useCalendar.getState().watchEventOutbox(event.id, () => setOutboxTick((tick) => tick + 1)),
    [event.id],
  );

  useEffect(() => {
    let isCurrent = true;
    const before = seen.current;
    const hasChangedHere = before !== null && before.id === event.id && event.sequence > before.sequence;
    seen.current = { id: event.id, sequence: event.sequence };
    void useCalendar
      .getState()
      .slackMessages(event.id)
      .then((result) => {
        if (!isCurrent) return;
        if (!result.ok) {
          setError(result.error.message);
          return;
        }
        setError(null);
        setAnswer(result.value);
        const needsFollowing =
          result.value.messages.some((message) => message.fates.length > 0) ||
          result.value.calendarFiles.some((file) => file.canUpdate);
        if (hasChangedHere && needsFollowing) setIsDialogOpen(true);
      });
    return () => {
      isCurrent = false;
    };
  }, [event.id, event.sequence, event.updatedAtUtc, outboxTick]);

  const messages = answer?.eventId === event.id ? answer.messages : [];
  const files = answer?.eventId === event.id ? answer.calendarFiles : [];
  const stale = messages.filter((message) => message.fates.length > 0);
  const staleFiles = files.filter((file) => file.canUpdate);
  const filesByMessage = new Map(files.map((file) => [file.messageItemId, file]));
  if (messages.length === 0 && error === null) return null;
  return (
    <>
      <h3>In Slack</h3>
      {answer && !answer.isCheckedWithSlack ? (
        <p className="muted">Slack cannot be reached: this is what Herald last knew.</p>
      ) : null}
      <ul className="comm-list" aria-label="This event’s messages in Slack">
        {messages.map((message) => (
          <li
            key={message.outboxItemId}
            className="comm-row"
            data-testid="slack-message"
            data-state={message.state}
            data-stale={message.isStale ? 'true' : 'false'}
          >
            <div className="comm-main">
              <strong>{stageName(message)}</strong>
              <span>#{message.channel}</span>
              <span>{whereItIs(message, zone)}</span>
              {message.isStale ? (
                <span className="warning-text">
                  <span aria-hidden="true">⚠ </span>No longer matches the event
                </span>
              ) : null}
            </div>
            <p className="comm-draft">{message.excerpt}</p>
            {filesByMessage.has(message.outboxItemId) ? (
              <CalendarFileLine view={filesByMessage.get(message.outboxItemId)!} zone={zone} />
            ) : null}
          </li>
        ))}
      </ul>
      {stale.length > 0 || staleFiles.length > 0 ? (
        <div className="row">
          <button type="button" onClick={() => setIsDialogOpen(true)}>
            {stale.length > 0
              ? `Update ${stale.length === 1 ? 'the message' : `${stale.length} messages`} in Slack…`
              : 'Send the calendar file to Slack…'}
          </button>
        </div>
      ) : null}
      <ErrorAlert error={error} />
      {isDialogOpen && (stale.length > 0 || staleFiles.length > 0) ? (
        <FollowDialog
          detail={detail}
          messages={stale}
          files={staleFiles}
          onClose={() => setIsDialogOpen(false)}
          onDone={(next) => {
            setAnswer(next);
            setIsDialogOpen(false);
            void refreshDetail();
          }}
        />
      ) : null}
    </>
  );
}

/** The calendar file in a message's thread: which version, where it has got to, and whether it still holds. */
function CalendarFileLine({ view, zone }: { view: CalendarFileView; zone: string }) {
  return (
    <p
      className="calendar-file-line"
      data-testid="calendar-file"
      data-current={view.isCurrent ? 'true' : 'false'}
    >
      Calendar file{view.file ? ' ' : ''}
      {view.file ? <strong>{view.file.name}</strong> : null}:{' '}
      {view.file?.state === 'sent' && view.file.permalink ? (
        <a href={view.file.permalink} target="_blank" rel="noreferrer">
          {fileState(view, zone)}
        </a>
      ) : (
        fileState(view, zone)
      )}
      {!view.isCurrent && view.file !== null ? (
        <span className="warning-text">
          {' '}
          <span aria-hidden="true">⚠ </span>No longer matches the event
        </span>
      ) : null}
    </p>
  );
}
