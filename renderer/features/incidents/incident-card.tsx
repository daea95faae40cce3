// One incident: what it is, where it is posted, the next promised update
// (and whether it is overdue, in words), the reminder armed for it, its
// timeline, and the next messages it may need.
import { useId } from 'react';
import type { Incident } from '../../../shared/incidents/incident.ts';
import { currentIncidentName } from '../../../shared/incidents/incident-name.ts';
import {
  atName,
  commsOwnerText,
  isTheirs,
  unnamedLeadNote,
} from '../../../shared/team-sync/owner-wording.ts';
import { formatInstant, formatRelative, formatTimeOfDay } from '../../../shared/time/index.ts';
import { isAwaitingPost, nextUpdateLine, reminderLine, timelineLabels } from './incident-timing.ts';
import { useReminders } from '../notifications/reminders-store.ts';
import { useIncidents, type NextMessageKind } from './incidents-store.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { usePeople } from '../../server-state/people-store.ts';
import { useSettings, useUserZone } from '../../server-state/settings-store.ts';
import { useComposer } from '../composer/composer-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { EditInSlackButton } from '../composer/edit-in-slack-button.tsx';

const OPEN_ACTIONS: ReadonlyArray<{ kind: NextMessageKind; label: string }> = [
  { kind: 'update', label: 'Post update' },
  { kind: 'holding', label: 'Post holding update' },
  { kind: 'resolved', label: 'Resolve' },
];

function Timeline({
  incident,
  name,
  zone,
  nowMs,
  me,
}: {
  incident: Incident;
  name: string;
  zone: string;
  nowMs: number;
  /** This Herald's lead: their own messages can be corrected from here. */
  me: string;
}) {
  return (
    <ol className="incident-timeline" aria-label={`Timeline of ${name}`}>
      {incident.timeline.map((entry) => {
        const atMs = Date.parse(entry.atUtc);
        return (
          <li key={`${entry.outboxItemId}-${entry.kind}`} className={`timeline-entry timeline-${entry.kind}`}>
            <time dateTime={entry.atUtc} title={formatInstant(atMs, zone)}>
              {formatTimeOfDay(atMs, zone)}
            </time>{' '}
            <strong>{timelineLabels[entry.kind]}</strong> — {entry.summary}
            {entry.isBroadcast ? ' (also posted to the channel)' : ''}
            {entry.nextUpdateAtUtc
              ? entry.kind === 'declared' && isAwaitingPost(incident)
                ? ` · promises the next update ${formatRelative(Date.parse(entry.nextUpdateAtUtc), atMs)} after it is posted`
                : ` · promised the next update for ${formatTimeOfDay(Date.parse(entry.nextUpdateAtUtc), zone)}`
              : ''}
            <span className="visually-hidden"> ({formatRelative(atMs, nowMs)})</span>
            {entry.by === me && entry.kind !== 'handover' ? (
              <>
                {' '}
                <EditInSlackButton
                  messageId={entry.outboxItemId}
                  label={`Edit in Slack: ${timelineLabels[entry.kind]} sent ${formatTimeOfDay(atMs, zone)}`}
                />
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export function IncidentCard({
  incident,
  nowMs,
  isLinked = false,
}: {
  incident: Incident;
  nowMs: number;
  /** An "Open in Herald" link asked for this incident: it is outlined, scrolled into view and focused. */
  isLinked?: boolean;
}) {
  const headingId = useId();
  const zone = useUserZone();
  const reminders = useReminders((state) => state.reminders);
  const draftingFor = useIncidents((state) => state.draftingFor);
  const actionError = useIncidents((state) =>
    state.actionError?.incidentId === incident.id ? state.actionError.message : null,
  );
  const draftNext = useIncidents((state) => state.draftNext);
  const takeOver = useIncidents((state) => state.takeOver);
  const people = usePeople((state) => state.names);
  const me = useSettings((state) => state.settings?.lead?.userId ?? '');
  const ownerText = commsOwnerText(incident.owner, me, people);
  const isMine = !isTheirs(incident.owner, me);
  const noLeadNote =
    incident.state === 'open' ? unnamedLeadNote(incident.owner, me, people, 'incident') : null;
  const next = nextUpdateLine(incident, nowMs, zone);
  const name = currentIncidentName(incident);
  /** Drafts the next message, then opens it in the composer. */
  const openNext = async (kind: NextMessageKind) => {
    const drafted = await draftNext(incident.id, kind);
    if (!drafted) return;
    // A holding update is complete as drafted: Send has the focus, so one key sends it.
    await useComposer.getState().openStored(drafted, { restoreFocus: true, focusSend: kind === 'holding' });
    useNavigation.getState().go('compose');
  };
  const reminder = incident.state === 'open' ? reminderLine(reminders, incident.id, zone, nowMs) : null;
  const isBusy = draftingFor === incident.id;
  const declaredMs = Date.parse(incident.declaredAtUtc);
  const actions =
    incident.state === 'open'
      ? OPEN_ACTIONS
      : [
          {
            kind: 'postmortem' as const,
            label: incident.postmortemUrl ? 'Post another postmortem link' : 'Attach postmortem',
          },
        ];

  return (
    <article
      className={`card incident-card ${next.isOverdue ? 'incident-is-overdue' : ''} ${isLinked ? 'incident-is-linked' : ''}`}
      aria-labelledby={headingId}
      data-testid="incident"
      data-incident-id={incident.id}
      data-linked={isLinked ? 'true' : undefined}
      tabIndex={isLinked ? -1 : undefined}
    >
      <h3 id={headingId}>{name}</h3>
      <p className="muted">
        {incident.state === 'open' ? 'Open' : 'Resolved'} · {incident.service || 'Service not named'} · #
        {incident.channel} · declared {formatInstant(declaredMs, zone)} ({formatRelative(declaredMs, nowMs)})
        {incident.threadTs ? '' : ' · declaration not in Slack yet'}
      </p>
      <p className={next.isOverdue ? 'incident-overdue' : 'incident-next'} data-testid="incident-next-update">
        {next.isOverdue ? (
          <span className="overdue-badge" aria-hidden="true">
            ⚠
          </span>
        ) : null}{' '}
        {next.text}
      </p>
      {ownerText === null ? null : (
        <p className="incident-owner" data-testid="incident-owner">
          {ownerText}
        </p>
      )}
      {noLeadNote === null ? null : (
        <p className="muted" data-testid="incident-no-lead">
          {noLeadNote}
        </p>
      )}
      {incident.ownershipNotice ? (
        <p role="status" className="field-error" data-testid="incident-ownership-notice">
          {incident.ownershipNotice.replace(/<@([A-Z0-9]+)>/g, (_, id: string) => atName(id, people))}
        </p>
      ) : null}
      {reminder ? (
        <p className="incident-reminder" data-testid="incident-reminder">
          {reminder}
        </p>
      ) : null}
      {incident.postmortemUrl ? (
        <p>
          Postmortem:{' '}
          <a href={incident.postmortemUrl} target="_blank" rel="noreferrer noopener">
            {incident.postmortemUrl}
          </a>
        </p>
      ) : null}
      <Timeline incident={incident} name={name} zone={zone} nowMs={nowMs} me={me} />
      <ErrorAlert error={actionError} />
      <div className="row" role="group" aria-label={`Next message for ${name}`}>
        {incident.state === 'open' && !isMine ? (
          <button
            type="button"
            className="primary"
            disabled={isBusy}
            onClick={() => void takeOver(incident.id)}
          >
            Take over comms
          </button>
        ) : null}
        {actions.map((action, index) => (
          <button
            key={action.kind}
            type="button"
            className={index === 0 && isMine ? 'primary' : undefined}
            disabled={isBusy}
            onClick={() => void openNext(action.kind)}
          >
            {action.label}
          </button>
        ))}
      </div>
    </article>
  );
}
