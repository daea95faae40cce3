// Drafts waiting to be finished: open, duplicate, or move to the bin (with
// undo). Refreshed whenever a draft changes anywhere.
import { useEffect } from 'react';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import { formatRelative } from '../../../shared/time/index.ts';
import { useComposer } from './composer-store.ts';
import { followDrafts, useDrafts } from './drafts-store.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function DraftList() {
  const plan = usePlan((state) => state.plan);
  const openDraftById = useComposer((state) => state.openDraftById);
  const openStored = useComposer((state) => state.openStored);
  const drafts = useDrafts((state) => state.drafts);
  const binned = useDrafts((state) => state.binned);
  const error = useDrafts((state) => state.error);
  const remove = useDrafts((state) => state.bin);
  const undo = useDrafts((state) => state.undoBin);

  useEffect(() => followDrafts(), []);

  const duplicate = async (id: string) => {
    const result = await useDrafts.getState().duplicate(id);
    if (result.ok) await openStored(result.value);
  };

  const nowMs = serverNowMs();
  return (
    <section className="card" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">Carry on with a draft</h2>
      <ErrorAlert error={error} />
      <div role="status">
        {binned ? (
          <p className="row">
            Moved “{binned.label || 'Untitled draft'}” to the bin.
            <button type="button" onClick={() => void undo()}>
              Undo
            </button>
          </p>
        ) : null}
      </div>
      {drafts === null ? <p className="muted">Loading drafts…</p> : null}
      {drafts?.length === 0 ? (
        <p className="muted">No drafts. Everything you start is kept here until it is sent.</p>
      ) : null}
      <ul className="draft-list">
        {drafts?.map((summary) => {
          const label = summary.label || 'Untitled draft';
          const typeName = (plan && findType(plan, summary.typeId)?.name) ?? summary.typeId;
          return (
            <li key={summary.id} className="draft-row">
              <div>
                <p className="draft-label">{label}</p>
                <p className="muted">
                  {typeName} · {summary.stage} · {summary.channel ? `#${summary.channel} · ` : ''}changed{' '}
                  {formatRelative(Date.parse(summary.updatedAtUtc), nowMs)}
                </p>
              </div>
              <div className="row">
                <button
                  type="button"
                  onClick={() => void openDraftById(summary.id)}
                  aria-label={`Open ${label}`}
                >
                  Open
                </button>
                <button
                  type="button"
                  onClick={() => void duplicate(summary.id)}
                  aria-label={`Duplicate ${label}`}
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  onClick={() => void remove(summary)}
                  aria-label={`Move ${label} to the bin`}
                >
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
