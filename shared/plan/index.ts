// The communications plan: its schema, Herald's default, validation, edits
// and migrations.
export * from './plan-schema.ts';
export { resetToDefaultPlan, UPDATE_CHANNEL } from './default-plan.ts';
export { checkPlan, planProblems, validatePlan, type CheckedPlan, type PlanProblem } from './validate-plan.ts';
export * from './plan-edits.ts';
export { migratePlan, planMigrations, runMigrations, type PlanMigration } from './migrate-plan.ts';
export * from './plan-lookups.ts';
