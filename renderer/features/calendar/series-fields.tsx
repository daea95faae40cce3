// The "Repeats" part of the new-event form: a one-off, or the same work every
// one, two or four weeks, so many times. Saving a repeating event makes every
// occurrence at once (calendar:createSeries); each can then be moved or
// cancelled on its own.
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { EventFormValues } from './event-form-values.ts';

const REPEAT_OPTIONS: readonly { value: string; label: string }[] = [
  { value: '0', label: 'Does not repeat' },
  { value: '1', label: 'Every week' },
  { value: '2', label: 'Every 2 weeks' },
  { value: '4', label: 'Every 4 weeks' },
];

export function SeriesFields({
  idPrefix,
  register,
  errors,
  isRepeating,
}: {
  idPrefix: string;
  register: UseFormRegister<EventFormValues>;
  errors: FieldErrors<EventFormValues>;
  isRepeating: boolean;
}) {
  const ids = { every: `${idPrefix}-repeatEveryWeeks`, count: `${idPrefix}-repeatCount` };
  const countError = errors.repeatCount?.message;
  return (
    <fieldset className="series-fields form-columns">
      <legend>Recurring maintenance</legend>
      <div className="field">
        <label htmlFor={ids.every}>Repeats</label>
        <select id={ids.every} {...register('repeatEveryWeeks')}>
          {REPEAT_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {isRepeating ? (
        <div className="field">
          <label htmlFor={ids.count}>Occurrences</label>
          <input
            id={ids.count}
            type="number"
            inputMode="numeric"
            min={2}
            max={52}
            aria-invalid={countError ? true : undefined}
            aria-describedby={`${ids.count}-${countError ? 'error' : 'help'}`}
            {...register('repeatCount')}
          />
          {countError ? (
            <p id={`${ids.count}-error`} className="field-error">
              {countError}
            </p>
          ) : (
            <p id={`${ids.count}-help`} className="help">
              The first included, 2 to 52. Each is its own event, moved or cancelled on its own.
            </p>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
