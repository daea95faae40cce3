// Keeps the reminders store current while the app is open: the list (read
// again when the clock jumps) and fired alerts. The list is read once the
// page has painted, so it never delays the first screen.
import { useEffect } from 'react';
import { herald } from '../../api/herald.ts';
import { afterFirstPaint } from '../../app/after-first-paint.ts';
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
    // The list is read after the first paint: the composer draws nothing from it (changes heard meanwhile wait in the store).
    const cancelLoad = afterFirstPaint(() => void store().load());
    return () => {
      cancelLoad();
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, []);
}
