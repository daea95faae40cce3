// "Save as template": the open draft's wording (title, text and the answers
// worth reusing) becomes one of the team's templates, under a name.
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTemplates } from '../templates/templates-store.ts';
import { useComposer } from './composer-store.ts';

interface SaveTemplateValues {
  name: string;
}

// The form is its own component, mounted only while open: react-hook-form re-renders its host once, synchronously,
// right after mounting, which the composer's first paint should not pay for a form nobody has opened yet.
function SaveTemplateForm({ onSaved }: { onSaved: (outcome: { isError: boolean; text: string }) => void }) {
  const nameId = useId();
  const { register, handleSubmit, control, formState } = useForm<SaveTemplateValues>({
    defaultValues: { name: '' },
  });
  const isBlank = useWatch({ control, name: 'name' }).trim() === '';

  const onSubmit = handleSubmit(async ({ name }) => {
    const { draft, flush } = useComposer.getState();
    if (!draft) return;
    await flush();
    const result = await useTemplates.getState().saveFromDraft(draft.id, name.trim());
    onSaved(
      result.ok
        ? { isError: false, text: `Saved as the template “${result.value.name}”.` }
        : { isError: true, text: result.error.message },
    );
  });

  return (
    // Open or answered for this moment only: left out of the start screen (app/start-screen/capture.ts).
    <form className="row" onSubmit={(event) => void onSubmit(event)} noValidate data-start-screen="omit">
      <label htmlFor={nameId}>Template name</label>
      <input
        id={nameId}
        type="text"
        {...register('name', { validate: (name) => name.trim() !== '' || 'Give the template a name.' })}
      />
      <button type="submit" disabled={isBlank || formState.isSubmitting}>
        Save template
      </button>
    </form>
  );
}

export function SaveAsTemplate() {
  const [isOpen, setIsOpen] = useState(false);
  const [outcome, setOutcome] = useState<{ isError: boolean; text: string } | null>(null);

  return (
    <div className="save-template">
      <button type="button" aria-expanded={isOpen} onClick={() => setIsOpen((value) => !value)}>
        Save as template…
      </button>
      {isOpen ? (
        <SaveTemplateForm
          onSaved={(saved) => {
            setOutcome(saved);
            // Closing unmounts the form, so the next opening starts with an empty name.
            if (!saved.isError) setIsOpen(false);
          }}
        />
      ) : null}
      <span role="status" className={outcome?.isError ? 'field-error' : 'muted'} data-start-screen="omit">
        {outcome?.text ?? ''}
      </span>
    </div>
  );
}
