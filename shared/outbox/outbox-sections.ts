// The Outbox screen's three sections, by item state: what needs the lead
// (held, failed), what is on its way (queued, sending, scheduled) and what has
// finished (sent, cancelled). Zod-free: core counts items by section for a
// paged list, and the renderer files each item it shows under the same rule.
import type { OutboxState } from './outbox-item.ts';

export type OutboxSection = 'attention' | 'waiting' | 'finished';

export type OutboxSectionCounts = Record<OutboxSection, number>;

export function sectionOfState(state: OutboxState): OutboxSection {
  if (state === 'held' || state === 'failed') return 'attention';
  if (state === 'sent' || state === 'cancelled') return 'finished';
  return 'waiting';
}

export function countBySection(states: Iterable<OutboxState>): OutboxSectionCounts {
  const counts: OutboxSectionCounts = { attention: 0, waiting: 0, finished: 0 };
  for (const state of states) counts[sectionOfState(state)] += 1;
  return counts;
}
