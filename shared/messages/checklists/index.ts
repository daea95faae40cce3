// The catalogue of checklists, and the questions every caller asks of it:
// which items show at a stage, which are required, what placeholders exist.
import { blogRequestChecklist } from './blog-request.ts';
import { featureChecklist } from './feature.ts';
import { incidentChecklist } from './incident.ts';
import { learningChecklist } from './learning.ts';
import { maintenanceChecklist } from './maintenance.ts';
import { postmortemChecklist } from './postmortem.ts';
import { successChecklist } from './success.ts';
import { isInStageSet, type ChecklistDefinition, type ChecklistItem, type ChecklistKind } from './types.ts';

export * from './types.ts';
export { DEFAULT_APOLOGY, INCIDENT_STAGES } from './incident.ts';
export { MAINTENANCE_STAGES } from './maintenance.ts';

export const checklists: Readonly<Record<ChecklistKind, ChecklistDefinition>> = {
  incident: incidentChecklist,
  maintenance: maintenanceChecklist,
  feature: featureChecklist,
  learning: learningChecklist,
  postmortem: postmortemChecklist,
  success: successChecklist,
  blog_request: blogRequestChecklist,
};

/** The checklist for a kind, or undefined for a kind Herald does not know (as from a bad file). */
export function findChecklist(kind: string): ChecklistDefinition | undefined {
  return Object.hasOwn(checklists, kind) ? checklists[kind as ChecklistKind] : undefined;
}

export function findItem(checklist: ChecklistDefinition, itemId: string): ChecklistItem | undefined {
  return checklist.items.find((item) => item.id === itemId);
}

export function hasStage(checklist: ChecklistDefinition, stageId: string): boolean {
  return checklist.stages.some((stage) => stage.id === stageId);
}

/** Items the composer shows at `stageId`, in message order. */
export function itemsForStage(checklist: ChecklistDefinition, stageId: string): ChecklistItem[] {
  return checklist.items.filter((item) => isInStageSet(item.appliesAt, stageId));
}

export function isRequiredAt(item: ChecklistItem, stageId: string): boolean {
  return isInStageSet(item.appliesAt, stageId) && isInStageSet(item.requiredAt, stageId);
}

/** Every placeholder name a template for this checklist may use, besides the global ones. */
export function placeholderNames(checklist: ChecklistDefinition): string[] {
  return [
    ...checklist.items.map((item) => item.placeholder),
    ...checklist.derivedPlaceholders.map((derived) => derived.name),
  ];
}
