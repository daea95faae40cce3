// The maintenance calendar in core: events and change freezes in their store,
// every change kept in step with the event's reminders and drafts, and the
// recurring plan duties armed as they come near. Reminders are re-synced on
// start, every few hours, after clock jumps, and after each change, so a
// message falls due on time whether or not the calendar screen is open.
import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import type { CalendarSettingsView } from '../../../shared/api/channels/calendar.ts';
import { describeIssues } from '../../../shared/api/result-schema.ts';
import {
  calendarSettingsSchema,
  type CalendarSettings,
  type CalendarSettingsPatch,
} from '../../../shared/calendar/calendar-settings.ts';
import { addDaysToKey, startOfDateMs, type DateKey } from '../../../shared/calendar/calendar-grid.ts';
import type {
  CalendarList,
  EventDetail,
  ImportPreview,
  ImportProblem,
} from '../../../shared/calendar/calendar-views.ts';
import { commStageSchema, type CommStage } from '../../../shared/calendar/comms-schedule.ts';
import type { ChangeFreeze } from '../../../shared/calendar/conflicts.ts';
import {
  applyCancel,
  applyEdit,
  applySent,
  applyUnsent,
  canReschedule,
  timesChanged,
} from '../../../shared/calendar/event-lifecycle.ts';
import {
  eventFieldsSchema,
  fieldsOf,
  wasAnnounced,
  type EventFields,
  type MaintenanceEvent,
} from '../../../shared/calendar/maintenance-event.ts';
import type { SeriesRule, SeriesScope } from '../../../shared/calendar/event-series.ts';
import { dutiesFromPlan, type PlanDuty } from '../../../shared/calendar/plan-duties.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import {
  createScheduleMemo,
  eventDetail,
  listCalendar,
  touchingByStart,
  type QueryContext,
} from './calendar-queries.ts';
import { calendarIndexOf } from './calendar-index.ts';
import { applyImport, planImport, toPreview } from './calendar-import.ts';
import type { CalendarSettingsStore, CalendarStore } from './calendar-store.ts';
import {
  draftRef,
  draftsOfEvent,
  openEventDraft,
  refreshEventDrafts,
  type DraftsPort,
} from './comms-drafts.ts';
import { dutyDraftIds, openDutyDraft, syncDutyReminders, type HistoryPort } from './duty-drafts.ts';
import { eventsToSync, syncAllEventReminders, type ReminderPort } from './event-reminders.ts';
import { holidayCheck, isKnownHolidayRegion } from './holidays.ts';
import { exportIcs, icsFileName } from './ics/ics-export.ts';
import { parseIcs } from './ics/ics-import.ts';
import { movedDeadline, newEvent, normalised, type NewEventSeed } from './event-records.ts';
import { occurrenceFields, seriesOccurrences } from './event-series.ts';
import { isFinished } from '../../../shared/calendar/event-vocabulary.ts';
import {
  mergeMaintenanceMessage,
  settleOwner,
  type MaintenanceMessage,
} from '../team-sync/maintenance-merge.ts';
import { ownershipOf } from '../team-sync/ownership.ts';
import { isTheirs } from '../../../shared/team-sync/owner-wording.ts';
import { occurrenceUid } from './ics/ics-recurrence.ts';

/** How often reminders are re-synced while Herald runs (new duties, messages coming into the horizon). */
export const SYNC_EVERY_MS = 6 * 3_600_000;

export interface CalendarServiceDeps {
  store: CalendarStore;
  settingsStore: CalendarSettingsStore;
  reminders: ReminderPort;
  drafts: DraftsPort;
  plan: () => Plan;
  /** The user's zone: the grid's days and freezes' dates are read in it. */
  userZone: () => string;
  history?: HistoryPort;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  createId?: () => string;
  /** This Herald's lead (Slack user id, "" when none is named): the owner of events made here. */
  lead?: () => string;
}

export type Opened = { draftId: string; isNew: boolean };
/** The parts of an outbox item the calendar reads when a message goes out. */
export interface SentItem {
  /** Only a message (not the removal of one) is one of the event's messages going out. */
  kind?: string;
  state: string;
  sentAtUtc: string | null;
  source: { draftId?: string | undefined; eventId?: string | undefined; stage?: string | undefined };
}
export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

export interface CalendarService {
  list(fromMs: number, toMs: number): CalendarList;
  /**
   * The stored events whose window overlaps [fromMs, toMs), by start then title: for services that need the
   * records themselves (channels, messages sent), not a view of the grid with its messages due and clashes.
   */
  eventsTouching(fromMs: number, toMs: number): MaintenanceEvent[];
  get(id: string): Result<EventDetail>;
  create(fields: EventFields): Result<EventDetail>;
  /** A repeating event: every occurrence stored in one series, saved and armed at once. */
  createSeries(fields: EventFields, rule: SeriesRule): Result<{ created: number; first: EventDetail }>;
  update(id: string, fields: EventFields, reason?: string): Result<EventDetail>;
  reschedule(
    id: string,
    times: { startsAtUtc: string; endsAtUtc: string; userActionDeadlineUtc?: string | null },
    reason?: string,
  ): Result<EventDetail>;
  duplicate(id: string): Result<EventDetail>;
  cancel(id: string, reason?: string): Result<EventDetail>;
  /** The occurrences of `id`'s series a series change reaches (open ones, earliest first); refused for a single event. */
  seriesOf(id: string, scope: SeriesScope): Result<MaintenanceEvent[]>;
  /** Cancels every open occurrence in scope, each as `cancel` would. */
  cancelSeries(
    id: string,
    scope: SeriesScope,
    reason?: string,
  ): Result<{ changed: string[]; first: EventDetail }>;
  /** Applies an edit of `id` to every open occurrence in scope, times moved as this one's (occurrenceFields). */
  updateSeries(
    id: string,
    scope: SeriesScope,
    fields: EventFields,
    reason?: string,
  ): Result<{ changed: string[]; first: EventDetail }>;
  markSent(id: string, stage: CommStage, isSent?: boolean): Result<EventDetail>;
  openDraft(eventId: string, stage: CommStage): Result<Opened>;
  openDuty(dutyId: string): Result<Opened>;
  exportIcs(id?: string): Result<{ fileName: string; ics: string; eventCount: number }>;
  previewImport(ics: string): Result<ImportPreview>;
  importIcs(ics: string, uids?: readonly string[]): Result<ImportOutcome>;
  settings(): CalendarSettings;
  updateSettings(patch: CalendarSettingsPatch): CalendarSettings;
  duties(): PlanDuty[];
  /** Every change freeze, earliest first. */
  freezes(): ChangeFreeze[];
  addFreeze(label: string, firstDate: DateKey, lastDate: DateKey): Result<ChangeFreeze>;
  removeFreeze(id: string): Result<{ id: string }>;
  /** The stored event (for services that follow events, such as its messages in Slack). */
  find(id: string): MaintenanceEvent | undefined;
  /** An outbox item changed: when one of an event's messages is sent, mark it sent. */
  noteSent(item: SentItem): void;
  /** Arms the reminders now due within the horizon (events and duties). */
  sync(): void;
  /** Folds one maintenance message read from Slack into the calendar (team sync); idempotent, keyed by event id. */
  mergeFromSlack(message: MaintenanceMessage): MaintenanceEvent | undefined;
  /** Whether this Herald's lead has comms for it (also when no lead is named, or the owner is unknown). */
  isMine(event: Pick<MaintenanceEvent, 'owner'>): boolean;
  /**
   * This lead's "Take over comms", queued as outbox item `heraldId`: the event is theirs from now (its reminders
   * armed here) until Slack's order says another lead's earlier take-over won.
   */
  recordHandover(eventId: string, heraldId: string): Result<EventDetail>;
  start(): void;
  stop(): void;
  handlers: CalendarHandlers;
}

export function createCalendarService(deps: CalendarServiceDeps): CalendarService {
  const createId = deps.createId ?? (() => randomUUID());
  const schedule = createScheduleMemo();
  const nowUtc = () => new Date(deps.clock.now()).toISOString();
  const events = () => deps.store.read().events;
  const settings = () => deps.settingsStore.read();
  const duties = () => {
    const current = settings();
    return dutiesFromPlan(deps.plan(), current.dutySchedules, holidayCheck(current.holidayRegion));
  };
  const draftDeps = { drafts: deps.drafts, plan: deps.plan };
  let timer: TimerHandle | null = null;
  let stopJumps: (() => void) | null = null;

  const missing = (id: string) =>
    fail<never>(
      'not_found',
      `There is no maintenance event with the id "${id.slice(0, 80)}". It may have been removed.`,
    );
  const find = (id: string) => events().find((event) => event.id === id);

  function queryContext(): QueryContext {
    const data = deps.store.read();
    return {
      events: data.events,
      freezes: data.freezes,
      leadTimes: settings().leadTimes,
      nowMs: deps.clock.now(),
      schedule,
      remindersOf: (subject) => deps.reminders.withSubject(subject),
    };
  }

  function detailOf(event: MaintenanceEvent): EventDetail {
    const plan = deps.plan();
    const refs = new Map(
      [...draftsOfEvent(draftDeps, event.id)].map(([stage, stored]) => [
        stage,
        draftRef(stored, plan, deps.userZone()),
      ]),
    );
    return eventDetail(event, queryContext(), refs);
  }

  const lead = () => deps.lead?.() ?? '';
  // The panel decides with the same rule (shared/team-sync/owner-wording.ts), so what it offers is what main allows.
  const isMine = (event: Pick<MaintenanceEvent, 'owner'>) => !isTheirs(event.owner, lead());

  const syncContext = () => ({
    port: deps.reminders,
    leadTimes: settings().leadTimes,
    nowMs: deps.clock.now(),
    isMine,
  });

  /** Reminders and drafts follow; a failure there is logged, never undoes the saved event. */
  function follow(event: MaintenanceEvent, before: MaintenanceEvent | null): void {
    try {
      syncAllEventReminders([event], syncContext());
    } catch (error) {
      deps.logger.error('calendar.reminder_sync_failed', { eventId: event.id, error });
    }
    if (before && timesChanged(before, event)) refreshEventDrafts(draftDeps, event);
    // The change needs its own message only if people heard the old plan, and only from the lead who has comms.
    if (before && wasAnnounced(event) && isMine(event)) {
      const hasMoved = Date.parse(event.startsAtUtc) !== Date.parse(before.startsAtUtc);
      if (event.status === 'rescheduled' && hasMoved) openEventDraft(draftDeps, event, 'rescheduled');
      if (event.status === 'cancelled' && before.status !== 'cancelled')
        openEventDraft(draftDeps, event, 'cancelled');
    }
  }

  function save(next: MaintenanceEvent, before: MaintenanceEvent | null): EventDetail {
    deps.store.update((data) => ({
      ...data,
      events: before
        ? data.events.map((event) => (event.id === next.id ? next : event))
        : [...data.events, next],
    }));
    follow(next, before);
    deps.bus.emit('calendar:changed', { eventIds: [next.id] });
    return detailOf(next);
  }

  const make = (fields: EventFields, seed: Omit<NewEventSeed, 'id' | 'nowUtc'> = {}) =>
    newEvent(fields, { id: createId(), nowUtc: nowUtc(), owner: lead(), ...seed });

  /**
   * A change to an event another lead has comms for is refused: Herald drafts the "rescheduled" or "cancelled"
   * message only for the lead with comms, so a change made here would stand in this calendar with nobody told.
   * Taking over comms (calendar:takeOver) makes it this lead's to change and announce.
   */
  function refusedAsTheirs(event: MaintenanceEvent): Result<never> | null {
    if (isMine(event) || isFinished(event)) return null;
    return fail(
      'forbidden',
      'Another lead has comms for this maintenance, so only they can change it and tell people. Take over comms first.',
    );
  }

  function edit(id: string, fields: EventFields, reason: string): Result<EventDetail> {
    const current = find(id);
    if (!current) return missing(id);
    const refused = refusedAsTheirs(current);
    if (refused) return refused;
    const edited = applyEdit(current, normalised(fields), nowUtc(), reason);
    if (!edited.ok) return edited;
    return ok(edited.value === current ? detailOf(current) : save(edited.value, current));
  }

  const service: Omit<CalendarService, 'handlers'> = {
    list(fromMs, toMs) {
      const current = settings();
      return listCalendar(queryContext(), {
        fromMs,
        toMs,
        zone: deps.userZone(),
        weekStartsOn: current.weekStartsOn,
        duties: duties(),
        dutyDrafts: dutyDraftIds(deps.drafts),
      });
    },
    eventsTouching(fromMs, toMs) {
      return touchingByStart(calendarIndexOf(events()), fromMs, toMs);
    },
    find,
    get(id) {
      const event = find(id);
      return event ? ok(detailOf(event)) : missing(id);
    },
    create(fields) {
      return ok(save(make(fields), null));
    },
    createSeries(fields, rule) {
      // Like an imported RRULE series: one series UID, each occurrence keyed by its original start.
      const seriesUid = `${createId()}@herald`;
      const created = seriesOccurrences(normalised(fields), rule).map((occurrence) => {
        const recurrenceId = occurrence.startsAtUtc;
        return make(occurrence, {
          uid: occurrenceUid(seriesUid, Date.parse(recurrenceId)),
          seriesUid,
          recurrenceId,
        });
      });
      // One write and one reminder batch for the whole series, as an import does.
      deps.store.update((data) => ({ ...data, events: [...data.events, ...created] }));
      deps.reminders.batch('scheduled', () => {
        try {
          syncAllEventReminders(created, syncContext());
        } catch (error) {
          deps.logger.error('calendar.reminder_sync_failed', { error });
        }
      });
      deps.bus.emit('calendar:changed', { eventIds: created.map((event) => event.id) });
      return ok({ created: created.length, first: detailOf(created[0]!) });
    },
    update(id, fields, reason = '') {
      return edit(id, fields, reason);
    },
    reschedule(id, times, reason = '') {
      const current = find(id);
      if (!current) return missing(id);
      const refused = refusedAsTheirs(current);
      if (refused) return refused;
      if (!canReschedule(current))
        return fail(
          'conflict',
          `This event is ${current.status.replace('_', ' ')}, so it cannot be rescheduled.`,
        );
      if (!timesChanged(current, times))
        return fail(
          'invalid_argument',
          'That is when the work is already planned. Pick a new start or end.',
          { fields: ['startsAtUtc'] },
        );
      const candidate = {
        ...fieldsOf(current),
        startsAtUtc: times.startsAtUtc,
        endsAtUtc: times.endsAtUtc,
        userActionDeadlineUtc:
          times.userActionDeadlineUtc !== undefined
            ? times.userActionDeadlineUtc
            : movedDeadline(current, times.startsAtUtc),
      };
      const checked = eventFieldsSchema.safeParse(candidate);
      if (!checked.success) {
        const { message, ...detail } = describeIssues(checked.error.issues);
        return fail('invalid_argument', message, detail);
      }
      return edit(id, checked.data, reason);
    },
    duplicate(id) {
      const source = find(id);
      if (!source) return missing(id);
      const fields = fieldsOf(source);
      return ok(save(make({ ...fields, title: `${fields.title.slice(0, 193)} (copy)` }), null));
    },
    cancel(id, reason = '') {
      const current = find(id);
      if (!current) return missing(id);
      const refused = refusedAsTheirs(current);
      if (refused) return refused;
      const cancelled = applyCancel(current, nowUtc(), reason);
      return cancelled.ok ? ok(save(cancelled.value, current)) : cancelled;
    },
    seriesOf(id, scope) {
      const current = find(id);
      if (!current) return missing(id);
      if (current.seriesUid === null)
        return fail('invalid_argument', 'This event is not part of a series; change it on its own.');
      const fromMs = scope === 'following' ? Date.parse(current.startsAtUtc) : -Infinity;
      return ok(
        events()
          .filter(
            (event) =>
              event.seriesUid === current.seriesUid &&
              !isFinished(event) &&
              Date.parse(event.startsAtUtc) >= fromMs,
          )
          .sort((a, b) => a.startsAtUtc.localeCompare(b.startsAtUtc)),
      );
    },
    cancelSeries(id, scope, reason = '') {
      const reached = service.seriesOf(id, scope);
      if (!reached.ok) return reached;
      const refused = reached.value.map(refusedAsTheirs).find((result) => result !== null);
      if (refused) return refused;
      if (reached.value.length === 0)
        return fail(
          'conflict',
          'Every occurrence in that part of the series is already cancelled or complete.',
        );
      const changed: string[] = [];
      deps.reminders.batch('scheduled', () => {
        for (const occurrence of reached.value) {
          const cancelled = applyCancel(occurrence, nowUtc(), reason);
          if (!cancelled.ok) continue;
          save(cancelled.value, occurrence);
          changed.push(occurrence.id);
        }
      });
      return ok({ changed, first: detailOf(find(id)!) });
    },
    updateSeries(id, scope, fields, reason = '') {
      const anchor = find(id);
      if (!anchor) return missing(id);
      const reached = service.seriesOf(id, scope);
      if (!reached.ok) return reached;
      const refused = reached.value.map(refusedAsTheirs).find((result) => result !== null);
      if (refused) return refused;
      const edited = normalised(fields);
      // Every occurrence is checked before any is saved: the series changes whole or not at all.
      const planned: Array<{ before: MaintenanceEvent; after: MaintenanceEvent }> = [];
      for (const occurrence of reached.value) {
        const moved = occurrenceFields(edited, anchor, occurrence);
        const checked = eventFieldsSchema.safeParse(moved);
        if (!checked.success) {
          const { message, ...detail } = describeIssues(checked.error.issues);
          return fail('invalid_argument', message, detail);
        }
        const applied = applyEdit(occurrence, checked.data, nowUtc(), reason);
        if (!applied.ok) return applied;
        if (applied.value !== occurrence) planned.push({ before: occurrence, after: applied.value });
      }
      deps.reminders.batch('scheduled', () => {
        for (const { before, after } of planned) save(after, before);
      });
      return ok({ changed: planned.map(({ after }) => after.id), first: detailOf(find(id)!) });
    },
    markSent(id, stage, isSent = true) {
      const current = find(id);
      if (!current) return missing(id);
      const refused = refusedAsTheirs(current);
      if (refused) return refused;
      if (!isSent) return ok(save(applyUnsent(current, stage, nowUtc()), current));
      const sent = applySent(current, stage, nowUtc());
      return sent.ok ? ok(save(sent.value, current)) : sent;
    },
    openDraft(eventId, stage) {
      const event = find(eventId);
      if (!event) return missing(eventId);
      return openEventDraft(draftDeps, event, stage);
    },
    openDuty(dutyId) {
      return openDutyDraft(
        { drafts: deps.drafts, history: deps.history, events },
        duties(),
        dutyId,
        deps.userZone(),
      );
    },
    exportIcs(id) {
      if (id === undefined) {
        // Instants in one format order as plain strings (localeCompare's collation is slow over thousands).
        const all = [...events()].sort((a, b) =>
          a.startsAtUtc < b.startsAtUtc ? -1 : a.startsAtUtc > b.startsAtUtc ? 1 : 0,
        );
        return ok({
          fileName: 'herald-maintenance.ics',
          ics: exportIcs(all, nowUtc(), undefined, { leadTimes: settings().leadTimes }),
          eventCount: all.length,
        });
      }
      const event = find(id);
      if (!event) return missing(id);
      return ok({
        fileName: icsFileName(event.title),
        ics: exportIcs([event], nowUtc(), event.title, { leadTimes: settings().leadTimes }),
        eventCount: 1,
      });
    },
    previewImport(ics) {
      const parsed = parseIcs(ics, deps.userZone(), deps.clock.now());
      return parsed.ok ? ok(toPreview(parsed.value, planImport(parsed.value, events()))) : parsed;
    },
    importIcs(ics, uids) {
      const parsed = parseIcs(ics, deps.userZone(), deps.clock.now());
      if (!parsed.ok) return parsed;
      const wanted = uids ? new Set(uids) : null;
      const steps = planImport(parsed.value, events()).filter(
        (step) => !wanted || wanted.has(step.parsed.uid),
      );
      const { created, updated } = applyImport(steps, nowUtc(), make);
      // One write for the whole file, however many events it holds.
      if (created.length > 0 || updated.size > 0) {
        deps.store.update((data) => ({
          ...data,
          events: [...data.events.map((event) => updated.get(event.id) ?? event), ...created],
        }));
        // Every reminder the file brings is one change: saved, announced and re-armed once.
        deps.reminders.batch('scheduled', () => {
          try {
            syncAllEventReminders(created, syncContext());
          } catch (error) {
            deps.logger.error('calendar.reminder_sync_failed', { error });
          }
          // A changed event is followed like an edit: its drafts take the new times, and a move or cancellation users heard of gets its message.
          for (const step of steps) {
            const next = step.existing && updated.get(step.existing.id);
            if (next && step.existing) follow(next, step.existing);
          }
        });
        deps.bus.emit('calendar:changed', {
          eventIds: [...created.map((event) => event.id), ...updated.keys()],
        });
      }
      deps.logger.info('calendar.imported', { created: created.length, updated: updated.size });
      return ok({
        created: created.length,
        updated: updated.size,
        unchanged: steps.length - created.length - updated.size,
        problems: parsed.value.problems,
      });
    },
    settings,
    updateSettings(patch) {
      const next = deps.settingsStore.update((current) =>
        calendarSettingsSchema.parse({ ...current, ...patch }),
      );
      service.sync();
      deps.bus.emit('calendar:changed', { eventIds: [] });
      return next;
    },
    duties,
    freezes: () => [...deps.store.read().freezes].sort((a, b) => a.startsAtUtc.localeCompare(b.startsAtUtc)),
    addFreeze(label, firstDate, lastDate) {
      const zone = deps.userZone();
      const freeze: ChangeFreeze = {
        id: createId(),
        label,
        startsAtUtc: new Date(startOfDateMs(firstDate, zone)).toISOString(),
        endsAtUtc: new Date(startOfDateMs(addDaysToKey(lastDate, 1), zone)).toISOString(),
      };
      deps.store.update((data) => ({ ...data, freezes: [...data.freezes, freeze] }));
      deps.bus.emit('calendar:changed', { eventIds: [] });
      return ok(freeze);
    },
    removeFreeze(id) {
      if (!deps.store.read().freezes.some((freeze) => freeze.id === id))
        return fail('not_found', 'That change freeze no longer exists.');
      deps.store.update((data) => ({ ...data, freezes: data.freezes.filter((freeze) => freeze.id !== id) }));
      deps.bus.emit('calendar:changed', { eventIds: [] });
      return ok({ id });
    },
    noteSent(item) {
      if (item.state !== 'sent' || (item.kind !== undefined && item.kind !== 'message')) return;
      const origin = item.source.draftId ? deps.drafts.get(item.source.draftId)?.meta.origin : undefined;
      const eventId = item.source.eventId ?? (origin?.kind === 'calendar' ? origin.eventId : undefined);
      const stage = commStageSchema.safeParse(
        item.source.eventId ? item.source.stage : origin?.kind === 'calendar' ? origin.stage : undefined,
      );
      const event = eventId ? find(eventId) : undefined;
      if (!event || !stage.success || Object.hasOwn(event.sentStages, stage.data)) return;
      const sent = applySent(event, stage.data, item.sentAtUtc ?? nowUtc());
      if (sent.ok) save(sent.value, event);
    },
    isMine,
    recordHandover(eventId, heraldId) {
      const event = find(eventId);
      if (!event) return fail('not_found', 'That event is no longer in the calendar.');
      const me = lead();
      const pendingHandover = { heraldId, owner: me, previousOwner: event.owner };
      const next = settleOwner({ ...event, pendingHandover, handoverRefusedBy: '' });
      return ok(save(next, event));
    },
    mergeFromSlack(message) {
      const existing = find(message.facts.id);
      let merged = mergeMaintenanceMessage(existing, message);
      if (merged === undefined || merged === existing) return merged;
      // Tell this lead when a take-over of theirs lost to another lead's earlier one (Slack's order decides).
      const me = lead();
      const lost =
        me === '' ? undefined : ownershipOf(merged.ownerEvents ?? [], '').refused.find((r) => r.actor === me);
      if (lost && (merged.handoverRefusedBy ?? '') !== lost.winner)
        merged = { ...merged, handoverRefusedBy: lost.winner };
      // Another lead's event: its messages are theirs to send, so this Herald arms none (see event-reminders.ts).
      save(merged, existing ?? null);
      return merged;
    },
    sync() {
      try {
        deps.reminders.batch('scheduled', () => {
          const context = syncContext();
          syncAllEventReminders(eventsToSync(events(), context), context);
          syncDutyReminders(duties(), deps.reminders, deps.clock.now(), deps.userZone());
        });
      } catch (error) {
        deps.logger.error('calendar.sync_failed', { error });
      }
    },
    start() {
      if (timer) return;
      const tick = () => {
        service.sync();
        timer = deps.clock.setTimer(tick, SYNC_EVERY_MS);
      };
      stopJumps = deps.clock.onJump(() => service.sync());
      tick();
    },
    stop() {
      if (timer) deps.clock.clearTimer(timer);
      timer = null;
      stopJumps?.();
      stopJumps = null;
    },
  };
  return { ...service, handlers: calendarHandlers(service) };
}

type CalendarChannel =
  | 'calendar:list'
  | 'calendar:get'
  | 'calendar:create'
  | 'calendar:createSeries'
  | 'calendar:update'
  | 'calendar:reschedule'
  | 'calendar:duplicate'
  | 'calendar:cancel'
  | 'calendar:markSent'
  | 'calendar:openDraft'
  | 'calendar:openDuty'
  | 'calendar:exportIcs'
  | 'calendar:previewImport'
  | 'calendar:import'
  | 'calendar:getSettings'
  | 'calendar:updateSettings'
  | 'calendar:addFreeze'
  | 'calendar:removeFreeze';

export type CalendarHandlers = { [C in CalendarChannel]: Handler<C> };

/** The calendar:* channels: the router has parsed each one's arguments against the contract. */
function calendarHandlers(calendar: Omit<CalendarService, 'handlers'>): CalendarHandlers {
  const settle = <T>(result: Result<T>) => Promise.resolve(result);
  const settingsView = (): CalendarSettingsView => ({
    settings: calendar.settings(),
    duties: calendar.duties().map((duty) => ({
      typeId: duty.typeId,
      name: duty.name,
      audience: duty.audience,
      everyWeeks: duty.everyWeeks,
      schedule: duty.schedule,
    })),
    freezes: calendar.freezes(),
  });
  return {
    'calendar:list': ({ fromUtc, toUtc }) =>
      settle(ok(calendar.list(Date.parse(fromUtc), Date.parse(toUtc)))),
    'calendar:get': ({ id }) => settle(calendar.get(id)),
    'calendar:create': ({ event }) => settle(calendar.create(event)),
    'calendar:createSeries': ({ event, repeat }) => settle(calendar.createSeries(event, repeat)),
    'calendar:update': ({ id, event, reason }) => settle(calendar.update(id, event, reason)),
    'calendar:reschedule': ({ id, reason, ...times }) => settle(calendar.reschedule(id, times, reason)),
    'calendar:duplicate': ({ id }) => settle(calendar.duplicate(id)),
    'calendar:cancel': ({ id, reason }) => settle(calendar.cancel(id, reason)),
    'calendar:markSent': ({ id, stage, isSent }) => settle(calendar.markSent(id, stage, isSent)),
    'calendar:openDraft': ({ eventId, stage }) => settle(calendar.openDraft(eventId, stage)),
    'calendar:openDuty': ({ dutyId }) => settle(calendar.openDuty(dutyId)),
    'calendar:exportIcs': ({ id }) => settle(calendar.exportIcs(id)),
    'calendar:previewImport': ({ ics }) => settle(calendar.previewImport(ics)),
    'calendar:import': ({ ics, uids }) => settle(calendar.importIcs(ics, uids)),
    'calendar:getSettings': () => settle(ok(settingsView())),
    'calendar:updateSettings': (patch) => {
      if (patch.holidayRegion !== undefined && !isKnownHolidayRegion(patch.holidayRegion)) {
        return settle(
          fail(
            'invalid_argument',
            `Herald has no public holidays for "${patch.holidayRegion}". ` +
              'Use a country code with an optional region, such as GB-ENG or GB-SCT, or leave it empty for none.',
            { fields: ['holidayRegion'] },
          ),
        );
      }
      calendar.updateSettings(patch);
      return settle(ok(settingsView()));
    },
    'calendar:addFreeze': ({ label, firstDate, lastDate }) =>
      settle(calendar.addFreeze(label, firstDate, lastDate)),
    'calendar:removeFreeze': ({ id }) => settle(calendar.removeFreeze(id)),
  };
}
