// Keeps each maintenance event's reminders in step with its schedule: one
// armed reminder per message that is still to be sent and falls due within
// the horizon; none for messages already sent, for cancelled or finished
// events, for another lead's events (their Herald reminds them), or for
// messages due too far ahead (a later sync arms those, so the reminder store
// holds weeks of work rather than years).
import type { Result } from '../../../shared/api/result.ts';
import { commsSchedule, reminderStageFor, type LeadTimes } from '../../../shared/calendar/comms-schedule.ts';
import { isFinished } from '../../../shared/calendar/event-lifecycle.ts';
import type { MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import {
  maintenanceStages,
  type Reminder,
  type ReminderSubject,
  type SubjectMatcher,
} from '../../../shared/reminders/reminder.ts';
import { isOpen } from '../../../shared/reminders/reminder-facts.ts';
import type { ScheduleArgs } from '../../../shared/reminders/reminder-requests.ts';
import type { ScheduleOptions } from '../reminders/reminder-commands.ts';
import { calendarIndexOf } from './calendar-index.ts';
import { MAX_LEAD_MS } from './calendar-queries.ts';

/** What the calendar needs from the reminder scheduler. */
export interface ReminderPort {
  schedule(args: ScheduleArgs, options?: ScheduleOptions): Result<Reminder>;
  cancelFor(matcher: SubjectMatcher): Reminder[];
  /** The subject's reminders in any state (the scheduler's records: read, never change). */
  withSubject(subject: ReminderSubject): readonly Readonly<Reminder>[];
  /** The subjects of every open reminder (a sync looks at their events even when they lie far away). */
  openSubjects(): readonly ReminderSubject[];
  /** Runs `work` as one change: saved, announced and re-armed once. */
  batch<T>(reason: 'scheduled', work: () => T): T;
}

const DAY_MS = 86_400_000;
/** Messages due this far ahead are armed now; the periodic sync arms the rest as they come near. */
export const REMINDER_HORIZON_MS = 60 * DAY_MS;
/** The scheduler refuses instants more than a week gone; a day's margin keeps clear of that edge. */
export const OLDEST_ARMABLE_MS = 6 * DAY_MS;

export interface SyncContext {
  port: ReminderPort;
  leadTimes: LeadTimes;
  nowMs: number;
  /** Whether this Herald's lead has comms for the event; another lead's Herald reminds them, not this one. */
  isMine?: (event: MaintenanceEvent) => boolean;
}

const hasOpen = (port: ReminderPort, subject: ReminderSubject) => port.withSubject(subject).some(isOpen);

/**
 * Brings one event's reminders in line with its schedule and status. Each
 * message still owed is scheduled with `force`: the calendar knows it is due
 * then, so a reminder the calendar itself closed at that instant (the event
 * moved away and back, or a "sent" mark was taken back) is armed again; one
 * the user dismissed stays dismissed.
 */
export function syncEventReminders(event: MaintenanceEvent, context: SyncContext): void {
  const { port, nowMs } = context;
  if (isFinished(event) || context.isMine?.(event) === false) {
    if (maintenanceStages.some((stage) => hasOpen(port, { type: 'maintenance', eventId: event.id, stage }))) {
      port.cancelFor({ type: 'maintenance', eventId: event.id });
    }
    return;
  }
  for (const comm of commsSchedule(event, context.leadTimes)) {
    const subject = { type: 'maintenance', eventId: event.id, stage: reminderStageFor(comm.stage) } as const;
    const isSent = Object.hasOwn(event.sentStages, comm.stage);
    const isBeyondHorizon = comm.dueAtMs > nowMs + REMINDER_HORIZON_MS;
    if (isSent || isBeyondHorizon) {
      // Sent, or moved far ahead: its alerts are obsolete.
      if (hasOpen(port, subject)) port.cancelFor(subject);
      continue;
    }
    if (comm.dueAtMs < nowMs - OLDEST_ARMABLE_MS) continue;
    // The reminder's event instant is when the message is due (as the calendar shows it), not the event's start:
    // the notification centre and the desktop notification say "announcement due" with it.
    port.schedule(
      {
        kind: 'maintenance_comm',
        subject,
        dueAtMs: comm.dueAtMs,
        eventAtMs: comm.dueAtMs,
        title: event.title,
      },
      { force: true },
    );
  }
}

/**
 * The events a full sync has to look at: those with a message that can fall
 * due where reminders are armed (from OLDEST_ARMABLE_MS ago to the horizon;
 * a message is due at most MAX_LEAD_MS before its event starts and at the
 * latest when it ends), and those holding an open reminder, which may have to
 * be cancelled. Any other event's sync would do nothing, so a year of past
 * events costs a sync nothing (it did: every stored event's schedule was
 * worked out at every start).
 */
export function eventsToSync(events: readonly MaintenanceEvent[], context: SyncContext): MaintenanceEvent[] {
  const index = calendarIndexOf(events);
  const found = index.near(
    context.nowMs - OLDEST_ARMABLE_MS,
    context.nowMs + REMINDER_HORIZON_MS + MAX_LEAD_MS,
  );
  const seen = new Set(found.map((event) => event.id));
  for (const subject of context.port.openSubjects()) {
    if (subject.type !== 'maintenance' || seen.has(subject.eventId)) continue;
    const event = index.get(subject.eventId);
    seen.add(subject.eventId);
    if (event) found.push(event);
  }
  return found;
}

/** Syncs many events as one reminder change. */
export function syncAllEventReminders(events: readonly MaintenanceEvent[], context: SyncContext): void {
  context.port.batch('scheduled', () => {
    for (const event of events) syncEventReminders(event, context);
  });
}
