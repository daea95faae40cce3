// The plan's message types: what each is, with Edit and Retire/Restore.
// Retiring keeps a type for history, drafts and templates but stops
// offering it for new messages, so it is always reversible.
import { useState } from 'react';
import { findChecklist } from '../../../shared/messages/checklists/index.ts';
import { restoreType, retireType } from '../../../shared/plan/plan-edits.ts';
import type { CommunicationType, Plan } from '../../../shared/plan/plan-schema.ts';
import { cadenceLabels } from '../../../shared/plan/plan-vocabulary.ts';
import { FieldError } from '../../ui/form-field.tsx';
import type { Announce } from './plan-editor.tsx';
import { usePlan } from '../../server-state/plan-store.ts';
import { TypeForm } from './type-form.tsx';
import { useFocusKey } from '../../ui/use-focus-key.ts';

const NEW_TYPE = '(new)';

function whereItGoes(type: CommunicationType): string {
  const channels = type.destinations.flatMap((item) => (item.kind === 'slack' ? [`#${item.channel}`] : []));
  const copies = type.destinations.flatMap((item) => (item.kind === 'copy' ? [item.name] : []));
  const parts = [channels.join(', '), copies.length > 0 ? `copied to ${copies.join(', ')}` : ''].filter(
    (part) => part !== '',
  );
  return parts.join('; ');
}

function TypeFacts({ type }: { type: CommunicationType }) {
  const checklist = findChecklist(type.checklist);
  const stageNames = type.stages.map((id) => checklist?.stages.find((stage) => stage.id === id)?.name ?? id);
  return (
    <dl className="type-facts">
      <dt>Audience</dt>
      <dd>{type.audience}</dd>
      <dt>When</dt>
      <dd>
        {cadenceLabels[type.when]}
        {type.whenNote ? ` — ${type.whenNote}` : ''}
      </dd>
      <dt>Where</dt>
      <dd>{whereItGoes(type)}</dd>
      <dt>Checklist</dt>
      <dd>
        {checklist?.name ?? type.checklist}
        {stageNames.length > 1 ? ` (${stageNames.join(', ')})` : ''}
      </dd>
      <dt>Title</dt>
      <dd>
        <code>{type.titlePattern}</code>
      </dd>
    </dl>
  );
}

export function TypeList({ plan, announce }: { plan: Plan; announce: Announce }) {
  const save = usePlan((state) => state.save);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { containerRef, focusKey } = useFocusKey<HTMLElement>();

  async function setRetired(type: CommunicationType, isRetired: boolean) {
    const edited = isRetired ? retireType(plan, type.id) : restoreType(plan, type.id);
    const result = edited.ok ? await save(edited.value) : edited;
    setErrors((current) => {
      const { [type.id]: _dropped, ...rest } = current;
      return result.ok ? rest : { ...rest, [type.id]: result.error.message };
    });
    if (!result.ok) return;
    focusKey(`${isRetired ? 'restore' : 'retire'}-${type.id}`);
    announce(
      isRetired
        ? `Saved: “${type.name}” is retired. It is no longer offered for new messages; its drafts, templates and history are kept.`
        : `Saved: “${type.name}” is back in use.`,
    );
  }

  function closeForm(typeId: string, savedName: string | null, verb: string) {
    setEditing(null);
    focusKey(typeId === NEW_TYPE ? 'add-type' : `edit-${typeId}`);
    if (savedName !== null) announce(`Saved: ${verb} “${savedName}”.`);
  }

  return (
    <section aria-labelledby="plan-types-heading" className="plan-part" ref={containerRef}>
      <h3 id="plan-types-heading">Message types</h3>
      <ul className="plain-list type-list">
        {plan.types.map((type) => (
          <li
            key={type.id}
            className={`type-card${type.isRetired ? ' is-retired' : ''}`}
            data-testid={`plan-type-${type.id}`}
          >
            {editing === type.id ? (
              <TypeForm
                plan={plan}
                base={type}
                onDone={(savedName) => closeForm(type.id, savedName, 'changed')}
              />
            ) : (
              <>
                <div className="type-head">
                  <h4>{type.name}</h4>
                  {type.isRetired ? <span className="tag">Retired</span> : null}
                </div>
                <TypeFacts type={type} />
                <div className="row">
                  <button
                    type="button"
                    data-focus-key={`edit-${type.id}`}
                    aria-label={`Edit ${type.name}`}
                    onClick={() => setEditing(type.id)}
                  >
                    Edit
                  </button>
                  {type.isRetired ? (
                    <button
                      type="button"
                      data-focus-key={`restore-${type.id}`}
                      aria-label={`Restore ${type.name}`}
                      onClick={() => void setRetired(type, false)}
                    >
                      Restore
                    </button>
                  ) : (
                    <button
                      type="button"
                      data-focus-key={`retire-${type.id}`}
                      aria-label={`Retire ${type.name}`}
                      onClick={() => void setRetired(type, true)}
                    >
                      Retire
                    </button>
                  )}
                </div>
                {errors[type.id] ? (
                  <div role="alert">
                    <FieldError message={errors[type.id] ?? ''} />
                  </div>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === NEW_TYPE ? (
        <div className="type-card">
          <TypeForm plan={plan} onDone={(savedName) => closeForm(NEW_TYPE, savedName, 'added')} />
        </div>
      ) : (
        <div>
          <button type="button" data-focus-key="add-type" onClick={() => setEditing(NEW_TYPE)}>
            Add a message type
          </button>
        </div>
      )}
    </section>
  );
}
