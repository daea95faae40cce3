// Making and moving stored events: a new event's bookkeeping (ids, its
// calendar UID, sequence, timestamps), instants trimmed to whole seconds,
// and the users' deadline carried along when the work moves.
import { dateKeyOf, daysBetweenKeys } from '../../../shared/calendar/calendar-grid.ts';
import type { EventFields, MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import { addDaysInZone } from '../../../shared/time/zoned.ts';

/** Whole seconds: what a calendar file can say, so an exported event imports back identical. */
function toSecond(utc: string): string {
  return new Date(Math.floor(Date.parse(utc) / 1000) * 1000).toISOString();
}

export function normalised(fields: EventFields): EventFields {
  return {
    ...fields,
    startsAtUtc: toSecond(fields.startsAtUtc),
    endsAtUtc: toSecond(fields.endsAtUtc),
    userActionDeadlineUtc:
      fields.userActionDeadlineUtc === null ? null : toSecond(fields.userActionDeadlineUtc),
  };
}

export interface NewEventSeed {
  id: string;
  nowUtc: string;
  /** An imported event keeps its file's UID and sequence. */
  uid?: string;
  sequence?: number;
  /** An occurrence of a repeating event in an imported file: its series and original start. */
  seriesUid?: string | null;
  recurrenceId?: string | null;
  /** The lead who has comms for it (Slack user id), "" when none is named. */
  owner?: string;
}

export function newEvent(fields: EventFields, seed: NewEventSeed): MaintenanceEvent {
  return {
    ...normalised(fields),
    id: seed.id,
    uid: seed.uid ?? `${seed.id}@herald`,
    sequence: seed.sequence ?? 0,
    status: 'planned',
    sentStages: {},
    previousStartsAtUtc: null,
    previousEndsAtUtc: null,
    changeReason: '',
    seriesUid: seed.seriesUid ?? null,
    recurrenceId: seed.recurrenceId ?? null,
    owner: seed.owner ?? '',
    origin: 'local',
    slackTs: null,
    createdAtUtc: seed.nowUtc,
    updatedAtUtc: seed.nowUtc,
  };
}

/** The users' deadline moves with the start by whole calendar days, keeping its time of day. */
export function movedDeadline(event: MaintenanceEvent, startsAtUtc: string): string | null {
  if (event.userActionDeadlineUtc === null) return null;
  const days = daysBetweenKeys(
    dateKeyOf(Date.parse(event.startsAtUtc), event.timeZone),
    dateKeyOf(Date.parse(startsAtUtc), event.timeZone),
  );
  return new Date(addDaysInZone(Date.parse(event.userActionDeadlineUtc), days, event.timeZone)).toISOString();
}
