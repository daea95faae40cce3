// Moving and calling off an event. Both say what will follow (reminders move
// or clear; a "rescheduled" or "cancelled" message is drafted if users were
// told) and ask why, which goes into that message.
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { EventDetail } from '../../../shared/calendar/calendar-views.ts';
import { wasAnnounced } from '../../../shared/calendar/event-vocabulary.ts';
import { useCalendar } from './calendar-store.ts';
import { sentence } from './event-form-values.ts';
import { DateTimeFields } from '../../ui/date-time-fields.tsx';
import { ModalDialog } from './modal-dialog.tsx';
import { SeriesScopeFields, useSeriesPreview, type ScopeChoice } from './series-scope.tsx';
import { dateInputOf, instantFromInputs, timeInputOf } from './wall-time.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

interface RescheduleValues {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  reason: string;
}

interface ChangeDialogProps {
  detail: EventDetail;
  onClose: () => void;
}

export function RescheduleDialog({ detail, onClose }: ChangeDialogProps) {
  const ids = { reason: useId(), note: useId() };
  const { event } = detail;
  const zone = event.timeZone;
  const applyDetail = useCalendar((state) => state.applyDetail);
  const { register, handleSubmit, formState } = useForm<RescheduleValues>({
    defaultValues: {
      startDate: dateInputOf(event.startsAtUtc, zone),
      startTime: timeInputOf(event.startsAtUtc, zone),
      endDate: dateInputOf(event.endsAtUtc, zone),
      endTime: timeInputOf(event.endsAtUtc, zone),
      reason: '',
    },
  });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = handleSubmit(async (values) => {
    const startsAtUtc = instantFromInputs(values.startDate, values.startTime, zone);
    const endsAtUtc = instantFromInputs(values.endDate, values.endTime, zone);
    if (!startsAtUtc || !endsAtUtc) {
      setError('Give the new start and end as a date and a time.');
      return;
    }
    const result = await useCalendar.getState().reschedule({
      id: event.id,
      startsAtUtc,
      endsAtUtc,
      reason: values.reason,
    });
    if (!result.ok) {
      // Core names what is wrong with each field; the first says it best here.
      const [fieldProblem] = Object.values(result.error.fieldErrors ?? {});
      setError(sentence(fieldProblem ?? result.error.message));
      return;
    }
    const isOffered = result.value.comms.some((comm) => comm.stage === 'rescheduled' && comm.draft);
    applyDetail(
      result.value,
      isOffered
        ? 'Rescheduled. The reminders have moved and a “rescheduled” message is ready to check and send.'
        : 'Rescheduled. The reminders have moved.',
    );
    onClose();
  });

  return (
    <ModalDialog title={`Reschedule “${event.title}”`} onClose={onClose}>
      <form className="stack" noValidate onSubmit={(submitEvent) => void onSubmit(submitEvent)}>
        <p id={ids.note} className="help">
          Times are in {zone}. Reminders for messages not yet sent move with the work
          {wasAnnounced(event)
            ? ', and as users were told the old date, Herald drafts a “rescheduled” message.'
            : '.'}
          {event.userActionDeadlineUtc ? ' The users’ deadline moves by the same number of days.' : ''}
        </p>
        <div className="form-columns">
          <DateTimeFields
            register={register}
            date={{ name: 'startDate', label: 'New start date' }}
            time={{ name: 'startTime', label: 'New start time' }}
          />
          <DateTimeFields
            register={register}
            date={{ name: 'endDate', label: 'New end date' }}
            time={{ name: 'endTime', label: 'New end time' }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.reason}>Why is it moving?</label>
          <textarea id={ids.reason} rows={2} {...register('reason')} />
        </div>
        <ErrorAlert error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            Reschedule
          </button>
          <button type="button" onClick={onClose}>
            Keep the current time
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

export function CancelDialog({ detail, onClose }: ChangeDialogProps) {
  const reasonId = useId();
  const { event } = detail;
  const applyDetail = useCalendar((state) => state.applyDetail);
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({
    defaultValues: { reason: '' },
  });
  const [error, setError] = useState<string | null>(null);
  const isInSeries = event.seriesUid !== null;
  const [scope, setScope] = useState<ScopeChoice>('one');
  const series = useSeriesPreview(detail, scope);
  const count = series.preview?.occurrences.length ?? 0;

  const onSubmit = handleSubmit(async ({ reason }) => {
    if (scope !== 'one') {
      const result = await useCalendar.getState().cancelSeries({ id: event.id, scope, reason });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      applyDetail(result.value.first, result.value.summary);
      onClose();
      return;
    }
    const result = await useCalendar.getState().cancelEvent(event.id, reason);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    applyDetail(
      result.value,
      wasAnnounced(event)
        ? 'Cancelled. Its reminders are cleared and a “cancelled” message is ready to check and send.'
        : 'Cancelled. Its reminders are cleared.',
    );
    onClose();
  });

  return (
    <ModalDialog title={`Cancel “${event.title}”?`} onClose={onClose} isWide={isInSeries}>
      <form className="stack" noValidate onSubmit={(submitEvent) => void onSubmit(submitEvent)}>
        {isInSeries ? (
          <SeriesScopeFields
            detail={detail}
            scope={scope}
            onScope={setScope}
            change="cancel"
            preview={series.preview}
            error={series.error}
          />
        ) : null}
        <p className="help">
          {scope === 'one' ? 'Its reminders are cleared' : 'Each one’s reminders are cleared'}
          {scope !== 'one'
            ? ', and for each that users were told about, Herald drafts a “cancelled” message.'
            : wasAnnounced(event)
              ? ', and as users were told about it, Herald drafts a “cancelled” message.'
              : '.'}{' '}
          {scope === 'one'
            ? 'It stays on the calendar, marked cancelled.'
            : 'They stay on the calendar, marked cancelled.'}
        </p>
        <div className="field">
          <label htmlFor={reasonId}>Why is it cancelled?</label>
          <textarea id={reasonId} rows={2} {...register('reason')} />
        </div>
        <ErrorAlert error={error} />
        <div className="row">
          <button
            type="submit"
            className="danger"
            disabled={formState.isSubmitting || (scope !== 'one' && (series.preview === null || count === 0))}
          >
            {scope === 'one' ? 'Cancel the event' : `Cancel ${count} occurrence${count === 1 ? '' : 's'}`}
          </button>
          <button type="button" onClick={onClose}>
            Keep it
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
