// Keeps the reminders store current while the app is open: the list (read
// again when the clock jumps) and fired alerts.
import { useEffect } from 'react';
import { herald } from '../../api/herald.ts';
import { useReminders } from './reminders-store.ts';

export function useReminderFeed(): void {
  useEffect(() => {
    const api = herald();
    const store = useReminders.getState;
    const unsubscribes = [
      api.on('reminders:changed', (change) => store().applyChange(change)),
      api.on('reminders:fired', (fired) => store().addToast(fired)),
      // Time moved in a jump: re-read the list in case an event raced the page's subscription.
      api.on('clock:changed', () => void store().load()),
    ];
    void store().load();
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, []);
}
