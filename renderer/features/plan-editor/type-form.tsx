// Adding a message type, or changing one: who it is for, how often, where
// it goes, which checklist and stages, and its title. Problems are found by
// checking the whole plan with the change in it, and shown beside the field
// they concern; after a first attempt they update as you type.
import { useMemo } from 'react';
import { Controller, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { checklistKinds, findChecklist } from '../../../shared/messages/checklists/index.ts';
import type { CommunicationType, Plan } from '../../../shared/plan/plan-schema.ts';
import { cadenceLabels, cadences } from '../../../shared/plan/plan-vocabulary.ts';
import { FieldError, FormField } from '../../ui/form-field.tsx';
import {
  emptyTypeForm,
  placeholdersFor,
  problemText,
  stagesOf,
  typeFieldOf,
  typeFormFromType,
  typeFromForm,
  type TypeFormValues,
} from './plan-forms.ts';
import { withType } from '../../../shared/plan/plan-edits.ts';
import { usePlan, type PlanCheck } from '../../server-state/plan-store.ts';
import { FormFooter } from '../../ui/form-footer.tsx';

interface TypeFormProps {
  plan: Plan;
  /** The type being changed; absent when adding one. */
  base?: CommunicationType;
  onDone: (savedName: string | null) => void;
}

type ErrorEntry = { type: string; message: string };

function planResolver(
  plan: Plan,
  base: CommunicationType | undefined,
  check: PlanCheck,
): Resolver<TypeFormValues> {
  const takenIds = new Set(plan.types.map((type) => type.id));
  const index = base ? plan.types.findIndex((type) => type.id === base.id) : plan.types.length;
  return async (values) => {
    const checked = await check(withType(plan, typeFromForm(values, base, takenIds)));
    if (checked.ok) return { values, errors: {} };
    const errors: Record<string, ErrorEntry> = {};
    const general: string[] = [];
    for (const problem of checked.error) {
      const field = typeFieldOf(problem.path, index);
      const message = problemText(problem);
      if (field === null || field === 'form') general.push(message);
      else
        errors[field] = {
          type: 'plan',
          message: errors[field] ? `${errors[field].message} ${message}` : message,
        };
    }
    if (general.length > 0) errors.root = { type: 'plan', message: general.join(' ') };
    return { values: {}, errors: errors as FieldErrors<TypeFormValues> };
  };
}

export function TypeForm({ plan, base, onDone }: TypeFormProps) {
  const save = usePlan((state) => state.save);
  const check = usePlan((state) => state.check);
  const resolver = useMemo(() => planResolver(plan, base, check), [plan, base, check]);
  const { register, handleSubmit, formState, control, setValue, setError } = useForm<TypeFormValues>({
    defaultValues: base ? typeFormFromType(base) : emptyTypeForm(),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = formState;
  const checklistKind = useWatch({ control, name: 'checklist' });
  const checklist = findChecklist(checklistKind);
  const stagesChosen = useWatch({ control, name: 'stages' });
  const formError = errors.root?.message ?? errors.root?.server?.message;
  const takenIds = useMemo(() => new Set(plan.types.map((type) => type.id)), [plan]);

  const onSubmit = handleSubmit(async (values) => {
    // The resolver (plan:check) has passed; main checks the whole plan again as it saves.
    const result = await save(withType(plan, typeFromForm(values, base, takenIds)));
    if (result.ok) onDone(values.name.trim());
    else setError('root.server', { type: 'server', message: result.error.message });
  });

  const heading = base ? `Change “${base.name}”` : 'Add a message type';
  return (
    <form
      className="type-form stack"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={heading}
    >
      <h4>{heading}</h4>
      <FormField label="Name" error={errors.name?.message}>
        {(control) => <input {...control} autoFocus autoComplete="off" {...register('name')} />}
      </FormField>
      <FormField
        label="Audience"
        help="Who reads these messages, such as “Service teams”."
        error={errors.audience?.message}
      >
        {(control) => <input {...control} autoComplete="off" {...register('audience')} />}
      </FormField>
      <div className="form-pair">
        <FormField label="How often" error={errors.when?.message}>
          {(control) => (
            <select {...control} {...register('when')}>
              {cadences.map((cadence) => (
                <option key={cadence} value={cadence}>
                  {cadenceLabels[cadence]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Timing note (optional)" error={errors.whenNote?.message}>
          {(control) => <input {...control} autoComplete="off" {...register('whenNote')} />}
        </FormField>
      </div>
      <FormField
        label="Slack channels"
        help="Separate several with commas, such as #operations-engineering-update, #chat. Leave empty when the message is only copied by hand."
        error={errors.channels?.message}
      >
        {(control) => <input {...control} autoComplete="off" spellCheck={false} {...register('channels')} />}
      </FormField>
      <FormField
        label="Places it is copied to by hand (optional)"
        help="One a line, such as a meeting or the weeknotes. Herald reminds you and offers “Copy as Slack text”."
        error={errors.copyDestinations?.message}
      >
        {(control) => <textarea {...control} rows={2} {...register('copyDestinations')} />}
      </FormField>
      <FormField label="Checklist" error={errors.checklist?.message}>
        {(control) => (
          <select
            {...control}
            {...register('checklist', {
              onChange: (event: { target: { value: string } }) =>
                setValue('stages', stagesOf(event.target.value)),
            })}
          >
            {checklistKinds.map((kind) => (
              <option key={kind} value={kind}>
                {findChecklist(kind)?.name ?? kind}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <Controller
        name="stages"
        control={control}
        render={({ field }) => (
          <StageCheckboxes
            legend="Stages"
            stages={checklist?.stages ?? []}
            field={field}
            error={errors.stages?.message}
          />
        )}
      />
      <Controller
        name="alsoToChannelStages"
        control={control}
        render={({ field }) => (
          <StageCheckboxes
            legend="Thread replies also shown in the channel"
            help={ALSO_TO_CHANNEL_HELP}
            stages={(checklist?.stages ?? []).filter((stage) => stagesChosen.includes(stage.id))}
            field={field}
            error={errors.alsoToChannelStages?.message}
          />
        )}
      />
      <FormField
        label="Title pattern"
        help={`Placeholders you can use: ${placeholdersFor(checklistKind)
          .map((name) => `{${name}}`)
          .join(', ')}`}
        error={errors.titlePattern?.message}
      >
        {(control) => (
          <input {...control} autoComplete="off" spellCheck={false} {...register('titlePattern')} />
        )}
      </FormField>
      <FormFooter
        formError={formError}
        saveLabel={base ? 'Save changes' : 'Add type'}
        isSaveDisabled={formState.isSubmitting}
      >
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </FormFooter>
    </form>
  );
}

const ALSO_TO_CHANNEL_HELP =
  'Replies at these stages also appear at the channel’s top level, not only in the thread, so readers ' +
  'scanning the channel see them. The composer starts with this ticked; you can change it per message.';

interface StageCheckboxesProps {
  legend: string;
  help?: string;
  stages: ReadonlyArray<{ id: string; name: string }>;
  /** The form's field holding the chosen stage ids. */
  field: { value: string[]; onChange: (value: string[]) => void; onBlur: () => void };
  error: string | undefined;
}

/** A set of stages to tick, one checkbox each, holding the ids chosen. */
function StageCheckboxes({ legend, help, stages, field, error }: StageCheckboxesProps) {
  return (
    <fieldset className="stage-set">
      <legend>{legend}</legend>
      {help ? <p className="help">{help}</p> : null}
      {stages.map((stage) => (
        <label key={stage.id} className="checkbox">
          <input
            type="checkbox"
            checked={field.value.includes(stage.id)}
            onBlur={field.onBlur}
            onChange={(event) =>
              field.onChange(
                event.target.checked
                  ? [...field.value, stage.id]
                  : field.value.filter((id) => id !== stage.id),
              )
            }
          />
          {stage.name}
        </label>
      ))}
      {error ? <FieldError message={error} /> : null}
    </fieldset>
  );
}
