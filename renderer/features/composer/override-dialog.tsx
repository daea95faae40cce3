// Sending with required items missing is the author's call, but an explicit
// one: the dialog lists what is missing and asks for the reason, which is
// recorded with the message in history.
import { useEffect, useId, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useSend, type OverrideRequest } from './send-store.ts';

interface OverrideValues {
  reason: string;
}

/** The reason form, mounted only while a send waits on it (react-hook-form re-renders its host once after mounting). */
function OverrideForm({ override, headingId }: { override: OverrideRequest; headingId: string }) {
  const ids = { reason: useId(), help: useId() };
  const send = useSend((state) => state.send);
  const cancel = useSend((state) => state.cancelOverride);
  const { register, handleSubmit, control } = useForm<OverrideValues>({ defaultValues: { reason: '' } });
  const isBlank = useWatch({ control, name: 'reason' }).trim() === '';

  const onSubmit = handleSubmit(({ reason }) => {
    if (reason.trim() !== '') void send(override.request, reason.trim());
  });

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2 id={headingId}>Send with the checklist incomplete?</h2>
      <p>The plan expects these to be sorted before this message goes out:</p>
      <ul className="lint-list lint-blocking">
        {override.reasons.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={ids.reason}>Reason for sending anyway</label>
        <textarea id={ids.reason} rows={3} aria-describedby={ids.help} {...register('reason')} />
        <p id={ids.help} className="help">
          Recorded with the message in history, such as “Service owner asked for it to go out now”.
        </p>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={isBlank}>
          Send anyway
        </button>
        <button type="button" onClick={cancel}>
          Keep editing
        </button>
      </div>
    </form>
  );
}
export function OverrideDialog() {
  const headingId = useId();
  const override = useSend((state) => state.override);
  const cancel = useSend((state) => state.cancelOverride);
  const dialog = useRef<HTMLDialogElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (override && !element.open) element.showModal();
    else if (!override && element.open) element.close();
  }, [override]);

  return (
    <dialog
      ref={dialog}
      className="override-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      {/* Mounted afresh each time a send asks for a reason, so the reason starts empty. */}
      {override ? <OverrideForm override={override} headingId={headingId} /> : null}
    </dialog>
  );
}
