// Recurring duties from the plan's "when" column: each weekly or fortnightly
// type (successes for the CTO, the SMT weeknotes) falls due on a weekday at
// a time of day in the user's zone. Each occurrence has a stable id, "<type
// id>:<date>", which the reminder and the digest draft use.
import { z } from 'zod';
import type { CommunicationType, Plan } from '../plan/plan-schema.ts';
import { instantFromWallTime } from '../time/zoned.ts';
import { addDaysToKey, dateKeyOf, daysBetweenKeys, isDateKey, keyParts, type DateKey } from './calendar-grid.ts';

const WEEKS_BY_CADENCE: Readonly<Partial<Record<CommunicationType['when'], number>>> = { weekly: 1, fortnightly: 2 };

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

export interface PlanDuty {
  typeId: string;
  name: string;
  audience: string;
  everyWeeks: number;
  schedule: DutySchedule;
}

export interface DutyOccurrence {
  dutyId: string;
  typeId: string;
  name: string;
  audience: string;
  dateKey: DateKey;
  dueAtMs: number;
  /** The period the digest covers: from the previous occurrence up to this one. */
  periodStartMs: number;
}

/** The plan's recurring types, with the schedule the settings give each (or the default for its cadence). */
export function dutiesFromPlan(plan: Plan, schedules: Readonly<Record<string, DutySchedule>>): PlanDuty[] {
  const duties: PlanDuty[] = [];
  for (const type of plan.types) {
    const everyWeeks = WEEKS_BY_CADENCE[type.when];
    if (type.isRetired || everyWeeks === undefined) continue;
    const schedule = schedules[type.id] ?? defaultDutySchedules[everyWeeks] ?? { firstDate: '2026-01-02', time: '10:00' };
    duties.push({ typeId: type.id, name: type.name, audience: type.audience, everyWeeks, schedule });
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

function occurrenceOn(duty: PlanDuty, dateKey: DateKey, zone: string): DutyOccurrence {
  const dueAtMs = dueAtMsOn(dateKey, duty.schedule.time, zone);
  return {
    dutyId: dutyIdOf(duty.typeId, dateKey),
    typeId: duty.typeId,
    name: duty.name,
    audience: duty.audience,
    dateKey,
    dueAtMs,
    periodStartMs: dueAtMsOn(addDaysToKey(dateKey, -7 * duty.everyWeeks), duty.schedule.time, zone),
  };
}

/** Every occurrence of the duties due in [fromMs, toMs), earliest first. */
export function dutyOccurrences(duties: readonly PlanDuty[], fromMs: number, toMs: number, zone: string): DutyOccurrence[] {
  const occurrences: DutyOccurrence[] = [];
  // A day's slack each side: a due time late in the evening may sit on the neighbouring date in UTC terms.
  const fromKey = addDaysToKey(dateKeyOf(fromMs, zone), -1);
  const toKey = addDaysToKey(dateKeyOf(toMs, zone), 1);
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
export function occurrenceForId(duties: readonly PlanDuty[], dutyId: string, zone: string): DutyOccurrence | undefined {
  const parsed = parseDutyId(dutyId);
  const duty = parsed && duties.find((candidate) => candidate.typeId === parsed.typeId);
  if (!parsed || !duty) return undefined;
  return occurrenceOn(duty, parsed.dateKey, zone);
}
