// The reminders the notification centre shows, the clock reading they are
// judged against (the harness's test clock when there is one), the
// reminder settings and the user's time zone, and the alerts that fired
// while the page was open. State → initial state → actions.
import { create } from 'zustand';
import type { ReminderFired, ReminderList } from '../../../shared/api/channels/reminders.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { defaultReminderSettings, type ReminderSettings } from '../../../shared/reminders/reminder-settings.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings/defaults.ts';
import { herald } from '../../api/herald.ts';

/** At most this many fired alerts wait as toasts; older ones are still in the centre. */
const MAX_TOASTS = 3;

interface RemindersState {
  reminders: Reminder[];
  /** The serving process's clock, which the harness's test clock drives. */
  nowMs: number | null;
  settings: ReminderSettings;
  timeZone: string;
  loadError: string | null;
  actionError: string | null;
  isCentreOpen: boolean;
  toasts: ReminderFired[];
  load: () => Promise<void>;
  refreshNow: () => Promise<void>;
  applyList: (list: ReminderList) => void;
  applyNow: (nowUtc: string) => void;
  applyTimeZone: (zone: string) => void;
  addToast: (fired: ReminderFired) => void;
  closeToast: (reminderId: string) => void;
  snooze: (reminderId: string) => Promise<void>;
  dismiss: (reminderId: string) => Promise<void>;
  setCentreOpen: (isOpen: boolean) => void;
}

export const useReminders = create<RemindersState>()((set, get) => ({
  reminders: [],
  nowMs: null,
  settings: defaultReminderSettings,
  timeZone: DEFAULT_TIME_ZONE,
  loadError: null,
  actionError: null,
  isCentreOpen: false,
  toasts: [],
  async load() {
    const [list, settings, general] = await Promise.all([
      herald().invoke('reminders:list', {}),
      herald().invoke('reminders:getSettings', {}),
      herald().invoke('settings:get', {}),
    ]);
    if (settings.ok) set({ settings: settings.value });
    if (general.ok) set({ timeZone: general.value.timeZone });
    if (list.ok) get().applyList(list.value);
    else set({ loadError: list.error.message });
  },
  async refreshNow() {
    const reading = await herald().invoke('clock:now', {});
    if (reading.ok) get().applyNow(reading.value.nowUtc);
  },
  applyList(list) {
    const firedIds = new Set(list.reminders.filter((reminder) => reminder.state === 'fired').map((reminder) => reminder.id));
    set((state) => ({
      reminders: list.reminders,
      nowMs: Date.parse(list.nowUtc),
      loadError: null,
      // A toast whose reminder was snoozed, dismissed or cleared has nothing left to say.
      toasts: state.toasts.filter((toast) => firedIds.has(toast.reminder.id)),
    }));
  },
  applyNow(nowUtc) {
    set({ nowMs: Date.parse(nowUtc) });
  },
  applyTimeZone(zone) {
    set({ timeZone: zone });
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
