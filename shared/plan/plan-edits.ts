// The edits Settings offers on a plan. Each returns a new validated plan or
// an error naming the problem; the plan passed in is never changed, so a bad
// edit cannot leave a half-saved plan behind.
import { fail, type Result } from '../api/result.ts';
import { findChecklist, findItem } from '../messages/checklists/index.ts';
import type { CommunicationType, CommunicationTypeInput, Plan } from './plan-schema.ts';
import { validatePlan } from './validate-plan.ts';

function normaliseChannel(name: string): string {
  return name.trim().replace(/^#/, '').trim().toLowerCase();
}

/** Renames a Slack channel wherever the plan posts to it. */
export function renameChannel(plan: Plan, from: string, to: string): Result<Plan> {
  const old = normaliseChannel(from);
  const next = normaliseChannel(to);
  const isUsed = plan.types.some((type) =>
    type.destinations.some((destination) => destination.kind === 'slack' && destination.channel === old),
  );
  if (!isUsed) return fail('not_found', `No type in the plan posts to #${old}.`, { fields: ['from'] });
  return validatePlan({
    ...plan,
    types: plan.types.map((type) => ({
      ...type,
      destinations: type.destinations.map((destination) =>
        destination.kind === 'slack' && destination.channel === old
          ? { ...destination, channel: next }
          : destination,
      ),
    })),
  });
}

/** Adds a type at the end of the plan. */
export function addType(plan: Plan, type: CommunicationTypeInput): Result<Plan> {
  return validatePlan({ ...plan, types: [...plan.types, type] });
}

function withType(
  plan: Plan,
  typeId: string,
  change: (type: CommunicationType) => CommunicationTypeInput,
): Result<Plan> {
  if (!plan.types.some((type) => type.id === typeId)) {
    return fail('not_found', `The plan has no type with the id "${typeId}".`, { fields: ['typeId'] });
  }
  return validatePlan({
    ...plan,
    types: plan.types.map((type) => (type.id === typeId ? change(type) : type)),
  });
}

/** Replaces some of a type's settings; the id cannot change (drafts and history refer to it). */
export function updateType(
  plan: Plan,
  typeId: string,
  changes: Partial<Omit<CommunicationTypeInput, 'id'>>,
): Result<Plan> {
  return withType(plan, typeId, (type) => ({ ...type, ...changes, id: type.id }));
}

/** Retires a type: kept for history, no longer offered for new messages. */
export function retireType(plan: Plan, typeId: string): Result<Plan> {
  return withType(plan, typeId, (type) => ({ ...type, isRetired: true }));
}

/** Brings a retired type back into use. */
export function restoreType(plan: Plan, typeId: string): Result<Plan> {
  return withType(plan, typeId, (type) => ({ ...type, isRetired: false }));
}

/**
 * Sets the team's help text for one checklist item. Empty text removes the
 * team's version, so Herald's own help shows again.
 */
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
  const items = { ...(plan.checklistHelp[checklistKind] ?? {}) };
  if (help.trim() === '') delete items[itemId];
  else items[itemId] = help;
  const checklistHelp = { ...plan.checklistHelp, [checklistKind]: items };
  if (Object.keys(items).length === 0) delete checklistHelp[checklistKind];
  return validatePlan({ ...plan, checklistHelp });
}
