// Handlers for the test-only reminder channels (shared/api/channels/
// test-reminders.ts): they call the scheduler exactly as the incident
// service will once it exists. The router disables them without a test clock.
import type { Handler } from '../api/router.ts';
import type { ReminderScheduler } from '../reminders/reminder-scheduler.ts';

export function testReminderHandlers(scheduler: Pick<ReminderScheduler, 'promiseUpdate' | 'updateSent'>): {
  'testReminders:promise': Handler<'testReminders:promise'>;
  'testReminders:updateSent': Handler<'testReminders:updateSent'>;
} {
  return {
    'testReminders:promise': ({ incidentId, incidentTitle, nextUpdateAtUtc }) =>
      Promise.resolve(scheduler.promiseUpdate({ incidentId, incidentTitle, nextUpdateAtMs: Date.parse(nextUpdateAtUtc) })),
    'testReminders:updateSent': ({ incidentId, nextUpdateAtUtc }) =>
      Promise.resolve(
        scheduler.updateSent({ incidentId, nextUpdateAtMs: nextUpdateAtUtc === undefined ? null : Date.parse(nextUpdateAtUtc) }),
      ),
  };
}
