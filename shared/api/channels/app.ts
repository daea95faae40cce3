// App-wide channels: what the renderer needs to know about the process that
// serves it, the clock, and the test-only clock controls.
import { z } from 'zod';
import { START_SCREEN_MAX_CHARS } from '../../app/start-screen-limits.ts';
import { storedDraftSchema } from '../../drafts/stored-draft.ts';
import { connectionStatusSchema } from '../../outbox/connection-status.ts';
import { planSchema } from '../../plan/plan-schema.ts';
import { reminderSettingsSchema } from '../../reminders/reminder-settings.ts';
import { settingsSchema } from '../../settings/settings.ts';
import { slackStatusSchema } from './slack.ts';

const noArgs = z.object({}).strict();

export const storageNoticeSchema = z.object({
  store: z.string(),
  /** 'corrupt': the file could not be read; 'newer_version': a newer Herald wrote it (kept aside, unchanged). */
  kind: z.enum(['corrupt', 'newer_version']).default('corrupt'),
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
  /** Set when this run was started with --slack-api-url (HERALD_SLACK_API_URL in the harness): one more address a token may be entered for. */
  slackApiUrlOverride: z.string().nullable(),
  storageNotices: z.array(storageNoticeSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const offsetEntries = z.array(z.tuple([z.number().int(), z.number().int()])).max(1_000);
const zoneOffsetSeedSchema = z.object({
  zone: z.string().max(64),
  days: offsetEntries,
  hours: offsetEntries,
});

const clockReading = z.object({ nowUtc: z.iso.datetime() });

/**
 * The composer as the renderer last drew it for the open draft (its first render's HTML, fields holding the
 * draft's text), kept by main so the next start draws it before React has loaded: see
 * electron/core/app/start-screen.ts and renderer/app/start-screen/.
 */
export const keepStartScreenSchema = z
  .object({
    draftId: z.string().trim().min(1).max(200),
    /** The draft's revision the HTML shows: a later save makes it stale. */
    revision: z.number().int().min(0),
    html: z.string().min(1).max(START_SCREEN_MAX_CHARS),
  })
  .strict();

/**
 * Everything the renderer needs to draw its first screen, in one answer: it
 * asks before React renders, so the composer never waits on a second round
 * of calls (renderer/server-state/bootstrap.ts). Small things only — no lists.
 */
export const bootstrapSchema = z.object({
  info: appInfoSchema,
  nowUtc: z.iso.datetime(),
  settings: settingsSchema,
  reminderSettings: reminderSettingsSchema,
  plan: planSchema,
  /** The draft Herald had open, to reopen where the author was. */
  currentDraft: storedDraftSchema.nullable(),
  /** Whether Slack can be reached, as the outbox last saw it. */
  connection: connectionStatusSchema,
  /**
   * The Slack connection (slack:status's answer): the "not connected" banner and the setup checklist draw in the
   * first render, instead of a render later, pushing the composer down as it becomes usable.
   */
  slack: slackStatusSchema,
  /**
   * The lead's zone's offsets from a week ago to two months ahead (shared/time/zoned.ts, zoneOffsetSeed): the page
   * writes times in that stretch without loading Intl's zone data during its first render.
   */
  zoneOffsets: zoneOffsetSeedSchema,
  /**
   * The composer as last drawn for `currentDraft` at its current revision, with everything else it drew from
   * unchanged since; null when there is none or it may be stale. Untrusted HTML: the page sanitises it before
   * drawing it.
   */
  startScreen: z.object({ html: z.string().max(START_SCREEN_MAX_CHARS) }).nullable(),
});
export type Bootstrap = z.output<typeof bootstrapSchema>;

const idText = z.string().trim().min(1).max(200);

/** What the composer should open: set by a notification click, the tray menu, the calendar or a screen. */
export const composeIntentSchema = z.discriminatedUnion('kind', [
  /** A fresh message of a plan type. */
  z.object({ kind: z.literal('new'), typeId: idText, stage: idText.optional() }),
  /** An existing draft. */
  z.object({ kind: z.literal('draft'), draftId: idText }),
  /** The next update of an incident; `isHolding` drafts the short "no news yet" update with a new promise. */
  z.object({ kind: z.literal('incident_update'), incidentId: idText, isHolding: z.boolean().default(false) }),
  /** A maintenance event's communication at a stage (announcement, reminder, start, complete, …). */
  z.object({ kind: z.literal('maintenance_comm'), eventId: idText, stage: idText }),
  /** A recurring plan duty (weekly CTO successes, fortnightly weeknotes). */
  z.object({ kind: z.literal('duty'), dutyId: idText }),
]);
export type ComposeIntent = z.output<typeof composeIntentSchema>;

export const screenIds = [
  'calendar',
  'compose',
  'incidents',
  'audiences',
  'outbox',
  'history',
  'templates',
  'settings',
] as const;
export const navigateRequestSchema = z.object({
  screen: z.enum(screenIds),
  compose: composeIntentSchema.optional(),
});
export type NavigateRequest = z.output<typeof navigateRequestSchema>;

export const appChannels = {
  'app:info': { args: noArgs, result: appInfoSchema },
  'app:bootstrap': { args: noArgs, result: bootstrapSchema },
  /** Keeps the composer's HTML for the next start; `kept` is false when the draft is no longer the current one at that revision. */
  'app:keepStartScreen': { args: keepStartScreenSchema, result: z.object({ kept: z.boolean() }) },
  'clock:now': { args: noArgs, result: clockReading },
  /** Test clock only (browser harness started with --test-clock). */
  'testClock:advance': {
    args: z
      .object({
        ms: z
          .number()
          .int()
          .min(0)
          .max(366 * 24 * 3600 * 1000),
      })
      .strict(),
    result: clockReading,
  },
  /** Test clock only. Moves the clock to an instant, forwards or back (a clock change). */
  'testClock:set': { args: z.object({ nowUtc: z.iso.datetime() }).strict(), result: clockReading },
} as const;

export const appEvents = {
  'clock:changed': clockReading,
  /** Main asks the window to show a screen (a notification or tray click). */
  'app:navigate': navigateRequestSchema,
  'storage:quarantined': storageNoticeSchema,
} as const;
