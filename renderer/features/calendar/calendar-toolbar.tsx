// Above the grid: moving through time, the view, the filters, and the
// calendar-wide actions (new event, import, export).
import { useId } from 'react';
import { statusLabels, eventStatuses } from '../../../shared/calendar/event-vocabulary.ts';
import { useCalendar, type CalendarView } from './calendar-store.ts';
import { downloadText } from './download.ts';

const VIEWS: readonly { id: CalendarView; label: string }[] = [
  { id: 'month', label: 'Month' },
  { id: 'week', label: 'Week' },
  { id: 'agenda', label: 'Agenda' },
];

export function CalendarToolbar({
  title,
  onNew,
  onImport,
}: {
  title: string;
  onNew: () => void;
  onImport: () => void;
}) {
  const view = useCalendar((state) => state.view);
  const setView = useCalendar((state) => state.setView);
  const moveCursor = useCalendar((state) => state.moveCursor);
  const moveMonths = useCalendar((state) => state.moveMonths);
  const goToday = useCalendar((state) => state.goToday);
  const say = useCalendar((state) => state.say);
  const unit = view === 'week' ? 'week' : 'month';
  const step = (direction: -1 | 1) => (view === 'week' ? moveCursor(7 * direction) : moveMonths(direction));

  async function exportAll() {
    const result = await useCalendar.getState().exportIcs();
    if (!result.ok) {
      say(result.error.message);
      return;
    }
    downloadText(result.value.fileName, result.value.ics);
    say(
      `Saved ${result.value.eventCount} ${result.value.eventCount === 1 ? 'event' : 'events'} to ${result.value.fileName}.`,
    );
  }

  return (
    <div className="calendar-toolbar">
      <div className="row">
        <button type="button" onClick={() => step(-1)}>
          ‹ <span className="visually-hidden">Previous {unit}</span>
          <span aria-hidden="true">Previous</span>
        </button>
        <button type="button" onClick={goToday}>
          Today
        </button>
        <button type="button" onClick={() => step(1)}>
          <span className="visually-hidden">Next {unit}</span>
          <span aria-hidden="true">Next</span> ›
        </button>
        <h2 className="calendar-title">{title}</h2>
      </div>
      <div className="row">
        <div role="group" aria-label="View" className="segmented">
          {VIEWS.map((item) => (
            <button
              key={item.id}
              type="button"
              aria-pressed={view === item.id}
              onClick={() => setView(item.id)}
            >
              {item.label}
            </button>
          ))}
        </div>
        <button type="button" className="primary" onClick={onNew}>
          New maintenance
        </button>
        <button type="button" onClick={onImport}>
          Import .ics
        </button>
        <button type="button" onClick={() => void exportAll()}>
          Export all .ics
        </button>
      </div>
    </div>
  );
}

export function CalendarFilters({ services }: { services: readonly string[] }) {
  const serviceId = useId();
  const serviceFilter = useCalendar((state) => state.serviceFilter);
  const statusFilter = useCalendar((state) => state.statusFilter);
  const setServiceFilter = useCalendar((state) => state.setServiceFilter);
  const toggleStatus = useCalendar((state) => state.toggleStatus);
  return (
    <div className="calendar-filters">
      <div className="field">
        <label htmlFor={serviceId}>Service</label>
        <select
          id={serviceId}
          value={serviceFilter}
          onChange={(change) => setServiceFilter(change.target.value)}
        >
          <option value="">All services</option>
          {services.map((service) => (
            <option key={service} value={service}>
              {service}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="status-filter">
        <legend>Status</legend>
        {eventStatuses.map((status) => (
          <label key={status} className="checkbox">
            <input
              type="checkbox"
              checked={statusFilter.includes(status)}
              onChange={() => toggleStatus(status)}
            />
            <span className={`swatch status-${status}`} aria-hidden="true" />
            {statusLabels[status]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
