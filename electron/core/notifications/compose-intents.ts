// Which message the composer should open for a reminder: the incident's
// next update (or its holding update), the maintenance event's message for
// that stage, or the plan duty. Notification clicks, tray items and the
// notification centre all route through these, so they agree.
import type { ComposeIntent, NavigateRequest } from '../../../shared/api/channels/app.ts';
import type { MaintenanceStage, ReminderSubject } from '../../../shared/reminders/reminder.ts';

/** The plan type an incident is declared with (shared/plan/default-plan.ts). */
export const INCIDENT_PLAN_TYPE_ID = 'incidents';

/** Reminder stages are named for the moment; the plan's maintenance stages for the message sent then. */
const PLAN_STAGE_BY_MAINTENANCE_STAGE: Record<MaintenanceStage, string> = {
  announcement: 'announcement',
  reminder: 'reminder',
  start: 'starting',
  complete: 'complete',
};

export function composeIntentFor(
  subject: ReminderSubject,
  options: { isHolding?: boolean } = {},
): ComposeIntent {
  switch (subject.type) {
    case 'incident':
      return {
        kind: 'incident_update',
        incidentId: subject.incidentId,
        isHolding: options.isHolding ?? false,
      };
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

export function composeRequest(intent: ComposeIntent): NavigateRequest {
  return { screen: 'compose', compose: intent };
}

export const newIncidentRequest: NavigateRequest = composeRequest({
  kind: 'new',
  typeId: INCIDENT_PLAN_TYPE_ID,
  stage: 'declared',
});
