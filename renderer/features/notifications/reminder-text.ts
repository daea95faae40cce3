// How the notification centre words a reminder, and which message the
// composer should open for it. What the message is and when it is due come
// from shared/reminders/reminder-wording.ts, as in the desktop notification
// and the tray.
import type { ComposeIntent } from '../../../shared/api/channels/app.ts';
import type { AttentionItem, Urgency } from '../../../shared/reminders/attention.ts';
import type { MaintenanceStage, ReminderSubject } from '../../../shared/reminders/reminder.ts';
import { describeMessageDue } from '../../../shared/reminders/reminder-wording.ts';

const PLAN_STAGE_BY_MAINTENANCE_STAGE: Record<MaintenanceStage, string> = {
  announcement: 'announcement',
  reminder: 'reminder',
  start: 'starting',
  complete: 'complete',
};

export const URGENCY_HEADINGS: Record<Urgency, string> = {
  overdue: 'Overdue',
  due: 'Due now',
  due_soon: 'Due soon',
  upcoming: 'Coming up',
};

export function composeIntentFor(subject: ReminderSubject, isHolding = false): ComposeIntent {
  switch (subject.type) {
    case 'incident':
      return { kind: 'incident_update', incidentId: subject.incidentId, isHolding };
    case 'maintenance':
      return {
        kind: 'maintenance_comm',
        eventId: subject.eventId,
        stage: PLAN_STAGE_BY_MAINTENANCE_STAGE[subject.stage],
      };
    case 'duty':
      return { kind: 'duty', dutyId: subject.dutyId };
  }
}

/** "Incident update due in 5 min (10:30 BST)"; "… overdue since 10:30 BST (10 minutes late)" once it has passed. */
export function describeTiming(item: AttentionItem, nowMs: number, zone: string): string {
  return describeMessageDue(item.reminder, nowMs, zone);
}

export function describeSnooze(snoozeMs: number): string {
  const minutes = Math.max(1, Math.round(snoozeMs / 60_000));
  if (minutes < 60) return `Snooze ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `Snooze ${hours} h` : `Snooze ${hours} h ${minutes % 60} min`;
}
