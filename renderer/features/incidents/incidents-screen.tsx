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
  return (
    <div className="incidents stack-lg">
      <ErrorAlert error={error} isBanner />
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
          <IncidentCard key={incident.id} incident={incident} nowMs={nowMs} />
        ))}
      </section>
      <section aria-labelledby="recent-incidents-heading" className="stack">
        <h2 id="recent-incidents-heading">Resolved in the last 30 days</h2>
        {incidents !== null && recent.length === 0 ? <p className="muted">None.</p> : null}
        {recent.map((incident) => (
          <IncidentCard key={incident.id} incident={incident} nowMs={nowMs} />
        ))}
      </section>
    </div>
  );
}
