// The Calendar screen: planned maintenance and the messages each is owed, in
// a month, week or agenda view, with the open day or event beside it. It
// reloads whenever core says the calendar, reminders, drafts or clock moved.
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import {
  monthGrid,
  monthLabel,
  weekGrid,
  weekLabel,
  type DateKey,
} from '../../../shared/calendar/calendar-grid.ts';
import { AgendaView } from './agenda-view.tsx';
import { CalendarSettingsPanel } from './calendar-settings-panel.tsx';
import { useNavigation } from '../../app/navigation-store.ts';
import { followCalendar, useCalendar, visibleItems } from './calendar-store.ts';
import { CalendarFilters, CalendarToolbar } from './calendar-toolbar.tsx';
import { CancelDialog, RescheduleDialog } from './change-dialogs.tsx';
import { entriesByDay, entriesOf } from './day-entries.ts';
import { DayGrid } from './day-grid.tsx';
import { DayPanel } from './day-panel.tsx';
import { EventFormDialog } from './event-form-dialog.tsx';
import { EventPanel, type EventDialog } from './event-panel.tsx';
import { ImportDialog } from './import-dialog.tsx';
import './calendar.css';
import { ErrorAlert } from '../../ui/error-alert.tsx';

type OpenDialog = EventDialog | { kind: 'create'; date: DateKey } | { kind: 'import' } | null;

/**
 * Past the toolbar and filters (a dozen Tab stops) straight to the grid's
 * focused day, or the agenda's first item. The app routes on the URL's hash,
 * so the link moves focus itself rather than following its fragment.
 */
function skipToCalendar(click: MouseEvent<HTMLAnchorElement>): void {
  click.preventDefault();
  document
    .querySelector<HTMLElement>('#calendar-main [role="gridcell"][tabindex="0"], #calendar-main button')
    ?.focus();
}

export function CalendarScreen() {
  const state = useCalendar();
  const {
    view,
    cursor,
    today,
    zone,
    weekStartsOn,
    data,
    error,
    notice,
    selection,
    detail,
    serviceFilter,
    statusFilter,
  } = state;
  const [dialog, setDialog] = useState<OpenDialog>(null);
  useEffect(() => followCalendar(), []);

  useEffect(() => {
    void useCalendar.getState().init();
  }, []);
  // An "Open in Herald" link to an event: its day, with its panel open.
  const linked = useNavigation((nav) =>
    nav.linkedTarget?.target.kind === 'event' ? nav.linkedTarget : null,
  );
  useEffect(() => {
    if (linked) void useCalendar.getState().showEvent(linked.target.id);
  }, [linked]);

  const weeks = useMemo(
    () => (cursor ? monthGrid(cursor, zone, weekStartsOn) : []),
    [cursor, zone, weekStartsOn],
  );
  const week = useMemo(
    () => (cursor ? weekGrid(cursor, zone, weekStartsOn) : []),
    [cursor, zone, weekStartsOn],
  );
  const days = useMemo(() => weeks.flat(), [weeks]);
  const items = useMemo(
    () => visibleItems(data, serviceFilter, statusFilter),
    [data, serviceFilter, statusFilter],
  );
  // Bucketed once for the month grid: the week view is a slice of it, so switching views re-buckets nothing.
  const entries = useMemo(() => entriesByDay(days, items), [days, items]);
  const onSelectDay = useCallback((key: DateKey) => useCalendar.getState().selectDay(key), []);
  const onSelectEvent = useCallback((id: string) => void useCalendar.getState().selectEvent(id), []);

  if (!cursor) return <p role="status">Loading the calendar…</p>;
  const title = view === 'week' ? weekLabel(week) : monthLabel(cursor);
  const selectedDay = selection?.kind === 'day' ? days.find((day) => day.key === selection.key) : undefined;
  // The data may still be the previous month's while the next one loads.
  const isCurrent = data !== null && state.loadedFor?.startsWith(cursor.slice(0, 7)) === true;

  return (
    <div className="calendar">
      <a className="calendar-skip" href="#calendar-main" onClick={skipToCalendar}>
        Skip to the {view === 'agenda' ? 'agenda' : 'calendar grid'}
      </a>
      <CalendarToolbar
        title={title}
        onNew={() => setDialog({ kind: 'create', date: selectedDay?.key ?? cursor })}
        onImport={() => setDialog({ kind: 'import' })}
      />
      <CalendarFilters services={data?.services ?? []} />
      <p role="status" className="calendar-notice">
        {notice ?? ''}
      </p>
      <ErrorAlert error={error} isBanner />
      <div className="calendar-body">
        <div className="calendar-main" id="calendar-main" aria-busy={!isCurrent}>
          {view === 'agenda' ? (
            <AgendaView
              days={days}
              items={items}
              zone={zone}
              today={today}
              onSelectDay={onSelectDay}
              onSelectEvent={onSelectEvent}
            />
          ) : (
            <DayGrid
              label={title}
              weeks={view === 'week' ? [week] : weeks}
              entries={entries}
              zone={zone}
              cursor={cursor}
              today={today}
              selectedDay={selectedDay?.key ?? null}
              isCompact={view === 'month'}
              onMove={state.moveCursor}
              onMoveMonths={state.moveMonths}
              onSelectDay={onSelectDay}
              onSelectEvent={onSelectEvent}
            />
          )}
        </div>
        <aside className="calendar-side" aria-label="Selected day or event">
          {selection?.kind === 'event' && detail ? (
            <EventPanel detail={detail} onOpenDialog={setDialog} />
          ) : selectedDay ? (
            <DayPanel
              day={selectedDay}
              entries={entriesOf(entries, selectedDay.key)}
              zone={zone}
              onSelectEvent={onSelectEvent}
              onNewEvent={() => setDialog({ kind: 'create', date: selectedDay.key })}
            />
          ) : (
            <p className="muted calendar-hint">
              Choose a day (Enter) or an event to see it here. Arrow keys move between days; Page Up and Page
              Down change month.
            </p>
          )}
        </aside>
      </div>
      <CalendarSettingsPanel />
      {dialog?.kind === 'create' ? (
        <EventFormDialog defaultDate={dialog.date} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EventFormDialog editing={dialog.detail} defaultDate={cursor} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'reschedule' ? (
        <RescheduleDialog detail={dialog.detail} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'cancel' ? (
        <CancelDialog detail={dialog.detail} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'import' ? <ImportDialog onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
