// Settings → Help: "Copy diagnostics" builds the redacted bundle in main and
// copies it for a message to support. Where the clipboard is unavailable the
// text is shown to select by hand, so it is never lost.
import { useId, useState } from 'react';
import type { DiagnosticsBundle } from '../../../shared/api/channels/desktop.ts';
import type { ApiError } from '../../../shared/api/index.ts';
import { useDesktop } from './desktop-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function DiagnosticsPanel() {
  const textId = useId();
  const [bundle, setBundle] = useState<DiagnosticsBundle | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function copyDiagnostics() {
    setBusy(true);
    setError(null);
    const result = await useDesktop.getState().buildDiagnostics();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setBundle(result.value);
    try {
      await navigator.clipboard.writeText(result.value.text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  const sizeKb = bundle ? Math.max(1, Math.round(new Blob([bundle.text]).size / 1024)) : 0;
  return (
    <section className="card" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">Help</h2>
      <div className="stack">
        <p className="help">
          When something goes wrong, copy the diagnostics and paste them into your message to support. They
          hold Herald&apos;s version, your platform, the last day of its log, store versions, queue counts and
          the connection state — never your Slack token or what your messages say.
        </p>
        <div className="row">
          <button type="button" onClick={() => void copyDiagnostics()} disabled={isBusy}>
            Copy diagnostics
          </button>
          <span role="status" className="muted" data-testid="diagnostics-status">
            {copied === true && bundle
              ? `Copied ${sizeKb} KB (${bundle.fileName}). Paste it into your message to support.`
              : ''}
            {copied === false
              ? 'The clipboard is not available here: select the text below and copy it.'
              : ''}
          </span>
        </div>
        <ErrorAlert error={error} />
        {bundle ? (
          <div className="field">
            <label htmlFor={textId}>Diagnostics ({bundle.fileName})</label>
            <textarea
              id={textId}
              readOnly
              rows={10}
              value={bundle.text}
              onFocus={(event) => event.target.select()}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
