// How a maintenance event moves through its life: which changes are allowed
// in which status, and what each does to the status, the sent messages and
// the calendar-file sequence number. Pure, so the calendar screen can grey
// out what core would refuse.
import { fail, ok, type Result } from '../api/result.ts';
import { isTimedStage, type CommStage } from './comm-stages.ts';
import { canCancel, isFinished, wasAnnounced } from './event-vocabulary.ts';
import { sameFields, type EventFields, type MaintenanceEvent } from './maintenance-event.ts';

export { canCancel, canReschedule, isFinished } from './event-vocabulary.ts';

/** Did the times move? Then calendar clients and the reminders must hear of it. */
export function timesChanged(
  before: Pick<EventFields, 'startsAtUtc' | 'endsAtUtc'>,
  after: Pick<EventFields, 'startsAtUtc' | 'endsAtUtc'>,
): boolean {
  return (
    Date.parse(before.startsAtUtc) !== Date.parse(after.startsAtUtc) ||
    Date.parse(before.endsAtUtc) !== Date.parse(after.endsAtUtc)
  );
}

/** Applies edited fields. Moving an announced event is a reschedule and records where it was. */
export function applyEdit(
  event: MaintenanceEvent,
  fields: EventFields,
  nowUtc: string,
  reason = '',
): Result<MaintenanceEvent> {
  if (isFinished(event))
    return fail(
      'conflict',
      `This event is ${event.status === 'cancelled' ? 'cancelled' : 'complete'}; duplicate it to plan the work again.`,
    );
  if (sameFields(event, fields)) return ok(event);
  const isMove = timesChanged(event, fields);
  if (
    isMove &&
    event.status === 'in_progress' &&
    Date.parse(fields.startsAtUtc) !== Date.parse(event.startsAtUtc)
  ) {
    return fail('conflict', 'The work has already started, so only its end can change.', {
      fields: ['startsAtUtc'],
    });
  }
  const next: MaintenanceEvent = { ...event, ...fields, sequence: event.sequence + 1, updatedAtUtc: nowUtc };
  if (isMove && Date.parse(fields.startsAtUtc) !== Date.parse(event.startsAtUtc)) {
    next.previousStartsAtUtc = event.startsAtUtc;
    next.previousEndsAtUtc = event.endsAtUtc;
    next.changeReason = reason;
    // Each move needs its own "rescheduled" message.
    const { rescheduled: _sent, ...stillSent } = event.sentStages;
    next.sentStages = stillSent;
    if (wasAnnounced(event) && event.status !== 'in_progress') next.status = 'rescheduled';
  }
  return ok(next);
}

export function applyCancel(
  event: MaintenanceEvent,
  nowUtc: string,
  reason: string,
): Result<MaintenanceEvent> {
  if (!canCancel(event))
    return fail(
      'conflict',
      `This event is already ${event.status === 'cancelled' ? 'cancelled' : 'complete'}.`,
    );
  return ok({
    ...event,
    status: 'cancelled',
    changeReason: reason,
    sequence: event.sequence + 1,
    updatedAtUtc: nowUtc,
  });
}

/** Records that a message went out; the timed ones move the status along. */
export function applySent(
  event: MaintenanceEvent,
  stage: CommStage,
  nowUtc: string,
): Result<MaintenanceEvent> {
  if (event.status === 'cancelled' && stage !== 'cancelled')
    return fail('conflict', 'This event is cancelled; only its "cancelled" message can still go out.');
  const next: MaintenanceEvent = {
    ...event,
    sentStages: { ...event.sentStages, [stage]: nowUtc },
    updatedAtUtc: nowUtc,
  };
  if (isTimedStage(stage)) {
    if (stage === 'announcement' && event.status === 'planned') next.status = 'announced';
    if (stage === 'starting' && !isFinished(event)) next.status = 'in_progress';
    if (stage === 'complete' && event.status !== 'cancelled') next.status = 'complete';
  }
  return ok(next);
}

/** Takes back a "sent" mark made by mistake; the status follows what is still marked. */
export function applyUnsent(event: MaintenanceEvent, stage: CommStage, nowUtc: string): MaintenanceEvent {
  const { [stage]: _removed, ...rest } = event.sentStages;
  const next: MaintenanceEvent = { ...event, sentStages: rest, updatedAtUtc: nowUtc };
  if (event.status === 'cancelled') return next;
  if (Object.hasOwn(rest, 'complete')) next.status = 'complete';
  else if (Object.hasOwn(rest, 'starting')) next.status = 'in_progress';
  else if (event.previousStartsAtUtc !== null && Object.hasOwn(rest, 'announcement'))
    next.status = 'rescheduled';
  else next.status = Object.hasOwn(rest, 'announcement') ? 'announced' : 'planned';
  return next;
}
