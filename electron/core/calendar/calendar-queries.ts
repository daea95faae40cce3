// Read-only views of the calendar: what a month, week or agenda shows (events
// with their clashes, messages due, duties, freezes) and one event in full.
// Schedules are memoised per event window and lead times, because working out
// wall-clock lead times across thousands of events is the costly part.
import type { CalendarList, CommDetail, DraftRef, DueComm, EventDetail, EventView } from '../../../shared/calendar/calendar-views.ts';
import { commsSchedule, reminderStageFor, type CommStage, type LeadTimes, type ScheduledComm } from '../../../shared/calendar/comms-schedule.ts';
import { findConflicts, type ChangeFreeze, type EventConflicts } from '../../../shared/calendar/conflicts.ts';
import { isFinished } from '../../../shared/calendar/event-lifecycle.ts';
import { endMsOf, startMsOf, wasAnnounced, type MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import { dutyOccurrences, type PlanDuty } from '../../../shared/calendar/plan-duties.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { isOpen, subjectKey } from '../../../shared/reminders/reminder-facts.ts';

const iso = (epochMs: number) => new Date(epochMs).toISOString();
/** The longest announcement lead time the settings allow, plus a day: how far before a range an event's messages may fall in it. */
const MAX_LEAD_MS = 91 * 86_400_000;

export type ScheduleMemo = (event: MaintenanceEvent, leadTimes: LeadTimes) => ScheduledComm[];

export function createScheduleMemo(limit = 20_000): ScheduleMemo {
  const memo = new Map<string, ScheduledComm[]>();
  return (event, leadTimes) => {
    const key = `${event.startsAtUtc}|${event.endsAtUtc}|${event.timeZone}|${leadTimes.announcementDaysBefore}|${leadTimes.reminderDaysBefore}`;
    let found = memo.get(key);
    if (!found) {
      if (memo.size >= limit) memo.clear();
      found = commsSchedule(event, leadTimes);
      memo.set(key, found);
    }
    return found;
  };
}

/** The reminder that speaks for each subject: an open one if any, else the latest. */
export function reminderBySubject(reminders: readonly Reminder[]): Map<string, Reminder> {
  const bySubject = new Map<string, Reminder>();
  for (const reminder of reminders) {
    const key = subjectKey(reminder.subject);
    const current = bySubject.get(key);
    const isBetter =
      !current ||
      (isOpen(reminder) && !isOpen(current)) ||
      (isOpen(reminder) === isOpen(current) && reminder.createdAtUtc > current.createdAtUtc);
    if (isBetter) bySubject.set(key, reminder);
  }
  return bySubject;
}

export interface QueryContext {
  events: readonly MaintenanceEvent[];
  freezes: readonly ChangeFreeze[];
  leadTimes: LeadTimes;
  nowMs: number;
  schedule: ScheduleMemo;
  reminders: Map<string, Reminder>;
}

function toView(event: MaintenanceEvent, conflicts: EventConflicts | undefined): EventView {
  return { ...event, overlapsWith: conflicts?.overlapsWith ?? [], freezeIds: conflicts?.freezeIds ?? [] };
}

/** An event's timed messages as due items; a finished event keeps only those that went out. */
function timedComms(event: MaintenanceEvent, context: QueryContext): DueComm[] {
  if (event.status === 'cancelled') return [];
  const comms: DueComm[] = [];
  for (const comm of context.schedule(event, context.leadTimes)) {
    const sentAtUtc = event.sentStages[comm.stage] ?? null;
    if (sentAtUtc === null && isFinished(event)) continue;
    const reminder = context.reminders.get(subjectKey({ type: 'maintenance', eventId: event.id, stage: reminderStageFor(comm.stage) }));
    comms.push({
      eventId: event.id,
      eventTitle: event.title,
      eventStatus: event.status,
      eventServices: event.services,
      stage: comm.stage,
      dueAtUtc: iso(comm.dueAtMs),
      state: sentAtUtc !== null ? 'sent' : comm.dueAtMs <= context.nowMs ? 'overdue' : 'upcoming',
      sentAtUtc,
      reminderState: reminder?.state ?? null,
    });
  }
  return comms;
}

export interface ListOptions {
  fromMs: number;
  toMs: number;
  zone: string;
  weekStartsOn: 0 | 1;
  duties: readonly PlanDuty[];
  /** Duty id → its digest draft's id. */
  dutyDrafts: ReadonlyMap<string, string>;
}

export function listCalendar(context: QueryContext, options: ListOptions): CalendarList {
  const { fromMs, toMs } = options;
  const conflicts = findConflicts(context.events, context.freezes);
  const events: EventView[] = [];
  const comms: DueComm[] = [];
  const services = new Set<string>();
  for (const event of context.events) {
    for (const service of event.services) services.add(service);
    const startMs = startMsOf(event);
    const endMs = endMsOf(event);
    if (startMs < toMs && endMs > fromMs) events.push(toView(event, conflicts.get(event.id)));
    // Only events near the range can have messages due in it.
    if (endMs >= fromMs && startMs < toMs + MAX_LEAD_MS) {
      for (const comm of timedComms(event, context)) {
        // A sent message belongs to the day it went out.
        const atMs = Date.parse(comm.sentAtUtc ?? comm.dueAtUtc ?? '');
        if (atMs >= fromMs && atMs < toMs) comms.push(comm);
      }
    }
  }
  events.sort((a, b) => a.startsAtUtc.localeCompare(b.startsAtUtc) || a.title.localeCompare(b.title));
  comms.sort((a, b) => (a.dueAtUtc ?? '').localeCompare(b.dueAtUtc ?? ''));
  const duties = dutyOccurrences(options.duties, fromMs, toMs, options.zone).map((occurrence) => ({
    dutyId: occurrence.dutyId,
    typeId: occurrence.typeId,
    name: occurrence.name,
    audience: occurrence.audience,
    dateKey: occurrence.dateKey,
    dueAtUtc: iso(occurrence.dueAtMs),
    periodStartUtc: iso(occurrence.periodStartMs),
    draftId: options.dutyDrafts.get(occurrence.dutyId) ?? null,
  }));
  return {
    nowUtc: iso(context.nowMs),
    zone: options.zone,
    weekStartsOn: options.weekStartsOn,
    events,
    comms,
    duties,
    freezes: context.freezes.filter((freeze) => Date.parse(freeze.startsAtUtc) < toMs && Date.parse(freeze.endsAtUtc) > fromMs),
    services: [...services].sort((a, b) => a.localeCompare(b)),
  };
}

/** One event in full: every message it is owed, with its draft, and its clashes in words. */
export function eventDetail(event: MaintenanceEvent, context: QueryContext, drafts: ReadonlyMap<string, DraftRef>): EventDetail {
  const conflicts = findConflicts(context.events, context.freezes).get(event.id);
  const withDraft = (comm: DueComm): CommDetail => ({ ...comm, draft: drafts.get(comm.stage) ?? null });
  const comms: CommDetail[] = timedComms(event, context).map(withDraft);
  const changeComm = (stage: CommStage): CommDetail => {
    const sentAtUtc = event.sentStages[stage] ?? null;
    return withDraft({ eventId: event.id, eventTitle: event.title, eventStatus: event.status, eventServices: event.services, stage, dueAtUtc: null, state: sentAtUtc ? 'sent' : 'ready', sentAtUtc, reminderState: null });
  };
  // Users heard the old plan only if it was announced; otherwise the new dates go out in the announcement.
  if (wasAnnounced(event) && event.previousStartsAtUtc !== null && event.status !== 'cancelled') comms.push(changeComm('rescheduled'));
  if (wasAnnounced(event) && event.status === 'cancelled') comms.push(changeComm('cancelled'));
  const byId = new Map(context.events.map((other) => [other.id, other]));
  return {
    event: toView(event, conflicts),
    comms,
    overlapTitles: (conflicts?.overlapsWith ?? []).map((id) => byId.get(id)?.title ?? id),
    freezeLabels: (conflicts?.freezeIds ?? []).map((id) => context.freezes.find((freeze) => freeze.id === id)?.label ?? id),
  };
}
