// What needs the user, judged by Herald's clock: the notification centre's
// sections, read by the bell, the centre, and the page title and favicon.
import { useMemo } from 'react';
import {
  notificationCentreSections,
  type NotificationCentreSections,
} from '../../../shared/reminders/attention.ts';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { useSettings } from '../../server-state/settings-store.ts';
import { useReminders } from './reminders-store.ts';

const UPCOMING_LIMIT = 10;

/** Null until the reminder settings have arrived. */
export function useAttentionSections(): NotificationCentreSections | null {
  const reminders = useReminders((state) => state.reminders);
  const nowMs = useHeraldNow();
  const dueSoonWindowMs = useSettings((state) => state.reminderSettings?.dueSoonWindowMs ?? null);
  return useMemo(
    () =>
      dueSoonWindowMs === null
        ? null
        : notificationCentreSections(reminders, nowMs, { dueSoonWindowMs, upcomingLimit: UPCOMING_LIMIT }),
    [reminders, nowMs, dueSoonWindowMs],
  );
}
