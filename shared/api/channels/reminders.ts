// Reminder channels: what is due, acting on an alert, and the user's
// reminder preferences. Incident promises are armed by core itself when an
// incident message is sent, never directly by the renderer.
import { z } from 'zod';
import { identifierSchema, reminderSchema } from '../../reminders/reminder.ts';
import type { ReminderList, RemindersChanged } from '../../reminders/reminder-changes.ts';
import { quietHoursSchema, reminderSettingsSchema } from '../../reminders/reminder-settings.ts';
import { snoozeMsSchema } from '../../reminders/reminder-requests.ts';

export type { ReminderList, RemindersChanged } from '../../reminders/reminder-changes.ts';

const version = z.number().int().min(0);
/** Names one run of the scheduler: versions count from 0 again after a restart. */
const epoch = z.string().min(1).max(100);

/** The open reminders, whole: read once, then followed through reminders:changed deltas. */
export const reminderListSchema = z.object({
  nowUtc: z.iso.datetime(),
  epoch,
  version,
  reminders: z.array(reminderSchema),
}) satisfies z.ZodType<ReminderList>;

/** One change to the open reminders (see shared/reminders/reminder-changes.ts). */
export const remindersChangedSchema = z.object({
  nowUtc: z.iso.datetime(),
  epoch,
  version: version.min(1),
  upserted: z.array(reminderSchema),
  closedIds: z.array(z.string()),
}) satisfies z.ZodType<RemindersChanged>;

export const reminderFiredSchema = z.object({
  reminder: reminderSchema,
  wasLate: z.boolean(),
  firedAtUtc: z.iso.datetime(),
});
export type ReminderFired = z.infer<typeof reminderFiredSchema>;

/**
 * A patch of reminder settings. Written out rather than `.partial()`: with
 * defaults in the settings schema, `.partial()` would fill every omitted
 * field with its default and reset settings the user never touched.
 * `quietHours: null` turns quiet hours off.
 */
const settingsShape = reminderSettingsSchema.shape;
export const reminderSettingsPatchSchema = z
  .object({
    headsUpBeforeMs: settingsShape.headsUpBeforeMs.unwrap().optional(),
    overdueRepeatMs: settingsShape.overdueRepeatMs.unwrap().optional(),
    snoozeMs: settingsShape.snoozeMs.unwrap().optional(),
    dueSoonWindowMs: settingsShape.dueSoonWindowMs.unwrap().optional(),
    quietHours: quietHoursSchema.nullable().optional(),
    isSoundEnabled: settingsShape.isSoundEnabled.unwrap().optional(),
  })
  .strict();

export const reminderChannels = {
  /** Open reminders (armed or fired), earliest first, and the clock reading they were taken at. */
  'reminders:list': { args: z.object({}).strict(), result: reminderListSchema },
  'reminders:snooze': {
    args: z.object({ id: identifierSchema, ms: snoozeMsSchema.optional() }).strict(),
    result: reminderSchema,
  },
  'reminders:dismiss': { args: z.object({ id: identifierSchema }).strict(), result: reminderSchema },
  'reminders:getSettings': { args: z.object({}).strict(), result: reminderSettingsSchema },
  'reminders:updateSettings': { args: reminderSettingsPatchSchema, result: reminderSettingsSchema },
} as const;

export const reminderEvents = {
  /** A reminder fired: the notification centre (and, in Electron, a native notification) shows it. */
  'reminders:fired': reminderFiredSchema,
  /** The open reminders changed: what changed, not the whole list (see shared/reminders/reminder-changes.ts). */
  'reminders:changed': remindersChangedSchema,
} as const;
