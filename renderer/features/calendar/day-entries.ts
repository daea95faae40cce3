// What each day of the grid shows, as entries rather than raw items: an
// event with the messages it is owed on that day folded under it (its start
// and completion notices do not each repeat its title), the messages of an
// event that runs on another day grouped into one entry per event, and the
// recurring duties. Computed once for the whole month grid (the week view is
// a slice of it), so switching views never re-buckets the month's items.
import { bucketByDay, type DateKey, type GridDay } from '../../../shared/calendar/calendar-grid.ts';
import type { DueComm, DutyView, EventSummary } from '../../../shared/calendar/calendar-views.ts';
import type { VisibleItems } from './calendar-store.ts';

/** An event running on the day, with its messages due (or sent) that day. */
export interface EventEntry {
  kind: 'event';
  key: string;
  event: EventSummary;
  comms: DueComm[];
}

/** Messages of one event that runs on another day (an announcement a week ahead, a reminder the day before). */
export interface CommsEntry {
  kind: 'comms';
  key: string;
  eventId: string;
  eventTitle: string;
  comms: DueComm[];
}

export interface DutyEntry {
  kind: 'duty';
  key: string;
  duty: DutyView;
}

export type DayEntry = EventEntry | CommsEntry | DutyEntry;

/** When a message sits on the calendar: the day it went out, or the day it falls due. */
export const commInstant = (comm: DueComm): string => comm.sentAtUtc ?? comm.dueAtUtc ?? '';

const NO_ENTRIES: readonly DayEntry[] = [];

/** Date key → the day's entries: events first (by start), then other events' messages (by due time), then duties. */
export type EntriesByDay = ReadonlyMap<DateKey, readonly DayEntry[]>;

export function entriesOf(entries: EntriesByDay, key: DateKey): readonly DayEntry[] {
  return entries.get(key) ?? NO_ENTRIES;
}

export function entriesByDay(days: readonly GridDay[], items: VisibleItems): EntriesByDay {
  const events = bucketByDay(
    days,
    items.events,
    (event) => Date.parse(event.startsAtUtc),
    (event) => Date.parse(event.endsAtUtc),
  );
  const comms = bucketByDay(days, items.comms, (comm) => Date.parse(commInstant(comm)));
  const duties = bucketByDay(days, items.duties, (duty) => Date.parse(duty.dueAtUtc));
  const byDay = new Map<DateKey, readonly DayEntry[]>();
  days.forEach((day, index) => {
    const dayEvents = events[index]!;
    const dayComms = comms[index]!;
    const dayDuties = duties[index]!;
    if (dayEvents.length + dayComms.length + dayDuties.length === 0) return;
    const entries: DayEntry[] = [];
    const byEvent = new Map<string, EventEntry | CommsEntry>();
    for (const event of dayEvents) {
      const entry: EventEntry = { kind: 'event', key: event.id, event, comms: [] };
      byEvent.set(event.id, entry);
      entries.push(entry);
    }
    for (const comm of dayComms) {
      const owner = byEvent.get(comm.eventId);
      if (owner) {
        owner.comms.push(comm);
        continue;
      }
      const entry: CommsEntry = {
        kind: 'comms',
        key: `comms:${comm.eventId}`,
        eventId: comm.eventId,
        eventTitle: comm.eventTitle,
        comms: [comm],
      };
      byEvent.set(comm.eventId, entry);
      entries.push(entry);
    }
    for (const duty of dayDuties) entries.push({ kind: 'duty', key: duty.dutyId, duty });
    byDay.set(day.key, entries);
  });
  return byDay;
}
