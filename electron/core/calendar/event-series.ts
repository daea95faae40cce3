// Making a series in core: the occurrences of a rule as instants. Each keeps
// the first one's wall-clock times in the event's zone (09:00 every Tuesday
// stays 09:00 across a clock change), and the users' deadline moves with its
// occurrence as it does when one event is rescheduled.
import type { SeriesRule } from '../../../shared/calendar/event-series.ts';
import type { EventFields } from '../../../shared/calendar/maintenance-event.ts';
import { addDaysInZone, instantFromWallTime, wallTimeInZone } from '../../../shared/time/zoned.ts';

/** The fields of each occurrence, earliest first; the first is `fields` itself. */
export function seriesOccurrences(fields: EventFields, rule: SeriesRule): EventFields[] {
  const shift = (utc: string, days: number) =>
    new Date(addDaysInZone(Date.parse(utc), days, fields.timeZone)).toISOString();
  return Array.from({ length: rule.count }, (_, index) => {
    const days = index * 7 * rule.everyWeeks;
    if (days === 0) return fields;
    return {
      ...fields,
      startsAtUtc: shift(fields.startsAtUtc, days),
      endsAtUtc: shift(fields.endsAtUtc, days),
      userActionDeadlineUtc:
        fields.userActionDeadlineUtc === null ? null : shift(fields.userActionDeadlineUtc, days),
    };
  });
}

const dayNumber = (epochMs: number, zone: string) => {
  const wall = wallTimeInZone(epochMs, zone);
  return Date.UTC(wall.year, wall.month - 1, wall.day) / 86_400_000;
};

/** `epochMs` moved by whole days in `zone`, at the wall-clock time of day that `timeOfDayMs` has. */
function onDayAt(epochMs: number, days: number, timeOfDayMs: number, zone: string): string {
  const day = wallTimeInZone(addDaysInZone(epochMs, days, zone), zone);
  const time = wallTimeInZone(timeOfDayMs, zone);
  const at = instantFromWallTime(
    { year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute },
    zone,
  );
  return new Date(at).toISOString();
}

/**
 * One occurrence's fields after the lead edited another (`anchor`) to `edited` for the whole series: the same
 * words, and its times moved as the anchor's were — by the same number of days, to the same wall-clock times — so
 * "Tuesdays 09:00–10:00" edited to "Wednesdays 10:00–11:30" reads that way on every occurrence, clock changes or not.
 */
export function occurrenceFields(
  edited: EventFields,
  anchor: Pick<EventFields, 'startsAtUtc' | 'endsAtUtc'>,
  occurrence: Pick<EventFields, 'startsAtUtc' | 'endsAtUtc'>,
): EventFields {
  const zone = edited.timeZone;
  const newStartMs = Date.parse(edited.startsAtUtc);
  const newEndMs = Date.parse(edited.endsAtUtc);
  const startDays = dayNumber(newStartMs, zone) - dayNumber(Date.parse(anchor.startsAtUtc), zone);
  const endDays = dayNumber(newEndMs, zone) - dayNumber(Date.parse(anchor.endsAtUtc), zone);
  const startsAtUtc = onDayAt(Date.parse(occurrence.startsAtUtc), startDays, newStartMs, zone);
  const endsAtUtc = onDayAt(Date.parse(occurrence.endsAtUtc), endDays, newEndMs, zone);
  // The users' deadline keeps its distance from the start.
  const userActionDeadlineUtc =
    edited.userActionDeadlineUtc === null
      ? null
      : new Date(
          Date.parse(startsAtUtc) + Date.parse(edited.userActionDeadlineUtc) - newStartMs,
        ).toISOString();
  return { ...edited, startsAtUtc, endsAtUtc, userActionDeadlineUtc };
}
