// Alerts outside the page in the browser harness: Web Notifications. The
// permission is asked for when the lead first makes a promise (a new
// "next update" reminder is armed), not at start, when the question would
// mean nothing; after that every alert that fires raises a notification
// worded like the toast, and a click on it brings Herald forward with the
// notification centre open. Electron draws native notifications from main
// (electron/core/notifications), so this stays off there.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ReminderFired } from '../../../shared/api/channels/reminders.ts';
import type { RemindersChanged } from '../../../shared/reminders/reminder-changes.ts';
import { subjectKey } from '../../../shared/reminders/reminder-facts.ts';
import { alertHeadline, describeMessageDue } from '../../../shared/reminders/reminder-wording.ts';
import { herald } from '../../api/herald.ts';
import { useAppInfo } from '../../server-state/app-info-store.ts';
import { useSettings, selectZone } from '../../server-state/settings-store.ts';
import { useReminders } from './reminders-store.ts';

/** A change that armed a new promised update: the moment the lead is asked whether Herald may notify. */
export function makesPromise(change: RemindersChanged): boolean {
  return change.upserted.some(
    (reminder) =>
      reminder.kind === 'incident_due' && reminder.state === 'armed' && reminder.snoozeCount === 0,
  );
}

function notificationsSupported(): boolean {
  return typeof window.Notification === 'function';
}

interface NotificationPermissionState {
  /** Whether Herald has asked in this session: it asks once, however many promises follow. */
  hasAsked: boolean;
  /** Asks for the permission if the browser has not been told yet and Herald has not asked. */
  askOnce: () => Promise<void>;
}

export const useNotificationPermission = create<NotificationPermissionState>()((set, get) => ({
  hasAsked: false,
  askOnce: async () => {
    if (get().hasAsked || !notificationsSupported() || Notification.permission !== 'default') return;
    set({ hasAsked: true });
    try {
      await Notification.requestPermission();
    } catch {
      // An old engine without the promise form, or a refused prompt: the toast, title and favicon still show alerts.
    }
  },
}));

function show(fired: ReminderFired): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  const { reminder } = fired;
  // Worded at the firing instant: the clock reading that comes with the same move may not have arrived yet.
  const nowMs = Date.parse(fired.firedAtUtc);
  const zone = selectZone(useSettings.getState());
  const notification = new Notification(`${alertHeadline(reminder, nowMs)}: ${reminder.title}`, {
    body: `${describeMessageDue(reminder, nowMs, zone)}${fired.wasLate ? ' · missed while your computer was asleep or Herald was closed' : ''}`,
    // One notification per subject: a newer alert replaces the one showing.
    tag: subjectKey(reminder.subject),
    requireInteraction: reminder.subject.type === 'incident',
  });
  notification.onclick = () => {
    window.focus();
    useReminders.getState().setCentreOpen(true);
    notification.close();
  };
}

/** Asks for the permission on the first promise and raises a notification for each alert, in the browser only. */
export function useWebNotifications(): void {
  const host = useAppInfo((state) => state.info?.host ?? null);
  useEffect(() => {
    if (host !== 'browser-harness' || !notificationsSupported()) return;
    const api = herald();
    const unsubscribes = [
      api.on('reminders:changed', (change) => {
        if (makesPromise(change)) void useNotificationPermission.getState().askOnce();
      }),
      api.on('reminders:fired', show),
    ];
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [host]);
}
