// One entry in the notification centre: what is due and when, with the
// actions that fit it. "Post update" and "Post holding update" open the
// composer on that incident; snooze and dismiss act on an alert that fired.
import { useId } from 'react';
import type { AttentionItem } from '../../../shared/reminders/attention.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { composeIntentFor, describeSnooze, describeTiming } from './reminder-text.ts';
import { useReminders } from './reminders-store.ts';
import { useSettings, useUserZone } from '../../server-state/settings-store.ts';

export function AttentionItemRow({ item, nowMs }: { item: AttentionItem; nowMs: number }) {
  const titleId = useId();
  const timeZone = useUserZone();
  // The centre lists items only once the reminder settings have arrived, so this is never the fallback in practice.
  const snoozeMs = useSettings((state) => state.reminderSettings?.snoozeMs ?? 0);
  const { reminder } = item;
  const isIncident = reminder.subject.type === 'incident';
  const hasFired = reminder.state === 'fired';

  const compose = (isHolding: boolean) => {
    useReminders.getState().setCentreOpen(false);
    useNavigation.getState().openCompose(composeIntentFor(reminder.subject, isHolding));
  };

  return (
    <li
      className={`attention-item attention-${item.urgency}`}
      aria-labelledby={titleId}
      data-reminder-kind={reminder.kind}
    >
      <p id={titleId} className="attention-title">
        {reminder.title}
      </p>
      <p className="attention-timing">
        {describeTiming(item, nowMs, timeZone)}
        {reminder.wasLate ? ' · missed while your computer was asleep or Herald was closed' : ''}
      </p>
      <div className="attention-actions">
        <button type="button" className="primary" onClick={() => compose(false)}>
          {isIncident ? 'Post update' : 'Write it'}
        </button>
        {isIncident ? (
          <button type="button" onClick={() => compose(true)}>
            Post holding update
          </button>
        ) : null}
        {hasFired ? (
          <>
            <button type="button" onClick={() => void useReminders.getState().snooze(reminder.id)}>
              {describeSnooze(snoozeMs)}
            </button>
            <button type="button" onClick={() => void useReminders.getState().dismiss(reminder.id)}>
              Dismiss
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}
