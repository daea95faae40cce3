// Settings → General: Slack API address, time zone, tray behaviour. Main
// checks them with the settings schema on save; its verdict on each field is
// shown under that field, and what was typed stays in the form.
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ApiError } from '../../../shared/api/index.ts';
import type { Settings } from '../../../shared/settings/settings.ts';
import { useAppInfo } from '../../server-state/app-info-store.ts';
import { useSettings } from '../../server-state/settings-store.ts';

const checkedFields = ['slackApiUrl', 'timeZone'] as const;

export function GeneralSettingsForm() {
  const ids = { url: useId(), zone: useId(), tray: useId(), urlError: useId(), zoneError: useId() };
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const settings = useSettings((state) => state.settings);
  const { register, handleSubmit, formState, reset, setError } = useForm<Settings>({ ...(settings ? { defaultValues: settings } : {}) });
  const apiUrlOverride = useAppInfo((state) => state.info?.slackApiUrlOverride ?? null);

  // The settings arrive with the bootstrap; if the screen was quicker, fill the form once they do.
  const hasSettings = settings !== null;
  useEffect(() => {
    const { settings: current } = useSettings.getState();
    if (current) reset(current);
  }, [hasSettings, reset]);

  const onSubmit = handleSubmit(async (values) => {
    const result = await useSettings.getState().update(values);
    if (result.ok) {
      reset(result.value);
      setSaveError(null);
      setSavedAt(new Date().toLocaleTimeString());
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
          <label htmlFor={ids.url}>Slack API address</label>
          <input
            id={ids.url}
            type="url"
            aria-invalid={errors.slackApiUrl ? true : undefined}
            aria-describedby={errors.slackApiUrl ? ids.urlError : undefined}
            {...register('slackApiUrl')}
          />
          {errors.slackApiUrl ? (
            <p id={ids.urlError} className="field-error">
              The address {errors.slackApiUrl.message}
            </p>
          ) : (
            <p className="help">Change only for GovSlack or another Slack host.</p>
          )}
          {apiUrlOverride ? (
            <p className="warning-text" role="note">
              This run uses <code>{apiUrlOverride}</code>, set when Herald was started (--slack-api-url); the address
              above applies when it is started without it.
            </p>
          ) : null}
        </div>
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
