// What a duty's digest learns from Herald's own records: feature and service
// announcements from the message history, and incidents resolved (with how
// long each lasted) from the incidents service. Completed maintenance comes
// from the calendar itself (duty-drafts.ts), so it is not read here.
import type { DigestItem } from '../../../shared/calendar/digest.ts';
import type { HistoryEntry } from '../../../shared/history/history-entry.ts';
import type { HistoryQuery } from '../../../shared/history/history-query.ts';
import type { Incident } from '../../../shared/incidents/incident.ts';
import { currentIncidentName } from '../../../shared/incidents/incident-name.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import type { HistoryPort } from './duty-drafts.ts';

export interface HistoryDigestDeps {
  history: { list(query: HistoryQuery): { entries: HistoryEntry[] } };
  incidents: () => readonly Incident[];
  plan: () => Plan;
}

/** The message's headline: its first line without Slack's bold markers. */
export function headlineOf(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return firstLine
    .replace(/^\*(.*)\*$/, '$1')
    .trim()
    .slice(0, 200);
}

export function createHistoryDigestSource(deps: HistoryDigestDeps): HistoryPort {
  return {
    digestItems({ fromMs, toMs }) {
      const featureTypes = new Set(
        deps
          .plan()
          .types.filter((type) => type.checklist === 'feature')
          .map((type) => type.id),
      );
      const { entries } = deps.history.list({
        fromUtc: new Date(fromMs).toISOString(),
        toUtc: new Date(toMs).toISOString(),
        limit: 1_000,
      });
      const features: DigestItem[] = entries
        // Thread replies are follow-ups, not announcements of their own.
        .filter(
          (entry) =>
            entry.source.typeId !== undefined &&
            featureTypes.has(entry.source.typeId) &&
            entry.threadTs === null,
        )
        .map((entry) => ({ kind: 'feature', title: headlineOf(entry.text), atUtc: entry.sentAtUtc }));
      const incidents: DigestItem[] = deps
        .incidents()
        .filter((incident) => incident.state === 'resolved' && incident.resolvedAtUtc !== null)
        .filter((incident) => {
          const resolvedMs = Date.parse(incident.resolvedAtUtc ?? '');
          return resolvedMs >= fromMs && resolvedMs < toMs;
        })
        .map((incident) => ({
          kind: 'incident',
          title: currentIncidentName(incident),
          atUtc: incident.resolvedAtUtc ?? incident.declaredAtUtc,
          durationMs: Math.max(
            0,
            Date.parse(incident.resolvedAtUtc ?? '') - Date.parse(incident.declaredAtUtc),
          ),
        }));
      return [...features, ...incidents];
    },
  };
}
