// Settings → General: time zone, tray behaviour. Checked with the same schema
// main uses; main checks again on save. (The Slack address is chosen when
// connecting Slack, in the Slack panel: it is bound to the token.)
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ApiError } from '../../../shared/api/index.ts';
import { settingsSchema, type Settings } from '../../../shared/settings/settings.ts';
import { herald } from '../../api/herald.ts';

function validateWith(field: 'timeZone') {
  return (value: string) => {
    const checked = settingsSchema.shape[field].safeParse(value);
    return checked.success || (checked.error.issues[0]?.message ?? 'This value is not valid.');
  };
}

export function GeneralSettingsForm() {
  const ids = { zone: useId(), tray: useId(), zoneError: useId() };
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<Settings>();

  useEffect(() => {
    void herald()
      .invoke('settings:get', {})
      .then((result) => {
        if (result.ok) reset(result.value);
        else setSaveError(result.error);
      });
  }, [reset]);

  const onSubmit = handleSubmit(async (values) => {
    // Only this form's fields: the desktop sections save their own settings, and a stale copy must not overwrite them.
    const { timeZone, keepRunningInTray } = values;
    const result = await herald().invoke('settings:update', { timeZone, keepRunningInTray });
    if (result.ok) {
      reset(result.value);
      setSaveError(null);
      setSavedAt(new Date().toLocaleTimeString());
    } else {
      setSaveError(result.error);
    }
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
            {...register('timeZone', { validate: validateWith('timeZone') })}
          />
          {errors.timeZone ? (
            <p id={ids.zoneError} className="field-error">
              The time zone {errors.timeZone.message}
            </p>
          ) : null}
        </div>
        <label htmlFor={ids.tray} className="checkbox">
          <input id={ids.tray} type="checkbox" {...register('keepRunningInTray')} />
          Keep Herald running in the tray when the window is closed, so reminders still fire
        </label>
        {saveError ? (
          <p role="alert" className="field-error">
            {saveError.message}
          </p>
        ) : null}
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
