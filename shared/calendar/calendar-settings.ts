// The calendar's own settings: how far ahead the announcement and reminder
// fall due, when each recurring duty comes round (and whose public holidays
// it skips), and the first day of the week in the grid.
import { z } from 'zod';
import { boundedRecord } from '../api/json-limits.ts';
import { commStageSchema, defaultLeadTimes, leadTimesSchema } from './comms-schedule.ts';
import { dutyScheduleSchema } from './plan-duties.ts';

/** England's bank holidays unless the lead says otherwise. */
export const DEFAULT_HOLIDAY_REGION = 'GB-ENG';
/**
 * A region as ISO 3166: "GB-ENG", "GB-SCT", "DE-BY", "FR"; empty for no
 * holidays. Core checks that its holiday data knows the region.
 */
export const holidayRegionSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^(?:[A-Z]{2}(?:-[A-Z0-9]{1,4})?)?$/,
    'must be a country code with an optional region, such as GB-ENG, or empty for no holidays',
  );

/** By default the messages that announce the work, or its change: readers add it, then see it move or go. */
export const DEFAULT_CALENDAR_FILE_STAGES = ['announcement', 'rescheduled', 'cancelled'] as const;

export const calendarSettingsSchema = z.object({
  leadTimes: leadTimesSchema.default(defaultLeadTimes),
  /** Plan type id → its schedule; types not listed use the default for their cadence. */
  dutySchedules: z.record(z.string().max(100), dutyScheduleSchema).default({}),
  /** 1 = Monday (British calendars), 0 = Sunday. */
  weekStartsOn: z.union([z.literal(0), z.literal(1)]).default(1),
  /** Duties that fall on one of this region's public holidays move to the working day before. Stored files from before it load with the default. */
  holidayRegion: holidayRegionSchema.default(DEFAULT_HOLIDAY_REGION),
  /** The messages that carry the event's calendar file (.ics) in their thread. Stored files from before it: the default. */
  calendarFileStages: z
    .array(commStageSchema)
    .max(6)
    .default([...DEFAULT_CALENDAR_FILE_STAGES]),
});
export type CalendarSettings = z.output<typeof calendarSettingsSchema>;

export const defaultCalendarSettings: CalendarSettings = {
  leadTimes: { ...defaultLeadTimes },
  dutySchedules: {},
  weekStartsOn: 1,
  holidayRegion: DEFAULT_HOLIDAY_REGION,
  calendarFileStages: [...DEFAULT_CALENDAR_FILE_STAGES],
};

/**
 * A patch: only the parts given change (written out so omitted parts are not reset to defaults).
 * Strict at every level: an unknown field anywhere is refused, never dropped.
 */
export const calendarSettingsPatchSchema = z
  .object({
    leadTimes: leadTimesSchema.strict().optional(),
    dutySchedules: boundedRecord(dutyScheduleSchema.strict(), {
      maxKeyChars: 100,
      maxEntries: 500,
    }).optional(),
    weekStartsOn: z.union([z.literal(0), z.literal(1)]).optional(),
    holidayRegion: holidayRegionSchema.optional(),
    calendarFileStages: z.array(commStageSchema).max(6).optional(),
  })
  .strict();
export type CalendarSettingsPatch = z.output<typeof calendarSettingsPatchSchema>;
