// App-wide channels: what the renderer needs to know about the process that
// serves it, the clock, and the test-only clock controls.
import { z } from 'zod';

const noArgs = z.object({}).strict();

export const storageNoticeSchema = z.object({
  store: z.string(),
  quarantinedTo: z.string(),
  reason: z.string(),
  atUtc: z.string(),
});
export type StorageNotice = z.infer<typeof storageNoticeSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  /** Which transport serves this renderer. */
  host: z.enum(['electron', 'browser-harness']),
  hasTestClock: z.boolean(),
  dataDir: z.string(),
  storageNotices: z.array(storageNoticeSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const clockReading = z.object({ nowUtc: z.iso.datetime() });

export const appChannels = {
  'app:info': { args: noArgs, result: appInfoSchema },
  'clock:now': { args: noArgs, result: clockReading },
  /** Test clock only (browser harness started with --test-clock). */
  'testClock:advance': {
    args: z.object({ ms: z.number().int().min(0).max(366 * 24 * 3600 * 1000) }).strict(),
    result: clockReading,
  },
  /** Test clock only. Moves the clock to an instant, forwards or back (a clock change). */
  'testClock:set': { args: z.object({ nowUtc: z.iso.datetime() }).strict(), result: clockReading },
} as const;

export const appEvents = {
  'clock:changed': clockReading,
  'storage:quarantined': storageNoticeSchema,
} as const;
