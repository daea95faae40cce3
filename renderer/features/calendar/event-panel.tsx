// One event beside the grid: its facts, its clashes in plain words, each of
// its messages (when due, whether sent, its reminder, its draft) with the
// actions for each, and the event's own actions.
import type { Result } from '../../../shared/api/result.ts';
import { useState } from 'react';
import type { CommDetail, EventDetail } from '../../../shared/calendar/calendar-views.ts';
import { commStageLabels } from '../../../shared/calendar/comm-stages.ts';
import { canCancel, canReschedule, isFinished } from '../../../shared/calendar/event-vocabulary.ts';
import { workKindLabels } from '../../../shared/calendar/event-vocabulary.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { commStateLabels, reminderStateLabels } from './calendar-labels.ts';
import { useCalendar } from './calendar-store.ts';
import { downloadText } from './download.ts';
import { SlackMessagesSection } from './slack-messages.tsx';
import { StatusBadge } from './status-badge.tsx';
import { describeWindow, longInstant } from './wall-time.ts';
import { ownerOf, useOwnerWords } from './event-owner.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { atName, unnamedLeadNote } from '../../../shared/team-sync/owner-wording.ts';
import { herald } from '../../api/herald.ts';

export type EventDialog = { kind: 'edit' | 'reschedule' | 'cancel'; detail: EventDetail };

function CommRow({
  comm,
  zone,
  isBusy,
  theirs,
  onMark,
}: {
  comm: CommDetail;
  zone: string;
  isBusy: boolean;
  /** "@Priya (comms)" when another lead has comms for the event: drafting or marking it here would double theirs. */
  theirs: string | null;
  onMark: (comm: CommDetail, isSent: boolean) => void;
}) {
  const label = commStageLabels[comm.stage];
  const openCompose = useNavigation((state) => state.openCompose);
  return (
    <li className={`comm-row due-${comm.state}`} data-stage={comm.stage}>
      <div className="comm-main">
        <strong>{label}</strong>
        <span>
          {comm.sentAtUtc
            ? `sent ${longInstant(comm.sentAtUtc, zone)}`
            : comm.dueAtUtc
              ? `due ${longInstant(comm.dueAtUtc, zone)}`
              : 'to send now'}
        </span>
        <span className="comm-state">{commStateLabels[comm.state]}</span>
        {comm.reminderState ? (
          <span className="comm-reminder">{reminderStateLabels[comm.reminderState]}</span>
        ) : null}
      </div>
      {comm.draft ? <p className="comm-draft">Draft: {comm.draft.title || 'Untitled'}</p> : null}
      {theirs !== null && comm.state !== 'sent' ? (
        <p className="muted comm-theirs" data-testid="comm-theirs">
          {theirs} will send it. To send it yourself, take over comms first.
        </p>
      ) : null}
      <div className="row comm-actions">
        {/* A draft of one's own stays reachable even when the event is another lead's: nothing typed is lost. */}
        {theirs === null || comm.draft ? (
          <button
            type="button"
            onClick={() =>
              openCompose({ kind: 'maintenance_comm', eventId: comm.eventId, stage: comm.stage })
            }
          >
            {comm.draft ? 'Open draft' : 'Draft it'}
            <span className="visually-hidden"> — {label}</span>
          </button>
        ) : null}
        {theirs === null ? (
          <button type="button" disabled={isBusy} onClick={() => onMark(comm, comm.state !== 'sent')}>
            {comm.state === 'sent' ? 'Not sent after all' : 'Mark as sent'}
            <span className="visually-hidden"> — {label}</span>
          </button>
        ) : null}
      </div>
    </li>
  );
}

export function EventPanel({
  detail,
  onOpenDialog,
}: {
  detail: EventDetail;
  onOpenDialog: (dialog: EventDialog) => void;
}) {
  const { event } = detail;
  const zone = useCalendar((state) => state.zone);
  const applyDetail = useCalendar((state) => state.applyDetail);
  const say = useCalendar((state) => state.say);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = useOwnerWords();
  const owner = ownerOf(event, words);
  /** "@Priya (comms)" while another lead has comms: only they change, cancel, draft or mark this event (main refuses). */
  const theirs = owner.isTheirs && !isFinished(event) ? atName(owner.owner, words.people) : null;
  const noLeadNote = isFinished(event)
    ? null
    : unnamedLeadNote(owner.owner, words.me, words.people, 'maintenance');

  async function act<T>(call: () => Promise<Result<T>>, done: (value: T) => void) {
    setIsBusy(true);
    setError(null);
    const result = await call();
    setIsBusy(false);
    if (result.ok) done(result.value);
    else setError(result.error.message);
  }

  const markSent = (comm: CommDetail, isSent: boolean) =>
    act(
      () => useCalendar.getState().markSent({ id: event.id, stage: comm.stage, isSent }),
      (next) =>
        applyDetail(
          next,
          isSent
            ? `${commStageLabels[comm.stage]} marked as sent.`
            : `${commStageLabels[comm.stage]} no longer marked as sent.`,
        ),
    );

  const takeOver = () =>
    act(
      async () => {
        const taken = await useCalendar.getState().takeOver(event.id);
        return taken.ok ? herald().invoke('calendar:get', { id: event.id }) : taken;
      },
      (next) =>
        applyDetail(next, 'You have comms for this maintenance now; the other leads hear of it in Slack.'),
    );

  return (
    <section className="calendar-panel event-panel" aria-labelledby="event-panel-heading">
      <div className="panel-head">
        <h2 id="event-panel-heading">{event.title}</h2>
        <StatusBadge status={event.status} />
      </div>
      {owner.text === null ? null : (
        <div className="row event-owner-row">
          <p className={`event-owner${owner.isTheirs ? ' is-theirs' : ''}`} data-testid="event-owner">
            {owner.text}
          </p>
          {owner.isTheirs && !isFinished(event) ? (
            <button type="button" disabled={isBusy} onClick={() => void takeOver()}>
              Take over comms
            </button>
          ) : null}
        </div>
      )}
      {noLeadNote === null ? null : (
        <p className="muted" data-testid="event-no-lead">
          {noLeadNote}
        </p>
      )}
      {event.handoverRefusedBy ? (
        <p className="warning-text" role="status">
          Another lead took over comms first (Slack&rsquo;s order decides):{' '}
          {atName(event.handoverRefusedBy, words.people)} has it, not you.
        </p>
      ) : null}
      <dl className="event-facts">
        <dt>When</dt>
        <dd>{describeWindow(event.startsAtUtc, event.endsAtUtc, zone)}</dd>
        {event.previousStartsAtUtc ? (
          <>
            <dt>Was planned for</dt>
            <dd>{longInstant(event.previousStartsAtUtc, zone)}</dd>
          </>
        ) : null}
        <dt>Kind of work</dt>
        <dd>{workKindLabels[event.workKind]}</dd>
        {event.services.length > 0 ? (
          <>
            <dt>Services</dt>
            <dd>{event.services.join(', ')}</dd>
          </>
        ) : null}
        {event.impact ? (
          <>
            <dt>Impact</dt>
            <dd>{event.impact}</dd>
          </>
        ) : null}
        {event.userActions ? (
          <>
            <dt>Users need to</dt>
            <dd>{event.userActions}</dd>
          </>
        ) : null}
        {event.userActionDeadlineUtc ? (
          <>
            <dt>By</dt>
            <dd>{longInstant(event.userActionDeadlineUtc, zone)}</dd>
          </>
        ) : null}
        {event.changeNotesUrl ? (
          <>
            <dt>Change notes</dt>
            <dd>
              <a href={event.changeNotesUrl} target="_blank" rel="noreferrer noopener">
                {event.changeNotesUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {detail.overlapTitles.length > 0 ? (
        <p className="warning-text">Overlaps with other work: {detail.overlapTitles.join(', ')}.</p>
      ) : null}
      {detail.freezeLabels.length > 0 ? (
        <p className="warning-text">Falls in a change freeze: {detail.freezeLabels.join(', ')}.</p>
      ) : null}

      <h3>Messages</h3>
      {detail.comms.length > 0 ? (
        <ul className="comm-list" aria-label="Messages for this event">
          {detail.comms.map((comm) => (
            <CommRow
              key={comm.stage}
              comm={comm}
              zone={zone}
              isBusy={isBusy}
              theirs={theirs}
              onMark={(target, isSent) => void markSent(target, isSent)}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">No messages are due for this event.</p>
      )}
      <SlackMessagesSection detail={detail} />
      <ErrorAlert error={error} />
      {theirs !== null ? (
        <p className="muted" data-testid="event-theirs">
          {theirs} has comms, so only they can change or cancel this maintenance and tell people. Take over
          comms to do it yourself.
        </p>
      ) : null}
      <div className="row panel-actions">
        {theirs === null ? (
          <>
            <button
              type="button"
              disabled={isFinished(event)}
              onClick={() => onOpenDialog({ kind: 'edit', detail })}
            >
              Edit
            </button>
            <button
              type="button"
              disabled={!canReschedule(event)}
              onClick={() => onOpenDialog({ kind: 'reschedule', detail })}
            >
              Reschedule
            </button>
          </>
        ) : null}
        <button
          type="button"
          disabled={isBusy}
          onClick={() =>
            void act(
              () => useCalendar.getState().duplicate(event.id),
              (copy) => applyDetail(copy, `Duplicated as “${copy.event.title}”.`),
            )
          }
        >
          Duplicate
        </button>
        <button
          type="button"
          disabled={isBusy}
          onClick={() =>
            void act(
              () => useCalendar.getState().exportIcs(event.id),
              (file) => {
                downloadText(file.fileName, file.ics);
                say(`Saved ${file.fileName} for calendar apps.`);
              },
            )
          }
        >
          Export .ics
        </button>
        {theirs === null ? (
          <button
            type="button"
            className="danger"
            disabled={!canCancel(event)}
            onClick={() => onOpenDialog({ kind: 'cancel', detail })}
          >
            Cancel event
          </button>
        ) : null}
      </div>
    </section>
  );
}
