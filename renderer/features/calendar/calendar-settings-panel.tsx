// The calendar's settings, folded away under the grid: how far ahead the
// announcement and reminder fall due, whose public holidays the recurring
// duties skip, and the team's change freezes.
import { memo, useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CalendarSettingsView } from '../../../shared/api/channels/calendar.ts';
import { commStageLabels, commStages, type CommStage } from '../../../shared/calendar/comm-stages.ts';
import { useCalendar } from './calendar-store.ts';
import { dateInputOf } from './wall-time.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

function LeadTimesForm({ view }: { view: CalendarSettingsView }) {
  const ids = { announcement: useId(), reminder: useId() };
  const { register, handleSubmit } = useForm<{ announcementDaysBefore: number; reminderDaysBefore: number }>({
    defaultValues: view.settings.leadTimes,
  });
  const [error, setError] = useState<string | null>(null);
  const say = useCalendar((state) => state.say);

  // Core checks the numbers (whole days, within range) and says what is wrong.
  const onSubmit = handleSubmit(async (leadTimes) => {
    const result = await useCalendar.getState().updateSettings({ leadTimes });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    say('Lead times saved; reminders now follow them.');
  });

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)}>
      <h3>Lead times</h3>
      <div className="form-columns">
        <div className="field">
          <label htmlFor={ids.announcement}>Announce this many days before</label>
          <input
            id={ids.announcement}
            type="number"
            min={1}
            max={90}
            {...register('announcementDaysBefore', { valueAsNumber: true })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.reminder}>Remind this many days before</label>
          <input
            id={ids.reminder}
            type="number"
            min={1}
            max={30}
            {...register('reminderDaysBefore', { valueAsNumber: true })}
          />
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="row">
        <button type="submit">Save lead times</button>
      </div>
    </form>
  );
}

/** Regions offered as suggestions; core accepts any its holiday data knows (ISO 3166: "DE-BY", "FR"). */
const SUGGESTED_REGIONS: readonly { code: string; name: string }[] = [
  { code: 'GB-ENG', name: 'England' },
  { code: 'GB-WLS', name: 'Wales' },
  { code: 'GB-SCT', name: 'Scotland' },
  { code: 'GB-NIR', name: 'Northern Ireland' },
  { code: 'IE', name: 'Ireland' },
  { code: 'US', name: 'United States' },
  { code: 'DE', name: 'Germany' },
  { code: 'FR', name: 'France' },
  { code: 'NL', name: 'Netherlands' },
];

function HolidayRegionForm({ view }: { view: CalendarSettingsView }) {
  const ids = { region: useId(), list: useId(), help: useId(), error: useId() };
  const { register, handleSubmit } = useForm<{ holidayRegion: string }>({
    defaultValues: { holidayRegion: view.settings.holidayRegion },
  });
  const [error, setError] = useState<string | null>(null);
  const say = useCalendar((state) => state.say);

  // Core knows which regions its holiday data covers; a refusal keeps what was typed and says why.
  const onSubmit = handleSubmit(async ({ holidayRegion }) => {
    const result = await useCalendar.getState().updateSettings({ holidayRegion });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    const region = result.value.settings.holidayRegion;
    say(
      region
        ? `Duties now skip the public holidays of ${region}.`
        : 'Duties now fall due on their own days, holidays or not.',
    );
  });

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)}>
      <h3>Public holidays</h3>
      <div className="field">
        <label htmlFor={ids.region}>Holiday region</label>
        <input
          id={ids.region}
          list={ids.list}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids.error} ${ids.help}` : ids.help}
          {...register('holidayRegion')}
        />
        <datalist id={ids.list}>
          {SUGGESTED_REGIONS.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </datalist>
        <p id={ids.help} className="help">
          A recurring duty that falls on one of this region’s public holidays is due on the working day
          before. A country code with an optional region, such as GB-ENG or GB-SCT; leave it empty to ignore
          holidays.
        </p>
        <ErrorAlert id={ids.error} error={error} />
      </div>
      <div className="row">
        <button type="submit">Save holiday region</button>
      </div>
    </form>
  );
}

/** Which of an event's messages carry its calendar file (.ics) into their thread in Slack. */
function CalendarFileForm({ view }: { view: CalendarSettingsView }) {
  const { register, handleSubmit } = useForm<{ stages: CommStage[] }>({
    defaultValues: { stages: [...view.settings.calendarFileStages] },
  });
  const [error, setError] = useState<string | null>(null);
  const say = useCalendar((state) => state.say);

  const onSubmit = handleSubmit(async ({ stages }) => {
    const result = await useCalendar.getState().updateSettings({ calendarFileStages: stages });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    say(
      stages.length > 0
        ? 'Saved: those messages carry the event’s calendar file in their thread.'
        : 'Saved: no message carries the calendar file.',
    );
  });

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="stack">
        <legend>
          <h3>Calendar file in Slack</h3>
        </legend>
        <p className="help">
          These messages carry the event as an .ics file in their thread, so readers add the work to their
          calendar in one click. When the work moves or is cancelled, Herald offers the updated file for the
          same threads.
        </p>
        <div className="row">
          {commStages.map((stage) => (
            <label key={stage} className="row">
              <input type="checkbox" value={stage} {...register('stages')} />
              {commStageLabels[stage]}
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorAlert error={error} />
      <div className="row">
        <button type="submit">Save calendar file choice</button>
      </div>
    </form>
  );
}

function FreezesForm({ view }: { view: CalendarSettingsView }) {
  const ids = { label: useId(), first: useId(), last: useId() };
  const zone = useCalendar((state) => state.zone);
  const { register, handleSubmit, reset } = useForm<{ label: string; firstDate: string; lastDate: string }>({
    defaultValues: { label: '', firstDate: '', lastDate: '' },
  });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = handleSubmit(async ({ label, firstDate, lastDate }) => {
    const result = await useCalendar.getState().addFreeze({
      label,
      firstDate,
      lastDate: lastDate || firstDate,
    });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    reset();
  });

  return (
    <div className="stack">
      <h3>Change freezes</h3>
      {view.freezes.length > 0 ? (
        <ul className="freeze-list">
          {view.freezes.map((freeze) => (
            <li key={freeze.id}>
              <span>
                {freeze.label}: {dateInputOf(freeze.startsAtUtc, zone)} to{' '}
                {dateInputOf(new Date(Date.parse(freeze.endsAtUtc) - 1).toISOString(), zone)}
              </span>
              <button type="button" onClick={() => void useCalendar.getState().removeFreeze(freeze.id)}>
                Remove<span className="visually-hidden"> the freeze “{freeze.label}”</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No change freezes. Work planned inside one is flagged on the calendar.</p>
      )}
      <form className="form-columns" onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor={ids.label}>Freeze name</label>
          <input id={ids.label} {...register('label')} />
        </div>
        <div className="field">
          <label htmlFor={ids.first}>First day</label>
          <input id={ids.first} type="date" {...register('firstDate')} />
        </div>
        <div className="field">
          <label htmlFor={ids.last}>Last day</label>
          <input id={ids.last} type="date" {...register('lastDate')} />
        </div>
        <div className="field field-end">
          <button type="submit">Add freeze</button>
        </div>
      </form>
      <ErrorAlert error={error} />
    </div>
  );
}

/** Memoised: it takes nothing from the screen, so switching view or month does not redraw its forms. */
export const CalendarSettingsPanel = memo(function CalendarSettingsPanel() {
  const view = useCalendar((state) => state.settingsView);
  useEffect(() => void useCalendar.getState().loadSettings(), []);

  return (
    <details className="calendar-settings">
      <summary>Calendar settings: lead times, public holidays and change freezes</summary>
      {view ? (
        <div className="stack-lg">
          <LeadTimesForm view={view} />
          <HolidayRegionForm view={view} />
          <CalendarFileForm view={view} />
          <FreezesForm view={view} />
        </div>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </details>
  );
});
