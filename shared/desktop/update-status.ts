// What the updater is doing, as Settings and the tray show it. One flat shape
// for every state so the renderer needs no narrowing to show a line of text.
import { z } from 'zod';

export const updateStates = [
  /** This build cannot update itself (development build, browser harness, no feed configured). */
  'unsupported',
  'idle',
  'checking',
  'up_to_date',
  /** A newer version exists and waits for "Download" (automatic download is off). */
  'available',
  'downloading',
  /** Downloaded and verified: "Restart to update", or it installs on the next quit. */
  'ready',
  'error',
] as const;
export type UpdateState = (typeof updateStates)[number];

const versionText = z.string().max(64);
const sentence = z.string().max(500);

export const updateStatusSchema = z.object({
  state: z.enum(updateStates),
  currentVersion: versionText,
  /** The version found, downloading or downloaded. */
  version: versionText.nullable(),
  /** Download progress, 0–100. */
  percent: z.number().min(0).max(100).nullable(),
  /** Why updates are unsupported, or what went wrong. */
  message: sentence.nullable(),
  lastCheckedUtc: z.iso.datetime().nullable(),
  isAutoDownload: z.boolean(),
  /** Set while "Restart to update" must wait: a message is sending or a draft has unsaved changes. */
  restartBlockedBy: sentence.nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
