// Which messages the team sync reads again because their sender may have
// corrected them in place. Slack's chat.update leaves no new message in the
// channel, so reading on from where this Herald left off never sees a
// correction. An open incident's thread is read whole every round for that
// reason; the rest are listed here and read a few each round, in turn
// (team-sync-service.ts): what each channel last heard about another lead's
// maintenance still to come (each its own top-level message; the audiences
// ledger's record of it), and the threads of incidents resolved in the last
// day (a corrected resolution is a reply in its thread).
import { isFinished } from '../../../shared/calendar/event-vocabulary.ts';
import type { MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import type { Incident } from '../../../shared/incidents/incident.ts';
import type { AudienceLedger } from '../audiences/audience-ledger.ts';
import { compareTs } from './sync-cursors.ts';

/** A message to read again: the plan channel's name (no #) and its ts; `isThread` to read its whole thread. */
export interface Recheck {
  channel: string;
  ts: string;
  isThread?: boolean;
}

/** A resolved incident's thread is still read again this long after its resolution, for a corrected resolution. */
export const RESOLVED_WATCH_MS = 24 * 3_600_000;

const SUBJECT_PREFIX = 'maintenance:';

export interface CorrectionSources {
  ledger: Pick<AudienceLedger, 'subjectKeys' | 'channelsOf'>;
  findEvent: (id: string) => MaintenanceEvent | undefined;
  incidents: readonly Pick<Incident, 'state' | 'resolvedAtUtc' | 'threadTs' | 'channel'>[];
  nowMs: number;
}

/**
 * Every message to read again, in a stable order (by ts, then channel), so reading a few per round visits each in
 * turn: the latest message each channel heard about every unfinished maintenance read from another lead's Herald
 * (this Herald's own events are left out: it is the source of their facts), and the threads of incidents resolved
 * within RESOLVED_WATCH_MS.
 */
export function correctionRechecks(sources: CorrectionSources): Recheck[] {
  const rechecks: Recheck[] = [];
  for (const key of sources.ledger.subjectKeys()) {
    if (!key.startsWith(SUBJECT_PREFIX)) continue;
    const event = sources.findEvent(key.slice(SUBJECT_PREFIX.length));
    if (event === undefined || event.origin !== 'slack' || isFinished(event)) continue;
    for (const [channel, heard] of Object.entries(sources.ledger.channelsOf(key)))
      if (heard.ts !== null) rechecks.push({ channel, ts: heard.ts });
  }
  for (const incident of sources.incidents) {
    if (incident.state !== 'resolved' || incident.threadTs === null || incident.resolvedAtUtc === null)
      continue;
    if (sources.nowMs - Date.parse(incident.resolvedAtUtc) >= RESOLVED_WATCH_MS) continue;
    rechecks.push({ channel: incident.channel.replace(/^#/, ''), ts: incident.threadTs, isThread: true });
  }
  return rechecks.sort((a, b) => compareTs(a.ts, b.ts) || a.channel.localeCompare(b.channel));
}
