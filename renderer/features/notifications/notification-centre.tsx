// The in-app notification centre: a bell in the sidebar with the number of
// things that need the user, and a panel listing what is overdue, due now,
// due soon and coming up. It shows the same alerts as the desktop
// notifications and tray, and is all the browser harness has.
import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { AudienceFlag } from '../../../shared/api/channels/audiences.ts';
import { useReminders } from './reminders-store.ts';
import { useAttentionSections } from './use-attention-sections.ts';
import { useReminderFeed } from './use-reminder-feed.ts';
import './notification-centre.css';
import { followAudiences, useAudiences } from '../../server-state/audiences-store.ts';

export const PANEL_ID = 'notification-centre';
export const BELL_ID = 'notification-bell';
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
export function useOutOfStep(): AudienceFlag[] {
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
          {/* Left out of the start screen (app/start-screen/capture.ts): the count is this moment's, not the draft's. */}
          <span className="notification-count" data-start-screen="omit">
            {count}
          </span>
          <span className="nc-visually-hidden" data-start-screen="omit">
            {count === 1 ? ' item needs you' : ' items need you'}
          </span>
        </>
      ) : (
        <span className="nc-visually-hidden"> (nothing due)</span>
      )}
    </button>
  );
}

const NotificationPanel = lazy(() =>
  import('./notification-panel.tsx').then((module) => ({ default: module.NotificationPanel })),
);

/** The panel, fetched the first time the bell opens it; nothing is drawn while it is closed. */
export function NotificationCentre() {
  const isOpen = useReminders((state) => state.isCentreOpen);
  if (!isOpen) return null;
  return (
    <Suspense fallback={null}>
      <NotificationPanel />
    </Suspense>
  );
}
