// The calendar's settings, folded away under the grid: how far ahead the
// announcement and reminder fall due, and the team's change freezes.
import { useEffect, useId, useState } from 'react';
import type { CalendarSettingsView } from '../../../shared/api/channels/calendar.ts';
import { herald } from '../../api/herald.ts';
import { useCalendar } from './calendar-store.ts';
import { dateInputOf } from './wall-time.ts';

function LeadTimesForm({ view, onSaved }: { view: CalendarSettingsView; onSaved: (view: CalendarSettingsView) => void }) {
  const ids = { announcement: useId(), reminder: useId() };
  const [announcement, setAnnouncement] = useState(String(view.settings.leadTimes.announcementDaysBefore));
  const [reminder, setReminder] = useState(String(view.settings.leadTimes.reminderDaysBefore));
  const [error, setError] = useState<string | null>(null);
  const say = useCalendar((state) => state.say);

  async function save() {
    const leadTimes = { announcementDaysBefore: Number(announcement), reminderDaysBefore: Number(reminder) };
    const result = await herald().invoke('calendar:updateSettings', { leadTimes });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    onSaved(result.value);
    say('Lead times saved; reminders now follow them.');
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>Lead times</h3>
      <div className="form-columns">
        <div className="field">
          <label htmlFor={ids.announcement}>Announce this many days before</label>
          <input id={ids.announcement} type="number" min={1} max={90} value={announcement} onChange={(change) => setAnnouncement(change.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.reminder}>Remind this many days before</label>
          <input id={ids.reminder} type="number" min={1} max={30} value={reminder} onChange={(change) => setReminder(change.target.value)} />
        </div>
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit">Save lead times</button>
      </div>
    </form>
  );
}

function FreezesForm({ view, onChanged }: { view: CalendarSettingsView; onChanged: () => Promise<void> }) {
  const ids = { label: useId(), first: useId(), last: useId() };
  const zone = useCalendar((state) => state.zone);
  const [label, setLabel] = useState('');
  const [firstDate, setFirstDate] = useState('');
  const [lastDate, setLastDate] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    const result = await herald().invoke('calendar:addFreeze', { label, firstDate, lastDate: lastDate || firstDate });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setLabel('');
    setFirstDate('');
    setLastDate('');
    await onChanged();
  }

  return (
    <div className="stack">
      <h3>Change freezes</h3>
      {view.freezes.length > 0 ? (
        <ul className="freeze-list">
          {view.freezes.map((freeze) => (
            <li key={freeze.id}>
              <span>
                {freeze.label}: {dateInputOf(freeze.startsAtUtc, zone)} to {dateInputOf(new Date(Date.parse(freeze.endsAtUtc) - 1).toISOString(), zone)}
              </span>
              <button type="button" onClick={() => void herald().invoke('calendar:removeFreeze', { id: freeze.id }).then(onChanged)}>
                Remove<span className="visually-hidden"> the freeze “{freeze.label}”</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No change freezes. Work planned inside one is flagged on the calendar.</p>
      )}
      <form
        className="form-columns"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <div className="field">
          <label htmlFor={ids.label}>Freeze name</label>
          <input id={ids.label} value={label} onChange={(change) => setLabel(change.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.first}>First day</label>
          <input id={ids.first} type="date" value={firstDate} onChange={(change) => setFirstDate(change.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.last}>Last day</label>
          <input id={ids.last} type="date" value={lastDate} onChange={(change) => setLastDate(change.target.value)} />
        </div>
        <div className="field field-end">
          <button type="submit">Add freeze</button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CalendarSettingsPanel() {
  const [view, setView] = useState<CalendarSettingsView | null>(null);
  const load = useCalendar((state) => state.load);

  async function refresh() {
    const result = await herald().invoke('calendar:getSettings', {});
    if (result.ok) setView(result.value);
  }
  useEffect(() => {
    void herald()
      .invoke('calendar:getSettings', {})
      .then((result) => {
        if (result.ok) setView(result.value);
      });
  }, []);

  return (
    <details className="calendar-settings">
      <summary>Calendar settings: lead times and change freezes</summary>
      {view ? (
        <div className="stack-lg">
          <LeadTimesForm view={view} onSaved={(next) => {
            setView(next);
            void load(true);
          }} />
          <FreezesForm view={view} onChanged={async () => {
            await refresh();
            await load(true);
          }} />
        </div>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </details>
  );
}
