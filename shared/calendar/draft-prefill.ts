// A maintenance event's facts as answers to the plan's upgrade checklist, so
// each of its messages starts as a draft the lead only has to read over.
// Field ids are the maintenance checklist's (shared/messages/checklists/maintenance.ts).
import type { CommunicationType, Plan } from '../plan/plan-schema.ts';
import { formatInstant } from '../time/format.ts';
import type { CommStage } from './comms-schedule.ts';
import { workKindLabels, type MaintenanceEvent } from './maintenance-event.ts';

export const DEFAULT_MAINTENANCE_TYPE_ID = 'upgrades-maintenance';

/** The plan's type for upgrades and maintenance: the default one, or any live type using the maintenance checklist. */
export function maintenanceTypeOf(plan: Plan): CommunicationType | undefined {
  const live = plan.types.filter((type) => !type.isRetired && type.checklist === 'maintenance');
  return live.find((type) => type.id === DEFAULT_MAINTENANCE_TYPE_ID) ?? live[0];
}

/**
 * The checklist's subject: the title without the kind of work the checklist
 * adds back ("Certificate Manager Upgrade" → "Certificate Manager"), so the
 * message title does not say "Upgrade Upgrade".
 */
export function subjectFromTitle(title: string, workKind: MaintenanceEvent['workKind']): string {
  const label = workKindLabels[workKind];
  const trimmed = title.trim();
  if (workKind === 'decommissioning') {
    return trimmed.toLowerCase().startsWith(`${label.toLowerCase()} `)
      ? trimmed.slice(label.length).trim()
      : trimmed;
  }
  return trimmed.toLowerCase().endsWith(` ${label.toLowerCase()}`)
    ? trimmed.slice(0, -label.length).trim()
    : trimmed;
}

/** Users have something to do unless the actions are empty or say "none". */
export function isActionRequired(userActions: string): boolean {
  const text = userActions.trim();
  return text !== '' && !/^(none|nothing|n\/a|no action( needed| required)?)\.?$/i.test(text);
}

const isoOf = (utc: string) => new Date(Date.parse(utc)).toISOString();

export interface DraftPrefill {
  typeId: string;
  stage: CommStage;
  channel?: string;
  fields: Record<string, string>;
  body?: string;
}

/** The answers, channel and opening text for one of the event's messages. */
export function prefillFor(event: MaintenanceEvent, stage: CommStage, typeId: string): DraftPrefill {
  const fields: Record<string, string> = {
    subject: subjectFromTitle(event.title, event.workKind),
    workKind: event.workKind,
    isActionRequired: isActionRequired(event.userActions) ? 'yes' : 'no',
    startsAtUtc: isoOf(event.startsAtUtc),
    endsAtUtc: isoOf(event.endsAtUtc),
    timeZone: event.timeZone,
    what: event.what,
    why: event.why,
    changeNotesUrl: event.changeNotesUrl,
    impact: event.impact,
    userActions: event.userActions,
  };
  if (event.userActionDeadlineUtc !== null) fields.userActionDeadlineUtc = isoOf(event.userActionDeadlineUtc);
  const prefill: DraftPrefill = { typeId, stage, fields };
  const channel = event.channels[0];
  if (channel !== undefined) prefill.channel = channel;

  if (stage === 'rescheduled' || stage === 'cancelled') {
    // The checklist's "why" asks why the plan changed, not why the work is needed.
    fields.why = event.changeReason;
    const wasAtUtc = stage === 'rescheduled' ? event.previousStartsAtUtc : event.startsAtUtc;
    if (wasAtUtc !== null) {
      const when = formatInstant(Date.parse(wasAtUtc), event.timeZone);
      prefill.body =
        stage === 'rescheduled'
          ? `This was planned for ${when}.`
          : `This was planned for ${when} and will not go ahead.`;
    }
  }
  return prefill;
}
