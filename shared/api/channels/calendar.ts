// Calendar channels: maintenance events and their messages, change freezes,
// recurring duties, calendar files, and the calendar's settings. Times cross
// the boundary as UTC instants; the renderer converts what people type in
// their zone before sending.
import { z } from 'zod';
import { calendarSettingsPatchSchema, calendarSettingsSchema } from '../../calendar/calendar-settings.ts';
import {
  calendarListSchema,
  eventDetailSchema,
  importPreviewSchema,
  importProblemSchema,
} from '../../calendar/calendar-views.ts';
import { commStageSchema } from '../../calendar/comms-schedule.ts';
import { changeFreezeSchema } from '../../calendar/conflicts.ts';
import { MAX_ICS_CHARS, MAX_ICS_EVENTS, MAX_ICS_LABEL } from '../../calendar/ics-limits.ts';
import { seriesRuleSchema, seriesScopeSchema } from '../../calendar/event-series.ts';
import { checkEventFields, eventFieldsObjectSchema } from '../../calendar/maintenance-event.ts';
import { dateKeySchema, dutyScheduleSchema } from '../../calendar/plan-duties.ts';
import {
  followChoiceSchema,
  followResultSchema,
  seriesPreviewSchema,
  slackMessagesSchema,
} from '../../calendar/slack-follow.ts';

const id = z.string().trim().min(1).max(200);
/** An event's fields as the renderer sends them: unknown fields are refused, not dropped (stored events stay lenient). */
const eventArgs = eventFieldsObjectSchema.strict().superRefine(checkEventFields);
const utc = z.iso.datetime();
const reason = z.string().trim().max(1_000).default('');
export {
  MAX_ICS_CHARS,
  MAX_ICS_EVENTS,
  MAX_ICS_LABEL,
  MAX_ICS_REQUEST_BYTES,
} from '../../calendar/ics-limits.ts';
const icsText = z
  .string()
  .max(MAX_ICS_CHARS, `the calendar file is too large (the limit is ${MAX_ICS_LABEL})`);

export const calendarSettingsViewSchema = z.object({
  settings: calendarSettingsSchema,
  /** The plan's recurring duties with the schedule each follows now. */
  duties: z.array(
    z.object({
      typeId: z.string(),
      name: z.string(),
      audience: z.string(),
      everyWeeks: z.number().int(),
      schedule: dutyScheduleSchema,
    }),
  ),
  /** Every change freeze, earliest first. */
  freezes: z.array(changeFreezeSchema),
});
export type CalendarSettingsView = z.output<typeof calendarSettingsViewSchema>;

const openedDraftSchema = z.object({ draftId: z.string(), isNew: z.boolean() });

/** A change made to part of a series: how many occurrences changed, the one the lead has open, and a sentence. */
export const seriesChangeSchema = z.object({
  changed: z.number().int().nonnegative(),
  first: eventDetailSchema,
  summary: z.string(),
});
export type SeriesChange = z.output<typeof seriesChangeSchema>;

export const calendarChannels = {
  /** Events touching [fromUtc, toUtc), their due messages, duties and freezes in it. At most 100 days. */
  'calendar:list': {
    args: z
      .object({ fromUtc: utc, toUtc: utc })
      .strict()
      .refine((range) => Date.parse(range.toUtc) > Date.parse(range.fromUtc), {
        message: 'toUtc must be after fromUtc',
        path: ['toUtc'],
      })
      .refine((range) => Date.parse(range.toUtc) - Date.parse(range.fromUtc) <= 100 * 86_400_000, {
        message: 'a range is at most 100 days',
        path: ['toUtc'],
      }),
    result: calendarListSchema,
  },
  'calendar:get': { args: z.object({ id }).strict(), result: eventDetailSchema },
  'calendar:create': { args: z.object({ event: eventArgs }).strict(), result: eventDetailSchema },
  /** A repeating event: `repeat.count` occurrences every `repeat.everyWeeks` weeks, each its own event in one series. */
  'calendar:createSeries': {
    args: z.object({ event: eventArgs, repeat: seriesRuleSchema }).strict(),
    result: z.object({ created: z.number().int(), first: eventDetailSchema }),
  },
  /** Saves edited fields. Moving the start of an announced event is a reschedule (see calendar:reschedule). */
  'calendar:update': { args: z.object({ id, event: eventArgs, reason }).strict(), result: eventDetailSchema },
  /** Moves the work: remaining reminders follow, and an announced event gets a "rescheduled" draft. */
  'calendar:reschedule': {
    args: z
      .object({
        id,
        startsAtUtc: utc,
        endsAtUtc: utc,
        userActionDeadlineUtc: utc.nullable().optional(),
        reason,
      })
      .strict(),
    result: eventDetailSchema,
  },
  'calendar:duplicate': { args: z.object({ id }).strict(), result: eventDetailSchema },
  /** Calls the work off: its reminders are cleared and an announced event gets a "cancelled" draft. */
  'calendar:cancel': { args: z.object({ id, reason }).strict(), result: eventDetailSchema },
  /**
   * What a change to a repeating event's series would reach: the open occurrences in scope (this one and later
   * ones, or all) and their messages waiting in Slack or the outbox, with what would happen to each.
   */
  'calendar:seriesPreview': {
    args: z.object({ id, scope: seriesScopeSchema }).strict(),
    result: seriesPreviewSchema,
  },
  /** Cancels every open occurrence in scope; their messages waiting in Slack are removed (the preview listed them). */
  'calendar:cancelSeries': {
    args: z.object({ id, scope: seriesScopeSchema, reason }).strict(),
    result: seriesChangeSchema,
  },
  /** Applies an edit to every open occurrence in scope (times moved as this one's); waiting messages follow. */
  'calendar:updateSeries': {
    args: z.object({ id, scope: seriesScopeSchema, event: eventArgs, reason }).strict(),
    result: seriesChangeSchema,
  },
  /** Marks one of the event's messages as sent (or takes the mark back); the status follows. */
  'calendar:markSent': {
    args: z.object({ id, stage: commStageSchema, isSent: z.boolean().default(true) }).strict(),
    result: eventDetailSchema,
  },
  /** The draft for one of the event's messages, made from the event's fields if there is none yet. */
  'calendar:openDraft': {
    args: z.object({ eventId: id, stage: commStageSchema }).strict(),
    result: openedDraftSchema,
  },
  /** The digest draft for a recurring duty's occurrence ("successes-cto:2026-04-24"). */
  'calendar:openDuty': { args: z.object({ dutyId: id }).strict(), result: openedDraftSchema },
  /** One event (id) or every event as an iCalendar file. */
  'calendar:exportIcs': {
    args: z.object({ id: id.optional() }).strict(),
    result: z.object({ fileName: z.string(), ics: z.string(), eventCount: z.number().int() }),
  },
  /** Reads a calendar file and says what importing it would do; changes nothing. */
  'calendar:previewImport': { args: z.object({ ics: icsText }).strict(), result: importPreviewSchema },
  /** Imports the file's events (or only those whose UIDs are listed). */
  'calendar:import': {
    args: z
      .object({ ics: icsText, uids: z.array(z.string().max(255)).max(MAX_ICS_EVENTS).optional() })
      .strict(),
    result: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      problems: z.array(importProblemSchema),
    }),
  },
  'calendar:getSettings': { args: z.object({}).strict(), result: calendarSettingsViewSchema },
  'calendar:updateSettings': { args: calendarSettingsPatchSchema, result: calendarSettingsViewSchema },
  /** A change freeze over whole days, first to last inclusive, in the user's zone. */
  'calendar:addFreeze': {
    args: z
      .object({
        label: z.string().trim().min(1, 'give the freeze a name').max(120),
        firstDate: dateKeySchema,
        lastDate: dateKeySchema,
      })
      .strict()
      .refine((freeze) => freeze.lastDate >= freeze.firstDate, {
        message: 'the last day must not be before the first',
        path: ['lastDate'],
      }),
    result: changeFreezeSchema,
  },
  'calendar:removeFreeze': { args: z.object({ id }).strict(), result: z.object({ id: z.string() }) },
  /**
   * The event's messages as Slack holds them (checked with chat.scheduledMessages.list when Slack can be
   * reached): scheduled, waiting or posted, which no longer match the event, and what following it would do.
   */
  'calendar:slackMessages': { args: z.object({ id }).strict(), result: slackMessagesSchema },
  /** Carries out the lead's confirmed choices: remove each stale message from Slack, then schedule it again or draft it. */
  'calendar:follow': {
    args: z
      .object({
        id,
        choices: z.array(followChoiceSchema).max(50),
        /** Messages whose thread gets the event's calendar file as it now stands (after a move or a cancellation). */
        calendarFiles: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
      })
      .strict()
      .refine((args) => args.choices.length + args.calendarFiles.length > 0, {
        message: 'choose at least one message to update',
        path: ['choices'],
      }),
    result: followResultSchema,
  },
  /** The calendar file a message of this stage about the event would carry (for the composer), or null. */
  'calendar:filePreview': {
    args: z.object({ id, stage: commStageSchema }).strict(),
    result: z.object({ name: z.string(), title: z.string() }).nullable(),
  },
} as const;

export const calendarEvents = {
  /** Events, freezes or settings changed; views reload what they show. */
  'calendar:changed': z.object({ eventIds: z.array(z.string()) }),
} as const;
