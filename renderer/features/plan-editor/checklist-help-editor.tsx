// Rewording a checklist's help: the guidance the composer shows under each
// question. A box left as Herald wrote it (or emptied) keeps Herald's own
// wording, which then improves with each release.
import { useEffect, useId, useMemo, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import {
  checklistKinds,
  findChecklist,
  type ChecklistDefinition,
} from '../../../shared/messages/checklists/index.ts';
import { helpFor } from '../../../shared/plan/plan-lookups.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import { FormField } from '../../ui/form-field.tsx';
import type { Announce } from './plan-editor.tsx';
import { withChecklistHelp } from '../../../shared/plan/plan-edits.ts';
import { helpItemOf, problemText, type HelpFormValues } from './plan-forms.ts';
import { usePlan, type PlanCheck } from '../../server-state/plan-store.ts';
import { FormFooter } from '../../ui/form-footer.tsx';

/** The team's overrides only: text that differs from Herald's wording. */
function overridesOf(values: HelpFormValues, checklist: ChecklistDefinition): HelpFormValues {
  return Object.fromEntries(
    checklist.items.flatMap((item) => {
      const text = (values[item.id] ?? '').trim();
      return text === '' || text === item.help.trim() ? [] : [[item.id, values[item.id] ?? '']];
    }),
  );
}

function defaultsFor(plan: Plan, checklist: ChecklistDefinition): HelpFormValues {
  return Object.fromEntries(checklist.items.map((item) => [item.id, helpFor(plan, checklist.kind, item.id)]));
}

function helpResolver(
  plan: Plan,
  checklist: ChecklistDefinition,
  check: PlanCheck,
): Resolver<HelpFormValues> {
  return async (values) => {
    const checked = await check(withChecklistHelp(plan, checklist.kind, overridesOf(values, checklist)));
    if (checked.ok) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    const general: string[] = [];
    for (const problem of checked.error) {
      const itemId = helpItemOf(problem.path, checklist.kind);
      if (itemId !== null && checklist.items.some((item) => item.id === itemId))
        errors[itemId] = { type: 'plan', message: problemText(problem) };
      else general.push(problemText(problem));
    }
    if (general.length > 0) errors.root = { type: 'plan', message: general.join(' ') };
    return { values: {}, errors: errors as FieldErrors<HelpFormValues> };
  };
}

function HelpForm({
  plan,
  checklist,
  announce,
}: {
  plan: Plan;
  checklist: ChecklistDefinition;
  announce: Announce;
}) {
  const save = usePlan((state) => state.save);
  const check = usePlan((state) => state.check);
  const resolver = useMemo(() => helpResolver(plan, checklist, check), [plan, checklist, check]);
  const { register, handleSubmit, formState, setError, reset } = useForm<HelpFormValues>({
    defaultValues: defaultsFor(plan, checklist),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isDirty } = formState;
  const formError = errors.root?.message ?? errors.root?.server?.message;
  const savedHelp = JSON.stringify(plan.checklistHelp[checklist.kind] ?? {});

  // The plan changed elsewhere (a reset, another window): show it, unless the boxes hold unsaved edits.
  useEffect(() => {
    if (!isDirty) reset(defaultsFor(usePlan.getState().plan ?? plan, checklist));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change to the saved help should refresh the boxes
  }, [savedHelp]);

  const onSubmit = handleSubmit(async (values) => {
    // The resolver (plan:check) has passed; main checks the whole plan again as it saves.
    const result = await save(withChecklistHelp(plan, checklist.kind, overridesOf(values, checklist)));
    if (!result.ok) {
      setError('root.server', { type: 'server', message: result.error.message });
      return;
    }
    reset(defaultsFor(result.value, checklist));
    announce(`Saved: the help text of the ${checklist.name} checklist.`);
  });

  return (
    <form
      className="stack"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={`Help text for the ${checklist.name} checklist`}
    >
      {checklist.items.map((item) => {
        const isOwn = plan.checklistHelp[checklist.kind]?.[item.id] !== undefined;
        return (
          <FormField
            key={item.id}
            label={item.label}
            help={
              isOwn
                ? `Your team’s wording. Herald’s own: “${item.help}”`
                : 'Herald’s wording; change it to use your own.'
            }
            error={errors[item.id]?.message}
          >
            {(control) => <textarea {...control} rows={2} {...register(item.id)} />}
          </FormField>
        );
      })}
      <FormFooter
        formError={formError}
        saveLabel="Save help text"
        isSaveDisabled={formState.isSubmitting || !formState.isDirty}
      >
        <span className="help">Empty a box to go back to Herald’s wording.</span>
      </FormFooter>
    </form>
  );
}

export function ChecklistHelpEditor({ plan, announce }: { plan: Plan; announce: Announce }) {
  const selectId = useId();
  const [kind, setKind] = useState<string>(checklistKinds[0]);
  const checklist = findChecklist(kind);
  return (
    <section aria-labelledby="plan-help-heading" className="plan-part">
      <h3 id="plan-help-heading">Checklist help</h3>
      <p className="help">The guidance the composer shows under each checklist question.</p>
      <div className="field">
        <label htmlFor={selectId}>Checklist to edit</label>
        <select id={selectId} value={kind} onChange={(event) => setKind(event.target.value)}>
          {checklistKinds.map((item) => (
            <option key={item} value={item}>
              {findChecklist(item)?.name ?? item}
            </option>
          ))}
        </select>
      </div>
      {checklist ? <HelpForm key={kind} plan={plan} checklist={checklist} announce={announce} /> : null}
    </section>
  );
}
