// The calendar screen's state: which view and date the lead is looking at,
// what core said is in that month, the filters, and which day or event is
// open beside the grid. One fetch covers the whole month grid, so switching
// between month, week and agenda within it never waits on the network.
import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/index.ts';
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
  EventView,
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
};

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
  clearSelection: () => void;
  /** Shows a detail core just answered with (after a change), and reloads the month. */
  applyDetail: (detail: EventDetail, notice?: string) => void;
  refreshDetail: () => Promise<void>;
  say: (notice: string | null) => void;
}

function monthKey(state: Pick<CalendarState, 'cursor' | 'zone' | 'weekStartsOn'>): string | null {
  return state.cursor ? `${state.cursor.slice(0, 7)}|${state.zone}|${state.weekStartsOn}` : null;
}

/** Requests that finish out of order must not show an older month over a newer one. */
let latestRequest = 0;

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
    const request = ++latestRequest;
    set({ isLoading: true });
    const result = await herald().invoke('calendar:list', {
      fromUtc: new Date(days[0]!.startMs).toISOString(),
      toUtc: new Date(days.at(-1)!.endMs).toISOString(),
    });
    if (request !== latestRequest) return;
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
}));

// Selectors.

export interface VisibleItems {
  events: EventView[];
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
