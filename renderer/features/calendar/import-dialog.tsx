// Importing an .ics file: pick it, see what it would add or change (and
// which of its events cannot be read, and why), choose, then import.
import { useId, useState } from 'react';
import { MAX_ICS_CHARS, MAX_ICS_LABEL } from '../../../shared/calendar/ics-limits.ts';
import type { ImportPreview } from '../../../shared/calendar/calendar-views.ts';
import { useCalendar } from './calendar-store.ts';
import { ModalDialog } from './modal-dialog.tsx';
import { longInstant } from './wall-time.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

const ACTION_LABELS = { new: 'New', update: 'Changes an event', unchanged: 'No change' } as const;

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const ids = { file: useId(), help: useId() };
  const zone = useCalendar((state) => state.zone);
  const say = useCalendar((state) => state.say);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function pick(file: File | undefined) {
    setPreview(null);
    setError(null);
    if (!file) return;
    if (file.size > MAX_ICS_CHARS) {
      setError(`That file is too large for a calendar file (the limit is ${MAX_ICS_LABEL}).`);
      return;
    }
    const content = await file.text();
    setIsBusy(true);
    const result = await useCalendar.getState().previewImport(content);
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setText(content);
    setPreview(result.value);
    setChosen(
      new Set(result.value.items.filter((item) => item.action !== 'unchanged').map((item) => item.uid)),
    );
  }

  async function runImport() {
    if (text === null) return;
    setIsBusy(true);
    const result = await useCalendar.getState().importIcs(text, [...chosen]);
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const { created, updated } = result.value;
    say(`Imported: ${created} new, ${updated} changed.`);
    onClose();
  }

  const toggle = (uid: string) => {
    const next = new Set(chosen);
    if (next.has(uid)) next.delete(uid);
    else next.add(uid);
    setChosen(next);
  };

  return (
    <ModalDialog title="Import from a calendar file" onClose={onClose} isWide>
      <div className="stack">
        <div className="field">
          <label htmlFor={ids.file}>Calendar file (.ics)</label>
          <input
            id={ids.file}
            type="file"
            accept=".ics,text/calendar"
            aria-describedby={ids.help}
            onChange={(change) => void pick(change.target.files?.[0])}
          />
          <p id={ids.help} className="help">
            Nothing changes until you choose Import. Events Herald already has (same UID) are updated rather
            than added twice.
          </p>
        </div>
        <ErrorAlert error={error} isBanner />
        {preview ? (
          <>
            {preview.problems.length > 0 ? (
              <div role="alert" className="warning-banner">
                <div>
                  <p>
                    {preview.problems.length === 1
                      ? 'One event in the file cannot be imported:'
                      : `${preview.problems.length} events in the file cannot be imported:`}
                  </p>
                  <ul>
                    {preview.problems.map((problem, index) => (
                      <li key={index}>{problem.message}</li>
                    ))}
                  </ul>
                </div>
              </div>
            ) : null}
            <table className="import-table">
              <caption className="visually-hidden">Events in the file</caption>
              <thead>
                <tr>
                  <th scope="col">Import</th>
                  <th scope="col">Event</th>
                  <th scope="col">Starts</th>
                  <th scope="col">What happens</th>
                </tr>
              </thead>
              <tbody>
                {preview.items.map((item) => (
                  <tr key={item.uid}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Import “${item.title}”`}
                        checked={chosen.has(item.uid)}
                        disabled={item.action === 'unchanged'}
                        onChange={() => toggle(item.uid)}
                      />
                    </td>
                    <td>{item.title}</td>
                    <td>{longInstant(item.startsAtUtc, zone)}</td>
                    <td>
                      {ACTION_LABELS[item.action]}
                      {item.warnings.map((warning) => (
                        <p key={warning} className="help">
                          Note: {warning}.
                        </p>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={!preview || chosen.size === 0 || isBusy}
            onClick={() => void runImport()}
          >
            Import {chosen.size > 0 ? `${chosen.size} ${chosen.size === 1 ? 'event' : 'events'}` : ''}
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
