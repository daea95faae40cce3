// The notification centre's panel: what is overdue, due now, due soon and
// coming up, and the channels out of step. Loaded the first time the bell
// opens it (notification-centre.tsx), so its rows, the audience flag cards and
// their wording are not evaluated before the composer's first paint.
import { useEffect, useId, useRef } from 'react';
import type { AttentionItem, Urgency } from '../../../shared/reminders/attention.ts';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { AudienceFlagCard } from '../../ui/audience-flag-card.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { AttentionItemRow } from './attention-item-row.tsx';
import { BELL_ID, PANEL_ID, useOutOfStep } from './notification-centre.tsx';
import { URGENCY_HEADINGS } from './reminder-text.ts';
import { useReminders } from './reminders-store.ts';
import { useAttentionSections } from './use-attention-sections.ts';

function Section({ urgency, items, nowMs }: { urgency: Urgency; items: AttentionItem[]; nowMs: number }) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section className="attention-section" aria-labelledby={headingId} data-urgency={urgency}>
      <h3 id={headingId}>
        {URGENCY_HEADINGS[urgency]} <span className="muted">({items.length})</span>
      </h3>
      <ul>
        {items.map((item) => (
          <AttentionItemRow key={item.subjectKey} item={item} nowMs={nowMs} />
        ))}
      </ul>
    </section>
  );
}

export function NotificationPanel() {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sections = useAttentionSections();
  const nowMs = useHeraldNow();
  const loadError = useReminders((state) => state.loadError);
  const actionError = useReminders((state) => state.actionError);
  const outOfStep = useOutOfStep();
  const outOfStepHeadingId = useId();

  // Mounted only while open: opening it takes the focus to its heading.
  useEffect(() => headingRef.current?.focus(), []);

  const close = () => {
    useReminders.getState().setCentreOpen(false);
    document.getElementById(BELL_ID)?.focus();
  };
  const isEmpty =
    outOfStep.length === 0 &&
    (!sections ||
      [sections.overdue, sections.due, sections.dueSoon, sections.upcoming].every(
        (items) => items.length === 0,
      ));
  return (
    <aside
      id={PANEL_ID}
      className="notification-centre"
      // Open for this moment only: left out of the start screen (app/start-screen/capture.ts).
      data-start-screen="omit"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <div className="notification-centre-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Notifications
        </h2>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      <ErrorAlert error={loadError} />
      <ErrorAlert error={actionError} />
      {isEmpty ? (
        <p className="muted">Nothing needs you right now.</p>
      ) : (
        <>
          {sections ? <Section urgency="overdue" items={sections.overdue} nowMs={nowMs} /> : null}
          {sections ? <Section urgency="due" items={sections.due} nowMs={nowMs} /> : null}
          {outOfStep.length > 0 ? (
            <section
              className="attention-section"
              aria-labelledby={outOfStepHeadingId}
              data-urgency="out_of_step"
            >
              <h3 id={outOfStepHeadingId}>
                Channels out of step <span className="muted">({outOfStep.length})</span>
              </h3>
              <ul className="stack">
                {outOfStep.map((flag) => (
                  <AudienceFlagCard
                    key={flag.id}
                    flag={flag}
                    compact
                    onFix={() => useReminders.getState().setCentreOpen(false)}
                  />
                ))}
              </ul>
            </section>
          ) : null}
          {sections ? <Section urgency="due_soon" items={sections.dueSoon} nowMs={nowMs} /> : null}
          {sections ? <Section urgency="upcoming" items={sections.upcoming} nowMs={nowMs} /> : null}
        </>
      )}
    </aside>
  );
}
