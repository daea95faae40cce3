// Creating or editing a maintenance event. react-hook-form holds what is
// typed; on save the dates and times are turned into instants (a date that
// cannot be read is named at once) and sent; core checks the fields with the
// event schema and its verdict on each goes back onto the field at fault.
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { EventDetail } from '../../../shared/calendar/calendar-views.ts';
import { workKindLabels, workKinds } from '../../../shared/calendar/event-vocabulary.ts';
import { useCalendar } from './calendar-store.ts';
import {
  blankFormValues,
  formErrorsOf,
  formValuesOf,
  seriesRuleOf,
  toEventFields,
  type EventFormValues,
  type FormField as EventFormField,
} from './event-form-values.ts';
import { DateTimeFields } from '../../ui/date-time-fields.tsx';
import { FormField, type ControlProps } from '../../ui/form-field.tsx';
import { ModalDialog } from './modal-dialog.tsx';
import { SeriesFields } from './series-fields.tsx';
import { SeriesScopeFields, useSeriesPreview, type ScopeChoice } from './series-scope.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';

interface EventFormDialogProps {
  /** The event being edited; undefined creates a new one. */
  editing?: EventDetail;
  defaultDate: string;
  onClose: () => void;
}

/** Which occurrences an edit reaches, with what that would change, read once a series scope is chosen. */
function SeriesEditScope(props: {
  detail: EventDetail;
  scope: ScopeChoice;
  onScope: (scope: ScopeChoice) => void;
}) {
  const { preview, error } = useSeriesPreview(props.detail, props.scope);
  return <SeriesScopeFields {...props} change="edit" preview={preview} error={error} />;
}

export function EventFormDialog({ editing, defaultDate, onClose }: EventFormDialogProps) {
  const prefix = useId();
  const zone = useCalendar((state) => state.zone);
  const applyDetail = useCalendar((state) => state.applyDetail);
  const [saveError, setSaveError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, control } = useForm<EventFormValues>({
    defaultValues: editing ? formValuesOf(editing.event) : blankFormValues(defaultDate, zone),
  });
  const repeatEveryWeeks = useWatch({ control, name: 'repeatEveryWeeks' });
  /** For an occurrence of a series: this one alone, or the following ones too, or all. */
  const [scope, setScope] = useState<ScopeChoice>('one');
  const errors = formState.errors;
  const text =
    (field: EventFormField, type = 'text') =>
    (control: ControlProps) => <input {...control} type={type} {...register(field)} />;
  const area =
    (field: EventFormField, rows = 2) =>
    (control: ControlProps) => <textarea {...control} rows={rows} {...register(field)} />;

  /** Core's verdict on each field goes onto that field; a refusal of no field in particular, under the form. */
  const showRefusal = (error: Parameters<typeof formErrorsOf>[0]) => {
    const fieldErrors = Object.entries(formErrorsOf(error));
    for (const [field, message] of fieldErrors) setError(field as EventFormField, { message });
    if (fieldErrors.length === 0) setSaveError(error.message);
  };

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    const converted = toEventFields(values);
    if (!converted.ok) {
      for (const [field, message] of Object.entries(converted.error))
        setError(field as EventFormField, { message });
      return;
    }
    const repeat = editing ? ({ ok: true, value: null } as const) : seriesRuleOf(values);
    if (!repeat.ok) {
      setError('repeatCount', { message: repeat.error });
      return;
    }
    if (repeat.value) {
      const series = await useCalendar.getState().createSeries(converted.value, repeat.value);
      if (series.ok) {
        applyDetail(
          series.value.first,
          `“${series.value.first.event.title}” is on the calendar ${series.value.created} times, each with its messages scheduled.`,
        );
        onClose();
        return;
      }
      showRefusal(series.error);
      return;
    }
    if (editing && scope !== 'one') {
      const changed = await useCalendar
        .getState()
        .updateSeries({ id: editing.event.id, scope, event: converted.value });
      if (changed.ok) {
        applyDetail(changed.value.first, changed.value.summary);
        onClose();
        return;
      }
      showRefusal(changed.error);
      return;
    }
    const result = await useCalendar.getState().saveEvent(editing?.event.id, converted.value);
    if (result.ok) {
      applyDetail(
        result.value,
        editing
          ? 'Changes saved.'
          : `“${result.value.event.title}” is on the calendar, with its messages scheduled.`,
      );
      onClose();
      return;
    }
    showRefusal(result.error);
  });

  return (
    <ModalDialog
      title={editing ? `Edit “${editing.event.title}”` : 'New maintenance'}
      onClose={onClose}
      isWide
    >
      <form className="event-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-columns">
          <FormField
            label="Title"
            error={errors.title?.message}
            help='What is changing, as people will scan for it: "Certificate Manager Upgrade".'
          >
            {text('title')}
          </FormField>
          <FormField label="Kind of work" error={errors.workKind?.message}>
            {(control) => (
              <select {...control} {...register('workKind')}>
                {workKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {workKindLabels[kind]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <DateTimeFields
            register={register}
            date={{ name: 'startDate', label: 'Start date', error: errors.startDate?.message }}
            time={{ name: 'startTime', label: 'Start time', error: errors.startTime?.message }}
          />
          <DateTimeFields
            register={register}
            date={{ name: 'endDate', label: 'End date', error: errors.endDate?.message }}
            time={{ name: 'endTime', label: 'End time', error: errors.endTime?.message }}
          />
          <FormField
            label="Time zone"
            error={errors.timeZone?.message}
            help="The dates and times above are read in this zone."
          >
            {text('timeZone')}
          </FormField>
          <FormField
            label="Affected services"
            error={errors.services?.message}
            help="Separate services with commas."
          >
            {text('services')}
          </FormField>
        </div>
        <FormField
          label="What is being done"
          error={errors.what?.message}
          help='For example "from v0.8 to v0.14".'
        >
          {area('what')}
        </FormField>
        <FormField label="Why" error={errors.why?.message}>
          {area('why')}
        </FormField>
        <FormField
          label="Impact on users"
          error={errors.impact?.message}
          help="Downtime, paused pipelines, or none expected."
        >
          {area('impact')}
        </FormField>
        <FormField
          label="What users need to do"
          error={errors.userActions?.message}
          help='Leave empty or write "None" if nothing.'
        >
          {area('userActions', 3)}
        </FormField>
        <div className="form-columns">
          <DateTimeFields
            register={register}
            date={{
              name: 'deadlineDate',
              label: 'Users’ deadline',
              error: errors.deadlineDate?.message,
              help: 'The date their part must be done by, before the work starts.',
            }}
            time={{ name: 'deadlineTime', label: 'Deadline time', error: errors.deadlineTime?.message }}
          />
          <FormField label="Change notes link" error={errors.changeNotesUrl?.message}>
            {text('changeNotesUrl', 'url')}
          </FormField>
          <FormField
            label="Slack channels"
            error={errors.channels?.message}
            help="Leave empty for the plan’s channel for upgrades."
          >
            {text('channels')}
          </FormField>
        </div>
        {editing && editing.event.seriesUid !== null ? (
          <SeriesEditScope detail={editing} scope={scope} onScope={setScope} />
        ) : null}
        {editing ? null : (
          <SeriesFields
            idPrefix={prefix}
            register={register}
            errors={errors}
            isRepeating={repeatEveryWeeks !== '0'}
          />
        )}
        <ErrorAlert error={saveError} />
        <div className="row">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {editing ? 'Save changes' : 'Add to calendar'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
