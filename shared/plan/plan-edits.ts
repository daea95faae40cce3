// The edits the plan editor offers, as pure functions: each builds the whole
// candidate plan and never changes the one passed in. They refuse only what
// names something the plan does not have; the candidate is then checked whole
// by validatePlan — in main, through plan:check as the user types and
// plan:update when it is saved — so the rules exist once and nothing is ever
// half-saved. Zod-free: the renderer's plan editor uses these directly.
import { fail, ok, type Result } from '../api/result.ts';
import { findChecklist, findItem } from '../messages/checklists/index.ts';
import type { CommunicationTypeInput, Plan, PlanInput } from './plan-schema.ts';
import { normaliseChannelName } from './plan-vocabulary.ts';

export interface ChannelUse {
  channel: string;
  /** The names of the types that post to it, in plan order. */
  typeNames: string[];
}

/** Every Slack channel the plan posts to, in order of first use, with who uses it. */
export function channelsInPlan(plan: Plan): ChannelUse[] {
  const uses = new Map<string, string[]>();
  for (const type of plan.types) {
    for (const destination of type.destinations) {
      if (destination.kind !== 'slack') continue;
      const names = uses.get(destination.channel) ?? [];
      names.push(type.name);
      uses.set(destination.channel, names);
    }
  }
  return [...uses].map(([channel, typeNames]) => ({ channel, typeNames }));
}

/** The plan with every destination #from renamed to #to ("#" and case ignored). */
export function withChannelRenamed(plan: Plan, from: string, to: string): Plan {
  const old = normaliseChannelName(from);
  const next = normaliseChannelName(to);
  return {
    ...plan,
    types: plan.types.map((type) => ({
      ...type,
      destinations: type.destinations.map((destination) =>
        destination.kind === 'slack' && destination.channel === old
          ? { ...destination, channel: next }
          : destination,
      ),
    })),
  };
}

/** Renames a Slack channel wherever the plan posts to it; refuses a channel no type uses. */
export function renameChannel(plan: Plan, from: string, to: string): Result<Plan> {
  const old = normaliseChannelName(from);
  if (!channelsInPlan(plan).some((use) => use.channel === old))
    return fail('not_found', `No type in the plan posts to #${old}.`, { fields: ['from'] });
  return ok(withChannelRenamed(plan, from, to));
}

/** The plan with `type` added at the end, or in place of the type with its id. */
export function withType(plan: Plan, type: CommunicationTypeInput): PlanInput {
  const index = plan.types.findIndex((item) => item.id === type.id);
  const types: CommunicationTypeInput[] = [...plan.types];
  if (index === -1) types.push(type);
  else types[index] = type;
  return { ...plan, types };
}

function changeType(
  plan: Plan,
  typeId: string,
  changes: Partial<Omit<CommunicationTypeInput, 'id'>>,
): Result<PlanInput> {
  const type = plan.types.find((item) => item.id === typeId);
  if (type === undefined)
    return fail('not_found', `The plan has no type with the id "${typeId}".`, { fields: ['typeId'] });
  return ok(withType(plan, { ...type, ...changes, id: type.id }));
}

/** Replaces some of a type's settings; the id cannot change (drafts and history refer to it). */
export function updateType(
  plan: Plan,
  typeId: string,
  changes: Partial<Omit<CommunicationTypeInput, 'id'>>,
): Result<PlanInput> {
  return changeType(plan, typeId, changes);
}

/** Retires a type: kept for history, no longer offered for new messages. */
export function retireType(plan: Plan, typeId: string): Result<PlanInput> {
  return changeType(plan, typeId, { isRetired: true });
}

/** Brings a retired type back into use. */
export function restoreType(plan: Plan, typeId: string): Result<PlanInput> {
  return changeType(plan, typeId, { isRetired: false });
}

/** The plan with one checklist's help texts replaced by `help` (item id → text); blank texts fall back to Herald's. */
export function withChecklistHelp(
  plan: Plan,
  checklistKind: string,
  help: Readonly<Record<string, string>>,
): Plan {
  const items = Object.fromEntries(Object.entries(help).filter(([, text]) => text.trim() !== ''));
  const checklistHelp = { ...plan.checklistHelp, [checklistKind]: items };
  if (Object.keys(items).length === 0) delete checklistHelp[checklistKind];
  return { ...plan, checklistHelp };
}

/** Sets the team's help text for one checklist item; blank text brings Herald's own back. */
export function editChecklistHelp(
  plan: Plan,
  checklistKind: string,
  itemId: string,
  help: string,
): Result<Plan> {
  const checklist = findChecklist(checklistKind);
  if (checklist === undefined)
    return fail('not_found', `There is no checklist called "${checklistKind}".`, {
      fields: ['checklistKind'],
    });
  if (findItem(checklist, itemId) === undefined) {
    return fail('not_found', `The ${checklist.name} checklist has no item "${itemId}".`, {
      fields: ['itemId'],
    });
  }
  return ok(
    withChecklistHelp(plan, checklistKind, { ...(plan.checklistHelp[checklistKind] ?? {}), [itemId]: help }),
  );
}

/** The plan with a new update cadence (minutes by incident priority); plan:check judges the numbers. */
export function withIncidentUpdateCadence(plan: Plan, cadence: Plan['incidentUpdateCadence']): Plan {
  return { ...plan, incidentUpdateCadence: { ...cadence } };
}

/** The plan with a new escalation grace (minutes an update may be overdue before every lead is told). */
export function withEscalationGrace(plan: Plan, minutes: number): Plan {
  return { ...plan, escalationGraceMinutes: minutes };
}
