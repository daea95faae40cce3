// One day beside the grid: everything on it, each a button, including the
// recurring duties with their digest draft. Enter on a day in the grid
// opens this, so every item is reachable from the keyboard.
import { useMemo } from 'react';
import { bucketByDay, type GridDay } from '../../../shared/calendar/calendar-grid.ts';
import { fullDateLabel } from '../../../shared/time/calendar-names.ts';
import { statusLabels } from '../../../shared/calendar/event-vocabulary.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { commStateLabels, commVerbs, dutyMovedNote } from './calendar-labels.ts';
import type { VisibleItems } from './calendar-store.ts';
import { shortTime } from './wall-time.ts';

interface DayPanelProps {
  day: GridDay;
  items: VisibleItems;
  zone: string;
  onSelectEvent: (id: string) => void;
  onNewEvent: () => void;
}

export function DayPanel({ day, items, zone, onSelectEvent, onNewEvent }: DayPanelProps) {
  const openCompose = useNavigation((state) => state.openCompose);
  const onDay = useMemo(
    () => ({
      events: bucketByDay(
        [day],
        items.events,
        (event) => Date.parse(event.startsAtUtc),
        (event) => Date.parse(event.endsAtUtc),
      )[0]!,
      comms: bucketByDay([day], items.comms, (comm) => Date.parse(comm.sentAtUtc ?? comm.dueAtUtc ?? ''))[0]!,
      duties: bucketByDay([day], items.duties, (duty) => Date.parse(duty.dueAtUtc))[0]!,
    }),
    [day, items],
  );
  const isEmpty = onDay.events.length + onDay.comms.length + onDay.duties.length === 0;
  return (
    <section className="calendar-panel day-panel" aria-labelledby="day-panel-heading">
      <h2 id="day-panel-heading">{fullDateLabel(day)}</h2>
      {isEmpty ? <p className="muted">Nothing planned, due or recurring on this day.</p> : null}
      {onDay.events.length > 0 ? (
        <>
          <h3>Maintenance</h3>
          <ul className="panel-list">
            {onDay.events.map((event) => (
              <li key={event.id}>
                <button
                  type="button"
                  className={`agenda-item status-${event.status}`}
                  onClick={() => onSelectEvent(event.id)}
                >
                  <span className="chip-time">{shortTime(event.startsAtUtc, zone)}</span> {event.title}{' '}
                  <span className="chip-status">{statusLabels[event.status]}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onDay.comms.length > 0 ? (
        <>
          <h3>Messages due</h3>
          <ul className="panel-list">
            {onDay.comms.map((comm) => (
              <li key={`${comm.eventId}:${comm.stage}`}>
                <button
                  type="button"
                  className={`agenda-item due-${comm.state}`}
                  onClick={() => onSelectEvent(comm.eventId)}
                >
                  <span className="chip-time">{shortTime(comm.sentAtUtc ?? comm.dueAtUtc ?? '', zone)}</span>{' '}
                  {commVerbs[comm.stage]}: {comm.eventTitle}{' '}
                  <span className="chip-status">{commStateLabels[comm.state]}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onDay.duties.length > 0 ? (
        <>
          <h3>Duties</h3>
          <ul className="panel-list">
            {onDay.duties.map((duty) => (
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
