// Editing one of the team's templates: name, type and stage, title and text
// with placeholders, and the answers it pre-fills, with a live preview.
// Placeholders the type cannot fill are refused before saving.
import { useMemo } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { Template } from '../../../shared/messages/templates.ts';
import { activeTypes, findType } from '../../../shared/plan/plan-lookups.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import { FieldError, FormField } from '../../ui/form-field.tsx';
import { placeholdersFor } from '../plan-editor/plan-forms.ts';
import { TemplatePreviewPanel } from './template-detail.tsx';
import {
  answerLabel,
  formFromTemplate,
  templateFormProblems,
  templateFromForm,
  type TemplateFormValues,
} from './template-form.ts';
import { stageNameOf } from './template-groups.ts';
import { useTemplates } from './templates-store.ts';

function problemsResolver(plan: Plan): Resolver<TemplateFormValues> {
  return (values) => {
    const problems = Object.entries(templateFormProblems(values, plan));
    if (problems.length === 0) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const [field, message] of problems) {
      const answer = /^answers\.(\d+)\.value$/.exec(field);
      if (answer) {
        const list = (errors.answers as Array<{ value?: unknown }> | undefined) ?? [];
        list[Number(answer[1])] = { value: { type: 'template', message } };
        errors.answers = list;
      } else {
        errors[field] = { type: 'template', message };
      }
    }
    return { values: {}, errors: errors as FieldErrors<TemplateFormValues> };
  };
}

export function TemplateEditor({ template, plan }: { template: Template; plan: Plan }) {
  const save = useTemplates((state) => state.save);
  const setEditing = useTemplates((state) => state.setEditing);
  const resolver = useMemo(() => problemsResolver(plan), [plan]);
  const { register, handleSubmit, formState, control, setValue, setError } = useForm<TemplateFormValues>({
    defaultValues: formFromTemplate(template),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const answers = useFieldArray({ control, name: 'answers' });
  const values = useWatch({ control }) as TemplateFormValues;
  const { errors } = formState;
  const type = findType(plan, values.typeId);
  const typeChoices = activeTypes(plan).some((item) => item.id === template.typeId)
    ? activeTypes(plan)
    : [...activeTypes(plan), ...plan.types.filter((item) => item.id === template.typeId)];
  const placeholders = type ? placeholdersFor(type.checklist) : [];
  const placeholderList = placeholders.map((name) => `{${name}}`).join(', ');
  const placeholderHelp = `Placeholders for ${type?.name ?? 'this type'}: ${placeholderList}. Write {{ and }} for a literal brace.`;
  const serverError = errors.root?.server?.message;

  const onSubmit = handleSubmit(async (submitted) => {
    const result = await save(templateFromForm(submitted, template.id));
    if (!result.ok) setError('root.server', { type: 'server', message: result.error.message });
  });

  return (
    <section className="card template-detail stack" aria-labelledby="template-editor-heading">
      <h2 id="template-editor-heading">Edit “{template.name}”</h2>
      <form
        className="stack"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-label={`Edit ${template.name}`}
      >
        <FormField label="Template name" error={errors.name?.message}>
          {(control) => <input {...control} autoFocus autoComplete="off" {...register('name')} />}
        </FormField>
        <div className="form-pair">
          <FormField label="Message type" error={errors.typeId?.message}>
            {(control) => (
              <select
                {...control}
                {...register('typeId', {
                  onChange: (event: { target: { value: string } }) =>
                    setValue('stage', findType(plan, event.target.value)?.stages[0] ?? ''),
                })}
              >
                {typeChoices.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                    {item.isRetired ? ' (retired)' : ''}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Stage" error={errors.stage?.message}>
            {(control) => (
              <select {...control} {...register('stage')}>
                {(type?.stages ?? [values.stage]).map((stage) => (
                  <option key={stage} value={stage}>
                    {stageNameOf(plan, values.typeId, stage)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField
          label="Title (optional)"
          help={`Leave empty to use the plan’s title for this type and stage. ${placeholderHelp}`}
          error={errors.title?.message}
        >
          {(control) => <input {...control} autoComplete="off" {...register('title')} />}
        </FormField>
        <FormField label="Text" help={placeholderHelp} error={errors.body?.message}>
          {(control) => <textarea {...control} rows={6} {...register('body')} />}
        </FormField>
        {answers.fields.length > 0 ? (
          <fieldset className="template-answers">
            <legend>Pre-filled answers</legend>
            {answers.fields.map((field, index) => (
              <div key={field.id} className="template-answer">
                <FormField
                  label={answerLabel(plan, values.typeId, field.itemId)}
                  error={errors.answers?.[index]?.value?.message}
                >
                  {(control) => <textarea {...control} rows={2} {...register(`answers.${index}.value`)} />}
                </FormField>
                <button
                  type="button"
                  onClick={() => answers.remove(index)}
                  aria-label={`Remove the answer to “${answerLabel(plan, values.typeId, field.itemId)}”`}
                >
                  Remove
                </button>
              </div>
            ))}
          </fieldset>
        ) : null}
        {serverError ? (
          <div role="alert">
            <FieldError message={serverError} />
          </div>
        ) : null}
        <div className="row">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            Save template
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </form>
      <h3>Preview</h3>
      <TemplatePreviewPanel template={templateFromForm(values)} plan={plan} />
    </section>
  );
}
