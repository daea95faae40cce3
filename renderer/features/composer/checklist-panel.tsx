// The checklist beside the form: each item of the stage as done, missing or
// not applicable (with the reason), in words as well as marks; then what
// must be fixed before sending and what is merely advice. Computed from a
// deferred copy of the draft so typing never waits for it.
import { useDeferredValue, useMemo } from 'react';
import type { ChecklistEntry } from '../../../shared/messages/lint.ts';
import { lintOpenDraft } from './composer-lint.ts';
import { useComposer } from './composer-store.ts';
import { focusField } from './field-dom.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { useUserZone } from '../../server-state/settings-store.ts';

const MARKS: Record<ChecklistEntry['state'], string> = { done: '✓', missing: '○', not_applicable: '–' };

function stateText(entry: ChecklistEntry, reason: string | undefined): string {
  switch (entry.state) {
    case 'done':
      return 'Done';
    case 'not_applicable':
      return `Not applicable: ${reason ?? ''}`;
    case 'missing':
      return entry.required ? 'Missing (required)' : 'Not answered (optional)';
  }
}

export function ChecklistPanel() {
  const liveDraft = useComposer((state) => state.draft);
  const plan = usePlan((state) => state.plan);
  const zone = useUserZone();
  const draft = useDeferredValue(liveDraft);
  const correction = useComposer((state) => state.correction);
  const lint = useMemo(
    () => (draft && plan ? lintOpenDraft(draft, plan, { nowMs: serverNowMs(), zone }, correction) : null),
    [draft, plan, zone, correction],
  );
  if (!lint || !draft) return null;
  const done = lint.checklist.filter((entry) => entry.state !== 'missing').length;
  const blocking = lint.warnings.filter((warning) => warning.isBlocking);
  const advice = lint.warnings.filter((warning) => !warning.isBlocking);

  return (
    <section className="card checklist-panel" aria-labelledby="checklist-heading" data-testid="checklist">
      <h2 id="checklist-heading">Checklist</h2>
      <p className="muted">
        {done} of {lint.checklist.length} covered.{' '}
        {lint.canSendWithoutOverride
          ? correction
            ? 'Ready to save the edit.'
            : 'Ready to send.'
          : correction
            ? 'Saving the edit now would need an override with a reason.'
            : 'Sending now would need an override with a reason.'}
      </p>
      <ul className="checklist-entries">
        {lint.checklist.map((entry) => (
          <li
            key={entry.itemId}
            className={`checklist-entry checklist-${entry.state}`}
            data-state={entry.state}
          >
            <span className="checklist-mark" aria-hidden="true">
              {MARKS[entry.state]}
            </span>
            <span>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  focusField(
                    entry.state === 'not_applicable'
                      ? `notApplicableReasons.${entry.itemId}`
                      : `answers.${entry.itemId}`,
                  )
                }
              >
                {entry.label}
              </button>
              <span className="checklist-state">
                {' '}
                — {stateText(entry, draft.notApplicable[entry.itemId])}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {blocking.length > 0 ? (
        <>
          <h3>Before sending</h3>
          <ul className="lint-list lint-blocking">
            {blocking.map((warning, index) => (
              <li key={`${warning.code}-${index}`}>{warning.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {advice.length > 0 ? (
        <>
          <h3>Worth a look</h3>
          <ul className="lint-list lint-advice">
            {advice.map((warning, index) => (
              <li key={`${warning.code}-${index}`}>{warning.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
