// Which messages the team sync reads again because their sender may have
// corrected them in place. Slack's chat.update leaves no new message in the
// channel, so reading on from where this Herald left off never sees a
// correction; an open incident's thread is read whole every round for that
// reason, but a maintenance's messages are each their own top-level message.
// What matters is what each channel last heard about another lead's
// maintenance still to come (the audiences ledger's record of it), so those
// messages are the ones read again, a few each round (team-sync-service.ts).
import { isFinished } from '../../../shared/calendar/event-vocabulary.ts';
import type { MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import type { AudienceLedger } from '../audiences/audience-ledger.ts';
import { compareTs } from './sync-cursors.ts';

/** A message to read again: the plan channel's name (no #) and its ts; `isThread` to read its whole thread. */
export interface Recheck {
  channel: string;
  ts: string;
  isThread?: boolean;
}

const SUBJECT_PREFIX = 'maintenance:';

/**
 * The latest message each channel heard about every unfinished maintenance read from another lead's Herald, in a
 * stable order (by ts, then channel), so reading a few per round visits each in turn. This Herald's own events are
 * left out: it is the source of their facts.
 */
export function maintenanceRechecks(
  ledger: Pick<AudienceLedger, 'subjectKeys' | 'channelsOf'>,
  findEvent: (id: string) => MaintenanceEvent | undefined,
): Recheck[] {
  const rechecks: Recheck[] = [];
  for (const key of ledger.subjectKeys()) {
    if (!key.startsWith(SUBJECT_PREFIX)) continue;
    const event = findEvent(key.slice(SUBJECT_PREFIX.length));
    if (event === undefined || event.origin !== 'slack' || isFinished(event)) continue;
    for (const [channel, heard] of Object.entries(ledger.channelsOf(key)))
      if (heard.ts !== null) rechecks.push({ channel, ts: heard.ts });
  }
  return rechecks.sort((a, b) => compareTs(a.ts, b.ts) || a.channel.localeCompare(b.channel));
}
