// Reminder records and host capabilities for the notification tests.
import { hostCapabilities } from '../../../../../electron/core/notifications/host-capabilities.ts';
import { createReminderRecord } from '../../../../../electron/core/reminders/reminder-record.ts';
import type { Reminder, ReminderKind, ReminderSubject } from '../../../../../shared/reminders/reminder.ts';

export const MINUTE_MS = 60_000;
/** Mon 20 Apr 2026, 09:00 UTC (10:00 BST). */
export const NOW_MS = Date.parse('2026-04-20T09:00:00Z');

export const mac = hostCapabilities('darwin');
export const linux = hostCapabilities('linux');
export const windows = hostCapabilities('win32');

let count = 0;
export function reminder(
  kind: ReminderKind,
  fields: {
    subject?: ReminderSubject;
    title?: string;
    dueAtMs?: number;
    eventAtMs?: number;
    state?: Reminder['state'];
  } = {},
): Reminder {
  const subject = fields.subject ?? { type: 'incident', incidentId: 'inc-1' };
  const dueAtMs = fields.dueAtMs ?? NOW_MS;
  const record = createReminderRecord({
    id: `r${++count}`,
    kind,
    subject,
    title: fields.title ?? 'Sentry unavailable',
    dueAtMs,
    eventAtMs: fields.eventAtMs ?? dueAtMs,
    nowMs: NOW_MS - 60 * MINUTE_MS,
  });
  return fields.state ? { ...record, state: fields.state } : record;
}
