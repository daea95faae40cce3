// "Save as template": the open draft's wording (title, text and the answers
// worth reusing) becomes one of the team's templates, under a name.
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTemplates } from '../templates/templates-store.ts';
import { useComposer } from './composer-store.ts';

interface SaveTemplateValues {
  name: string;
}

export function SaveAsTemplate() {
  const ids = { name: useId(), error: useId() };
  const [isOpen, setIsOpen] = useState(false);
  const [outcome, setOutcome] = useState<{ isError: boolean; text: string } | null>(null);
  const { register, handleSubmit, reset, control, formState } = useForm<SaveTemplateValues>({
    defaultValues: { name: '' },
  });
  const isBlank = useWatch({ control, name: 'name' }).trim() === '';

  const onSubmit = handleSubmit(async ({ name }) => {
    const { draft, flush } = useComposer.getState();
    if (!draft) return;
    await flush();
    const result = await useTemplates.getState().saveFromDraft(draft.id, name.trim());
    setOutcome(
      result.ok
        ? { isError: false, text: `Saved as the template “${result.value.name}”.` }
        : { isError: true, text: result.error.message },
    );
    if (result.ok) {
      setIsOpen(false);
      reset();
    }
  });

  return (
    <div className="save-template">
      <button type="button" aria-expanded={isOpen} onClick={() => setIsOpen((value) => !value)}>
        Save as template…
      </button>
      {isOpen ? (
        <form className="row" onSubmit={(event) => void onSubmit(event)} noValidate>
          <label htmlFor={ids.name}>Template name</label>
          <input
            id={ids.name}
            type="text"
            {...register('name', { validate: (name) => name.trim() !== '' || 'Give the template a name.' })}
          />
          <button type="submit" disabled={isBlank || formState.isSubmitting}>
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
