// Desktop channels: self-updates, open at login, the renderer's unsaved-work
// signal (so an update never restarts over a draft), and the diagnostics bundle.
import { z } from 'zod';
import { updateStatusSchema } from '../../desktop/update-status.ts';

const noArgs = z.object({}).strict();

export const loginItemStatusSchema = z.object({
  /** False in the browser harness and where the desktop offers no login items. */
  isSupported: z.boolean(),
  /** What the operating system has now (the user can change it outside Herald). */
  isEnabled: z.boolean(),
  /** This run was started by the login item (so it started hidden in the tray). */
  wasLaunchedAtLogin: z.boolean(),
});
export type LoginItemStatus = z.infer<typeof loginItemStatusSchema>;

export const diagnosticsBundleSchema = z.object({
  /** A suggested file name, e.g. herald-diagnostics-2026-12-06T1530Z.txt. */
  fileName: z.string().max(120),
  /** The whole bundle as text, redacted. */
  text: z.string().max(5_000_000),
});
export type DiagnosticsBundle = z.infer<typeof diagnosticsBundleSchema>;

export const desktopChannels = {
  'updates:status': { args: noArgs, result: updateStatusSchema },
  /** Checks the feed now (and downloads, when automatic download is on). */
  'updates:check': { args: noArgs, result: updateStatusSchema },
  /** Downloads the update found (when automatic download is off). */
  'updates:download': { args: noArgs, result: updateStatusSchema },
  /** Restarts into the downloaded update; refused (`unavailable`) while a message sends or a draft has unsaved changes. */
  'updates:restart': { args: noArgs, result: updateStatusSchema },
  /** The renderer says whether the open draft has keystrokes not yet saved. */
  'app:reportUnsavedWork': {
    args: z.object({ hasUnsavedDraft: z.boolean() }).strict(),
    result: z.object({}),
  },
  'loginItem:status': { args: noArgs, result: loginItemStatusSchema },
  /** Builds the redacted diagnostics bundle for support. */
  'diagnostics:build': { args: noArgs, result: diagnosticsBundleSchema },
} as const;

export const desktopEvents = {
  'updates:changed': updateStatusSchema,
} as const;
