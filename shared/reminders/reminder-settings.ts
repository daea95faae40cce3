// The user's reminder preferences: lead times, repeat interval, snooze
// length, quiet hours and sounds. Quiet hours apply to calendar and duty
// reminders only; a promised incident update is never held back.
import { z } from 'zod';
import { timeZoneSchema } from '../settings/settings.ts';

const MINUTE_MS = 60_000;

export const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time as HH:MM');

export const quietHoursSchema = z
  .object({
    /** Local wall time at which quiet hours begin (inclusive). */
    startHHMM: hhmmSchema,
    /** Local wall time at which they end (exclusive); earlier than the start means "over midnight". */
    endHHMM: hhmmSchema,
    zone: timeZoneSchema,
  })
  .strict();
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const reminderSettingsSchema = z.object({
  headsUpBeforeMs: z
    .number()
    .int()
    .min(0)
    .max(120 * MINUTE_MS)
    .default(5 * MINUTE_MS),
  overdueRepeatMs: z
    .number()
    .int()
    .min(MINUTE_MS)
    .max(24 * 60 * MINUTE_MS)
    .default(5 * MINUTE_MS),
  snoozeMs: z
    .number()
    .int()
    .min(MINUTE_MS)
    .max(24 * 60 * MINUTE_MS)
    .default(5 * MINUTE_MS),
  /** The tray shows "due soon" this long before a reminder's instant. */
  dueSoonWindowMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * MINUTE_MS)
    .default(15 * MINUTE_MS),
  quietHours: quietHoursSchema.optional(),
  isSoundEnabled: z.boolean().default(true),
});
export type ReminderSettings = z.output<typeof reminderSettingsSchema>;

export const defaultReminderSettings: ReminderSettings = reminderSettingsSchema.parse({});
