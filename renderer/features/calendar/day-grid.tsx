// The month and week grids: one ARIA grid of days with a roving focus (one Tab
// stop). Arrow keys move a day or a week, Home and End go to the week's ends,
// Page Up and Page Down move a month, and Enter or Space opens the day beside
// the grid. Each day shows entries (an event with its messages that day folded
// under it; another event's messages grouped; duties): a month cell its first
// few and how many more, a week cell more of them. Titles wrap in the cell and
// show in full on hover and while the day has focus.
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { DateKey, GridDay } from '../../../shared/calendar/calendar-grid.ts';
import type { CommState, DueComm, DutyView } from '../../../shared/calendar/calendar-views.ts';
import { fullDateLabel, WEEKDAY_FULL_NAMES, WEEKDAY_NAMES } from '../../../shared/time/calendar-names.ts';
import { statusLabels } from '../../../shared/calendar/event-vocabulary.ts';
import { commStateLabels, commVerbs, dutyMovedNote } from './calendar-labels.ts';
import {
  commInstant,
  entriesOf,
  type CommsEntry,
  type DayEntry,
  type EntriesByDay,
  type EventEntry,
} from './day-entries.ts';
import { shortTime } from './wall-time.ts';
import { OwnerTag, ownedComm, ownerOf, useOwnerWords, type OwnerWords } from './event-owner.tsx';

/** Entries a month cell shows before "+N more". */
const MONTH_CELL_ENTRIES = 3;
/** Entries a week cell shows: a busy day's full list is in the day panel (Enter), not a thousand chips at once. */
const WEEK_CELL_ENTRIES = 12;

export interface DayGridProps {
  label: string;
  weeks: readonly (readonly GridDay[])[];
  /** Every day's entries, for the whole month grid (the week view reads its seven days from it). */
  entries: EntriesByDay;
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

/** "Announce · Sent": a message's verb, and its state unless it is simply scheduled. */
function commLabel(comm: DueComm): string {
  return comm.state === 'upcoming'
    ? commVerbs[comm.stage]!
    : `${commVerbs[comm.stage]} · ${commStateLabels[comm.state]}`;
}

/** "Start 12:00, Complete 17:00": several messages, each with its time. */
const commsText = (comms: readonly DueComm[], zone: string) =>
  comms.map((comm) => `${commLabel(comm)} ${shortTime(commInstant(comm), zone)}`).join(', ');

/** The most pressing state among one event's messages that day styles its entry (the words say each). */
const STATE_URGENCY: readonly CommState[] = ['overdue', 'ready', 'upcoming', 'sent'];
const mostPressing = (comms: readonly DueComm[]): CommState =>
  STATE_URGENCY.find((state) => comms.some((comm) => comm.state === state)) ?? 'upcoming';

function EventChip({
  entry,
  zone,
  owners,
  onSelect,
}: {
  entry: EventEntry;
  zone: string;
  owners: OwnerWords;
  onSelect: (id: string) => void;
}) {
  const { event, comms } = entry;
  const isFlagged = event.overlapsWith.length > 0 || event.freezeIds.length > 0;
  const time = shortTime(event.startsAtUtc, zone);
  const owner = ownerOf(event, owners);
  return (
    <li>
      <button
        type="button"
        tabIndex={-1}
        className={`chip status-${event.status}${owner.isTheirs ? ' is-theirs' : ''}`}
        title={`${time} ${event.title}${owner.isTheirs ? ` · ${owner.text}` : ''}`}
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
          <span className="chip-time">{time}</span> {event.title}
        </span>
        {comms.length > 0 ? (
          <>
            {' '}
            <span className={`chip-comms is-${mostPressing(comms)}`}>{commsText(comms, zone)}</span>
          </>
        ) : null}{' '}
        <OwnerTag event={event} words={owners} />
      </button>
    </li>
  );
}

function CommsChip({
  entry,
  zone,
  owners,
  onSelect,
}: {
  entry: CommsEntry;
  zone: string;
  owners: OwnerWords;
  onSelect: (id: string) => void;
}) {
  const first = entry.comms[0]!;
  // Another lead's messages (theirs to send, their Herald reminds them) are marked as theirs, as their event is.
  const owned = ownedComm(first);
  const owner = ownerOf(owned, owners);
  const time = shortTime(commInstant(first), zone);
  // One message reads "Announce · Sent" above "10:00 Title"; several name each with its time.
  const line = entry.comms.length === 1 ? commLabel(first) : commsText(entry.comms, zone);
  return (
    <li>
      <button
        type="button"
        tabIndex={-1}
        className={`due-chip due-${mostPressing(entry.comms)}${owner.isTheirs ? ' is-theirs' : ''}`}
        title={`${time} ${entry.eventTitle}${owner.isTheirs ? ` · ${owner.text}` : ''}`}
        onClick={(click) => {
          click.stopPropagation();
          onSelect(entry.eventId);
        }}
      >
        <span className="chip-line">{line}</span>{' '}
        <span className="chip-title">
          <span className="chip-time">{time}</span> {entry.eventTitle}
        </span>{' '}
        <OwnerTag event={owned} words={owners} />
      </button>
    </li>
  );
}

function DutyChip({ duty, zone }: { duty: DutyView; zone: string }) {
  const moved = dutyMovedNote(duty);
  return (
    <li className="duty-chip" title={moved ? `${duty.name}, ${moved}` : duty.name}>
      <span className="chip-line">{moved ? 'Duty · Moved' : 'Duty'}</span>{' '}
      <span className="chip-title">
        <span className="chip-time">{shortTime(duty.dueAtUtc, zone)}</span> {duty.name}
      </span>
    </li>
  );
}

function EntryChip({
  entry,
  zone,
  owners,
  onSelectEvent,
}: {
  entry: DayEntry;
  zone: string;
  owners: OwnerWords;
  onSelectEvent: (id: string) => void;
}) {
  if (entry.kind === 'event')
    return <EventChip entry={entry} zone={zone} owners={owners} onSelect={onSelectEvent} />;
  if (entry.kind === 'comms')
    return <CommsChip entry={entry} zone={zone} owners={owners} onSelect={onSelectEvent} />;
  return <DutyChip duty={entry.duty} zone={zone} />;
}

interface CellProps {
  day: GridDay;
  entries: readonly DayEntry[];
  zone: string;
  isFocusTarget: boolean;
  isToday: boolean;
  isSelected: boolean;
  isCompact: boolean;
  owners: OwnerWords;
  onSelectDay: (key: DateKey) => void;
  onSelectEvent: (id: string) => void;
}

const DayCell = memo(function DayCell({
  day,
  entries,
  zone,
  isFocusTarget,
  isToday,
  isSelected,
  isCompact,
  owners,
  onSelectDay,
  onSelectEvent,
}: CellProps) {
  const shown = entries.slice(0, isCompact ? MONTH_CELL_ENTRIES : WEEK_CELL_ENTRIES);
  const hidden = entries.length - shown.length;
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
      {entries.length > 0 ? (
        <ul className="day-items">
          {shown.map((entry) => (
            <EntryChip
              key={entry.key}
              entry={entry}
              zone={zone}
              owners={owners}
              onSelectEvent={onSelectEvent}
            />
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
    entries,
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
  const owners = useOwnerWords();
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
          {week.map((day) => (
            <DayCell
              key={day.key}
              day={day}
              entries={entriesOf(entries, day.key)}
              zone={zone}
              isFocusTarget={day.key === focusKey}
              isToday={day.key === today}
              isSelected={day.key === selectedDay}
              isCompact={isCompact}
              owners={owners}
              onSelectDay={onSelectDay}
              onSelectEvent={onSelectEvent}
            />
          ))}
        </div>
      ))}
    </div>
  );
}
