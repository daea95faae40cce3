// "Edit in Slack" on a message Herald sent (History, the incident timeline):
// opens the composer in edit mode on it, or says here why it cannot be.
import { useId, useState } from 'react';
import { useNavigation } from '../../app/navigation-store.ts';
import { useComposer } from './composer-store.ts';

export function EditInSlackButton({ messageId, label }: { messageId: string; label: string }) {
  const errorId = useId();
  const [isOpening, setIsOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setIsOpening(true);
    setError(null);
    // The composer saves any other open draft before it switches (nothing typed is lost).
    const outcome = await useComposer.getState().openEdit(messageId);
    setIsOpening(false);
    if (outcome.ok) useNavigation.getState().go('compose');
    else setError(outcome.message);
  };
  return (
    <span className="edit-in-slack">
      <button
        type="button"
        disabled={isOpening}
        aria-label={label}
        aria-describedby={error ? errorId : undefined}
        onClick={() => void open()}
      >
        Edit in Slack
      </button>
      {error ? (
        <span id={errorId} role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
