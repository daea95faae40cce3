// The user's settings: the schema main checks every change against. The
// Settings screen shows main's verdict on each field (the renderer loads no
// zod); the plain defaults live in defaults.ts.
import { z } from 'zod';
import { isValidTimeZone } from '../time/zoned.ts';
import { DEFAULT_SLACK_API_URL, DEFAULT_TIME_ZONE } from './defaults.ts';

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

export const timeZoneSchema = z.string().trim().min(1).max(64).refine(isValidTimeZone, 'is not a known IANA time zone (for example Europe/London)');

export const settingsSchema = z.object({
  slackApiUrl: slackApiUrlSchema,
  timeZone: timeZoneSchema,
  /** Keep running in the tray when the window is closed, so reminders still fire. */
  keepRunningInTray: z.boolean(),
});

export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  slackApiUrl: DEFAULT_SLACK_API_URL,
  timeZone: DEFAULT_TIME_ZONE,
  keepRunningInTray: true,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
