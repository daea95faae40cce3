// The team's communications plan as the renderer holds it: one copy, seeded
// by the bootstrap, kept current by plan:changed, and saved only whole. Edits
// are checked by main (plan:check, the same validatePlan that guards
// plan:update), so the renderer holds no second copy of the rules and loads
// no schema library.
import { create } from 'zustand';
import type { Result } from '../../shared/api/result.ts';
import type { Plan } from '../../shared/plan/plan-schema.ts';
import type { CheckedPlan } from '../../shared/plan/validate-plan.ts';
import { herald } from '../api/herald.ts';

interface PlanState {
  /** Null until the bootstrap answers. */
  plan: Plan | null;
  isSaving: boolean;
  /** Saves a whole edited plan (main normalises and checks it); the answer says why when main refuses it. */
  save: (candidate: unknown) => Promise<Result<Plan>>;
  reset: () => Promise<Result<Plan>>;
  /** Main's verdict on an edited plan, without saving it. */
  check: (candidate: unknown) => Promise<CheckedPlan>;
  apply: (plan: Plan) => void;
}

export const usePlan = create<PlanState>()((set) => ({
  plan: null,
  isSaving: false,
  save: async (candidate) => {
    set({ isSaving: true });
    const result = await herald().invoke('plan:update', { plan: candidate });
    set(result.ok ? { plan: result.value, isSaving: false } : { isSaving: false });
    return result;
  },
  reset: async () => {
    set({ isSaving: true });
    const result = await herald().invoke('plan:reset', {});
    set(result.ok ? { plan: result.value, isSaving: false } : { isSaving: false });
    return result;
  },
  check: async (candidate) => {
    const result = await herald().invoke('plan:check', { plan: candidate });
    return result.ok ? result.value : { ok: false, error: [{ path: '', message: result.error.message }] };
  },
  apply: (plan) => set({ plan }),
}));

/** How the plan editor's helpers ask for a verdict (the store's `check`, or validatePlan itself in tests). */
export type PlanCheck = (candidate: unknown) => Promise<CheckedPlan>;
