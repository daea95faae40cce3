// The Incidents screen: open incidents first (with the next promised update
// and whether it is overdue), then those resolved in the last 30 days.
// Every action drafts the incident's next message in the composer.
import { useEffect } from 'react';
import { useNavigation } from '../../app/navigation-store.ts';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { IncidentCard } from './incident-card.tsx';
import { splitIncidents, useIncidents } from './incidents-store.ts';
import './incidents.css';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function IncidentsScreen() {
  const incidents = useIncidents((state) => state.incidents);
  const error = useIncidents((state) => state.error);
  const openCompose = useNavigation((state) => state.openCompose);
  // Herald's now, read again every half minute and at once when the clock moves: overdue is about now.
  const nowMs = useHeraldNow();

  useEffect(() => {
    const stop = useIncidents.getState().follow();
    void useIncidents.getState().load();
    return stop;
  }, []);

  const { open, recent } = splitIncidents(incidents ?? [], nowMs);
  const linked = useNavigation((state) =>
    state.linkedTarget?.target.kind === 'incident' ? state.linkedTarget : null,
  );
  const linkedId = linked?.target.id ?? null;
  const isLinkedListed =
    linkedId !== null && [...open, ...recent].some((incident) => incident.id === linkedId);
  const linkedElsewhere =
    linkedId !== null && !isLinkedListed
      ? (incidents ?? []).find((incident) => incident.id === linkedId)
      : undefined;
  // Once the linked incident's card is on screen: into view and focused (its outline says which one it is).
  useEffect(() => {
    if (!linked || !isLinkedListed) return;
    const card = document.querySelector<HTMLElement>(`[data-incident-id="${CSS.escape(linked.target.id)}"]`);
    card?.scrollIntoView({ block: 'center' });
    card?.focus({ preventScroll: true });
  }, [linked, isLinkedListed]);
  return (
    <div className="incidents stack-lg">
      <ErrorAlert error={error} isBanner />
      {linkedElsewhere ? (
        <p className="warning-text" role="status" data-testid="linked-incident-old">
          The linked incident, “{linkedElsewhere.title}”, was resolved more than 30 days ago, so it is no
          longer listed here; its messages are in History.
        </p>
      ) : null}
      <section aria-labelledby="open-incidents-heading" className="stack">
        <div className="row incidents-heading">
          <h2 id="open-incidents-heading">Open incidents</h2>
          <button
            type="button"
            onClick={() => openCompose({ kind: 'new', typeId: 'incidents', stage: 'declared' })}
          >
            Declare an incident
          </button>
        </div>
        {incidents === null ? <p className="muted">Loading incidents…</p> : null}
        {incidents !== null && open.length === 0 ? <p className="muted">No open incidents.</p> : null}
        {open.map((incident) => (
          <IncidentCard
            key={incident.id}
            incident={incident}
            nowMs={nowMs}
            isLinked={incident.id === linkedId}
          />
        ))}
      </section>
      <section aria-labelledby="recent-incidents-heading" className="stack">
        <h2 id="recent-incidents-heading">Resolved in the last 30 days</h2>
        {incidents !== null && recent.length === 0 ? <p className="muted">None.</p> : null}
        {recent.map((incident) => (
          <IncidentCard
            key={incident.id}
            incident={incident}
            nowMs={nowMs}
            isLinked={incident.id === linkedId}
          />
        ))}
      </section>
    </div>
  );
}
