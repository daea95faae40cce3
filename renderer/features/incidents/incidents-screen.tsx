// The Incidents screen: open incidents first (with the next promised update
// and whether it is overdue), then those resolved in the last 30 days.
// Every action drafts the incident's next message in the composer.
import { useEffect, useState } from 'react';
import { herald } from '../../api/herald.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { IncidentCard } from './incident-card.tsx';
import { splitIncidents, useIncidents } from './incidents-store.ts';
import './incidents.css';

const TICK_MS = 30_000;

export function IncidentsScreen() {
  const incidents = useIncidents((state) => state.incidents);
  const error = useIncidents((state) => state.error);
  const openCompose = useNavigation((state) => state.openCompose);
  const [nowMs, setNowMs] = useState(() => serverNowMs());

  useEffect(() => {
    const stop = useIncidents.getState().follow();
    void useIncidents.getState().load().then(() => setNowMs(serverNowMs()));
    const timer = setInterval(() => setNowMs(serverNowMs()), TICK_MS);
    // A clock change (or a test clock's move) shows at once: overdue is about now.
    const stopClock = herald().on('clock:changed', (reading) => setNowMs(Date.parse(reading.nowUtc)));
    return () => {
      stop();
      stopClock();
      clearInterval(timer);
    };
  }, []);

  const { open, recent } = splitIncidents(incidents ?? [], nowMs);
  return (
    <div className="incidents stack-lg">
      {error ? (
        <p role="alert" className="error-banner">
          {error}
        </p>
      ) : null}
      <section aria-labelledby="open-incidents-heading" className="stack">
        <div className="row incidents-heading">
          <h2 id="open-incidents-heading">Open incidents</h2>
          <button type="button" onClick={() => openCompose({ kind: 'new', typeId: 'incidents', stage: 'declared' })}>
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
