// Keeps the reminders store current while the app is open: the list, the
// clock (events from the harness's test clock, and a slow poll of the real
// one so "due soon" moves on by itself), the time zone, and fired alerts.
import { useEffect } from 'react';
import { herald } from '../../api/herald.ts';
import { useReminders } from './reminders-store.ts';

const CLOCK_POLL_MS = 30_000;

export function useReminderFeed(): void {
  useEffect(() => {
    const api = herald();
    const store = useReminders.getState;
    const unsubscribes = [
      api.on('reminders:changed', (change) => store().applyChange(change)),
      api.on('reminders:fired', (fired) => store().addToast(fired)),
      api.on('clock:changed', ({ nowUtc }) => {
        store().applyNow(nowUtc);
        // Time moved in a jump: re-read the list in case an event raced the page's subscription.
        void store().load();
      }),
      api.on('settings:changed', (settings) => store().applyTimeZone(settings.timeZone)),
    ];
    void store().load();
    const poll = window.setInterval(() => void store().refreshNow(), CLOCK_POLL_MS);
    return () => {
      window.clearInterval(poll);
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, []);
}
