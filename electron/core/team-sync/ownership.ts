// Who has comms for a subject (an incident or a maintenance), worked out from
// what Slack's messages about it say, in Slack's order: the one clock every
// lead's Herald shares. One implementation for both kinds of subject, so a
// take-over of either resolves the same way.
import { compareTs } from './sync-cursors.ts';

/** One message's word on ownership: the fields an incident's Slack event and a maintenance's owner event share. */
export interface OwnershipEvent {
  ts: string;
  heraldId: string;
  /** "declared" names the owner outright; "handover" takes over from `previousOwner`; others name it if none is known. */
  stage: string;
  actor: string;
  owner: string;
  previousOwner: string;
}

export interface Ownership {
  owner: string;
  /** Take-overs that lost to an earlier one (Slack order): who tried, and who had it by then. */
  refused: Array<{ ts: string; actor: string; winner: string }>;
}

export function sortedEvents<T extends Pick<OwnershipEvent, 'ts' | 'heraldId'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => compareTs(a.ts, b.ts) || a.heraldId.localeCompare(b.heraldId));
}

/**
 * Who has comms, by Slack's order: a declaration names its owner; a
 * hand-over takes effect only if it names, as the owner it takes over from,
 * the owner at that point in the log. Two leads taking over at once both name
 * the old owner: the first in Slack wins, the second is refused (and told).
 */
export function ownershipOf(events: readonly OwnershipEvent[], fallbackOwner: string): Ownership {
  let owner = fallbackOwner;
  const refused: Ownership['refused'] = [];
  for (const event of sortedEvents(events)) {
    if (event.stage === 'declared') {
      owner = event.owner || event.actor || owner;
    } else if (owner === '') {
      // The first message is beyond the look-back (or a maintenance has no declaration): the earliest that names an
      // owner stands for it.
      owner = event.owner;
    } else if (event.stage === 'handover') {
      if (event.previousOwner === owner) owner = event.owner;
      else if (event.owner !== owner) refused.push({ ts: event.ts, actor: event.actor, winner: owner });
    }
  }
  return { owner, refused };
}
