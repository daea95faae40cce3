// The agenda: the month's days that have something on, in order, each with
// its events, messages due and duties as buttons that open them.
import { useMemo } from 'react';
import { bucketByDay, type DateKey, type GridDay } from '../../../shared/calendar/calendar-grid.ts';
import { MONTH_FULL_NAMES, WEEKDAY_FULL_NAMES } from '../../../shared/time/calendar-names.ts';
import { statusLabels } from '../../../shared/calendar/event-vocabulary.ts';
import { commStateLabels, commVerbs, dutyMovedNote } from './calendar-labels.ts';
import type { VisibleItems } from './calendar-store.ts';
import { OwnerTag, ownedComm, ownerOf, useOwnerWords } from './event-owner.tsx';
import { shortTime } from './wall-time.ts';

interface AgendaProps {
  days: readonly GridDay[];
  items: VisibleItems;
  zone: string;
  today: DateKey | null;
  onSelectDay: (key: DateKey) => void;
  onSelectEvent: (id: string) => void;
}

export function AgendaView({ days, items, zone, today, onSelectDay, onSelectEvent }: AgendaProps) {
  const inMonth = useMemo(() => days.filter((day) => day.isInMonth), [days]);
  const owners = useOwnerWords();
  const buckets = useMemo(
    () => ({
      // An event is listed on the day it starts (or the month's first day, if it started before).
      events: bucketByDay(inMonth, items.events, (event) =>
        Math.max(Date.parse(event.startsAtUtc), inMonth[0]?.startMs ?? 0),
      ),
      comms: bucketByDay(inMonth, items.comms, (comm) => Date.parse(comm.sentAtUtc ?? comm.dueAtUtc ?? '')),
      duties: bucketByDay(inMonth, items.duties, (duty) => Date.parse(duty.dueAtUtc)),
    }),
    [inMonth, items],
  );
  const busyDays = inMonth
    .map((day, index) => ({ day, index }))
    .filter(
      ({ index }) =>
        buckets.events[index]!.length + buckets.comms[index]!.length + buckets.duties[index]!.length > 0,
    );

  if (busyDays.length === 0)
    return <p className="agenda-empty">Nothing is planned this month, and no messages or duties fall due.</p>;
  return (
    <div className="agenda">
      {busyDays.map(({ day, index }) => (
        <section key={day.key} className="agenda-day" aria-labelledby={`agenda-${day.key}`}>
          <h3 id={`agenda-${day.key}`}>
            <button type="button" className="link-button" onClick={() => onSelectDay(day.key)}>
              {`${WEEKDAY_FULL_NAMES[day.weekday]} ${day.day} ${MONTH_FULL_NAMES[day.month - 1]}`}
            </button>
            {day.key === today ? <span className="today-label">Today</span> : null}
          </h3>
          <ul className="agenda-items">
            {buckets.events[index]!.map((event) => (
              <li key={event.id}>
                <button
                  type="button"
                  className={`agenda-item status-${event.status}${ownerOf(event, owners).isTheirs ? ' is-theirs' : ''}`}
                  onClick={() => onSelectEvent(event.id)}
                >
                  <span className="chip-time">{shortTime(event.startsAtUtc, zone)}</span> {event.title}{' '}
                  <span className="chip-status">{statusLabels[event.status]}</span>{' '}
                  <OwnerTag event={event} words={owners} />
                  {event.overlapsWith.length > 0 ? (
                    <span className="chip-flag"> · Overlaps other work</span>
                  ) : null}
                  {event.freezeIds.length > 0 ? (
                    <span className="chip-flag"> · In a change freeze</span>
                  ) : null}
                </button>
              </li>
            ))}
            {buckets.comms[index]!.map((comm) => (
              <li key={`${comm.eventId}:${comm.stage}`}>
                <button
                  type="button"
                  className={`agenda-item due-${comm.state}${ownerOf(ownedComm(comm), owners).isTheirs ? ' is-theirs' : ''}`}
                  onClick={() => onSelectEvent(comm.eventId)}
                >
                  <span className="chip-time">{shortTime(comm.sentAtUtc ?? comm.dueAtUtc ?? '', zone)}</span>{' '}
                  {commVerbs[comm.stage]}: {comm.eventTitle}{' '}
                  <span className="chip-status">{commStateLabels[comm.state]}</span>{' '}
                  <OwnerTag event={ownedComm(comm)} words={owners} />
                </button>
              </li>
            ))}
            {buckets.duties[index]!.map((duty) => (
              <li key={duty.dutyId}>
                <button type="button" className="agenda-item duty-item" onClick={() => onSelectDay(day.key)}>
                  <span className="chip-time">{shortTime(duty.dueAtUtc, zone)}</span> Duty: {duty.name}
                  {duty.movedFrom ? `, ${dutyMovedNote(duty)}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
