import { describe, expect, it } from 'vitest';
import {
  dutiesFromPlan,
  dutyOccurrences,
  occurrenceForId,
  parseDutyId,
  workingDayFor,
  type HolidayCheck,
} from '../../../../shared/calendar/plan-duties.ts';
import { resetToDefaultPlan } from '../../../../shared/plan/index.ts';
import { ZONE } from './event-fixtures.ts';

const plan = resetToDefaultPlan();
const iso = (epochMs: number) => new Date(epochMs).toISOString();

describe('recurring plan duties', () => {
  it('come from the plan’s weekly and fortnightly types', () => {
    expect(dutiesFromPlan(plan, {}).map((duty) => [duty.typeId, duty.everyWeeks])).toEqual([
      ['successes-cto', 1],
      ['successes-smt', 2],
    ]);
  });

  it('leave out retired types and follow the schedule the settings give', () => {
    const edited = {
      ...plan,
      types: plan.types.map((type) => (type.id === 'successes-smt' ? { ...type, isRetired: true } : type)),
    };
    const duties = dutiesFromPlan(edited, { 'successes-cto': { firstDate: '2026-01-05', time: '16:30' } });
    expect(duties).toHaveLength(1);
    expect(duties[0]!.schedule).toEqual({ firstDate: '2026-01-05', time: '16:30' });
  });

  it('fall on Friday mornings for the CTO and alternate Thursdays for the weeknotes, with stable ids', () => {
    const occurrences = dutyOccurrences(
      dutiesFromPlan(plan, {}),
      Date.parse('2026-04-13T00:00:00Z'),
      Date.parse('2026-04-27T00:00:00Z'),
      ZONE,
    );
    expect(occurrences.map((occurrence) => [occurrence.dutyId, iso(occurrence.dueAtMs)])).toEqual([
      ['successes-smt:2026-04-16', '2026-04-16T09:00:00.000Z'],
      ['successes-cto:2026-04-17', '2026-04-17T09:00:00.000Z'],
      ['successes-cto:2026-04-24', '2026-04-24T09:00:00.000Z'],
    ]);
  });

  it('keep 10:00 London time on both sides of the clock changes, and cover the period since the last one', () => {
    const duties = dutiesFromPlan(plan, {}).filter((duty) => duty.typeId === 'successes-cto');
    const around = (from: string, to: string) =>
      dutyOccurrences(duties, Date.parse(from), Date.parse(to), ZONE).map((occurrence) =>
        iso(occurrence.dueAtMs),
      );
    expect(around('2026-03-23T00:00:00Z', '2026-04-06T00:00:00Z')).toEqual([
      '2026-03-27T10:00:00.000Z',
      '2026-04-03T09:00:00.000Z',
    ]);
    expect(around('2026-10-19T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      '2026-10-23T09:00:00.000Z',
      '2026-10-30T10:00:00.000Z',
    ]);
    const afterChange = occurrenceForId(duties, 'successes-cto:2026-04-03', ZONE)!;
    expect([iso(afterChange.periodStartMs), iso(afterChange.dueAtMs)]).toEqual([
      '2026-03-27T10:00:00.000Z',
      '2026-04-03T09:00:00.000Z',
    ]);
  });

  it('read duty ids back, and know nothing of duties the plan no longer has', () => {
    expect(parseDutyId('successes-cto:2026-04-24')).toEqual({
      typeId: 'successes-cto',
      dateKey: '2026-04-24',
    });
    expect(parseDutyId('successes-cto')).toBeUndefined();
    expect(parseDutyId('successes-cto:2026-02-30')).toBeUndefined();
    expect(occurrenceForId(dutiesFromPlan(plan, {}), 'retired-type:2026-04-24', ZONE)).toBeUndefined();
  });

  it('move off a holiday to the working day before, over weekends and runs of holidays, keeping their ids', () => {
    const days: Record<string, string> = {
      '2026-12-25': 'Christmas Day',
      '2026-12-28': 'Boxing Day (substitute day)',
      '2026-04-03': 'Good Friday',
      '2026-04-06': 'Easter Monday',
    };
    const holidays: HolidayCheck = (dateKey) => days[dateKey] ?? null;
    expect(workingDayFor('2026-12-25', holidays)).toBe('2026-12-24');
    expect(workingDayFor('2026-04-06', holidays)).toBe('2026-04-02');
    expect(workingDayFor('2026-12-28', holidays)).toBe('2026-12-24');
    expect(workingDayFor('2026-12-23', holidays)).toBe('2026-12-23');
    const duties = dutiesFromPlan(plan, {}, holidays).filter((duty) => duty.typeId === 'successes-cto');
    // Christmas Day 2026 is a Friday: the CTO's weekly update falls due on Thursday 24th at 10:00 instead.
    const christmas = dutyOccurrences(
      duties,
      Date.parse('2026-12-21T00:00:00Z'),
      Date.parse('2026-12-26T00:00:00Z'),
      ZONE,
    );
    expect(
      christmas.map((occurrence) => [
        occurrence.dutyId,
        occurrence.dateKey,
        iso(occurrence.dueAtMs),
        occurrence.movedFrom,
      ]),
    ).toEqual([
      [
        'successes-cto:2026-12-25',
        '2026-12-24',
        '2026-12-24T10:00:00.000Z',
        { dateKey: '2026-12-25', holiday: 'Christmas Day' },
      ],
    ]);
    // A range ending before the holiday still finds the occurrence that moved into it; the next one covers the period since.
    expect(
      dutyOccurrences(
        duties,
        Date.parse('2026-12-24T00:00:00Z'),
        Date.parse('2026-12-24T23:00:00Z'),
        ZONE,
      ).map((occurrence) => occurrence.dutyId),
    ).toEqual(['successes-cto:2026-12-25']);
    const next = occurrenceForId(duties, 'successes-cto:2027-01-01', ZONE)!;
    expect(iso(next.periodStartMs)).toBe('2026-12-24T10:00:00.000Z');
    // Without holidays, it stays on the Friday.
    expect(occurrenceForId(dutiesFromPlan(plan, {}), 'successes-cto:2026-12-25', ZONE)!.dateKey).toBe(
      '2026-12-25',
    );
  });
});
