// "Who are you?": the Slack user this Herald belongs to, picked from the
// workspace's people (users.list in core). It names the owner of what this
// lead declares, the actor in every message's metadata, and decides whose
// Herald raises an incident's alerts.
import { useEffect, useId, useState } from 'react';
import type { WorkspaceUserView } from '../../../shared/api/channels/team.ts';
import { useSettings } from '../../server-state/settings-store.ts';
import { knowSlackStatus, loadWorkspaceUsers, useSlack } from './slack-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function LeadPicker() {
  const headingId = useId();
  const selectId = useId();
  const lead = useSettings((state) => state.settings?.lead ?? null);
  const update = useSettings((state) => state.update);
  const slack = useSlack((state) => state.status);
  const [users, setUsers] = useState<WorkspaceUserView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  // The user's pick, until saved; otherwise the saved lead.
  const [picked, setChoice] = useState<string | null>(null);
  const choice = picked ?? lead?.userId ?? '';
  useEffect(() => knowSlackStatus(), []);
  // Only a connected Herald can ask Slack who is in the workspace; until then the saved lead stays as it is.
  const isConnected = slack?.connected === true;
  // A saved lead the list no longer holds (deactivated, or another workspace) stays choosable, so Save never drops it.
  const isLeadListed = lead === null || (users ?? []).some((user) => user.id === lead.userId);

  const loadUsers = async () => {
    setProblem(null);
    setBusy(true);
    const answer = await loadWorkspaceUsers();
    setBusy(false);
    if (answer.ok) setUsers(answer.value);
    else setProblem(`Herald could not list the workspace’s people: ${answer.error}`);
  };

  const save = async () => {
    setProblem(null);
    const user = users?.find((user) => user.id === choice);
    const next = user ? { userId: user.id, name: user.name } : choice === lead?.userId ? lead : null;
    const result = await update({ lead: next });
    if (result.ok) {
      setChoice(null);
      setNotice(next ? `You are ${next.name} in Slack.` : 'No lead named: what you declare names no owner.');
    } else setProblem(result.error.message);
  };

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>You, in Slack</h2>
      <p className="muted">
        Other leads’ Heralds see what you declare and take over as yours. Currently:{' '}
        <strong data-testid="lead-name">{lead ? lead.name : 'not named'}</strong>.
      </p>
      {users === null ? (
        isConnected ? (
          <div className="row">
            <button type="button" disabled={isBusy} onClick={() => void loadUsers()}>
              {isBusy ? 'Asking Slack…' : 'Choose from the workspace'}
            </button>
          </div>
        ) : (
          <p className="help" data-testid="lead-picker-offline">
            Herald lists the workspace’s people from Slack: connect Slack above to choose yourself.
            {lead ? ' Until then you stay named as above.' : ''}
          </p>
        )
      ) : (
        <div className="row">
          <label htmlFor={selectId}>Your Slack user</label>
          <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Not named</option>
            {lead && !isLeadListed ? (
              <option value={lead.userId}>{lead.name} (not in the workspace’s list now)</option>
            ) : null}
            {users.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} (@{person.handle})
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void save()}>
            Save
          </button>
        </div>
      )}
      <ErrorAlert error={problem} />
      <p role="status">{notice}</p>
    </section>
  );
}
