// The user's settings: the one schema both the store (main) and the Settings
// screen (renderer) use.
import { z } from 'zod';

export const DEFAULT_TIME_ZONE = 'Europe/London';

// Building an Intl formatter costs about a millisecond, and lists of events check the same few zones
// again and again: remember each answer (the set of zones is small and fixed per runtime).
const knownZones = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let isValid: boolean;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    isValid = true;
  } catch {
    isValid = false;
  }
  if (zone.length <= 64 && knownZones.size < 1_000) knownZones.set(zone, isValid);
  return isValid;
}

export const timeZoneSchema = z.string().trim().min(1).max(64).refine(isValidTimeZone, 'is not a known IANA time zone (for example Europe/London)');

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
});

export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  timeZone: DEFAULT_TIME_ZONE,
  keepRunningInTray: true,
  openAtLogin: false,
  hasAnsweredOpenAtLogin: false,
  autoDownloadUpdates: true,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
