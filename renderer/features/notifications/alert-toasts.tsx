// Alerts that fired while the page was open, as small toasts: in the
// browser harness there is no desktop notification, so this is where an
// alert first appears. They stay until closed or acted on (no timeouts to
// race), announce themselves politely to screen readers, and are worded
// from Herald's clock on every tick, so "due now" becomes "overdue · 15
// minutes late" while the toast waits. An incident's alert offers its
// holding update, complete as drafted: one click and one key keep the promise.
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { alertHeadline, latenessOf } from '../../../shared/reminders/reminder-wording.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { useReminders } from './reminders-store.ts';
import { composeIntentFor } from './reminder-text.ts';

function postHolding(reminder: Reminder): void {
  useReminders.getState().closeToast(reminder.id);
  useNavigation.getState().openCompose(composeIntentFor(reminder.subject, true));
}

export function AlertToasts() {
  const toasts = useReminders((state) => state.toasts);
  const nowMs = useHeraldNow();
  // With the centre open the same alerts are in front of the user already.
  const isCentreOpen = useReminders((state) => state.isCentreOpen);
  if (toasts.length === 0 || isCentreOpen) return null;
  return (
    <section className="alert-toasts" aria-label="New alerts" data-start-screen="omit">
      <div role="status">
        <ul>
          {toasts.map(({ reminder, wasLate }) => {
            const lateness = latenessOf(reminder, nowMs);
            const isIncident = reminder.subject.type === 'incident';
            return (
              <li key={reminder.id} className={`alert-toast alert-${reminder.kind}`}>
                <p>
                  <strong>{alertHeadline(reminder, nowMs)}:</strong> {reminder.title}
                  {lateness ? ` · ${lateness}` : ''}
                  {wasLate ? ' (missed while asleep)' : ''}
                </p>
                <div className="attention-actions">
                  {isIncident ? (
                    <button type="button" className="primary" onClick={() => postHolding(reminder)}>
                      Post holding update
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className={isIncident ? undefined : 'primary'}
                    onClick={() => useReminders.getState().setCentreOpen(true)}
                  >
                    Show
                  </button>
                  <button type="button" onClick={() => useReminders.getState().closeToast(reminder.id)}>
                    Close
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
