import { describe, expect, it } from 'vitest';
import { findConflicts, hasConflicts, type ChangeFreeze } from '../../../../shared/calendar/conflicts.ts';
import { makeEvent } from './event-fixtures.ts';

const at = (hour: number) => `2026-04-23T${String(hour).padStart(2, '0')}:00:00.000Z`;
const event = (id: string, from: number, to: number, status: 'planned' | 'cancelled' = 'planned') =>
  makeEvent({ id, startsAtUtc: at(from), endsAtUtc: at(to), status });
const easterFreeze: ChangeFreeze = {
  id: 'f1',
  label: 'Easter freeze',
  startsAtUtc: '2026-04-22T23:00:00.000Z',
  endsAtUtc: '2026-04-23T12:00:00.000Z',
};

describe('clashes', () => {
  it('flags events whose windows overlap, both ways', () => {
    const conflicts = findConflicts([event('a', 9, 12), event('b', 11, 13), event('c', 14, 15)], []);
    expect(conflicts.get('a')?.overlapsWith).toEqual(['b']);
    expect(conflicts.get('b')?.overlapsWith).toEqual(['a']);
    expect(hasConflicts(conflicts.get('c'))).toBe(false);
  });

  it('does not flag work that ends as other work starts, nor cancelled work', () => {
    const conflicts = findConflicts(
      [event('a', 9, 12), event('b', 12, 13), event('c', 9, 13, 'cancelled')],
      [],
    );
    expect(conflicts.size).toBe(0);
  });

  it('finds every overlap in a chain and a nest', () => {
    const conflicts = findConflicts(
      [event('outer', 8, 18), event('x', 9, 10), event('y', 11, 12), event('z', 17, 19)],
      [],
    );
    expect(conflicts.get('outer')?.overlapsWith.sort()).toEqual(['x', 'y', 'z']);
    expect(conflicts.get('x')?.overlapsWith).toEqual(['outer']);
  });

  it('flags work inside a change freeze', () => {
    const conflicts = findConflicts([event('in', 11, 13), event('after', 12, 14)], [easterFreeze]);
    expect(conflicts.get('in')?.freezeIds).toEqual(['f1']);
    expect(conflicts.get('after')?.freezeIds ?? []).toEqual([]);
  });

  it('stays quick for thousands of events', () => {
    const many = Array.from({ length: 5_000 }, (_, index) =>
      makeEvent({
        id: `e${index}`,
        startsAtUtc: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString(),
        endsAtUtc: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000 + 5_400_000).toISOString(),
      }),
    );
    const started = performance.now();
    const conflicts = findConflicts(many, [easterFreeze]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(conflicts.get('e1')?.overlapsWith.sort()).toEqual(['e0', 'e2']);
  });
});
