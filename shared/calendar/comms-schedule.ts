// Each maintenance event's communications: when the announcement, the
// reminder, "starting now" and "complete" are due. Lead times count calendar
// days in the event's own zone, so an announcement a week before a 12:00
// start is due at 12:00 even when the clocks change in between.
import { z } from 'zod';
import type { MaintenanceStage } from '../reminders/reminder.ts';
import { addDaysInZone } from '../time/zoned.ts';
import { commStages, type TimedStage } from './comm-stages.ts';
import { endMsOf, startMsOf, type MaintenanceEvent } from './maintenance-event.ts';

export {
  changeStages,
  commStageLabels,
  commStages,
  isTimedStage,
  timedStages,
  type ChangeStage,
  type CommStage,
  type TimedStage,
} from './comm-stages.ts';

export const commStageSchema = z.enum(commStages);

/** The reminder scheduler names the start stage "start"; the plan calls it "starting". */
const reminderStageOf: Readonly<Record<TimedStage, MaintenanceStage>> = {
  announcement: 'announcement',
  reminder: 'reminder',
  starting: 'start',
  complete: 'complete',
};

export function reminderStageFor(stage: TimedStage): MaintenanceStage {
  return reminderStageOf[stage];
}

export const leadTimesSchema = z.object({
  /** Calendar days before the start that the announcement is due. */
  announcementDaysBefore: z.number().int().min(1).max(90).default(7),
  /** Calendar days before the start that the reminder is due. */
  reminderDaysBefore: z.number().int().min(1).max(30).default(1),
});
export type LeadTimes = z.output<typeof leadTimesSchema>;
export const defaultLeadTimes: LeadTimes = { announcementDaysBefore: 7, reminderDaysBefore: 1 };

export interface ScheduledComm {
  stage: TimedStage;
  dueAtMs: number;
  /** When the thing the message is about happens: the start, or the end for "complete". */
  eventAtMs: number;
}

/** The four timed messages of an event, in the order they fall due. */
export function commsSchedule(
  event: Pick<MaintenanceEvent, 'startsAtUtc' | 'endsAtUtc' | 'timeZone'>,
  leadTimes: LeadTimes,
): ScheduledComm[] {
  const startMs = startMsOf(event);
  const endMs = endMsOf(event);
  const comms: ScheduledComm[] = [
    {
      stage: 'announcement',
      dueAtMs: addDaysInZone(startMs, -leadTimes.announcementDaysBefore, event.timeZone),
      eventAtMs: startMs,
    },
    {
      stage: 'reminder',
      dueAtMs: addDaysInZone(startMs, -leadTimes.reminderDaysBefore, event.timeZone),
      eventAtMs: startMs,
    },
    { stage: 'starting', dueAtMs: startMs, eventAtMs: startMs },
    { stage: 'complete', dueAtMs: endMs, eventAtMs: endMs },
  ];
  // A stable sort keeps the plan's order when a reminder lead time equals the announcement's.
  return comms.sort((a, b) => a.dueAtMs - b.dueAtMs);
}
