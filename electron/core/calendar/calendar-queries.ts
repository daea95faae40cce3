// Read-only views of the calendar: what a month, week or agenda shows (events
// with their clashes, messages due, duties, freezes) and one event in full.
// A view looks only at the events near its range (through the index by
// date), works out clashes among those, and reads the reminders of the
// messages it shows, so its cost follows the range, not the store.
// Schedules are memoised per event window and lead times, because working out
// wall-clock lead times across thousands of events is the costly part.
import type {
  CalendarList,
  CommDetail,
  DraftRef,
  DueComm,
  EventDetail,
  EventSummary,
  EventView,
} from '../../../shared/calendar/calendar-views.ts';
import {
  commsSchedule,
  reminderStageFor,
  type CommStage,
  type LeadTimes,
  type ScheduledComm,
} from '../../../shared/calendar/comms-schedule.ts';
import { findConflicts, type ChangeFreeze, type EventConflicts } from '../../../shared/calendar/conflicts.ts';
import { isFinished } from '../../../shared/calendar/event-lifecycle.ts';
import {
  endMsOf,
  startMsOf,
  wasAnnounced,
  type MaintenanceEvent,
} from '../../../shared/calendar/maintenance-event.ts';
import { dutyOccurrences, type PlanDuty } from '../../../shared/calendar/plan-duties.ts';
import type { Reminder, ReminderSubject } from '../../../shared/reminders/reminder.ts';
import { isOpen } from '../../../shared/reminders/reminder-facts.ts';
import { calendarIndexOf, type CalendarIndex } from './calendar-index.ts';

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The longest announcement lead time the settings allow, plus a day: how far before a range an event's messages may fall in it. */
export const MAX_LEAD_MS = 91 * 86_400_000;

/** A scheduled message with what every view asks of it worked out once: its due time as text and its reminder's subject. */
export interface MemoisedComm extends ScheduledComm {
  readonly dueAtUtc: string;
  readonly subject: ReminderSubject;
}

export type ScheduleMemo = (event: MaintenanceEvent, leadTimes: LeadTimes) => readonly MemoisedComm[];

/**
 * Schedules memoised per stored event: records are replaced, never changed,
 * so the record itself is the key (no key strings to build and collect on
 * every view), and a replaced record's entry goes with it.
 */
export function createScheduleMemo(): ScheduleMemo {
  const memo = new WeakMap<MaintenanceEvent, { leadTimes: LeadTimes; comms: MemoisedComm[] }>();
  return (event, leadTimes) => {
    const found = memo.get(event);
    if (found && found.leadTimes === leadTimes) return found.comms;
    const comms = commsSchedule(event, leadTimes).map((comm) => ({
      ...comm,
      dueAtUtc: iso(comm.dueAtMs),
      subject: { type: 'maintenance', eventId: event.id, stage: reminderStageFor(comm.stage) } as const,
    }));
    memo.set(event, { leadTimes, comms });
    return comms;
  };
}

/** The reminder that speaks for a subject: an open one if any, else the latest. */
export function speakingReminder(reminders: readonly Readonly<Reminder>[]): Readonly<Reminder> | undefined {
  let best: Readonly<Reminder> | undefined;
  for (const reminder of reminders) {
    const isBetter =
      !best ||
      (isOpen(reminder) && !isOpen(best)) ||
      (isOpen(reminder) === isOpen(best) && reminder.createdAtUtc > best.createdAtUtc);
    if (isBetter) best = reminder;
  }
  return best;
}

export interface QueryContext {
  /** Every stored event (a view reads them through the index). */
  events: readonly MaintenanceEvent[];
  freezes: readonly ChangeFreeze[];
  leadTimes: LeadTimes;
  nowMs: number;
  schedule: ScheduleMemo;
  /** The reminders of one subject (the scheduler's records). */
  remindersOf: (subject: ReminderSubject) => readonly Readonly<Reminder>[];
}

/** Clashes of `events` with anything: only events overlapping their span can clash with them. */
function conflictsAround(
  index: CalendarIndex,
  events: readonly MaintenanceEvent[],
  freezes: readonly ChangeFreeze[],
): Map<string, EventConflicts> {
  if (events.length === 0) return new Map();
  let fromMs = Number.POSITIVE_INFINITY;
  let toMs = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    fromMs = Math.min(fromMs, startMsOf(event));
    toMs = Math.max(toMs, endMsOf(event));
  }
  return findConflicts(index.touching(fromMs, Math.max(toMs, fromMs + 1)), freezes);
}

/** The whole event as its panel shows it (`calendar:get`), with what it clashes with. */
function toView(event: MaintenanceEvent, conflicts: EventConflicts | undefined): EventView {
  return { ...event, overlapsWith: conflicts?.overlapsWith ?? [], freezeIds: conflicts?.freezeIds ?? [] };
}

/** Summaries of events that clash with nothing, kept per stored record (most events, in every list that shows them). */
const clashFreeSummaries = new WeakMap<MaintenanceEvent, EventSummary>();

/** What a list carries of an event (see eventSummarySchema): the grid's words, not the event panel's. */
function toSummary(event: MaintenanceEvent, conflicts: EventConflicts | undefined): EventSummary {
  const hasClashes =
    conflicts !== undefined && (conflicts.overlapsWith.length > 0 || conflicts.freezeIds.length > 0);
  if (!hasClashes) {
    const kept = clashFreeSummaries.get(event);
    if (kept) return kept;
  }
  const summary: EventSummary = {
    id: event.id,
    title: event.title,
    status: event.status,
    workKind: event.workKind,
    startsAtUtc: event.startsAtUtc,
    endsAtUtc: event.endsAtUtc,
    timeZone: event.timeZone,
    services: event.services,
    owner: event.owner,
    origin: event.origin,
    seriesUid: event.seriesUid,
    recurrenceId: event.recurrenceId,
    overlapsWith: hasClashes ? conflicts.overlapsWith : [],
    freezeIds: hasClashes ? conflicts.freezeIds : [],
  };
  if (!hasClashes) clashFreeSummaries.set(event, summary);
  return summary;
}

/** The longest lead time in force, plus a day for clock changes: how far after a range its messages' events may start. */
const leadWindowMs = (leadTimes: LeadTimes) =>
  (Math.max(leadTimes.announcementDaysBefore, leadTimes.reminderDaysBefore) + 1) * 86_400_000;

function hasSentAny(event: MaintenanceEvent): boolean {
  for (const stage in event.sentStages) if (Object.hasOwn(event.sentStages, stage)) return true;
  return false;
}

/** Adds an event's timed messages to `comms` as due items; a finished event keeps only those that went out. */
function timedComms(
  event: MaintenanceEvent,
  context: QueryContext,
  comms: DueComm[],
  range?: { fromMs: number; toMs: number },
): DueComm[] {
  if (event.status === 'cancelled') return comms;
  for (const comm of context.schedule(event, context.leadTimes)) {
    const sentAtUtc = event.sentStages[comm.stage] ?? null;
    if (sentAtUtc === null && isFinished(event)) continue;
    if (range) {
      // A sent message belongs to the day it went out; checked before anything is built or looked up.
      const atMs = sentAtUtc === null ? comm.dueAtMs : Date.parse(sentAtUtc);
      if (!(atMs >= range.fromMs && atMs < range.toMs)) continue;
    }
    const reminder = speakingReminder(context.remindersOf(comm.subject));
    comms.push({
      eventId: event.id,
      eventTitle: event.title,
      eventStatus: event.status,
      eventServices: event.services,
      eventOwner: event.owner,
      eventOrigin: event.origin,
      stage: comm.stage,
      dueAtUtc: comm.dueAtUtc,
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

const byStartThenTitle = (a: MaintenanceEvent, b: MaintenanceEvent) =>
  compareText(a.startsAtUtc, b.startsAtUtc) || a.title.localeCompare(b.title);

/** The stored events whose window overlaps [fromMs, toMs), by start then title (the order every list shows). */
export function touchingByStart(index: CalendarIndex, fromMs: number, toMs: number): MaintenanceEvent[] {
  return index.touching(fromMs, toMs).sort(byStartThenTitle);
}

export function listCalendar(context: QueryContext, options: ListOptions): CalendarList {
  const { fromMs, toMs } = options;
  const index = calendarIndexOf(context.events);
  const listed = touchingByStart(index, fromMs, toMs);
  const conflicts = conflictsAround(index, listed, context.freezes);
  const events = listed.map((event) => toSummary(event, conflicts.get(event.id)));
  const comms: DueComm[] = [];
  // Only events near the range can have messages due in it: those starting within the longest lead time after it
  // (a message falls due at most that many wall-clock days, plus a clock change, before its event starts), and
  // further on, up to the longest lead time the settings allow, those with a message already sent (early) in it.
  const range = { fromMs, toMs };
  const leadEndMs = toMs + leadWindowMs(context.leadTimes);
  for (const event of index.near(fromMs, leadEndMs)) timedComms(event, context, comms, range);
  for (const event of index.startingIn(leadEndMs, toMs + MAX_LEAD_MS))
    if (hasSentAny(event)) timedComms(event, context, comms, range);
  // ISO instants in one format sort as plain strings; localeCompare's collation costs tens of milliseconds over a busy month.
  comms.sort((a, b) => compareText(a.dueAtUtc ?? '', b.dueAtUtc ?? ''));
  const duties = dutyOccurrences(options.duties, fromMs, toMs, options.zone).map((occurrence) => ({
    dutyId: occurrence.dutyId,
    typeId: occurrence.typeId,
    name: occurrence.name,
    audience: occurrence.audience,
    dateKey: occurrence.dateKey,
    dueAtUtc: iso(occurrence.dueAtMs),
    periodStartUtc: iso(occurrence.periodStartMs),
    draftId: options.dutyDrafts.get(occurrence.dutyId) ?? null,
    movedFrom: occurrence.movedFrom,
  }));
  return {
    nowUtc: iso(context.nowMs),
    zone: options.zone,
    weekStartsOn: options.weekStartsOn,
    events,
    comms,
    duties,
    freezes: context.freezes.filter(
      (freeze) => Date.parse(freeze.startsAtUtc) < toMs && Date.parse(freeze.endsAtUtc) > fromMs,
    ),
    services: index.services(),
  };
}

/** One event in full: every message it is owed, with its draft, and its clashes in words. */
export function eventDetail(
  event: MaintenanceEvent,
  context: QueryContext,
  drafts: ReadonlyMap<string, DraftRef>,
): EventDetail {
  const index = calendarIndexOf(context.events);
  const conflicts = conflictsAround(index, [event], context.freezes).get(event.id);
  const withDraft = (comm: DueComm): CommDetail => ({ ...comm, draft: drafts.get(comm.stage) ?? null });
  const comms: CommDetail[] = timedComms(event, context, []).map(withDraft);
  const changeComm = (stage: CommStage): CommDetail => {
    const sentAtUtc = event.sentStages[stage] ?? null;
    return withDraft({
      eventId: event.id,
      eventTitle: event.title,
      eventStatus: event.status,
      eventServices: event.services,
      eventOwner: event.owner,
      eventOrigin: event.origin,
      stage,
      dueAtUtc: null,
      state: sentAtUtc ? 'sent' : 'ready',
      sentAtUtc,
      reminderState: null,
    });
  };
  // Users heard the old plan only if it was announced; otherwise the new dates go out in the announcement.
  if (wasAnnounced(event) && event.previousStartsAtUtc !== null && event.status !== 'cancelled')
    comms.push(changeComm('rescheduled'));
  if (wasAnnounced(event) && event.status === 'cancelled') comms.push(changeComm('cancelled'));
  return {
    event: toView(event, conflicts),
    comms,
    overlapTitles: (conflicts?.overlapsWith ?? []).map((id) => index.get(id)?.title ?? id),
    freezeLabels: (conflicts?.freezeIds ?? []).map(
      (id) => context.freezes.find((freeze) => freeze.id === id)?.label ?? id,
    ),
  };
}
