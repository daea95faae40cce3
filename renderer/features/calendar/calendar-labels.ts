// The words the calendar shows next to every colour: statuses, message
// states and reminder states, so nothing is told by colour alone.
import { keyParts, weekdayOfKey } from '../../../shared/calendar/calendar-grid.ts';
import type { CommState, DutyView } from '../../../shared/calendar/calendar-views.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../../shared/time/calendar-names.ts';
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

/** "moved from Fri 25 Dec (Christmas Day)": why a duty is a day early; empty when it is on its own day. */
export function dutyMovedNote(duty: Pick<DutyView, 'movedFrom'>): string {
  if (!duty.movedFrom) return '';
  const { day, month } = keyParts(duty.movedFrom.dateKey);
  const weekday = WEEKDAY_NAMES[weekdayOfKey(duty.movedFrom.dateKey)];
  return `moved from ${weekday} ${day} ${MONTH_NAMES[month - 1]} (${duty.movedFrom.holiday})`;
}
