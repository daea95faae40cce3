// Clashes the comms lead should see before announcing anything: two pieces
// of work at once, or work inside a period the team froze for changes.
// Cancelled events clash with nothing.
import { z } from 'zod';
import { endMsOf, startMsOf, type MaintenanceEvent } from './maintenance-event.ts';

export const changeFreezeSchema = z.object({
  id: z.string().min(1).max(200),
  label: z.string().trim().min(1).max(120),
  /** First instant of the freeze (the start of its first day, in the zone it was entered in). */
  startsAtUtc: z.iso.datetime(),
  /** First instant after it (the start of the day after its last day). */
  endsAtUtc: z.iso.datetime(),
});
export type ChangeFreeze = z.output<typeof changeFreezeSchema>;

export interface EventConflicts {
  /** Ids of other events whose windows overlap this one's. */
  overlapsWith: string[];
  /** Ids of change freezes the window touches. */
  freezeIds: string[];
}

type Timed = Pick<MaintenanceEvent, 'id' | 'startsAtUtc' | 'endsAtUtc' | 'status'>;

/** Half-open windows [start, end): work ending at 12:00 does not clash with work starting at 12:00. */
function overlaps(aStartMs: number, aEndMs: number, bStartMs: number, bEndMs: number): boolean {
  return aStartMs < bEndMs && bStartMs < aEndMs;
}

/**
 * Conflicts of every live event, keyed by id (events without any are left
 * out). A sweep over start-sorted windows: O(n log n + overlaps), so a
 * calendar of thousands stays quick.
 */
export function findConflicts(
  events: readonly Timed[],
  freezes: readonly ChangeFreeze[],
): Map<string, EventConflicts> {
  const live = events
    .filter((event) => event.status !== 'cancelled')
    .map((event) => ({ id: event.id, startMs: startMsOf(event), endMs: endMsOf(event) }))
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const result = new Map<string, EventConflicts>();
  const entry = (id: string): EventConflicts => {
    let found = result.get(id);
    if (!found) {
      found = { overlapsWith: [], freezeIds: [] };
      result.set(id, found);
    }
    return found;
  };

  let active: typeof live = [];
  for (const current of live) {
    active = active.filter((other) => other.endMs > current.startMs);
    for (const other of active) {
      if (!overlaps(current.startMs, current.endMs, other.startMs, other.endMs)) continue;
      entry(current.id).overlapsWith.push(other.id);
      entry(other.id).overlapsWith.push(current.id);
    }
    active.push(current);
  }

  const freezeWindows = freezes.map((freeze) => ({
    id: freeze.id,
    startMs: Date.parse(freeze.startsAtUtc),
    endMs: Date.parse(freeze.endsAtUtc),
  }));
  for (const event of live) {
    for (const freeze of freezeWindows) {
      if (overlaps(event.startMs, event.endMs, freeze.startMs, freeze.endMs))
        entry(event.id).freezeIds.push(freeze.id);
    }
  }
  return result;
}

/** True when the event clashes with anything. */
export function hasConflicts(conflicts: EventConflicts | undefined): boolean {
  return conflicts !== undefined && (conflicts.overlapsWith.length > 0 || conflicts.freezeIds.length > 0);
}
