// What an incident is called now: the title of its latest stage message
// (declared, update, holding or resolved), so a resolved incident reads
// "Incident Resolved - Sentry" on its card and in digests, not the
// declaration's "High Priority Incident Declared - Sentry". Zod-free: the
// renderer names incidents with it.
import type { Incident, IncidentTimelineKind } from './incident.ts';

const STAGE_KINDS: ReadonlySet<IncidentTimelineKind> = new Set(['declared', 'update', 'holding', 'resolved']);

export function currentIncidentName(incident: Pick<Incident, 'title' | 'timeline'>): string {
  const latest = incident.timeline.findLast(
    (entry) => STAGE_KINDS.has(entry.kind) && entry.summary.trim() !== '',
  );
  return latest?.summary ?? incident.title;
}
