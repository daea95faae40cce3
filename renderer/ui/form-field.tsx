// One labelled control with its help and error, wired for screen readers:
// the control is described by the help and, when there is one, the error.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FormFieldProps {
  label: ReactNode;
  help?: ReactNode;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

export function FormField({ label, help, error, children }: FormFieldProps) {
  const ids = { control: useId(), help: useId(), error: useId() };
  const describedBy = [help ? ids.help : '', error ? ids.error : ''].filter((id) => id !== '').join(' ');
  return (
    <div className="field">
      <label htmlFor={ids.control}>{label}</label>
      {children({
        id: ids.control,
        ...(describedBy !== '' ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {help ? (
        <p id={ids.help} className="help">
          {help}
        </p>
      ) : null}
      {error ? <FieldError id={ids.error} message={error} /> : null}
    </div>
  );
}

/** An error sentence with a symbol, so colour is never the only sign. */
export function FieldError({ id, message }: { id?: string; message: string }) {
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
