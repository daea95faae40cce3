// Making a series in core: the occurrences of a rule as instants. Each keeps
// the first one's wall-clock times in the event's zone (09:00 every Tuesday
// stays 09:00 across a clock change), and the users' deadline moves with its
// occurrence as it does when one event is rescheduled.
import type { SeriesRule } from '../../../shared/calendar/event-series.ts';
import type { EventFields } from '../../../shared/calendar/maintenance-event.ts';
import { addDaysInZone } from '../../../shared/time/zoned.ts';

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
