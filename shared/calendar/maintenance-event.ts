// A planned upgrade or maintenance on the calendar: what changes, when (as
// UTC instants plus the zone its wall times were given in, so lead times and
// calendar files keep 12:00 at 12:00 across daylight-saving changes), who is
// affected, what they must do, and how far its communications have got.
// One schema for the form's input and one for what the store keeps.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../settings/defaults.ts';
import { isValidTimeZone } from '../time/zoned.ts';
import { eventStatuses, workKinds } from './event-vocabulary.ts';

export {
  canCancel,
  canReschedule,
  eventStatuses,
  isFinished,
  statusLabels,
  wasAnnounced,
  workKindLabels,
  workKinds,
  type EventStatus,
  type WorkKind,
} from './event-vocabulary.ts';

export const eventStatusSchema = z.enum(eventStatuses);
export const workKindSchema = z.enum(workKinds);

const zoneValidity = new Map<string, boolean>();

/**
 * isValidTimeZone builds an Intl formatter (over a millisecond each); every
 * stored event and every API answer carries a zone, so the answer is kept.
 */
export function isKnownTimeZone(zone: string): boolean {
  let isKnown = zoneValidity.get(zone);
  if (isKnown === undefined) {
    isKnown = isValidTimeZone(zone);
    if (zoneValidity.size > 1_000) zoneValidity.clear();
    zoneValidity.set(zone, isKnown);
  }
  return isKnown;
}

const zoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'is not a known IANA time zone (for example Europe/London)');

const MAX_WINDOW_MS = 31 * 86_400_000;
/** Calendar files and forms outside these years are almost certainly typos. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);

/** Control characters other than tab and newline: invisible, and not allowed in calendar files (RFC 5545 TEXT). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const cleanText = (value: string) => value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
const text = (max: number, min = 0, minMessage = 'cannot be blank') =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().trim().min(min, minMessage).max(max, `must be at most ${max} characters`));
const instant = z.iso.datetime({
  message: 'must be a date and time in UTC, such as 2026-04-23T11:00:00.000Z',
});
const channelName = z
  .string()
  .trim()
  .transform((name) => name.replace(/^#/, '').toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9_-]{0,79}$/,
        'must be a Slack channel name: lowercase letters, digits, - and _',
      ),
  );
const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be a web address starting with https://');
const serviceName = z
  .string()
  .transform(cleanText)
  .pipe(z.string().trim().min(1, 'cannot be blank').max(80, 'must be at most 80 characters'));

/** The facts a person types in: everything the form (or an imported file) sets. */
export const eventFieldsObjectSchema = z.object({
  title: text(200, 1, 'is needed: say what is changing, such as "Certificate Manager Upgrade"'),
  workKind: workKindSchema.default('upgrade'),
  what: text(5_000).default(''),
  why: text(5_000).default(''),
  startsAtUtc: instant,
  endsAtUtc: instant,
  /** The zone the wall times were given in; lead times count calendar days in it. */
  timeZone: zoneSchema.default(DEFAULT_TIME_ZONE),
  services: z.array(serviceName).max(30, 'list at most 30 services').default([]),
  impact: text(5_000).default(''),
  userActions: text(5_000).default(''),
  userActionDeadlineUtc: instant.nullable().default(null),
  changeNotesUrl: httpUrl.default(''),
  /** Slack channels the messages go to; empty means the plan's channel for upgrades. */
  channels: z.array(channelName).max(10, 'list at most 10 channels').default([]),
});

type FieldsOutput = z.output<typeof eventFieldsObjectSchema>;

/**
 * The checks that need more than one field, each naming the field at fault.
 * A form asks for an end after the start; a calendar file may hold a moment
 * with no length (RFC 5545: DTSTART without DTEND or DURATION), which
 * `allowsNoLength` lets in.
 */
export function checkEventFields(
  fields: FieldsOutput,
  context: z.RefinementCtx,
  allowsNoLength = false,
): void {
  const startMs = Date.parse(fields.startsAtUtc);
  const endMs = Date.parse(fields.endsAtUtc);
  if (startMs < EARLIEST_MS || startMs >= LATEST_MS) {
    context.addIssue({
      code: 'custom',
      path: ['startsAtUtc'],
      message: 'must be between the years 2000 and 2099',
    });
  }
  if (endMs < startMs || (endMs === startMs && !allowsNoLength)) {
    context.addIssue({ code: 'custom', path: ['endsAtUtc'], message: 'must be after the start' });
  } else if (endMs - startMs > MAX_WINDOW_MS) {
    context.addIssue({
      code: 'custom',
      path: ['endsAtUtc'],
      message: 'must be within 31 days of the start; split longer work into several events',
    });
  }
  if (fields.userActionDeadlineUtc !== null && Date.parse(fields.userActionDeadlineUtc) >= startMs) {
    context.addIssue({
      code: 'custom',
      path: ['userActionDeadlineUtc'],
      message: 'must be before the work starts, so users have done their part in time',
    });
  }
  if (new Set(fields.services.map((service) => service.toLowerCase())).size !== fields.services.length) {
    context.addIssue({ code: 'custom', path: ['services'], message: 'lists a service twice' });
  }
}

export const eventFieldsSchema = eventFieldsObjectSchema.superRefine((fields, context) =>
  checkEventFields(fields, context),
);
/** An event read from a calendar file: as the form's, but a moment with no length is an event too. */
export const importedFieldsSchema = eventFieldsObjectSchema.superRefine((fields, context) =>
  checkEventFields(fields, context, true),
);
export type EventFields = z.output<typeof eventFieldsSchema>;
export type EventFieldsInput = z.input<typeof eventFieldsSchema>;

const utc = z.iso.datetime();

/** Which of the timed messages have gone out (plan stage id → when it was marked sent). */
export const sentStagesSchema = z.record(z.string().max(40), utc);

/** One Slack message's word on who has comms for an event (the fields ownershipOf reads). */
const ownerEventSchema = z.object({
  ts: z.string().max(40),
  heraldId: z.string().max(200),
  /** "handover" for a take-over; any other stage names the owner outright only while none is known. */
  stage: z.string().max(40),
  actor: z.string().max(40),
  owner: z.string().max(40),
  previousOwner: z.string().max(40),
  /** Slack's edited.ts when this is what a corrected version of the message says (the newest version counts). */
  editedTs: z.string().max(40).optional(),
});

export const maintenanceEventSchema = eventFieldsObjectSchema.extend({
  id: z.string().min(1).max(200),
  /** The iCalendar UID: stable for the event's life, so re-imports update rather than duplicate. */
  uid: z.string().min(1).max(255),
  /** iCalendar SEQUENCE: bumped on every change a calendar client should notice. */
  sequence: z.number().int().min(0),
  status: eventStatusSchema,
  sentStages: sentStagesSchema.default({}),
  /** Where the work was planned before its latest reschedule. */
  previousStartsAtUtc: utc.nullable().default(null),
  previousEndsAtUtc: utc.nullable().default(null),
  /** Why it moved or was called off, for the "rescheduled" and "cancelled" messages. */
  changeReason: text(1_000).default(''),
  /**
   * One occurrence of a repeating event (RRULE/RDATE in a calendar file): the
   * series' iCalendar UID and the occurrence's original start (RECURRENCE-ID).
   * Each occurrence is its own event, moved or cancelled on its own; null for
   * a one-off. Files stored before series existed load with null.
   */
  seriesUid: z.string().min(1).max(255).nullable().default(null),
  recurrenceId: utc.nullable().default(null),
  /**
   * The Slack user id of the lead who has comms for it ("" when no lead was named): this Herald's lead for an
   * event made here, the lead another Herald's messages name for one read from Slack. Files stored before team
   * sync load with "".
   */
  owner: z.string().max(40).default(''),
  /** Made in this Herald, or read from another lead's messages in Slack (team sync). */
  origin: z.enum(['local', 'slack']).default('local'),
  /**
   * The Slack message (ts) whose facts the event holds, and `slackEditedTs` when it was corrected in place: together
   * the version of those facts (the edit when there is one), so an older one never overrides a newer one.
   */
  slackTs: z.string().max(40).nullable().default(null),
  slackEditedTs: z.string().max(40).optional(),
  /**
   * Who had comms, as Slack's messages about the event say it (their ts, owner and any hand-over), so ownership is
   * worked out again from Slack's order the way an incident's is (team-sync/ownership.ts). Absent (files stored
   * before hand-overs, events no message is about yet): none, and the event's owner stands.
   */
  ownerEvents: z.array(ownerEventSchema).max(200).optional(),
  /** This Herald's "Take over comms" while Slack does not show it yet: it is the newest word on who has comms. */
  pendingHandover: z
    .object({
      heraldId: z.string().min(1).max(200),
      owner: z.string().max(40),
      previousOwner: z.string().max(40),
    })
    .nullable()
    .optional(),
  /** A take-over of this lead's that lost to an earlier one in Slack: who has comms instead (absent or "" when none). */
  handoverRefusedBy: z.string().max(40).optional(),
  createdAtUtc: utc,
  updatedAtUtc: utc,
});
export type MaintenanceEvent = z.output<typeof maintenanceEventSchema>;

/** The fields a person edits, as a plain object (for the form and for comparisons). */
export function fieldsOf(event: MaintenanceEvent): EventFields {
  return {
    title: event.title,
    workKind: event.workKind,
    what: event.what,
    why: event.why,
    startsAtUtc: event.startsAtUtc,
    endsAtUtc: event.endsAtUtc,
    timeZone: event.timeZone,
    services: [...event.services],
    impact: event.impact,
    userActions: event.userActions,
    userActionDeadlineUtc: event.userActionDeadlineUtc,
    changeNotesUrl: event.changeNotesUrl,
    channels: [...event.channels],
  };
}

/** Instants are compared as instants: "…00Z" and "…00.000Z" are the same time. */
function sameInstant(a: string | null, b: string | null): boolean {
  return a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));
}

/** True when two sets of fields describe the same event. */
export function sameFields(a: EventFields, b: EventFields): boolean {
  return (
    a.title === b.title &&
    a.workKind === b.workKind &&
    a.what === b.what &&
    a.why === b.why &&
    sameInstant(a.startsAtUtc, b.startsAtUtc) &&
    sameInstant(a.endsAtUtc, b.endsAtUtc) &&
    a.timeZone === b.timeZone &&
    a.services.join('\n') === b.services.join('\n') &&
    a.impact === b.impact &&
    a.userActions === b.userActions &&
    sameInstant(a.userActionDeadlineUtc, b.userActionDeadlineUtc) &&
    a.changeNotesUrl === b.changeNotesUrl &&
    a.channels.join('\n') === b.channels.join('\n')
  );
}

export function startMsOf(event: Pick<MaintenanceEvent, 'startsAtUtc'>): number {
  return Date.parse(event.startsAtUtc);
}

export function endMsOf(event: Pick<MaintenanceEvent, 'endsAtUtc'>): number {
  return Date.parse(event.endsAtUtc);
}

export function isCancelled(event: Pick<MaintenanceEvent, 'status'>): boolean {
  return event.status === 'cancelled';
}
