// The foot of a form that saves: why the last save was refused, if it was,
// then the save button and whatever belongs beside it (Cancel, a hint).
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert.tsx';

interface FormFooterProps {
  /** Why the last save was refused, as a whole: field problems show at their fields. */
  formError: string | null | undefined;
  saveLabel: string;
  isSaveDisabled: boolean;
  children?: ReactNode;
}

export function FormFooter({ formError, saveLabel, isSaveDisabled, children }: FormFooterProps) {
  return (
    <>
      <ErrorAlert error={formError} isBanner />
      <div className="row">
        <button type="submit" className="primary" disabled={isSaveDisabled}>
          {saveLabel}
        </button>
        {children}
      </div>
    </>
  );
}
