// Recurring duties from the plan's "when" column: each weekly or fortnightly
// type (successes for the CTO, the SMT weeknotes) falls due on a weekday at
// a time of day in the user's zone. Each occurrence has a stable id, "<type
// id>:<date>", which the reminder and the digest draft use. An occurrence
// that falls on a public holiday of the lead's region moves to the previous
// working day; its id keeps the date it would have had. The holiday data
// lives in core (electron/core/calendar/holidays.ts) and comes in as a
// function, so it never reaches the renderer's bundle.
import { z } from 'zod';
import type { CommunicationType, Plan } from '../plan/plan-schema.ts';
import { instantFromWallTime } from '../time/zoned.ts';
import {
  addDaysToKey,
  dateKeyOf,
  daysBetweenKeys,
  isDateKey,
  keyParts,
  weekdayOfKey,
  type DateKey,
} from './calendar-grid.ts';

const WEEKS_BY_CADENCE: Readonly<Partial<Record<CommunicationType['when'], number>>> = {
  weekly: 1,
  fortnightly: 2,
};

export const dateKeySchema = z.string().refine(isDateKey, 'must be a date such as 2026-04-24');
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 10:00');

/** When a duty recurs: on `firstDate`'s weekday, every one or two weeks from it, at `time`. */
export const dutyScheduleSchema = z.object({ firstDate: dateKeySchema, time: timeOfDaySchema });
export type DutySchedule = z.output<typeof dutyScheduleSchema>;

/** Friday mornings for the weekly duty, alternate Thursdays for the fortnightly one, unless the lead says otherwise. */
export const defaultDutySchedules: Readonly<Record<number, DutySchedule>> = {
  1: { firstDate: '2026-01-02', time: '10:00' },
  2: { firstDate: '2026-01-08', time: '10:00' },
};

/** The public holiday on a date in the lead's region, by name; null on any other day. */
export type HolidayCheck = (dateKey: DateKey) => string | null;
export const noHolidays: HolidayCheck = () => null;

export interface PlanDuty {
  typeId: string;
  name: string;
  audience: string;
  everyWeeks: number;
  schedule: DutySchedule;
  /** Holidays it skips; none when not given. */
  holidays?: HolidayCheck;
}

export interface DutyOccurrence {
  dutyId: string;
  typeId: string;
  name: string;
  audience: string;
  /** The day it is due: its scheduled date, or the working day before a holiday. */
  dateKey: DateKey;
  /** The holiday it moved away from, if it did. */
  movedFrom: { dateKey: DateKey; holiday: string } | null;
  dueAtMs: number;
  /** The period the digest covers: from the previous occurrence up to this one. */
  periodStartMs: number;
}

/** The plan's recurring types, with the schedule the settings give each (or the default for its cadence). */
export function dutiesFromPlan(
  plan: Plan,
  schedules: Readonly<Record<string, DutySchedule>>,
  holidays: HolidayCheck = noHolidays,
): PlanDuty[] {
  const duties: PlanDuty[] = [];
  for (const type of plan.types) {
    const everyWeeks = WEEKS_BY_CADENCE[type.when];
    if (type.isRetired || everyWeeks === undefined) continue;
    const schedule = schedules[type.id] ??
      defaultDutySchedules[everyWeeks] ?? { firstDate: '2026-01-02', time: '10:00' };
    duties.push({
      typeId: type.id,
      name: type.name,
      audience: type.audience,
      everyWeeks,
      schedule,
      holidays,
    });
  }
  return duties;
}

export function dutyIdOf(typeId: string, dateKey: DateKey): string {
  return `${typeId}:${dateKey}`;
}

/** Splits "<type id>:<date>"; undefined for anything else. */
export function parseDutyId(dutyId: string): { typeId: string; dateKey: DateKey } | undefined {
  const at = dutyId.lastIndexOf(':');
  if (at <= 0) return undefined;
  const typeId = dutyId.slice(0, at);
  const dateKey = dutyId.slice(at + 1);
  return isDateKey(dateKey) ? { typeId, dateKey } : undefined;
}

function dueAtMsOn(dateKey: DateKey, time: string, zone: string): number {
  const { year, month, day } = keyParts(dateKey);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantFromWallTime({ year, month, day, hour, minute }, zone);
}

const isWeekend = (dateKey: DateKey) => weekdayOfKey(dateKey) === 0 || weekdayOfKey(dateKey) === 6;
/** A run of holidays and weekends is never this long; the bound keeps a broken holiday list from looping. */
const MAX_DAYS_BACK = 14;

/** The day a duty scheduled for `dateKey` falls due: that day, or the last working day before it if it is a holiday. */
export function workingDayFor(dateKey: DateKey, holidays: HolidayCheck): DateKey {
  if (holidays(dateKey) === null) return dateKey;
  let candidate = addDaysToKey(dateKey, -1);
  for (let step = 1; step < MAX_DAYS_BACK && (isWeekend(candidate) || holidays(candidate) !== null); step++)
    candidate = addDaysToKey(candidate, -1);
  return candidate;
}

function occurrenceOn(duty: PlanDuty, scheduledKey: DateKey, zone: string): DutyOccurrence {
  const holidays = duty.holidays ?? noHolidays;
  const dateKey = workingDayFor(scheduledKey, holidays);
  const previousKey = workingDayFor(addDaysToKey(scheduledKey, -7 * duty.everyWeeks), holidays);
  const holiday = holidays(scheduledKey);
  return {
    dutyId: dutyIdOf(duty.typeId, scheduledKey),
    typeId: duty.typeId,
    name: duty.name,
    audience: duty.audience,
    dateKey,
    movedFrom: holiday === null ? null : { dateKey: scheduledKey, holiday },
    dueAtMs: dueAtMsOn(dateKey, duty.schedule.time, zone),
    periodStartMs: dueAtMsOn(previousKey, duty.schedule.time, zone),
  };
}

/** Every occurrence of the duties due in [fromMs, toMs), earliest first. */
export function dutyOccurrences(
  duties: readonly PlanDuty[],
  fromMs: number,
  toMs: number,
  zone: string,
): DutyOccurrence[] {
  const occurrences: DutyOccurrence[] = [];
  // A day's slack before (a due time late in the evening may sit on the neighbouring date in UTC terms),
  // and a fortnight after: an occurrence scheduled after the range may move back into it over holidays.
  const fromKey = addDaysToKey(dateKeyOf(fromMs, zone), -1);
  const toKey = addDaysToKey(dateKeyOf(toMs, zone), MAX_DAYS_BACK + 1);
  for (const duty of duties) {
    const stepDays = 7 * duty.everyWeeks;
    const offset = daysBetweenKeys(duty.schedule.firstDate, fromKey);
    let dateKey = addDaysToKey(duty.schedule.firstDate, Math.max(0, Math.ceil(offset / stepDays)) * stepDays);
    while (daysBetweenKeys(dateKey, toKey) >= 0) {
      const occurrence = occurrenceOn(duty, dateKey, zone);
      if (occurrence.dueAtMs >= fromMs && occurrence.dueAtMs < toMs) occurrences.push(occurrence);
      dateKey = addDaysToKey(dateKey, stepDays);
    }
  }
  return occurrences.sort((a, b) => a.dueAtMs - b.dueAtMs || a.typeId.localeCompare(b.typeId));
}

/** The occurrence a duty id names, if the duty is still in the plan. */
export function occurrenceForId(
  duties: readonly PlanDuty[],
  dutyId: string,
  zone: string,
): DutyOccurrence | undefined {
  const parsed = parseDutyId(dutyId);
  const duty = parsed && duties.find((candidate) => candidate.typeId === parsed.typeId);
  if (!parsed || !duty) return undefined;
  return occurrenceOn(duty, parsed.dateKey, zone);
}
