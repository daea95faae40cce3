// The stored events ordered by start, so a view of a month looks at that
// month's events and not at every event the calendar ever held. Built once
// per stored list: the store hands out a new array on every write, so the
// index of an array never goes stale.
import { endMsOf, startMsOf, type MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';

interface Placed {
  event: MaintenanceEvent;
  startMs: number;
  endMs: number;
}

export interface CalendarIndex {
  /** Events whose window [start, end) overlaps [fromMs, toMs), earliest start first. */
  touching(fromMs: number, toMs: number): MaintenanceEvent[];
  /** Events that end at or after `fromMs` and start before `toMs`. */
  near(fromMs: number, toMs: number): MaintenanceEvent[];
  /** Events that start in [fromMs, toMs), earliest first. */
  startingIn(fromMs: number, toMs: number): MaintenanceEvent[];
  get(id: string): MaintenanceEvent | undefined;
  /** Every service named by any event, sorted. */
  services(): string[];
  /** The longest event's length: how far before a range an event may start and still reach into it. */
  readonly maxDurationMs: number;
}

const indexes = new WeakMap<readonly MaintenanceEvent[], CalendarIndex>();

/** The first position whose start is at or after `atMs`. */
function firstStartingAt(placed: readonly Placed[], atMs: number): number {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (placed[middle]!.startMs < atMs) low = middle + 1;
    else high = middle;
  }
  return low;
}

function buildIndex(events: readonly MaintenanceEvent[]): CalendarIndex {
  const placed: Placed[] = events.map((event) => ({
    event,
    startMs: startMsOf(event),
    endMs: endMsOf(event),
  }));
  placed.sort((a, b) => a.startMs - b.startMs);
  const maxDurationMs = placed.reduce((longest, item) => Math.max(longest, item.endMs - item.startMs), 0);
  const byId = new Map(events.map((event) => [event.id, event]));
  let services: string[] | null = null;

  /** Events starting in [fromMs − maxDuration, toMs) that pass `keep`. */
  function scan(fromMs: number, toMs: number, keep: (item: Placed) => boolean): MaintenanceEvent[] {
    const found: MaintenanceEvent[] = [];
    for (let index = firstStartingAt(placed, fromMs - maxDurationMs); index < placed.length; index++) {
      const item = placed[index]!;
      if (item.startMs >= toMs) break;
      if (keep(item)) found.push(item.event);
    }
    return found;
  }

  return {
    touching: (fromMs, toMs) => scan(fromMs, toMs, (item) => item.endMs > fromMs),
    near: (fromMs, toMs) => scan(fromMs, toMs, (item) => item.endMs >= fromMs),
    startingIn(fromMs, toMs) {
      const found: MaintenanceEvent[] = [];
      for (let index = firstStartingAt(placed, fromMs); index < placed.length; index++) {
        const item = placed[index]!;
        if (item.startMs >= toMs) break;
        found.push(item.event);
      }
      return found;
    },
    get: (id) => byId.get(id),
    services() {
      services ??= [...new Set(events.flatMap((event) => event.services))].sort((a, b) => a.localeCompare(b));
      return services;
    },
    maxDurationMs,
  };
}

/** The index of a stored event list (built on first use, then kept as long as the list is). */
export function calendarIndexOf(events: readonly MaintenanceEvent[]): CalendarIndex {
  let index = indexes.get(events);
  if (!index) {
    index = buildIndex(events);
    indexes.set(events, index);
  }
  return index;
}
