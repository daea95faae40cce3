// How often an open incident is updated, by priority: the promise a holding
// update makes ("next update in 30 minutes" for a high priority incident),
// and how long a promise may be overdue before every lead's Herald is told
// (the escalation grace). Checked by main (plan:check) like every plan edit;
// a bad number is shown beside its box and nothing is saved.
import { useEffect, useMemo, type ComponentPropsWithRef } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { withEscalationGrace, withIncidentUpdateCadence } from '../../../shared/plan/plan-edits.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import {
  CADENCE_MAX_MINUTES,
  CADENCE_MIN_MINUTES,
  incidentPriorities,
  incidentPriorityLabels,
  type IncidentPriority,
} from '../../../shared/plan/plan-vocabulary.ts';
import { FormField } from '../../ui/form-field.tsx';
import { usePlan, type PlanCheck } from '../../server-state/plan-store.ts';
import type { Announce } from './plan-editor.tsx';
import { problemText } from './plan-forms.ts';
import { FormFooter } from '../../ui/form-footer.tsx';

const GRACE_HELP =
  'When a promised update is this late, every lead’s Herald is alerted, with “Take over comms” one click away. ' +
  'From 1 minute to 1,440 (a day).';

type CadenceFormValues = Record<IncidentPriority, string> & { grace: string };

function valuesOf(plan: Plan): CadenceFormValues {
  const cadence = plan.incidentUpdateCadence;
  return {
    high: String(cadence.high),
    medium: String(cadence.medium),
    low: String(cadence.low),
    unset: String(cadence.unset),
    grace: String(plan.escalationGraceMinutes),
  };
}

const minutes = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The plan as the boxes would leave it. */
function planOf(plan: Plan, values: CadenceFormValues): Plan {
  return withEscalationGrace(withIncidentUpdateCadence(plan, cadenceOf(values)), minutes(values.grace));
}

/** The boxes as minutes; a box that is not a number stays NaN for main to refuse with its own words. */
function cadenceOf(values: CadenceFormValues): Plan['incidentUpdateCadence'] {
  return {
    high: minutes(values.high),
    medium: minutes(values.medium),
    low: minutes(values.low),
    unset: minutes(values.unset),
  };
}

function cadenceResolver(plan: Plan, check: PlanCheck): Resolver<CadenceFormValues> {
  return async (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    const cadence = cadenceOf(values);
    for (const priority of incidentPriorities)
      if (!Number.isFinite(cadence[priority]))
        errors[priority] = { type: 'number', message: 'Type a number of minutes.' };
    if (!Number.isFinite(minutes(values.grace)))
      errors.grace = { type: 'number', message: 'Type a number of minutes, such as 15.' };
    if (Object.keys(errors).length === 0) {
      const checked = await check(planOf(plan, values));
      if (checked.ok) return { values, errors: {} };
      for (const problem of checked.error) {
        const priority = problem.path.split('.')[1] as IncidentPriority | undefined;
        const key =
          problem.path === 'escalationGraceMinutes'
            ? 'grace'
            : problem.path.startsWith('incidentUpdateCadence.') && priority
              ? priority
              : 'root';
        errors[key] = { type: 'plan', message: problemText(problem) };
      }
    }
    return { values: {}, errors: errors as FieldErrors<CadenceFormValues> };
  };
}

/** A whole number of minutes: typed as text so a wrong entry stays on screen beside its error. */
function MinutesInput(props: ComponentPropsWithRef<'input'>) {
  return <input {...props} type="text" inputMode="numeric" autoComplete="off" size={6} />;
}

export function UpdateCadenceEditor({ plan, announce }: { plan: Plan; announce: Announce }) {
  const save = usePlan((state) => state.save);
  const check = usePlan((state) => state.check);
  const resolver = useMemo(() => cadenceResolver(plan, check), [plan, check]);
  const { register, handleSubmit, formState, setError, reset } = useForm<CadenceFormValues>({
    defaultValues: valuesOf(plan),
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors, isDirty } = formState;
  const formError = errors.root?.message ?? errors.root?.server?.message;
  const saved = JSON.stringify([plan.incidentUpdateCadence, plan.escalationGraceMinutes]);

  // The plan changed elsewhere (a reset, another window): show it, unless the boxes hold unsaved edits.
  useEffect(() => {
    if (!isDirty) reset(valuesOf(usePlan.getState().plan ?? plan));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change to the saved numbers should refresh the boxes
  }, [saved]);

  const onSubmit = handleSubmit(async (values) => {
    const result = await save(planOf(plan, values));
    if (!result.ok) {
      setError('root.server', { type: 'server', message: result.error.message });
      return;
    }
    reset(valuesOf(result.value));
    announce('Saved: how often incident updates are due.');
  });

  return (
    <section aria-labelledby="plan-cadence-heading" className="plan-part">
      <h3 id="plan-cadence-heading">Incident update cadence</h3>
      <p className="help">
        How soon each incident’s next update is due, by its priority. A holding update promises the next one
        this far ahead. From {CADENCE_MIN_MINUTES} minutes to {CADENCE_MAX_MINUTES / 60} hours.
      </p>
      <form
        className="stack"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-label="Incident update cadence"
      >
        <div className="cadence-fields">
          {incidentPriorities.map((priority) => (
            <FormField
              key={priority}
              label={`${incidentPriorityLabels[priority]} (minutes)`}
              error={errors[priority]?.message}
            >
              {(control) => <MinutesInput {...control} {...register(priority)} />}
            </FormField>
          ))}
        </div>
        <div className="escalation-field">
          <FormField
            label="Tell every lead after (minutes overdue)"
            help={GRACE_HELP}
            error={errors.grace?.message}
          >
            {(control) => <MinutesInput {...control} {...register('grace')} />}
          </FormField>
        </div>
        <FormFooter
          formError={formError}
          saveLabel="Save cadence and escalation"
          isSaveDisabled={formState.isSubmitting || !isDirty}
        />
      </form>
    </section>
  );
}
