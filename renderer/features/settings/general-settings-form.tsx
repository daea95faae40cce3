// Settings → General: time zone, tray behaviour. Main checks them with the
// settings schema on save; its verdict on each field is shown under that
// field, and what was typed stays in the form. (The Slack address is chosen
// when connecting Slack, in the Slack panel: it is bound to the token.)
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ApiError } from '../../../shared/api/index.ts';
import type { Settings } from '../../../shared/settings/settings.ts';
import { TIME_LOCALE_LABELS, timeLocales } from '../../../shared/time/time-locale.ts';
import { formatTimeOfDay } from '../../../shared/time/format.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { useSettings } from '../../server-state/settings-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

const checkedFields = ['timeZone'] as const;

export function GeneralSettingsForm() {
  const ids = { zone: useId(), tray: useId(), zoneError: useId(), locale: useId() };
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const settings = useSettings((state) => state.settings);
  const { register, handleSubmit, formState, reset, setError } = useForm<Settings>({
    ...(settings ? { defaultValues: settings } : {}),
  });

  // The settings arrive with the bootstrap; if the screen was quicker, fill the form once they do.
  const hasSettings = settings !== null;
  useEffect(() => {
    const { settings: current } = useSettings.getState();
    if (current) reset(current);
  }, [hasSettings, reset]);

  const onSubmit = handleSubmit(async (values) => {
    // Only this form's fields: the desktop sections save their own settings, and a stale copy must not overwrite them.
    const { timeZone, keepRunningInTray, timeLocale } = values;
    const result = await useSettings.getState().update({ timeZone, keepRunningInTray, timeLocale });
    if (result.ok) {
      reset(result.value);
      setSaveError(null);
      setSavedAt(formatTimeOfDay(serverNowMs(), result.value.timeZone));
      return;
    }
    const refused = checkedFields.filter((field) => result.error.fieldErrors?.[field] !== undefined);
    for (const field of refused) setError(field, { message: result.error.fieldErrors?.[field] });
    setSaveError(refused.length > 0 ? null : result.error);
  });

  const { errors } = formState;
  return (
    <section className="card" aria-labelledby="general-heading">
      <h2 id="general-heading">General</h2>
      <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="field">
          <label htmlFor={ids.zone}>Your time zone</label>
          <input
            id={ids.zone}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={errors.timeZone ? ids.zoneError : undefined}
            {...register('timeZone')}
          />
          {errors.timeZone ? (
            <p id={ids.zoneError} className="field-error">
              The time zone {errors.timeZone.message}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={ids.locale}>How times are written</label>
          <select id={ids.locale} {...register('timeLocale')}>
            {timeLocales.map((locale) => (
              <option key={locale} value={locale}>
                {TIME_LOCALE_LABELS[locale]}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={ids.tray} className="checkbox">
          <input id={ids.tray} type="checkbox" {...register('keepRunningInTray')} />
          Keep Herald running in the tray when the window is closed, so reminders still fire
        </label>
        <ErrorAlert error={saveError} />
        <div className="row">
          <button type="submit" className="primary" disabled={!formState.isDirty}>
            Save settings
          </button>
          <span role="status" className="muted">
            {savedAt && !formState.isDirty ? `Saved at ${savedAt}` : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
