// The communications plan: its schema, Herald's default, validation and
// edits (stored plans are migrated by electron/core/plan/plan-migrations.ts).
export * from './plan-schema.ts';
export { resetToDefaultPlan, UPDATE_CHANNEL } from './default-plan.ts';
export {
  checkPlan,
  planProblems,
  validatePlan,
  type CheckedPlan,
  type PlanProblem,
} from './validate-plan.ts';
export * from './plan-edits.ts';
export * from './plan-lookups.ts';
