import { describe, expect, it } from 'vitest';
import { dutiesFromPlan, dutyOccurrences, occurrenceForId, parseDutyId } from '../../../../shared/calendar/plan-duties.ts';
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
    const edited = { ...plan, types: plan.types.map((type) => (type.id === 'successes-smt' ? { ...type, isRetired: true } : type)) };
    const duties = dutiesFromPlan(edited, { 'successes-cto': { firstDate: '2026-01-05', time: '16:30' } });
    expect(duties).toHaveLength(1);
    expect(duties[0]!.schedule).toEqual({ firstDate: '2026-01-05', time: '16:30' });
  });

  it('fall on Friday mornings for the CTO and alternate Thursdays for the weeknotes, with stable ids', () => {
    const occurrences = dutyOccurrences(dutiesFromPlan(plan, {}), Date.parse('2026-04-13T00:00:00Z'), Date.parse('2026-04-27T00:00:00Z'), ZONE);
    expect(occurrences.map((occurrence) => [occurrence.dutyId, iso(occurrence.dueAtMs)])).toEqual([
      ['successes-smt:2026-04-16', '2026-04-16T09:00:00.000Z'],
      ['successes-cto:2026-04-17', '2026-04-17T09:00:00.000Z'],
      ['successes-cto:2026-04-24', '2026-04-24T09:00:00.000Z'],
    ]);
  });

  it('keep 10:00 London time on both sides of the clock changes, and cover the period since the last one', () => {
    const duties = dutiesFromPlan(plan, {}).filter((duty) => duty.typeId === 'successes-cto');
    const around = (from: string, to: string) => dutyOccurrences(duties, Date.parse(from), Date.parse(to), ZONE).map((occurrence) => iso(occurrence.dueAtMs));
    expect(around('2026-03-23T00:00:00Z', '2026-04-06T00:00:00Z')).toEqual(['2026-03-27T10:00:00.000Z', '2026-04-03T09:00:00.000Z']);
    expect(around('2026-10-19T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual(['2026-10-23T09:00:00.000Z', '2026-10-30T10:00:00.000Z']);
    const afterChange = occurrenceForId(duties, 'successes-cto:2026-04-03', ZONE)!;
    expect([iso(afterChange.periodStartMs), iso(afterChange.dueAtMs)]).toEqual(['2026-03-27T10:00:00.000Z', '2026-04-03T09:00:00.000Z']);
  });

  it('read duty ids back, and know nothing of duties the plan no longer has', () => {
    expect(parseDutyId('successes-cto:2026-04-24')).toEqual({ typeId: 'successes-cto', dateKey: '2026-04-24' });
    expect(parseDutyId('successes-cto')).toBeUndefined();
    expect(parseDutyId('successes-cto:2026-02-30')).toBeUndefined();
    expect(occurrenceForId(dutiesFromPlan(plan, {}), 'retired-type:2026-04-24', ZONE)).toBeUndefined();
  });
});
