// The reminder record: one schema for the scheduler's store (main) and the
// notification centre and tray (renderer). A reminder is an absolute UTC
// instant plus what it is about; nothing here depends on the user's zone, so
// a clock or time-zone change never moves a reminder.
import { z } from 'zod';

export const reminderKinds = [
  /** Shortly before a promised incident update. */
  'incident_heads_up',
  /** At the promised incident update time. */
  'incident_due',
  /** After the promised time, repeated until an update is sent. */
  'incident_overdue',
  /** The promise is overdue past the plan's grace period: every lead's Herald is told, with "take over" at hand. */
  'incident_escalated',
  /** A calendar communication for a maintenance event (announcement, reminder, start, complete). */
  'maintenance_comm',
  /** A recurring duty from the plan (weekly CTO successes, fortnightly SMT weeknotes). */
  'plan_duty',
] as const;
export const reminderKindSchema = z.enum(reminderKinds);
export type ReminderKind = z.infer<typeof reminderKindSchema>;

export const incidentReminderKinds: ReadonlySet<ReminderKind> = new Set([
  'incident_heads_up',
  'incident_due',
  'incident_overdue',
  'incident_escalated',
]);

export const maintenanceStages = ['announcement', 'reminder', 'start', 'complete'] as const;
export const maintenanceStageSchema = z.enum(maintenanceStages);
export type MaintenanceStage = z.infer<typeof maintenanceStageSchema>;

/** Ids of reminders and of the things they are about. */
export const identifierSchema = z.string().trim().min(1).max(200);
const idSchema = identifierSchema;

export const reminderSubjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('incident'), incidentId: idSchema }),
  z.object({ type: z.literal('maintenance'), eventId: idSchema, stage: maintenanceStageSchema }),
  z.object({ type: z.literal('duty'), dutyId: idSchema }),
]);
export type ReminderSubject = z.infer<typeof reminderSubjectSchema>;

/** Picks reminders by subject; a maintenance matcher without a stage picks every stage of the event. */
export const subjectMatcherSchema = z.union([
  reminderSubjectSchema,
  z.object({ type: z.literal('maintenance'), eventId: idSchema }),
]);
export type SubjectMatcher = z.infer<typeof subjectMatcherSchema>;

export const reminderStates = [
  /** Waiting for its due instant. */
  'armed',
  /** Has fired and waits for the user (act, snooze or dismiss). */
  'fired',
  /** The user dismissed it. */
  'dismissed',
  /** Made obsolete by the system: update sent, promise changed, incident resolved, superseded, cancelled. */
  'cleared',
] as const;
export const reminderStateSchema = z.enum(reminderStates);
export type ReminderState = z.infer<typeof reminderStateSchema>;

export const closedReasons = [
  'dismissed',
  'update_sent',
  'promise_changed',
  'resolved',
  'superseded',
  'cancelled',
] as const;
export const closedReasonSchema = z.enum(closedReasons);
export type ClosedReason = z.infer<typeof closedReasonSchema>;

const utcInstant = z.iso.datetime();

export const reminderSchema = z.object({
  id: idSchema,
  kind: reminderKindSchema,
  subject: reminderSubjectSchema,
  title: z.string().max(500),
  /** Incident promises ignore quiet hours, always. */
  isIncidentPromise: z.boolean(),
  /** When the reminder fires (before quiet-hours deferral), UTC. */
  dueAtUtc: utcInstant,
  /**
   * When the message it asks for is due: the promised update time, the calendar's due time for the maintenance
   * message (not the event's start), the duty. A snooze or a heads-up moves `dueAtUtc`, never this.
   */
  eventAtUtc: utcInstant,
  /** Set on overdue alerts: the next alert follows this long after each firing. */
  repeatEveryMs: z.number().int().positive().nullable(),
  state: reminderStateSchema,
  createdAtUtc: utcInstant,
  firedAtUtc: utcInstant.nullable(),
  /** Fired noticeably after its instant (the machine slept, or the app was closed). */
  wasLate: z.boolean(),
  snoozeCount: z.number().int().min(0),
  closedAtUtc: utcInstant.nullable(),
  closedReason: closedReasonSchema.nullable(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export function subjectMatches(matcher: SubjectMatcher, subject: ReminderSubject): boolean {
  switch (matcher.type) {
    case 'incident':
      return subject.type === 'incident' && subject.incidentId === matcher.incidentId;
    case 'duty':
      return subject.type === 'duty' && subject.dutyId === matcher.dutyId;
    case 'maintenance':
      return (
        subject.type === 'maintenance' &&
        subject.eventId === matcher.eventId &&
        (!('stage' in matcher) || matcher.stage === subject.stage)
      );
  }
}

// How far along a subject's alerts a kind is: zod-free, in reminder-facts.ts, so the renderer can rank them too.
export { kindRank } from './reminder-facts.ts';
