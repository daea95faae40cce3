// Each event's comms schedule in the lead's own calendar: one VALARM per
// message still to send before the work (RFC 5545 §3.6.6), so the calendar
// client says "Herald: send the announcement message" when it falls due.
// Alarms live inside their event, so a calendar that re-imports the file
// (Herald included) gets no extra events from them. See docs/decisions.md.
import {
  commStageLabels,
  type LeadTimes,
  type ScheduledComm,
} from '../../../../shared/calendar/comms-schedule.ts';
import { isFinished } from '../../../../shared/calendar/event-lifecycle.ts';
import type { MaintenanceEvent } from '../../../../shared/calendar/maintenance-event.ts';
import { addDaysInZone } from '../../../../shared/time/zoned.ts';
import { icsUtcStamp } from './ics-text.ts';
import type { WallFields, ZoneOffsets } from './ics-timezone.ts';

const MS_PER_DAY = 86_400_000;

/**
 * The messages due before the work: the announcement and the reminder.
 * "Starting now" and "complete" are due at the event's own start and end,
 * which the calendar already shows; and a full calendar with four alarms an
 * event would no longer fit the import's size limit (MAX_ICS_CHARS).
 */
type AlarmedStage = 'announcement' | 'reminder';

const wallAsUtcMs = (wall: WallFields, dayShift = 0) =>
  Date.UTC(wall.year, wall.month - 1, wall.day + dayShift, wall.hour, wall.minute, wall.second);

/**
 * The instant `days` calendar days before `startMs` at the same wall time in
 * the zone: what commsSchedule says (addDaysInZone), read from the export's
 * offset table rather than Intl, as thousands of events are written at once.
 * Anything the table cannot answer exactly goes to addDaysInZone.
 */
export function daysBefore(
  startMs: number,
  days: number,
  zone: string,
  offsets: ZoneOffsets | undefined,
): number {
  if (zone === 'UTC') return startMs - days * MS_PER_DAY;
  const wall = offsets?.wallAt(startMs);
  const guessMs = startMs - days * MS_PER_DAY;
  const guessWall = offsets?.wallAt(guessMs);
  if (wall && guessWall) {
    const targetMs = wallAsUtcMs(wall, -days);
    const dueMs = guessMs + (targetMs - wallAsUtcMs(guessWall));
    const dueWall = offsets?.wallAt(dueMs);
    if (dueWall && wallAsUtcMs(dueWall) === targetMs) return dueMs;
  }
  return addDaysInZone(startMs, -days, zone);
}

/** "Herald: send the announcement message": what the calendar client shows when the alarm goes off. */
export function alarmText(stage: ScheduledComm['stage']): string {
  return `Herald: send the ${commStageLabels[stage].toLowerCase()} message`;
}

/** The messages an alarm is owed: due before the work, not yet sent, and not yet due when the file is made. */
export function pendingComms(
  event: MaintenanceEvent,
  leadTimes: LeadTimes,
  stampMs: number,
  offsets?: ZoneOffsets,
): { stage: AlarmedStage; dueAtMs: number }[] {
  if (isFinished(event)) return [];
  const startMs = Date.parse(event.startsAtUtc);
  const comms = [
    {
      stage: 'announcement' as const,
      dueAtMs: daysBefore(startMs, leadTimes.announcementDaysBefore, event.timeZone, offsets),
    },
    {
      stage: 'reminder' as const,
      dueAtMs: daysBefore(startMs, leadTimes.reminderDaysBefore, event.timeZone, offsets),
    },
  ];
  return comms
    .filter((comm) => comm.dueAtMs > stampMs && !Object.hasOwn(event.sentStages, comm.stage))
    .sort((a, b) => a.dueAtMs - b.dueAtMs);
}

/**
 * The VALARM lines for an event's messages still to send. The trigger is the
 * absolute instant each is due (lead times count calendar days in the
 * event's zone, which a relative trigger cannot say across a clock change).
 * Kept short: the client shows the alarm with its event's title.
 */
export function commsAlarmLines(
  event: MaintenanceEvent,
  leadTimes: LeadTimes,
  stampMs: number,
  offsets?: ZoneOffsets,
): string[] {
  return pendingComms(event, leadTimes, stampMs, offsets).flatMap((comm) => [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER;VALUE=DATE-TIME:${icsUtcStamp(comm.dueAtMs)}`,
    `DESCRIPTION:${alarmText(comm.stage)}`,
    'END:VALARM',
  ]);
}
