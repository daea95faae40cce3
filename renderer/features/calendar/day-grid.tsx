// The month and week grids: one ARIA grid of days with a roving focus. Arrow
// keys move a day or a week, Home and End go to the week's ends, Page Up and
// Page Down move a month, and Enter or Space opens the day beside the grid.
// In the month view each day shows its first few items and how many more.
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { bucketByDay, type DateKey, type GridDay } from '../../../shared/calendar/calendar-grid.ts';
import type { DueComm, DutyView, EventView } from '../../../shared/calendar/calendar-views.ts';
import { fullDateLabel, WEEKDAY_FULL_NAMES, WEEKDAY_NAMES } from '../../../shared/time/calendar-names.ts';
import { statusLabels } from '../../../shared/calendar/event-vocabulary.ts';
import { commStateLabels, commVerbs } from './calendar-labels.ts';
import type { VisibleItems } from './calendar-store.ts';
import { shortTime } from './wall-time.ts';

/** Items a month cell shows before "+N more". */
const MONTH_CELL_ITEMS = 3;

interface DayItems {
  events: EventView[];
  comms: DueComm[];
  duties: DutyView[];
}

export interface DayGridProps {
  label: string;
  weeks: readonly (readonly GridDay[])[];
  items: VisibleItems;
  zone: string;
  cursor: DateKey;
  today: DateKey | null;
  selectedDay: DateKey | null;
  isCompact: boolean;
  onMove: (days: number) => void;
  onMoveMonths: (months: number) => void;
  onSelectDay: (key: DateKey) => void;
  onSelectEvent: (id: string) => void;
}

function useDayItems(days: readonly GridDay[], items: VisibleItems): DayItems[] {
  return useMemo(() => {
    const events = bucketByDay(
      days,
      items.events,
      (event) => Date.parse(event.startsAtUtc),
      (event) => Date.parse(event.endsAtUtc),
    );
    // A sent message sits on the day it went out; the rest on the day they fall due.
    const comms = bucketByDay(days, items.comms, (comm) => Date.parse(comm.sentAtUtc ?? comm.dueAtUtc ?? ''));
    const duties = bucketByDay(days, items.duties, (duty) => Date.parse(duty.dueAtUtc));
    return days.map((_, index) => ({ events: events[index]!, comms: comms[index]!, duties: duties[index]! }));
  }, [days, items]);
}

function EventChip({
  event,
  zone,
  onSelect,
}: {
  event: EventView;
  zone: string;
  onSelect: (id: string) => void;
}) {
  const isFlagged = event.overlapsWith.length > 0 || event.freezeIds.length > 0;
  return (
    <li>
      <button
        type="button"
        tabIndex={-1}
        className={`chip status-${event.status}`}
        onClick={(click) => {
          click.stopPropagation();
          onSelect(event.id);
        }}
      >
        <span className="chip-line chip-status">
          {statusLabels[event.status]}
          {isFlagged ? (
            <span className="chip-flag"> · {event.overlapsWith.length > 0 ? 'Overlaps' : 'In freeze'}</span>
          ) : null}
        </span>{' '}
        <span className="chip-title">
          <span className="chip-time">{shortTime(event.startsAtUtc, zone)}</span> {event.title}
        </span>
      </button>
    </li>
  );
}

function CommChip({ comm, zone, onSelect }: { comm: DueComm; zone: string; onSelect: (id: string) => void }) {
  return (
    <li>
      <button
        type="button"
        tabIndex={-1}
        className={`due-chip due-${comm.state}`}
        onClick={(click) => {
          click.stopPropagation();
          onSelect(comm.eventId);
        }}
      >
        <span className="chip-line">
          {commVerbs[comm.stage]}
          {comm.state === 'upcoming' ? null : (
            <span className="chip-status"> · {commStateLabels[comm.state]}</span>
          )}
        </span>{' '}
        <span className="chip-title">
          <span className="chip-time">{shortTime(comm.sentAtUtc ?? comm.dueAtUtc ?? '', zone)}</span>{' '}
          {comm.eventTitle}
        </span>
      </button>
    </li>
  );
}

function DutyChip({ duty, zone }: { duty: DutyView; zone: string }) {
  return (
    <li className="duty-chip">
      <span className="chip-line">Duty</span>{' '}
      <span className="chip-title">
        <span className="chip-time">{shortTime(duty.dueAtUtc, zone)}</span> {duty.name}
      </span>
    </li>
  );
}

interface CellProps {
  day: GridDay;
  items: DayItems;
  zone: string;
  isFocusTarget: boolean;
  isToday: boolean;
  isSelected: boolean;
  isCompact: boolean;
  onSelectDay: (key: DateKey) => void;
  onSelectEvent: (id: string) => void;
}

const DayCell = memo(function DayCell({
  day,
  items,
  zone,
  isFocusTarget,
  isToday,
  isSelected,
  isCompact,
  onSelectDay,
  onSelectEvent,
}: CellProps) {
  const total = items.events.length + items.comms.length + items.duties.length;
  const limit = isCompact ? MONTH_CELL_ITEMS : Number.POSITIVE_INFINITY;
  const events = items.events.slice(0, limit);
  const comms = items.comms.slice(0, Math.max(0, limit - events.length));
  const duties = items.duties.slice(0, Math.max(0, limit - events.length - comms.length));
  const hidden = total - events.length - comms.length - duties.length;
  const classes = [
    'day-cell',
    day.isInMonth ? '' : 'is-outside',
    isToday ? 'is-today' : '',
    isSelected ? 'is-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="gridcell"
      className={classes}
      data-date={day.key}
      tabIndex={isFocusTarget ? 0 : -1}
      aria-selected={isSelected}
      aria-current={isToday ? 'date' : undefined}
      onClick={() => onSelectDay(day.key)}
    >
      <div className="day-head">
        <span className="day-number" aria-hidden="true">
          {day.day}
        </span>
        <span className="visually-hidden">{fullDateLabel(day)}</span>
        {isToday ? <span className="today-label">Today</span> : null}
      </div>
      {total > 0 ? (
        <ul className="day-items">
          {events.map((event) => (
            <EventChip key={event.id} event={event} zone={zone} onSelect={onSelectEvent} />
          ))}
          {comms.map((comm) => (
            <CommChip
              key={`${comm.eventId}:${comm.stage}`}
              comm={comm}
              zone={zone}
              onSelect={onSelectEvent}
            />
          ))}
          {duties.map((duty) => (
            <DutyChip key={duty.dutyId} duty={duty} zone={zone} />
          ))}
          {hidden > 0 ? <li className="more-items">+{hidden} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
});

const KEY_STEPS: Readonly<Record<string, number>> = {
  ArrowLeft: -1,
  ArrowRight: 1,
  ArrowUp: -7,
  ArrowDown: 7,
};

export function DayGrid(props: DayGridProps) {
  const {
    weeks,
    items,
    zone,
    cursor,
    today,
    selectedDay,
    isCompact,
    onMove,
    onMoveMonths,
    onSelectDay,
    onSelectEvent,
  } = props;
  const days = useMemo(() => weeks.flat(), [weeks]);
  const dayItems = useDayItems(days, items);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const hasFocus = useRef(false);
  // The cursor may sit outside the grid for a moment (a month change in flight); focus the first day then.
  const focusKey = days.some((day) => day.key === cursor) ? cursor : days.find((day) => day.isInMonth)?.key;

  useEffect(() => {
    if (!hasFocus.current || !focusKey) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-date="${focusKey}"]`)?.focus();
  }, [focusKey]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const position = days.findIndex((day) => day.key === cursor) % 7;
    const step =
      KEY_STEPS[event.key] ??
      (event.key === 'Home'
        ? -Math.max(0, position)
        : event.key === 'End'
          ? 6 - Math.max(0, position)
          : undefined);
    if (step !== undefined) {
      event.preventDefault();
      onMove(step);
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      event.preventDefault();
      onMoveMonths(event.key === 'PageUp' ? -1 : 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelectDay(cursor);
    }
  }

  const firstWeek = weeks[0] ?? [];
  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={props.label}
      aria-readonly="true"
      className={`day-grid ${isCompact ? 'is-month' : 'is-week'}`}
      onKeyDown={onKeyDown}
      onFocus={() => (hasFocus.current = true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) hasFocus.current = false;
      }}
    >
      <div role="row" className="day-grid-head">
        {firstWeek.map((day) => (
          <div
            role="columnheader"
            key={day.weekday}
            className="weekday"
            aria-label={WEEKDAY_FULL_NAMES[day.weekday]}
          >
            {WEEKDAY_NAMES[day.weekday]}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div role="row" className="day-grid-row" key={week[0]?.key}>
          {week.map((day) => {
            const index = days.indexOf(day);
            return (
              <DayCell
                key={day.key}
                day={day}
                items={dayItems[index]!}
                zone={zone}
                isFocusTarget={day.key === focusKey}
                isToday={day.key === today}
                isSelected={day.key === selectedDay}
                isCompact={isCompact}
                onSelectDay={onSelectDay}
                onSelectEvent={onSelectEvent}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
}
