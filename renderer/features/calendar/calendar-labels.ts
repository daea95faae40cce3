// The words the calendar shows next to every colour: statuses, message
// states and reminder states, so nothing is told by colour alone.
import type { CommState } from '../../../shared/calendar/calendar-views.ts';
import type { ReminderState } from '../../../shared/reminders/reminder.ts';

export const commStateLabels: Readonly<Record<CommState, string>> = {
  sent: 'Sent',
  overdue: 'Overdue',
  upcoming: 'Scheduled',
  ready: 'Ready to send',
};

export const reminderStateLabels: Readonly<Record<ReminderState, string>> = {
  armed: 'Reminder set',
  fired: 'Reminder went off',
  dismissed: 'Reminder dismissed',
  cleared: 'Reminder cleared',
};

/** Short verbs for due items in the grid: "Announce", "Remind", … */
export const commVerbs: Readonly<Record<string, string>> = {
  announcement: 'Announce',
  reminder: 'Remind',
  starting: 'Start',
  complete: 'Complete',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
};
