// The calendar's own settings: how far ahead the announcement and reminder
// fall due, when each recurring duty comes round, and the first day of the
// week in the grid.
import { z } from 'zod';
import { boundedRecord } from '../api/json-limits.ts';
import { defaultLeadTimes, leadTimesSchema } from './comms-schedule.ts';
import { dutyScheduleSchema } from './plan-duties.ts';

export const calendarSettingsSchema = z.object({
  leadTimes: leadTimesSchema.default(defaultLeadTimes),
  /** Plan type id → its schedule; types not listed use the default for their cadence. */
  dutySchedules: z.record(z.string().max(100), dutyScheduleSchema).default({}),
  /** 1 = Monday (British calendars), 0 = Sunday. */
  weekStartsOn: z.union([z.literal(0), z.literal(1)]).default(1),
});
export type CalendarSettings = z.output<typeof calendarSettingsSchema>;

export const defaultCalendarSettings: CalendarSettings = {
  leadTimes: { ...defaultLeadTimes },
  dutySchedules: {},
  weekStartsOn: 1,
};

/**
 * A patch: only the parts given change (written out so omitted parts are not reset to defaults).
 * Strict at every level: an unknown field anywhere is refused, never dropped.
 */
export const calendarSettingsPatchSchema = z
  .object({
    leadTimes: leadTimesSchema.strict().optional(),
    dutySchedules: boundedRecord(dutyScheduleSchema.strict(), { maxKeyChars: 100, maxEntries: 500 }).optional(),
    weekStartsOn: z.union([z.literal(0), z.literal(1)]).optional(),
  })
  .strict();
export type CalendarSettingsPatch = z.output<typeof calendarSettingsPatchSchema>;
