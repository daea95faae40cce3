// Each event's comms schedule in the lead's own calendar: one VALARM per
// message still to send (RFC 5545 §3.6.6), so the calendar client says
// "Herald: send the announcement for …" when it falls due. Alarms live inside
// their event, so a calendar that re-imports the file (Herald included) gets
// no extra events from them. See docs/decisions.md.
import {
  commStageLabels,
  commsSchedule,
  type LeadTimes,
  type ScheduledComm,
} from '../../../../shared/calendar/comms-schedule.ts';
import { isFinished } from '../../../../shared/calendar/event-lifecycle.ts';
import type { MaintenanceEvent } from '../../../../shared/calendar/maintenance-event.ts';
import { formatInstant } from '../../../../shared/time/format.ts';

/** Herald's stage id on each alarm, so a reader can tell which message it stands for. */
export const X_STAGE = 'X-HERALD-STAGE';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function utcStamp(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

const escapeText = (value: string) =>
  value.replace(/[\\;,\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));

/** The messages an alarm is owed: timed, not yet sent, and not yet due when the file is made. */
export function pendingComms(
  event: MaintenanceEvent,
  leadTimes: LeadTimes,
  stampMs: number,
): ScheduledComm[] {
  if (isFinished(event)) return [];
  return commsSchedule(event, leadTimes).filter(
    (comm) => comm.dueAtMs > stampMs && !Object.hasOwn(event.sentStages, comm.stage),
  );
}

/**
 * The VALARM lines for an event's messages still to send. The trigger is the
 * absolute instant each is due (lead times count calendar days in the
 * event's zone, which a relative trigger cannot say across a clock change).
 */
export function commsAlarmLines(event: MaintenanceEvent, leadTimes: LeadTimes, stampMs: number): string[] {
  return pendingComms(event, leadTimes, stampMs).flatMap((comm) => [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER;VALUE=DATE-TIME:${utcStamp(comm.dueAtMs)}`,
    `DESCRIPTION:${escapeText(`Herald: send the ${commStageLabels[comm.stage].toLowerCase()} message for “${event.title}” (due ${formatInstant(comm.dueAtMs, event.timeZone)})`)}`,
    `${X_STAGE}:${comm.stage}`,
    'END:VALARM',
  ]);
}
