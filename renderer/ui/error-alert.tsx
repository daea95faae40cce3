// A problem the lead must see now, where it happened: announced by screen
// readers as it appears (role="alert"), and nothing at all when there is
// none. An API error adds what to do about it after the sentence (under it,
// in a banner). A banner heads a whole form or screen; otherwise it sits
// beside the control.
interface ErrorAlertProps {
  error: string | { message: string; fix?: string | undefined } | null | undefined;
  /** For a control's aria-describedby. */
  id?: string;
  isBanner?: boolean;
}

export function ErrorAlert({ error, id, isBanner = false }: ErrorAlertProps) {
  if (!error) return null;
  const { message, fix } = typeof error === 'string' ? { message: error, fix: undefined } : error;
  return isBanner ? (
    <div id={id} role="alert" className="error-banner">
      <p>{message}</p>
      {fix ? <p className="help">{fix}</p> : null}
    </div>
  ) : (
    <p id={id} role="alert" className="field-error">
      {fix ? `${message} ${fix}` : message}
    </p>
  );
}
