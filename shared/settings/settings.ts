// The user's settings: the one schema both the store (main) and the Settings
// screen (renderer) use.
import { z } from 'zod';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
export const DEFAULT_TIME_ZONE = 'Europe/London';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Slack's Web API base URL. HTTPS for any host (GovSlack, Enterprise Grid);
 * plain HTTP only on loopback, where the test server and local proxies live,
 * so a token is never sent in clear text across a network.
 */
export const slackApiUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((text) => {
    try {
      const url = new URL(text);
      if (url.username || url.password || url.search || url.hash) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an https:// URL (http:// only on 127.0.0.1 or localhost), without credentials, query or fragment')
  .transform((text) => (text.endsWith('/') ? text : `${text}/`));

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

export const settingsSchema = z.object({
  slackApiUrl: slackApiUrlSchema,
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
  slackApiUrl: DEFAULT_SLACK_API_URL,
  timeZone: DEFAULT_TIME_ZONE,
  keepRunningInTray: true,
  openAtLogin: false,
  hasAnsweredOpenAtLogin: false,
  autoDownloadUpdates: true,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
