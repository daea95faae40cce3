// "Reset to the default plan": one click away, behind a confirmation that
// says what is replaced, and undoable straight afterwards (the plan as it
// was is saved back whole).
import { useEffect, useId, useRef, useState } from 'react';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import { FieldError } from '../../ui/form-field.tsx';
import type { Announce } from './plan-editor.tsx';
import { usePlan } from '../../server-state/plan-store.ts';

export function ResetPlan({ announce }: { announce: Announce }) {
  const ids = { title: useId(), body: useId() };
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [previous, setPrevious] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = usePlan((state) => state.reset);
  const save = usePlan((state) => state.save);
  const isSaving = usePlan((state) => state.isSaving);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      dialog.showModal();
      // The safe choice takes focus, so Enter does not reset the plan by accident.
      keepRef.current?.focus();
    }
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  async function confirmReset() {
    const before = usePlan.getState().plan;
    const result = await reset();
    setIsOpen(false);
    openerRef.current?.focus();
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setPrevious(before);
    announce('Saved: the plan is Herald’s default again.');
  }

  async function undoReset() {
    if (previous === null) return;
    const result = await save(previous);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setPrevious(null);
    openerRef.current?.focus();
    announce('Saved: your plan is back as it was before the reset.');
  }

  return (
    <section aria-labelledby="plan-reset-heading" className="plan-part">
      <h3 id="plan-reset-heading">Default plan</h3>
      <p className="help">Herald’s default follows the team’s published communications plan.</p>
      <div className="row">
        <button type="button" ref={openerRef} onClick={() => setIsOpen(true)} aria-haspopup="dialog">
          Reset to the default plan…
        </button>
        {previous !== null ? (
          <button type="button" onClick={() => void undoReset()} disabled={isSaving}>
            Undo the reset
          </button>
        ) : null}
      </div>
      {error ? (
        <div role="alert">
          <FieldError message={error} />
        </div>
      ) : null}
      <dialog
        ref={dialogRef}
        className="confirm-dialog"
        aria-labelledby={ids.title}
        aria-describedby={ids.body}
        onClose={() => setIsOpen(false)}
      >
        <h4 id={ids.title}>Reset to Herald’s default plan?</h4>
        <p id={ids.body}>
          Renamed channels, added or changed types, retired types and your checklist help are replaced by
          Herald’s default. Drafts, templates and history are kept. You can undo this straight afterwards.
        </p>
        <div className="row">
          <button type="button" className="danger" onClick={() => void confirmReset()} disabled={isSaving}>
            Reset the plan
          </button>
          <button type="button" ref={keepRef} onClick={() => setIsOpen(false)}>
            Keep my plan
          </button>
        </div>
      </dialog>
    </section>
  );
}
