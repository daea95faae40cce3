// What the calendar API answers with: events with their clashes, the
// messages due on each, recurring duties and change freezes. The renderer
// draws these as they are; all the date maths happened in core.
//
// These schemas check what core answers, not what a person typed: every
// event in a view was checked against maintenanceEventSchema when it was
// stored, so the answer's check is of shape and enums only. Re-running the
// formats (instants, URLs, zones, text clean-up) over a busy month's
// thousand records cost more than building the month.
import { z } from 'zod';
import { reminderStateSchema } from '../reminders/reminder.ts';
import { commStageSchema } from './comms-schedule.ts';
import { changeFreezeSchema } from './conflicts.ts';
import { eventStatusSchema, workKindSchema, type MaintenanceEvent } from './maintenance-event.ts';

const utc = z.iso.datetime();
/** An instant core made itself (toISOString): checked as text. */
const instantText = z.string();

/** A stored maintenance event, as an answer carries it (see above). */
const storedEventShape = z.object({
  id: z.string(),
  uid: z.string(),
  sequence: z.number(),
  status: eventStatusSchema,
  sentStages: z.record(z.string(), instantText),
  previousStartsAtUtc: instantText.nullable(),
  previousEndsAtUtc: instantText.nullable(),
  changeReason: z.string(),
  seriesUid: z.string().nullable(),
  recurrenceId: instantText.nullable(),
  owner: z.string(),
  origin: z.enum(['local', 'slack']),
  slackTs: z.string().nullable(),
  /** Slack's messages' word on who has comms, in Slack's order (see maintenance-event.ts). */
  ownerEvents: z
    .array(
      z.object({
        ts: z.string(),
        heraldId: z.string(),
        stage: z.string(),
        actor: z.string(),
        owner: z.string(),
        previousOwner: z.string(),
      }),
    )
    .optional(),
  pendingHandover: z
    .object({ heraldId: z.string(), owner: z.string(), previousOwner: z.string() })
    .nullable()
    .optional(),
  /** Set when this lead's take-over lost to another lead's earlier one: who has comms instead. */
  handoverRefusedBy: z.string().optional(),
  createdAtUtc: instantText,
  updatedAtUtc: instantText,
  title: z.string(),
  workKind: workKindSchema,
  what: z.string(),
  why: z.string(),
  startsAtUtc: instantText,
  endsAtUtc: instantText,
  timeZone: z.string(),
  services: z.array(z.string()),
  impact: z.string(),
  userActions: z.string(),
  userActionDeadlineUtc: instantText.nullable(),
  changeNotesUrl: z.string(),
  channels: z.array(z.string()),
}) satisfies z.ZodType<MaintenanceEvent>;

export const eventViewSchema = storedEventShape.extend({
  overlapsWith: z.array(z.string()),
  freezeIds: z.array(z.string()),
});
export type EventView = z.output<typeof eventViewSchema>;

/**
 * An event as a month, week or agenda lists it: what a chip, the day panel and the filters read (title, time,
 * status, services, owner, series, clashes), not its description, impact, channels or Slack bookkeeping, which
 * only the event panel shows (`calendar:get`). A busy month's answer is sized by what the grid draws: the full
 * records made it 780 KB for 476 events, parsed and walked on every month switch.
 */
export const eventSummarySchema = eventViewSchema.pick({
  id: true,
  title: true,
  status: true,
  workKind: true,
  startsAtUtc: true,
  endsAtUtc: true,
  timeZone: true,
  services: true,
  owner: true,
  origin: true,
  seriesUid: true,
  recurrenceId: true,
  overlapsWith: true,
  freezeIds: true,
});
export type EventSummary = z.output<typeof eventSummarySchema>;

export const commStates = [
  /** Marked as sent. */
  'sent',
  /** Its time has passed and it has not gone out. */
  'overdue',
  /** Still ahead. */
  'upcoming',
  /** A message about a change (rescheduled, cancelled), ready to send now. */
  'ready',
] as const;
export const commStateSchema = z.enum(commStates);
export type CommState = z.infer<typeof commStateSchema>;

export const dueCommSchema = z.object({
  eventId: z.string(),
  eventTitle: z.string(),
  /** The event's status and services, so filters apply to messages of events outside the range too. */
  eventStatus: eventStatusSchema,
  eventServices: z.array(z.string()),
  /**
   * Who has comms for the event and where it was made (as on the event), so an entry of another lead's event —
   * the messages are theirs to send — says whose it is, even when the event itself is outside the range.
   */
  eventOwner: z.string().default(''),
  eventOrigin: z.enum(['local', 'slack']).default('local'),
  stage: commStageSchema,
  /** Null for messages about a change, which are due as soon as the change is made. */
  dueAtUtc: instantText.nullable(),
  state: commStateSchema,
  sentAtUtc: instantText.nullable(),
  /** The reminder armed for it, if any (armed, fired, dismissed, cleared). */
  reminderState: reminderStateSchema.nullable(),
});
export type DueComm = z.output<typeof dueCommSchema>;

export const draftRefSchema = z.object({ id: z.string(), title: z.string(), updatedAtUtc: utc });
export type DraftRef = z.output<typeof draftRefSchema>;

export const commDetailSchema = dueCommSchema.extend({ draft: draftRefSchema.nullable() });
export type CommDetail = z.output<typeof commDetailSchema>;

export const dutyViewSchema = z.object({
  dutyId: z.string(),
  typeId: z.string(),
  name: z.string(),
  audience: z.string(),
  dateKey: z.string(),
  dueAtUtc: utc,
  periodStartUtc: utc,
  draftId: z.string().nullable(),
  /** The public holiday it moved away from (to the working day before), if it did. */
  movedFrom: z.object({ dateKey: z.string(), holiday: z.string() }).nullable().default(null),
});
export type DutyView = z.output<typeof dutyViewSchema>;

export const calendarListSchema = z.object({
  nowUtc: utc,
  /** The user's zone: the grid's days are days in this zone. */
  zone: z.string(),
  weekStartsOn: z.union([z.literal(0), z.literal(1)]),
  events: z.array(eventSummarySchema),
  comms: z.array(dueCommSchema),
  duties: z.array(dutyViewSchema),
  freezes: z.array(changeFreezeSchema),
  /** Every service named by any event, for the filter. */
  services: z.array(z.string()),
});
export type CalendarList = z.output<typeof calendarListSchema>;

export const eventDetailSchema = z.object({
  event: eventViewSchema,
  comms: z.array(commDetailSchema),
  /** Titles of the events it overlaps and labels of the freezes it falls in, for plain-words warnings. */
  overlapTitles: z.array(z.string()),
  freezeLabels: z.array(z.string()),
});
export type EventDetail = z.output<typeof eventDetailSchema>;

export const importItemSchema = z.object({
  uid: z.string(),
  title: z.string(),
  startsAtUtc: utc,
  endsAtUtc: utc,
  /** new: not in Herald yet; update: changes an event Herald has; unchanged: identical already. */
  action: z.enum(['new', 'update', 'unchanged']),
  existingId: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type ImportItem = z.output<typeof importItemSchema>;

export const importProblemSchema = z.object({
  /** 1-based position of the event in the file, when the problem belongs to one. */
  eventNumber: z.number().int().min(1).nullable(),
  message: z.string(),
});
export type ImportProblem = z.output<typeof importProblemSchema>;

export const importPreviewSchema = z.object({
  items: z.array(importItemSchema),
  /** Events that cannot be imported, each with the reason; the rest can still go ahead. */
  problems: z.array(importProblemSchema),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;
