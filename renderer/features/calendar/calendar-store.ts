// The calendar screen's state: which view and date the lead is looking at,
// what core said is in that month, the filters, and which day or event is
// open beside the grid. One fetch covers the whole month grid, so switching
// between month, week and agenda within it never waits on the network.
import { create } from 'zustand';
import type { CalendarSettingsView } from '../../../shared/api/channels/calendar.ts';
import type { ApiError, ArgsIn, Channel, Result, ResultOf } from '../../../shared/api/index.ts';
import type { RemindersChanged } from '../../../shared/reminders/reminder-changes.ts';
import {
  addDaysToKey,
  addMonthsToKey,
  dateKeyOf,
  monthGrid,
  type DateKey,
} from '../../../shared/calendar/calendar-grid.ts';
import type {
  CalendarList,
  DueComm,
  DutyView,
  EventDetail,
  EventSummary,
} from '../../../shared/calendar/calendar-views.ts';
import { eventStatuses, type EventStatus } from '../../../shared/calendar/event-vocabulary.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings/defaults.ts';
import { herald } from '../../api/herald.ts';

export type CalendarView = 'month' | 'week' | 'agenda';
export type Selection = { kind: 'day'; key: DateKey } | { kind: 'event'; id: string } | null;

interface CalendarState {
  view: CalendarView;
  /** The focused date: the grid's roving focus and what "the month" means. */
  cursor: DateKey | null;
  today: DateKey | null;
  zone: string;
  weekStartsOn: 0 | 1;
  data: CalendarList | null;
  /** "2026-04|Europe/London|1": the month grid `data` covers. */
  loadedFor: string | null;
  isLoading: boolean;
  error: ApiError | null;
  serviceFilter: string;
  statusFilter: readonly EventStatus[];
  selection: Selection;
  detail: EventDetail | null;
  /** A short confirmation for the live region ("Saved", "Exported 3 events"). */
  notice: string | null;
  /** Lead times, duties and change freezes, once the settings panel has asked. */
  settingsView: CalendarSettingsView | null;
  /** Counts month requests: one that finishes after a newer one must not show an older month over it. */
  requestCount: number;
}

const initialState: CalendarState = {
  view: 'month',
  cursor: null,
  today: null,
  zone: DEFAULT_TIME_ZONE,
  weekStartsOn: 1,
  data: null,
  loadedFor: null,
  isLoading: false,
  error: null,
  serviceFilter: '',
  statusFilter: eventStatuses,
  selection: null,
  detail: null,
  notice: null,
  settingsView: null,
  requestCount: 0,
};

type Answer<C extends Channel> = Promise<Result<ResultOf<C>>>;

interface CalendarActions {
  /** Finds today on the (possibly test) clock and loads its month. */
  init: () => Promise<void>;
  /** Loads the cursor's month grid if it is not loaded, or again when `force`. */
  load: (force?: boolean) => Promise<void>;
  setView: (view: CalendarView) => void;
  moveCursor: (days: number) => void;
  moveMonths: (months: number) => void;
  goToday: () => void;
  setCursor: (key: DateKey) => void;
  setServiceFilter: (service: string) => void;
  toggleStatus: (status: EventStatus) => void;
  selectDay: (key: DateKey) => void;
  selectEvent: (id: string) => Promise<void>;
  /** An event by id (an "Open in Herald" link): its day becomes the cursor, with its panel open. */
  showEvent: (id: string) => Promise<void>;
  clearSelection: () => void;
  /** Shows a detail core just answered with (after a change), and reloads the month. */
  applyDetail: (detail: EventDetail, notice?: string) => void;
  refreshDetail: () => Promise<void>;
  say: (notice: string | null) => void;
  // The screen's changes, each answering core's Result so a dialog can show its own error beside its fields.
  /** Creates the event, or saves an edit of event `id`. */
  saveEvent: (id: string | undefined, event: ArgsIn<'calendar:create'>['event']) => Answer<'calendar:create'>;
  /** Creates a repeating event's occurrences (a new event with a repeat rule). */
  createSeries: (
    event: ArgsIn<'calendar:createSeries'>['event'],
    repeat: ArgsIn<'calendar:createSeries'>['repeat'],
  ) => Answer<'calendar:createSeries'>;
  reschedule: (args: ArgsIn<'calendar:reschedule'>) => Answer<'calendar:reschedule'>;
  cancelEvent: (id: string, reason: string) => Answer<'calendar:cancel'>;
  markSent: (args: ArgsIn<'calendar:markSent'>) => Answer<'calendar:markSent'>;
  duplicate: (id: string) => Answer<'calendar:duplicate'>;
  /** "Take over comms" on another lead's maintenance: a note in Slack, and this lead has comms from now. */
  takeOver: (eventId: string) => Answer<'calendar:takeOver'>;
  /** One event as a calendar file, or every event when `id` is left out. */
  exportIcs: (id?: string) => Answer<'calendar:exportIcs'>;
  previewImport: (ics: string) => Answer<'calendar:previewImport'>;
  /** Imports the chosen events, then reloads the month. */
  importIcs: (ics: string, uids: string[]) => Answer<'calendar:import'>;
  loadSettings: () => Promise<void>;
  /** Saves settings (lead times); the month reloads, as due times follow them. */
  updateSettings: (patch: ArgsIn<'calendar:updateSettings'>) => Answer<'calendar:updateSettings'>;
  addFreeze: (args: ArgsIn<'calendar:addFreeze'>) => Answer<'calendar:addFreeze'>;
  removeFreeze: (id: string) => Answer<'calendar:removeFreeze'>;
  /** The event's messages as Slack holds them (reconciled with Slack's scheduled list). */
  slackMessages: (id: string) => Answer<'calendar:slackMessages'>;
  /** The calendar file a message of this stage would carry into its thread (null when it carries none). */
  filePreview: (args: ArgsIn<'calendar:filePreview'>) => Answer<'calendar:filePreview'>;
  /** Carries out the lead's confirmed choices for messages that no longer say what the event says. */
  followChange: (args: ArgsIn<'calendar:follow'>) => Answer<'calendar:follow'>;
  /** Calls `onChange` whenever one of the event's outbox items moves on; returns the unsubscribe. */
  watchEventOutbox: (eventId: string, onChange: () => void) => () => void;
  /** What a change to part of a series reaches: its open occurrences and their messages waiting in Slack. */
  seriesPreview: (args: ArgsIn<'calendar:seriesPreview'>) => Answer<'calendar:seriesPreview'>;
  /** Cancels part of a series (applyDetail the answer's `first` to show it and reload the month). */
  cancelSeries: (args: ArgsIn<'calendar:cancelSeries'>) => Answer<'calendar:cancelSeries'>;
  /** Edits part of a series (applyDetail the answer's `first`, as for cancelSeries). */
  updateSeries: (args: ArgsIn<'calendar:updateSeries'>) => Answer<'calendar:updateSeries'>;
}

function monthKey(state: Pick<CalendarState, 'cursor' | 'zone' | 'weekStartsOn'>): string | null {
  return state.cursor ? `${state.cursor.slice(0, 7)}|${state.zone}|${state.weekStartsOn}` : null;
}

export const useCalendar = create<CalendarState & CalendarActions>()((set, get) => ({
  ...initialState,
  async init() {
    const clock = await herald().invoke('clock:now', {});
    const nowMs = clock.ok ? Date.parse(clock.value.nowUtc) : Date.now();
    const today = dateKeyOf(nowMs, get().zone);
    set({ today, cursor: get().cursor ?? today });
    await get().load(true);
  },
  async load(force = false) {
    const state = get();
    const key = monthKey(state);
    if (!state.cursor || !key || (!force && key === state.loadedFor)) return;
    const days = monthGrid(state.cursor, state.zone, state.weekStartsOn).flat();
    const request = get().requestCount + 1;
    set({ isLoading: true, requestCount: request });
    const result = await herald().invoke('calendar:list', {
      fromUtc: new Date(days[0]!.startMs).toISOString(),
      toUtc: new Date(days.at(-1)!.endMs).toISOString(),
    });
    if (request !== get().requestCount) return;
    if (!result.ok) {
      set({ isLoading: false, error: result.error });
      return;
    }
    const { zone, weekStartsOn, nowUtc } = result.value;
    const today = dateKeyOf(Date.parse(nowUtc), zone);
    // The grid was laid out for a guess at the zone or week start; lay it out again for the real ones.
    if (zone !== state.zone || weekStartsOn !== state.weekStartsOn) {
      set({ zone, weekStartsOn, today });
      await get().load(true);
      return;
    }
    set({ data: result.value, loadedFor: key, isLoading: false, error: null, today });
  },
  setView(view) {
    set({ view });
  },
  moveCursor(days) {
    const { cursor } = get();
    if (cursor) get().setCursor(addDaysToKey(cursor, days));
  },
  moveMonths(months) {
    const { cursor } = get();
    if (cursor) get().setCursor(addMonthsToKey(cursor, months));
  },
  goToday() {
    const { today } = get();
    if (today) get().setCursor(today);
  },
  setCursor(key) {
    set({ cursor: key });
    void get().load();
  },
  setServiceFilter(service) {
    set({ serviceFilter: service });
  },
  toggleStatus(status) {
    const current = get().statusFilter;
    set({
      statusFilter: current.includes(status)
        ? current.filter((item) => item !== status)
        : eventStatuses.filter((item) => item === status || current.includes(item)),
    });
  },
  selectDay(key) {
    set({ selection: { kind: 'day', key }, detail: null, cursor: key });
    void get().load();
  },
  async selectEvent(id) {
    set({ selection: { kind: 'event', id } });
    const result = await herald().invoke('calendar:get', { id });
    if (get().selection?.kind !== 'event') return;
    if (result.ok) set({ detail: result.value, error: null });
    else set({ detail: null, error: result.error });
  },
  async showEvent(id) {
    set({ selection: { kind: 'event', id } });
    const result = await herald().invoke('calendar:get', { id });
    const { selection } = get();
    if (selection?.kind !== 'event' || selection.id !== id) return;
    if (!result.ok) {
      set({ detail: null, error: result.error });
      return;
    }
    set({ detail: result.value, error: null });
    get().setCursor(dateKeyOf(Date.parse(result.value.event.startsAtUtc), get().zone));
  },
  clearSelection() {
    set({ selection: null, detail: null });
  },
  applyDetail(detail, notice) {
    set({ selection: { kind: 'event', id: detail.event.id }, detail, notice: notice ?? null, error: null });
    void get().load(true);
  },
  async refreshDetail() {
    const { selection } = get();
    if (selection?.kind === 'event') await get().selectEvent(selection.id);
  },
  say(notice) {
    set({ notice });
  },
  saveEvent: (id, event) =>
    id === undefined
      ? herald().invoke('calendar:create', { event })
      : herald().invoke('calendar:update', { id, event }),
  createSeries: (event, repeat) => herald().invoke('calendar:createSeries', { event, repeat }),
  reschedule: (args) => herald().invoke('calendar:reschedule', args),
  cancelEvent: (id, reason) => herald().invoke('calendar:cancel', { id, reason }),
  markSent: (args) => herald().invoke('calendar:markSent', args),
  duplicate: (id) => herald().invoke('calendar:duplicate', { id }),
  takeOver: (eventId) => herald().invoke('calendar:takeOver', { eventId }),
  exportIcs: (id) => herald().invoke('calendar:exportIcs', id === undefined ? {} : { id }),
  previewImport: (ics) => herald().invoke('calendar:previewImport', { ics }),
  async importIcs(ics, uids) {
    const result = await herald().invoke('calendar:import', { ics, uids });
    if (result.ok) await get().load(true);
    return result;
  },
  async loadSettings() {
    const result = await herald().invoke('calendar:getSettings', {});
    if (result.ok) set({ settingsView: result.value });
  },
  async updateSettings(patch) {
    const result = await herald().invoke('calendar:updateSettings', patch);
    if (result.ok) {
      set({ settingsView: result.value });
      void get().load(true);
    }
    return result;
  },
  async addFreeze(args) {
    const result = await herald().invoke('calendar:addFreeze', args);
    if (result.ok) await Promise.all([get().loadSettings(), get().load(true)]);
    return result;
  },
  slackMessages: (id) => herald().invoke('calendar:slackMessages', { id }),
  filePreview: (args) => herald().invoke('calendar:filePreview', args),
  seriesPreview: (args) => herald().invoke('calendar:seriesPreview', args),
  cancelSeries: (args) => herald().invoke('calendar:cancelSeries', args),
  updateSeries: (args) => herald().invoke('calendar:updateSeries', args),
  followChange: (args) => herald().invoke('calendar:follow', args),
  watchEventOutbox: (eventId, onChange) =>
    herald().on('outbox:changed', (item) => {
      if (item.source.eventId === eventId) onChange();
    }),
  async removeFreeze(id) {
    const result = await herald().invoke('calendar:removeFreeze', { id });
    await Promise.all([get().loadSettings(), get().load(true)]);
    return result;
  },
}));

/**
 * Keeps the month and the open event current while the calendar is mounted: core events that change what it
 * shows reload it, bursts folded into one reload.
 */
export function followCalendar(): () => void {
  let timer: number | undefined;
  const reload = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const state = useCalendar.getState();
      void state.load(true);
      void state.refreshDetail();
    }, 150);
  };
  const api = herald();
  // A reminder change matters here only if it may be a maintenance message's (a closed id may be one).
  const onReminders = (change: RemindersChanged) => {
    if (
      change.closedIds.length > 0 ||
      change.upserted.some((reminder) => reminder.subject.type === 'maintenance')
    )
      reload();
  };
  const stops = [
    api.on('calendar:changed', reload),
    api.on('reminders:changed', onReminders),
    api.on('drafts:changed', reload),
    api.on('clock:changed', reload),
  ];
  return () => {
    window.clearTimeout(timer);
    for (const stop of stops) stop();
  };
}

// Selectors.

export interface VisibleItems {
  events: EventSummary[];
  comms: DueComm[];
  duties: DutyView[];
}

const EMPTY: VisibleItems = { events: [], comms: [], duties: [] };

/** What the filters let through. Duties are not about a service or status, so they always show. */
export function visibleItems(
  data: CalendarList | null,
  serviceFilter: string,
  statusFilter: readonly EventStatus[],
): VisibleItems {
  if (!data) return EMPTY;
  const isAllStatuses = statusFilter.length === eventStatuses.length;
  const passes = (status: EventStatus, services: readonly string[]) =>
    (isAllStatuses || statusFilter.includes(status)) &&
    (serviceFilter === '' || services.includes(serviceFilter));
  if (isAllStatuses && serviceFilter === '')
    return { events: data.events, comms: data.comms, duties: data.duties };
  return {
    events: data.events.filter((event) => passes(event.status, event.services)),
    comms: data.comms.filter((comm) => passes(comm.eventStatus, comm.eventServices)),
    duties: data.duties,
  };
}
