// How the Templates screen lists templates: by the plan's message types in
// plan order, then by stage in the type's order, the team's own before
// Herald's. Templates of types no longer in the plan are kept, in a last group.
import { findChecklist } from '../../../shared/messages/checklists/index.ts';
import { templatesFor, type Template } from '../../../shared/messages/templates.ts';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';

export interface StageGroup {
  stage: string;
  stageName: string;
  templates: Template[];
}

export interface TypeGroup {
  typeId: string;
  typeName: string;
  isRetired: boolean;
  /** The plan has no such type any more (the templates are kept all the same). */
  isMissingFromPlan: boolean;
  stages: StageGroup[];
}

/** "Declared", or the stage id when the plan does not know it. */
export function stageNameOf(plan: Plan, typeId: string, stage: string): string {
  const type = findType(plan, typeId);
  const checklist = type && findChecklist(type.checklist);
  return checklist?.stages.find((item) => item.id === stage)?.name ?? stage;
}

export function typeNameOf(plan: Plan, typeId: string): string {
  return findType(plan, typeId)?.name ?? typeId;
}

/** Whether every word of `query` appears in the template's name, title or text. */
export function matchesQuery(template: Template, query: string): boolean {
  const haystack = `${template.name}\n${template.title ?? ''}\n${template.body}`.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}

function stageGroups(
  templates: readonly Template[],
  typeId: string,
  stages: readonly string[],
  plan: Plan,
): StageGroup[] {
  const used = [...new Set(templates.filter((item) => item.typeId === typeId).map((item) => item.stage))];
  const ordered = [
    ...stages.filter((stage) => used.includes(stage)),
    ...used.filter((stage) => !stages.includes(stage)),
  ];
  return ordered.map((stage) => ({
    stage,
    stageName: stageNameOf(plan, typeId, stage),
    templates: templatesFor(templates, typeId, stage),
  }));
}

/** The groups to show, leaving out any with no template matching `query`. */
export function groupTemplates(templates: readonly Template[], plan: Plan, query = ''): TypeGroup[] {
  const shown =
    query.trim() === '' ? templates : templates.filter((template) => matchesQuery(template, query));
  const groups: TypeGroup[] = plan.types.map((type) => ({
    typeId: type.id,
    typeName: type.name,
    isRetired: type.isRetired,
    isMissingFromPlan: false,
    stages: stageGroups(shown, type.id, type.stages, plan),
  }));
  const missing = [
    ...new Set(shown.map((item) => item.typeId).filter((typeId) => findType(plan, typeId) === undefined)),
  ];
  for (const typeId of missing) {
    groups.push({
      typeId,
      typeName: typeId,
      isRetired: false,
      isMissingFromPlan: true,
      stages: stageGroups(shown, typeId, [], plan),
    });
  }
  return groups.filter((group) => group.stages.length > 0);
}

/** Templates in the order the list shows them, for choosing a neighbour after a delete. */
export function listOrder(groups: readonly TypeGroup[]): Template[] {
  return groups.flatMap((group) => group.stages.flatMap((stage) => stage.templates));
}
