// One day beside the grid: everything on it, grouped as the grid groups it —
// each event with the messages it is owed that day listed under it, other
// events' messages under their event's name, and the recurring duties with
// their digest draft. Enter on a day in the grid opens this, so every item
// is reachable from the keyboard (one button per event, not per message).
import type { GridDay } from '../../../shared/calendar/calendar-grid.ts';
import type { DueComm } from '../../../shared/calendar/calendar-views.ts';
import { statusLabels } from '../../../shared/calendar/event-vocabulary.ts';
import { fullDateLabel } from '../../../shared/time/calendar-names.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { commStateLabels, commVerbs, dutyMovedNote } from './calendar-labels.ts';
import { commInstant, type CommsEntry, type DayEntry, type EventEntry } from './day-entries.ts';
import { shortTime } from './wall-time.ts';
import { OwnerTag, ownedComm, ownerOf, useOwnerWords } from './event-owner.tsx';

interface DayPanelProps {
  day: GridDay;
  /** The day's entries as the grid groups them (day-entries.ts): each event with its messages folded under it. */
  entries: readonly DayEntry[];
  zone: string;
  onSelectEvent: (id: string) => void;
  onNewEvent: () => void;
}

/** One event's messages that day, each with its time and state, under the event they belong to. */
function CommLines({ comms, zone, label }: { comms: readonly DueComm[]; zone: string; label: string }) {
  return (
    <ul className="panel-comms" aria-label={label}>
      {comms.map((comm) => (
        <li key={`${comm.eventId}:${comm.stage}`} className={`panel-comm due-${comm.state}`}>
          <span className="chip-time">{shortTime(commInstant(comm), zone)}</span> {commVerbs[comm.stage]}{' '}
          <span className="chip-status">{commStateLabels[comm.state]}</span>
        </li>
      ))}
    </ul>
  );
}

export function DayPanel({ day, entries, zone, onSelectEvent, onNewEvent }: DayPanelProps) {
  const openCompose = useNavigation((state) => state.openCompose);
  const events = entries.filter((entry): entry is EventEntry => entry.kind === 'event');
  const others = entries.filter((entry): entry is CommsEntry => entry.kind === 'comms');
  const duties = entries.flatMap((entry) => (entry.kind === 'duty' ? [entry.duty] : []));
  const owners = useOwnerWords();
  return (
    <section className="calendar-panel day-panel" aria-labelledby="day-panel-heading">
      <h2 id="day-panel-heading">{fullDateLabel(day)}</h2>
      {entries.length === 0 ? <p className="muted">Nothing planned, due or recurring on this day.</p> : null}
      {events.length > 0 ? (
        <>
          <h3>Maintenance</h3>
          <ul className="panel-list">
            {events.map(({ key, event, comms }) => (
              <li key={key}>
                <button
                  type="button"
                  className={`agenda-item status-${event.status}${ownerOf(event, owners).isTheirs ? ' is-theirs' : ''}`}
                  onClick={() => onSelectEvent(event.id)}
                >
                  <span className="chip-time">{shortTime(event.startsAtUtc, zone)}</span> {event.title}{' '}
                  <span className="chip-status">{statusLabels[event.status]}</span>{' '}
                  <OwnerTag event={event} words={owners} />
                </button>
                {comms.length > 0 ? (
                  <CommLines comms={comms} zone={zone} label={`Messages for ${event.title} this day`} />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3>Messages due for work on other days</h3>
          <ul className="panel-list">
            {others.map(({ key, eventId, eventTitle, comms }) => (
              <li key={key}>
                <button
                  type="button"
                  className={`agenda-item panel-comms-event${ownerOf(ownedComm(comms[0]!), owners).isTheirs ? ' is-theirs' : ''}`}
                  onClick={() => onSelectEvent(eventId)}
                >
                  {eventTitle} <OwnerTag event={ownedComm(comms[0]!)} words={owners} />
                </button>
                <CommLines comms={comms} zone={zone} label={`Messages for ${eventTitle} this day`} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {duties.length > 0 ? (
        <>
          <h3>Duties</h3>
          <ul className="panel-list">
            {duties.map((duty) => (
              <li key={duty.dutyId} className="duty-row">
                <span>
                  <span className="chip-time">{shortTime(duty.dueAtUtc, zone)}</span> {duty.name}{' '}
                  <span className="muted">({duty.audience})</span>
                  {duty.movedFrom ? <span className="duty-moved">, {dutyMovedNote(duty)}</span> : null}
                </span>
                <button type="button" onClick={() => openCompose({ kind: 'duty', dutyId: duty.dutyId })}>
                  {duty.draftId ? 'Open digest draft' : 'Draft the digest'}
                  <span className="visually-hidden"> — {duty.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="row">
        <button type="button" onClick={onNewEvent}>
          Plan maintenance on this day
        </button>
      </div>
    </section>
  );
}
