// The in-app notification centre: a bell in the sidebar with the number of
// things that need the user, and a panel listing what is overdue, due now,
// due soon and coming up. It shows the same alerts as the desktop
// notifications and tray, and is all the browser harness has.
import { useEffect, useId, useMemo, useRef } from 'react';
import type { AudienceFlag } from '../../../shared/api/channels/audiences.ts';
import type { AttentionItem, Urgency } from '../../../shared/reminders/attention.ts';
import { AttentionItemRow } from './attention-item-row.tsx';
import { URGENCY_HEADINGS } from './reminder-text.ts';
import { useReminders } from './reminders-store.ts';
import { useAttentionSections } from './use-attention-sections.ts';
import { useReminderFeed } from './use-reminder-feed.ts';
import './notification-centre.css';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { followAudiences, useAudiences } from '../../server-state/audiences-store.ts';
import { AudienceFlagCard } from '../../ui/audience-flag-card.tsx';

const PANEL_ID = 'notification-centre';
const BELL_ID = 'notification-bell';
function BellIcon() {
  return (
    <svg
      className="notification-bell-icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0Z"
        fill="currentColor"
      />
    </svg>
  );
}

/** Channels out of step that only the audiences view raises (a fix not yet on its way). */
function useOutOfStep(): AudienceFlag[] {
  const view = useAudiences((state) => state.view);
  return useMemo(
    () => (view?.flags ?? []).filter((flag) => flag.fixOutboxItemId === null && !flag.isAlsoAnAlert),
    [view],
  );
}

export function NotificationBell() {
  useReminderFeed();
  useEffect(() => followAudiences(), []);
  const sections = useAttentionSections();
  const outOfStep = useOutOfStep();
  const isOpen = useReminders((state) => state.isCentreOpen);
  const count =
    (sections ? sections.overdue.length + sections.due.length + sections.dueSoon.length : 0) +
    outOfStep.length;
  const isUrgent = sections ? sections.overdue.length + sections.due.length > 0 : false;
  // The name is built from the visible text (plus words only screen readers need), so speech control can use it.
  return (
    <button
      id={BELL_ID}
      type="button"
      className={`notification-bell${isUrgent ? ' is-urgent' : ''}`}
      aria-expanded={isOpen}
      aria-controls={PANEL_ID}
      onClick={() => useReminders.getState().setCentreOpen(!isOpen)}
    >
      <BellIcon /> Notifications
      {count > 0 ? (
        <>
          {' '}
          <span className="notification-count">{count}</span>
          <span className="nc-visually-hidden">{count === 1 ? ' item needs you' : ' items need you'}</span>
        </>
      ) : (
        <span className="nc-visually-hidden"> (nothing due)</span>
      )}
    </button>
  );
}

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

export function NotificationCentre() {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sections = useAttentionSections();
  const nowMs = useHeraldNow();
  const isOpen = useReminders((state) => state.isCentreOpen);
  const loadError = useReminders((state) => state.loadError);
  const actionError = useReminders((state) => state.actionError);
  const outOfStep = useOutOfStep();
  const outOfStepHeadingId = useId();

  useEffect(() => {
    if (isOpen) headingRef.current?.focus();
  }, [isOpen]);

  if (!isOpen) return null;
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
