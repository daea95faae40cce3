// The reminders the notification centre shows and the alerts that fired
// while the page was open. The list is read once; after that each
// reminders:changed delta is applied to it (a missed one means reading it
// again). The clock they are judged against, the reminder settings and the
// user's zone are the app's server-state stores (renderer/server-state/).
// State → initial state → actions.
import { create } from 'zustand';
import type { ReminderFired } from '../../../shared/api/channels/reminders.ts';
import {
  applyReminderChange,
  type ReminderList,
  type RemindersChanged,
} from '../../../shared/reminders/reminder-changes.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { herald } from '../../api/herald.ts';

/** Changes kept while the list is being read (see applyChange). */
const MAX_PENDING_CHANGES = 100;
/** At most this many fired alerts wait as toasts; older ones are still in the centre. */
const MAX_TOASTS = 3;

interface RemindersState {
  /** Open reminders, earliest first. Other screens (incidents) read them here too. */
  reminders: Reminder[];
  /** The scheduler run and the version of its last change that `reminders` reflects; null until the list has been read. */
  version: { epoch: string; version: number } | null;
  /** Changes that arrived while the list was being read, applied once it is in. */
  pendingChanges: RemindersChanged[];
  loadError: string | null;
  actionError: string | null;
  isCentreOpen: boolean;
  toasts: ReminderFired[];
  load: () => Promise<void>;
  applyList: (list: ReminderList) => void;
  applyChange: (change: RemindersChanged) => void;
  addToast: (fired: ReminderFired) => void;
  closeToast: (reminderId: string) => void;
  snooze: (reminderId: string) => Promise<void>;
  dismiss: (reminderId: string) => Promise<void>;
  setCentreOpen: (isOpen: boolean) => void;
}

/** A toast whose reminder was snoozed, dismissed or cleared has nothing left to say. */
function liveToasts(toasts: readonly ReminderFired[], reminders: readonly Reminder[]): ReminderFired[] {
  const firedIds = new Set(
    reminders.filter((reminder) => reminder.state === 'fired').map((reminder) => reminder.id),
  );
  return toasts.filter((toast) => firedIds.has(toast.reminder.id));
}

export const useReminders = create<RemindersState>()((set, get) => ({
  reminders: [],
  version: null,
  pendingChanges: [],
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
    const { pendingChanges: pending, version } = get();
    if (version && version.epoch === list.epoch && version.version > list.version) {
      // Changes that arrived while this list was on its way are newer than it.
      set({ loadError: null });
      return;
    }
    set((state) => ({
      reminders: list.reminders,
      version: { epoch: list.epoch, version: list.version },
      pendingChanges: [],
      loadError: null,
      toasts: liveToasts(state.toasts, list.reminders),
    }));
    for (const change of pending) get().applyChange(change);
  },
  applyChange(change) {
    const { version, reminders } = get();
    if (version === null) {
      // Kept until the list is in; a list read later reflects the oldest of them anyway, so a long wait keeps only the newest.
      set((state) => ({ pendingChanges: [...state.pendingChanges, change].slice(-MAX_PENDING_CHANGES) }));
      return;
    }
    const next = applyReminderChange({ ...version, reminders }, change);
    if (!next) {
      // A change was missed (the stream reconnected): read the whole list again.
      set({ version: null, pendingChanges: [change] });
      void get().load();
      return;
    }
    set((state) => ({
      reminders: next.reminders,
      version: { epoch: next.epoch, version: next.version },
      toasts: liveToasts(state.toasts, next.reminders),
    }));
  },
  addToast(fired) {
    set((state) => ({
      toasts: [fired, ...state.toasts.filter((toast) => toast.reminder.id !== fired.reminder.id)].slice(
        0,
        MAX_TOASTS,
      ),
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
