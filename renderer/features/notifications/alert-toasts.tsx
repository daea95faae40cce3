// Alerts that fired while the page was open, as small toasts: in the
// browser harness there is no desktop notification, so this is where an
// alert first appears. They stay until closed or acted on (no timeouts to
// race), and announce themselves politely to screen readers.
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { useReminders } from './reminders-store.ts';
import { alertHeadline, composeIntentFor } from './reminder-text.ts';

/** A promised update that is due or late: the toast offers the holding update, ready to send with one key. */
function isPromiseDue(reminder: Reminder): boolean {
  return reminder.kind === 'incident_due' || reminder.kind === 'incident_overdue';
}

function postHolding(reminder: Reminder): void {
  useReminders.getState().closeToast(reminder.id);
  useNavigation.getState().openCompose(composeIntentFor(reminder.subject, true));
}

export function AlertToasts() {
  const toasts = useReminders((state) => state.toasts);
  // With the centre open the same alerts are in front of the user already.
  const isCentreOpen = useReminders((state) => state.isCentreOpen);
  if (toasts.length === 0 || isCentreOpen) return null;
  return (
    <section className="alert-toasts" aria-label="New alerts">
      <div role="status">
        <ul>
          {toasts.map(({ reminder, wasLate }) => (
            <li key={reminder.id} className={`alert-toast alert-${reminder.kind}`}>
              <p>
                <strong>{alertHeadline(reminder)}:</strong> {reminder.title}
                {wasLate ? ' (missed while asleep)' : ''}
              </p>
              <div className="attention-actions">
                {isPromiseDue(reminder) ? (
                  <button type="button" className="primary" onClick={() => postHolding(reminder)}>
                    Post holding update
                  </button>
                ) : null}
                <button
                  type="button"
                  className={isPromiseDue(reminder) ? undefined : 'primary'}
                  onClick={() => useReminders.getState().setCentreOpen(true)}
                >
                  Show
                </button>
                <button type="button" onClick={() => useReminders.getState().closeToast(reminder.id)}>
                  Close
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
