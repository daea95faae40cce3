// Questions asked of a plan: which types are offered, a type by id, where a
// type posts, and the help for a checklist item. Zod-free: the composer asks
// them on every render without loading the plan schema.
import { findChecklist, findItem } from '../messages/checklists/index.ts';
import type { CommunicationType, Plan } from './plan-schema.ts';

/** The help text to show for an item: the team's own, or Herald's. */
export function helpFor(plan: Plan, checklistKind: string, itemId: string): string {
  const own = plan.checklistHelp[checklistKind]?.[itemId];
  if (own !== undefined) return own;
  const checklist = findChecklist(checklistKind);
  return (checklist && findItem(checklist, itemId)?.help) ?? '';
}

/** Types offered for new messages: not retired, in plan order. */
export function activeTypes(plan: Plan): CommunicationType[] {
  return plan.types.filter((type) => !type.isRetired);
}

export function findType(plan: Plan, typeId: string): CommunicationType | undefined {
  return plan.types.find((type) => type.id === typeId);
}

/** The Slack channels a type posts to, in plan order (copy-only destinations left out). */
export function slackChannelsOf(type: CommunicationType): string[] {
  return type.destinations.flatMap((destination) =>
    destination.kind === 'slack' ? [destination.channel] : [],
  );
}

/** Whether the plan shows a thread reply of this type and stage at the channel's top level too (reply_broadcast). */
export function isShownInChannel(type: CommunicationType | undefined, stage: string): boolean {
  return type?.alsoToChannelStages.includes(stage) ?? false;
}

/** Minutes until an incident's next update is due, for its priority answer ("high", "" when none was given). */
export function updateCadenceMinutes(plan: Plan, priority: string): number {
  const cadence = plan.incidentUpdateCadence;
  return priority === 'high' || priority === 'medium' || priority === 'low'
    ? cadence[priority]
    : cadence.unset;
}
