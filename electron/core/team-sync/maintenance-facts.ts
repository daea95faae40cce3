// The facts a maintenance message carries in its Slack metadata: the event,
// its window and status, and its comms schedule, so another lead's Herald can
// put it on its calendar and agree on which messages are still to send.
import type { EventDetail } from '../../../shared/calendar/calendar-views.ts';
import { MAX_DETAIL, type MessageFacts } from '../../../shared/team-sync/message-facts.ts';

/** A take-over names the new owner and the one it takes over from (Slack's order decides between two at once). */
export interface Handover {
  owner: string;
  previousOwner: string;
}

export function maintenanceFactsOf(
  detail: EventDetail,
  stage: string,
  actor: string,
  handover?: Handover,
): MessageFacts {
  const { event } = detail;
  return {
    kind: 'maintenance',
    actor,
    maintenance: {
      id: event.id,
      title: event.title.slice(0, 500),
      starts_at: event.startsAtUtc,
      ends_at: event.endsAtUtc,
      status: event.status,
      stage: stage.slice(0, 40),
      zone: event.timeZone.slice(0, 64),
      // Whoever sends it, the event's owner stays its owner (a colleague may send a message for them).
      owner: handover?.owner ?? (event.owner || actor),
      previous_owner: handover?.previousOwner ?? '',
      // What the event panel shows about the work, so another lead's copy reads the same.
      work_kind: event.workKind,
      services: event.services.slice(0, 30).map((name) => ({ name: name.slice(0, 80) })),
      impact: event.impact.slice(0, MAX_DETAIL),
      user_actions: event.userActions.slice(0, MAX_DETAIL),
      user_action_deadline: event.userActionDeadlineUtc ?? '',
      change_notes_url: event.changeNotesUrl.slice(0, 2048),
    },
    comms: detail.comms.slice(0, 20).map((comm) => ({
      stage: comm.stage,
      due_at: comm.dueAtUtc ?? '',
      // The message being sent now counts as sent in the schedule it carries.
      is_sent: comm.state === 'sent' || comm.stage === stage,
    })),
  };
}
