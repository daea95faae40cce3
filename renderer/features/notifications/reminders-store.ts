// The reminders the notification centre shows and the alerts that fired
// while the page was open. The clock they are judged against, the reminder
// settings and the user's zone are the app's server-state stores
// (renderer/server-state/). State → initial state → actions.
import { create } from 'zustand';
import type { ReminderFired, ReminderList } from '../../../shared/api/channels/reminders.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { herald } from '../../api/herald.ts';

/** At most this many fired alerts wait as toasts; older ones are still in the centre. */
const MAX_TOASTS = 3;

interface RemindersState {
  reminders: Reminder[];
  loadError: string | null;
  actionError: string | null;
  isCentreOpen: boolean;
  toasts: ReminderFired[];
  load: () => Promise<void>;
  applyList: (list: ReminderList) => void;
  addToast: (fired: ReminderFired) => void;
  closeToast: (reminderId: string) => void;
  snooze: (reminderId: string) => Promise<void>;
  dismiss: (reminderId: string) => Promise<void>;
  setCentreOpen: (isOpen: boolean) => void;
}

export const useReminders = create<RemindersState>()((set, get) => ({
  reminders: [],
  loadError: null,
  actionError: null,
  isCentreOpen: false,
  toasts: [],
  async load() {
    const list = await herald().invoke('reminders:list', {});
    if (list.ok) get().applyList(list.value);
    else set({ loadError: list.error.message });
  },
  applyList(list) {
    const firedIds = new Set(list.reminders.filter((reminder) => reminder.state === 'fired').map((reminder) => reminder.id));
    set((state) => ({
      reminders: list.reminders,
      loadError: null,
      // A toast whose reminder was snoozed, dismissed or cleared has nothing left to say.
      toasts: state.toasts.filter((toast) => firedIds.has(toast.reminder.id)),
    }));
  },
  addToast(fired) {
    set((state) => ({
      toasts: [fired, ...state.toasts.filter((toast) => toast.reminder.id !== fired.reminder.id)].slice(0, MAX_TOASTS),
    }));
  },
  closeToast(reminderId) {
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.reminder.id !== reminderId) }));
  },
  async snooze(reminderId) {
    const result = await herald().invoke('reminders:snooze', { id: reminderId });
    set({ actionError: result.ok ? null : result.error.message });
  },
  async dismiss(reminderId) {
    const result = await herald().invoke('reminders:dismiss', { id: reminderId });
    set({ actionError: result.ok ? null : result.error.message });
  },
  setCentreOpen(isOpen) {
    set({ isCentreOpen: isOpen });
  },
}));
