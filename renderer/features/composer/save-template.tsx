// "Save as template": the open draft's wording (title, text and the answers
// worth reusing) becomes one of the team's templates, under a name.
import { useId, useState } from 'react';
import { herald } from '../../api/herald.ts';
import { useComposer } from './composer-store.ts';

export function SaveAsTemplate() {
  const ids = { name: useId() };
  const [isOpen, setIsOpen] = useState(false);
  const [name, setName] = useState('');
  const [outcome, setOutcome] = useState<{ isError: boolean; text: string } | null>(null);

  const save = async () => {
    const { draft, flush } = useComposer.getState();
    if (!draft || name.trim() === '') return;
    await flush();
    const result = await herald().invoke('templates:fromDraft', { draftId: draft.id, name: name.trim() });
    setOutcome(result.ok ? { isError: false, text: `Saved as the template “${result.value.name}”.` } : { isError: true, text: result.error.message });
    if (result.ok) {
      setIsOpen(false);
      setName('');
    }
  };

  return (
    <div className="save-template">
      <button type="button" aria-expanded={isOpen} onClick={() => setIsOpen((value) => !value)}>
        Save as template…
      </button>
      {isOpen ? (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor={ids.name}>Template name</label>
          <input id={ids.name} type="text" value={name} onChange={(event) => setName(event.target.value)} />
          <button type="submit" disabled={name.trim() === ''}>
            Save template
          </button>
        </form>
      ) : null}
      <span role="status" className={outcome?.isError ? 'field-error' : 'muted'}>
        {outcome?.text ?? ''}
      </span>
    </div>
  );
}
