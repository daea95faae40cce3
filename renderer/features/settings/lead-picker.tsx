// "Who are you?": the Slack user this Herald belongs to, picked from the
// workspace's people (users.list in core). It names the owner of what this
// lead declares, the actor in every message's metadata, and decides whose
// Herald raises an incident's alerts.
import { useId, useState } from 'react';
import type { WorkspaceUserView } from '../../../shared/api/channels/team.ts';
import { useSettings } from '../../server-state/settings-store.ts';
import { loadWorkspaceUsers } from './slack-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function LeadPicker() {
  const headingId = useId();
  const selectId = useId();
  const lead = useSettings((state) => state.settings?.lead ?? null);
  const update = useSettings((state) => state.update);
  const [users, setUsers] = useState<WorkspaceUserView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The user's pick, until saved; otherwise the saved lead.
  const [picked, setChoice] = useState<string | null>(null);
  const choice = picked ?? lead?.userId ?? '';

  const loadUsers = async () => {
    setProblem(null);
    const answer = await loadWorkspaceUsers();
    if (answer.ok) setUsers(answer.value);
    else setProblem(answer.error);
  };

  const save = async () => {
    const user = users?.find((user) => user.id === choice);
    const result = await update({ lead: user ? { userId: user.id, name: user.name } : null });
    if (result.ok) {
      setChoice(null);
      setNotice(user ? `You are ${user.name} in Slack.` : 'No lead named.');
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
        <div className="row">
          <button type="button" onClick={() => void loadUsers()}>
            Choose from the workspace
          </button>
        </div>
      ) : (
        <div className="row">
          <label htmlFor={selectId}>Your Slack user</label>
          <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Not named</option>
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
