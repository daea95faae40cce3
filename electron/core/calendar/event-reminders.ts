// Keeps each maintenance event's reminders in step with its schedule: one
// armed reminder per message that is still to be sent and falls due within
// the horizon; none for messages already sent, for cancelled or finished
// events, or for messages due too far ahead (a later sync arms those, so the
// reminder store holds weeks of work rather than years).
import type { Result } from '../../../shared/api/result.ts';
import { commsSchedule, reminderStageFor, type LeadTimes } from '../../../shared/calendar/comms-schedule.ts';
import { isFinished } from '../../../shared/calendar/event-lifecycle.ts';
import type { MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import { maintenanceStages, type Reminder, type SubjectMatcher } from '../../../shared/reminders/reminder.ts';
import { isOpen, subjectKey } from '../../../shared/reminders/reminder-facts.ts';
import type { ScheduleArgs } from '../../../shared/reminders/reminder-requests.ts';

/** What the calendar needs from the reminder scheduler. */
export interface ReminderPort {
  schedule(args: ScheduleArgs): Result<Reminder>;
  cancelFor(matcher: SubjectMatcher): Reminder[];
  reschedule(matcher: SubjectMatcher, shiftMs: number): Result<Reminder[]>;
  list(): Reminder[];
}

const DAY_MS = 86_400_000;
/** Messages due this far ahead are armed now; the periodic sync arms the rest as they come near. */
export const REMINDER_HORIZON_MS = 60 * DAY_MS;
/** The scheduler refuses instants more than a week gone; a day's margin keeps clear of that edge. */
export const OLDEST_ARMABLE_MS = 6 * DAY_MS;

/** Open reminders by subject key, built once per sync so a full sync stays linear. */
export function openRemindersBySubject(reminders: readonly Reminder[]): Map<string, Reminder[]> {
  const bySubject = new Map<string, Reminder[]>();
  for (const reminder of reminders) {
    if (!isOpen(reminder)) continue;
    const key = subjectKey(reminder.subject);
    const list = bySubject.get(key);
    if (list) list.push(reminder);
    else bySubject.set(key, [reminder]);
  }
  return bySubject;
}

export interface SyncContext {
  port: ReminderPort;
  leadTimes: LeadTimes;
  nowMs: number;
  /** Open reminders by subject key, as they were when the sync began. */
  open: Map<string, Reminder[]>;
}

/** Brings one event's reminders in line with its schedule and status. */
export function syncEventReminders(event: MaintenanceEvent, context: SyncContext): void {
  const { port, nowMs } = context;
  const eventMatcher = { type: 'maintenance', eventId: event.id } as const;
  if (isFinished(event)) {
    const hasOpen = maintenanceStages.some((stage) => context.open.has(subjectKey({ ...eventMatcher, stage })));
    if (hasOpen) port.cancelFor(eventMatcher);
    return;
  }
  for (const comm of commsSchedule(event, context.leadTimes)) {
    const stage = reminderStageFor(comm.stage);
    const subject = { type: 'maintenance', eventId: event.id, stage } as const;
    const open = context.open.get(subjectKey(subject)) ?? [];
    const isSent = Object.hasOwn(event.sentStages, comm.stage);
    const isBeyondHorizon = comm.dueAtMs > nowMs + REMINDER_HORIZON_MS;
    if (isSent || isBeyondHorizon) {
      // Sent, or moved far ahead: its alerts are obsolete.
      if (open.length > 0) port.cancelFor(subject);
      continue;
    }
    if (comm.dueAtMs < nowMs - OLDEST_ARMABLE_MS) continue;
    const args = { kind: 'maintenance_comm', subject, dueAtMs: comm.dueAtMs, eventAtMs: comm.eventAtMs, title: event.title } as const;
    const scheduled = port.schedule(args);
    if (scheduled.ok && !isOpen(scheduled.value)) rearmClosed(port, args, scheduled.value);
  }
}

/**
 * The scheduler keeps one record per subject and instant, so scheduling at
 * an instant whose reminder was closed returns that closed record. When the
 * calendar itself closed it (the event moved away and back, or a "sent"
 * mark was taken back), the message is due again: move the armed reminder
 * of the stage here, or arm one a second later and move it here. A reminder
 * the user dismissed stays dismissed.
 */
function rearmClosed(port: ReminderPort, args: ScheduleArgs & { subject: { type: 'maintenance' } }, closed: Reminder): void {
  const key = subjectKey(args.subject);
  const armed = port.list().find((reminder) => reminder.state === 'armed' && subjectKey(reminder.subject) === key);
  if (armed) {
    port.reschedule(args.subject, args.dueAtMs - Date.parse(armed.dueAtUtc));
    return;
  }
  if (closed.closedReason !== 'cancelled' && closed.closedReason !== 'superseded') return;
  const standIn = port.schedule({ ...args, dueAtMs: args.dueAtMs + 1_000 });
  if (standIn.ok) port.reschedule(args.subject, -1_000);
}

/** Syncs many events with one look at the scheduler. */
export function syncAllEventReminders(events: readonly MaintenanceEvent[], options: Omit<SyncContext, 'open'>): void {
  const open = openRemindersBySubject(options.port.list());
  for (const event of events) syncEventReminders(event, { ...options, open });
}
