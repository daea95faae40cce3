// The user's settings: the schema main checks every change against. The
// Settings screen shows main's verdict on each field (the renderer loads no
// zod); the plain defaults live in defaults.ts.
import { z } from 'zod';
import { isValidTimeZone } from '../time/zoned.ts';
import { DEFAULT_TIME_LOCALE, DEFAULT_TIME_ZONE, timeLocales } from './defaults.ts';

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, 'is not a known IANA time zone (for example Europe/London)');

/**
 * The Slack address is not a setting: it is bound to the token when Slack is
 * connected (slack:connect), so no later change can send the token elsewhere.
 */
export const settingsSchema = z.object({
  timeZone: timeZoneSchema,
  /** Keep running in the tray when the window is closed, so reminders still fire. */
  keepRunningInTray: z.boolean(),
  /** Start Herald (hidden in the tray) when the user logs in to the computer. */
  openAtLogin: z.boolean(),
  /** Whether the one-time "open at login?" question on first run has been answered. */
  hasAnsweredOpenAtLogin: z.boolean(),
  /** Download updates in the background as soon as they are found (otherwise Settings offers "Download"). */
  autoDownloadUpdates: z.boolean(),
  /** How times are written on every screen (shared/time/format.ts): en-GB "Thu 23 Apr, 14:00", en-US "Thu, Apr 23, 2:00 PM". */
  timeLocale: z.enum(timeLocales),
  /** The first-run checklist's "review the plan" step: the lead said the plan is the team's. */
  hasReviewedPlan: z.boolean(),
  /** The lead closed the first-run checklist (it stays in Settings). */
  isSetupChecklistHidden: z.boolean(),
  /**
   * The person using this Herald, as a Slack user picked from the workspace: the owner of what they declare and
   * the actor in every message's metadata. Null until chosen (then this Herald alerts for every incident).
   */
  lead: z
    .object({
      userId: z.string().regex(/^[UW][A-Z0-9]{2,30}$/, 'must be a Slack user id such as U0123ABCD'),
      name: z.string().trim().min(1).max(200),
    })
    .strict()
    .nullable()
    .default(null),
});

export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  timeZone: DEFAULT_TIME_ZONE,
  keepRunningInTray: true,
  openAtLogin: false,
  hasAnsweredOpenAtLogin: false,
  autoDownloadUpdates: true,
  timeLocale: DEFAULT_TIME_LOCALE,
  hasReviewedPlan: false,
  isSetupChecklistHidden: false,
  lead: null,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
