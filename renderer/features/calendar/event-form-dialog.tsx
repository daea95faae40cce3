// Creating or editing a maintenance event. react-hook-form holds what is
// typed; on save the dates and times are turned into instants (a date that
// cannot be read is named at once) and sent; core checks the fields with the
// event schema and its verdict on each goes back onto the field at fault.
import { useId, useState, type ReactNode } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import type { EventDetail } from '../../../shared/calendar/calendar-views.ts';
import { workKindLabels, workKinds } from '../../../shared/calendar/event-vocabulary.ts';
import { herald } from '../../api/herald.ts';
import { useCalendar } from './calendar-store.ts';
import {
  blankFormValues,
  formErrorsOf,
  formValuesOf,
  seriesRuleOf,
  toEventFields,
  type EventFormValues,
  type FormField,
} from './event-form-values.ts';
import { ModalDialog } from './modal-dialog.tsx';
import { SeriesFields } from './series-fields.tsx';

interface EventFormDialogProps {
  /** The event being edited; undefined creates a new one. */
  editing?: EventDetail;
  defaultDate: string;
  onClose: () => void;
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  help?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

function Field({ id, label, error, help, children }: FieldProps) {
  const describedBy = error ? `${id}-error` : help ? `${id}-help` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
    </div>
  );
}

export function EventFormDialog({ editing, defaultDate, onClose }: EventFormDialogProps) {
  const prefix = useId();
  const zone = useCalendar((state) => state.zone);
  const applyDetail = useCalendar((state) => state.applyDetail);
  const [saveError, setSaveError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, watch } = useForm<EventFormValues>({
    defaultValues: editing ? formValuesOf(editing.event) : blankFormValues(defaultDate, zone),
  });
  const errors = formState.errors;
  const id = (field: FormField) => `${prefix}-${field}`;
  const input = (
    field: FormField,
    registered: UseFormRegisterReturn,
    describedBy: string | undefined,
    type = 'text',
  ) => (
    <input
      id={id(field)}
      type={type}
      aria-invalid={errors[field] ? true : undefined}
      aria-describedby={describedBy}
      {...registered}
    />
  );
  const area = (field: FormField, describedBy: string | undefined, rows = 2) => (
    <textarea
      id={id(field)}
      rows={rows}
      aria-invalid={errors[field] ? true : undefined}
      aria-describedby={describedBy}
      {...register(field)}
    />
  );

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    const converted = toEventFields(values);
    if (!converted.ok) {
      for (const [field, message] of Object.entries(converted.error))
        setError(field as FormField, { message });
      return;
    }
    const repeat = editing ? ({ ok: true, value: null } as const) : seriesRuleOf(values);
    if (!repeat.ok) {
      setError('repeatCount', { message: repeat.error });
      return;
    }
    if (repeat.value) {
      const series = await herald().invoke('calendar:createSeries', {
        event: converted.value,
        repeat: repeat.value,
      });
      if (series.ok) {
        applyDetail(
          series.value.first,
          `“${series.value.first.event.title}” is on the calendar ${series.value.created} times, each with its messages scheduled.`,
        );
        onClose();
        return;
      }
      const fieldErrors = Object.entries(formErrorsOf(series.error));
      for (const [field, message] of fieldErrors) setError(field as FormField, { message });
      if (fieldErrors.length === 0) setSaveError(series.error.message);
      return;
    }
    const result = editing
      ? await herald().invoke('calendar:update', { id: editing.event.id, event: converted.value })
      : await herald().invoke('calendar:create', { event: converted.value });
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
    const fieldErrors = Object.entries(formErrorsOf(result.error));
    for (const [field, message] of fieldErrors) setError(field as FormField, { message });
    if (fieldErrors.length === 0) setSaveError(result.error.message);
  });

  return (
    <ModalDialog
      title={editing ? `Edit “${editing.event.title}”` : 'New maintenance'}
      onClose={onClose}
      isWide
    >
      <form className="event-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-columns">
          <Field
            id={id('title')}
            label="Title"
            error={errors.title?.message}
            help='What is changing, as people will scan for it: "Certificate Manager Upgrade".'
          >
            {(describedBy) => input('title', register('title'), describedBy)}
          </Field>
          <Field id={id('workKind')} label="Kind of work" error={errors.workKind?.message}>
            {(describedBy) => (
              <select id={id('workKind')} aria-describedby={describedBy} {...register('workKind')}>
                {workKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {workKindLabels[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('startDate')} label="Start date" error={errors.startDate?.message}>
            {(describedBy) => input('startDate', register('startDate'), describedBy, 'date')}
          </Field>
          <Field id={id('startTime')} label="Start time" error={errors.startTime?.message}>
            {(describedBy) => input('startTime', register('startTime'), describedBy, 'time')}
          </Field>
          <Field id={id('endDate')} label="End date" error={errors.endDate?.message}>
            {(describedBy) => input('endDate', register('endDate'), describedBy, 'date')}
          </Field>
          <Field id={id('endTime')} label="End time" error={errors.endTime?.message}>
            {(describedBy) => input('endTime', register('endTime'), describedBy, 'time')}
          </Field>
          <Field
            id={id('timeZone')}
            label="Time zone"
            error={errors.timeZone?.message}
            help="The dates and times above are read in this zone."
          >
            {(describedBy) => input('timeZone', register('timeZone'), describedBy)}
          </Field>
          <Field
            id={id('services')}
            label="Affected services"
            error={errors.services?.message}
            help="Separate services with commas."
          >
            {(describedBy) => input('services', register('services'), describedBy)}
          </Field>
        </div>
        <Field
          id={id('what')}
          label="What is being done"
          error={errors.what?.message}
          help='For example "from v0.8 to v0.14".'
        >
          {(describedBy) => area('what', describedBy)}
        </Field>
        <Field id={id('why')} label="Why" error={errors.why?.message}>
          {(describedBy) => area('why', describedBy)}
        </Field>
        <Field
          id={id('impact')}
          label="Impact on users"
          error={errors.impact?.message}
          help="Downtime, paused pipelines, or none expected."
        >
          {(describedBy) => area('impact', describedBy)}
        </Field>
        <Field
          id={id('userActions')}
          label="What users need to do"
          error={errors.userActions?.message}
          help='Leave empty or write "None" if nothing.'
        >
          {(describedBy) => area('userActions', describedBy, 3)}
        </Field>
        <div className="form-columns">
          <Field
            id={id('deadlineDate')}
            label="Users’ deadline"
            error={errors.deadlineDate?.message}
            help="The date their part must be done by, before the work starts."
          >
            {(describedBy) => input('deadlineDate', register('deadlineDate'), describedBy, 'date')}
          </Field>
          <Field id={id('deadlineTime')} label="Deadline time" error={errors.deadlineTime?.message}>
            {(describedBy) => input('deadlineTime', register('deadlineTime'), describedBy, 'time')}
          </Field>
          <Field id={id('changeNotesUrl')} label="Change notes link" error={errors.changeNotesUrl?.message}>
            {(describedBy) => input('changeNotesUrl', register('changeNotesUrl'), describedBy, 'url')}
          </Field>
          <Field
            id={id('channels')}
            label="Slack channels"
            error={errors.channels?.message}
            help="Leave empty for the plan’s channel for upgrades."
          >
            {(describedBy) => input('channels', register('channels'), describedBy)}
          </Field>
        </div>
        {editing ? null : (
          <SeriesFields
            idPrefix={prefix}
            register={register}
            errors={errors}
            isRepeating={watch('repeatEveryWeeks') !== '0'}
          />
        )}
        {saveError ? (
          <p role="alert" className="field-error">
            {saveError}
          </p>
        ) : null}
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
