// A date and a time typed as a pair (a date input and a time input), each
// with its label, help and error: the one way every form asks for a moment.
// The form (react-hook-form) owns the values; turning them into an instant
// in the right zone is the caller's, as only it knows the zone.
import type { FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { FormField } from './form-field.tsx';

export interface DateTimePart<Values extends FieldValues> {
  name: Path<Values>;
  label: string;
  help?: string | undefined;
  error?: string | undefined;
}

interface DateTimeFieldsProps<Values extends FieldValues> {
  register: UseFormRegister<Values>;
  date: DateTimePart<Values>;
  time: DateTimePart<Values>;
}

export function DateTimeFields<Values extends FieldValues>({
  register,
  date,
  time,
}: DateTimeFieldsProps<Values>) {
  return (
    <>
      <FormField label={date.label} help={date.help} error={date.error}>
        {(control) => <input {...control} type="date" {...register(date.name)} />}
      </FormField>
      <FormField label={time.label} help={time.help} error={time.error}>
        {(control) => <input {...control} type="time" {...register(time.name)} />}
      </FormField>
    </>
  );
}
