// Starting a message: a type from the plan (which sets the audience,
// channel, title pattern and checklist), its stage, and a template to begin
// from; or carrying on with a draft.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { findChecklist } from '../../../shared/messages/checklists/index.ts';
import { templatesFor } from '../../../shared/messages/templates.ts';
import { activeTypes, findType } from '../../../shared/plan/plan-lookups.ts';
import type { CommunicationType } from '../../../shared/plan/plan-schema.ts';
import { cadenceLabels } from '../../../shared/plan/plan-vocabulary.ts';
import { followTemplates, useTemplates } from '../templates/templates-store.ts';
import { useComposer } from './composer-store.ts';
import { DraftList } from './draft-list.tsx';
import { usePlan } from '../../server-state/plan-store.ts';

interface StartValues {
  typeId: string;
  stage: string;
  templateId: string;
}

const NO_TEMPLATE = '';

function destinationText(type: CommunicationType): string {
  const parts = type.destinations.map((destination) =>
    destination.kind === 'slack'
      ? `posts to #${destination.channel}`
      : `is copied by hand to ${destination.name}`,
  );
  return `It ${parts.join(' and ')}.`;
}

export function StartPanel() {
  const ids = { type: useId(), stage: useId(), template: useId(), about: useId() };
  const plan = usePlan((state) => state.plan);
  const startNew = useComposer((state) => state.startNew);
  const startRequest = useComposer((state) => state.startRequest);
  const templates = useTemplates((state) => state.templates);
  const [isStarting, setIsStarting] = useState(false);
  const types = useMemo(() => (plan ? activeTypes(plan) : []), [plan]);
  const { register, handleSubmit, control, setValue } = useForm<StartValues>({
    defaultValues: { typeId: types[0]?.id ?? '', stage: types[0]?.stages[0] ?? '', templateId: NO_TEMPLATE },
  });
  const typeId = useWatch({ control, name: 'typeId' });
  const stage = useWatch({ control, name: 'stage' });
  const type = plan ? findType(plan, typeId) : undefined;
  const checklist = type ? findChecklist(type.checklist) : undefined;
  const choices = useMemo(() => templatesFor(templates, typeId, stage), [templates, typeId, stage]);
  const typeSelect = useRef<HTMLSelectElement | null>(null);
  const typeField = register('typeId');

  useEffect(() => followTemplates(), []);

  // A new type starts at its first stage; a new stage starts with its usual template.
  useEffect(() => {
    if (type && !type.stages.includes(stage)) setValue('stage', type.stages[0] ?? '');
  }, [type, stage, setValue]);
  useEffect(() => {
    setValue(
      'templateId',
      choices.find((template) => template.isBuiltIn)?.id ?? choices[0]?.id ?? NO_TEMPLATE,
    );
  }, [choices, setValue]);

  // "New message" (Ctrl/Cmd+N) lands here: put the cursor on the first choice.
  useEffect(() => {
    if (startRequest > 0) typeSelect.current?.focus();
  }, [startRequest]);

  const onSubmit = handleSubmit(async (values) => {
    setIsStarting(true);
    await startNew({
      typeId: values.typeId,
      stage: values.stage,
      ...(values.templateId ? { templateId: values.templateId } : {}),
    });
    setIsStarting(false);
  });

  if (!plan) return <p className="muted">Loading the plan…</p>;
  return (
    <div className="composer-start">
      <section className="card" aria-labelledby="start-heading">
        <h2 id="start-heading">Start a message</h2>
        <form className="stack" onSubmit={(event) => void onSubmit(event)}>
          <div className="field">
            <label htmlFor={ids.type}>Type of message</label>
            <select
              id={ids.type}
              aria-describedby={ids.about}
              {...typeField}
              ref={(element) => {
                typeField.ref(element);
                typeSelect.current = element;
              }}
            >
              {types.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
            {type ? (
              <p id={ids.about} className="help">
                For {type.audience}. {cadenceLabels[type.when]}. {destinationText(type)}
              </p>
            ) : null}
          </div>
          {type && type.stages.length > 1 ? (
            <div className="field">
              <label htmlFor={ids.stage}>Stage</label>
              <select id={ids.stage} {...register('stage')}>
                {type.stages.map((stageId) => (
                  <option key={stageId} value={stageId}>
                    {checklist?.stages.find((item) => item.id === stageId)?.name ?? stageId}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={ids.template}>Start from</label>
            <select id={ids.template} {...register('templateId')}>
              {choices.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.isBuiltIn
                    ? `Herald’s template: ${template.name}`
                    : `Team template: ${template.name}`}
                </option>
              ))}
              <option value={NO_TEMPLATE}>A blank message</option>
            </select>
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={isStarting || !type}>
              Start message
            </button>
            <span className="muted">Tip: Ctrl+N (⌘N on a Mac) starts a new message from anywhere.</span>
          </div>
        </form>
      </section>
      <DraftList />
    </div>
  );
}
