// One checklist item as a form field: the question, the plan's help text,
// the control its kind of answer needs, and "does not apply" (with a
// reason) where the checklist allows it.
import { useId } from 'react';
import { useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import type { ChecklistItem } from '../../../shared/messages/checklists/index.ts';
import { fieldDomId } from './field-dom.ts';
import type { ComposerFormValues } from './form-values.ts';
import { InstantField } from './instant-field.tsx';

export interface ChecklistFieldProps {
  item: ChecklistItem;
  help: string;
  isRequired: boolean;
  register: UseFormRegister<ComposerFormValues>;
  control: Control<ComposerFormValues>;
}

function AnswerControl({
  item,
  isRequired,
  register,
  describedBy,
}: {
  item: ChecklistItem;
  isRequired: boolean;
  register: UseFormRegister<ComposerFormValues>;
  describedBy: string;
}) {
  const name = `answers.${item.id}` as const;
  const common = {
    id: fieldDomId(name),
    'data-field': name,
    'aria-describedby': describedBy,
    ...register(name),
  };
  switch (item.valueKind) {
    case 'paragraph':
      return <textarea rows={3} {...common} />;
    case 'code':
      return <textarea rows={6} className="mono" spellCheck={false} {...common} />;
    case 'choice':
      return (
        <select {...common}>
          {isRequired ? null : <option value="">None</option>}
          {item.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'url':
      return <input type="url" inputMode="url" placeholder="https://" {...common} />;
    case 'channel':
      return <input type="text" placeholder="#channel-name" {...common} />;
    case 'time_zone':
      return <input type="text" placeholder="Europe/London" {...common} />;
    default:
      return <input type="text" {...common} />;
  }
}

export function ChecklistField({ item, help, isRequired, register, control }: ChecklistFieldProps) {
  const helpId = useId();
  const isNotApplicable = useWatch({ control, name: `isNotApplicable.${item.id}` }) === true;
  const answerName = `answers.${item.id}` as const;
  const reasonName = `notApplicableReasons.${item.id}` as const;
  const naName = `isNotApplicable.${item.id}` as const;
  const tag = <span className="field-tag">{isRequired ? 'required' : 'optional'}</span>;
  return (
    <div className="field checklist-field" data-item={item.id}>
      {isNotApplicable ? (
        <p className="field-question">
          {item.label} {tag}
        </p>
      ) : (
        <label htmlFor={fieldDomId(answerName)}>
          {item.label} {tag}
        </label>
      )}
      <p id={helpId} className="help">
        {help}
      </p>
      {isNotApplicable ? (
        <>
          <label htmlFor={fieldDomId(reasonName)} className="sub-label">
            Why it does not apply<span className="visually-hidden"> ({item.label})</span>
          </label>
          <input
            type="text"
            id={fieldDomId(reasonName)}
            data-field={reasonName}
            aria-describedby={helpId}
            {...register(reasonName)}
          />
        </>
      ) : item.valueKind === 'instant' ? (
        <InstantField item={item} register={register} helpId={helpId} />
      ) : (
        <AnswerControl item={item} isRequired={isRequired} register={register} describedBy={helpId} />
      )}
      {item.allowsNotApplicable ? (
        <label className="checkbox" htmlFor={fieldDomId(naName)}>
          <input type="checkbox" id={fieldDomId(naName)} data-field={naName} {...register(naName)} />
          Does not apply to this message<span className="visually-hidden"> ({item.label})</span>
        </label>
      ) : null}
    </div>
  );
}
