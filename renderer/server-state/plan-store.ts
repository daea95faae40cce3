// The team's communications plan as the renderer holds it: one copy, seeded
// by the bootstrap, kept current by plan:changed, and saved only whole (main
// validates it again, so a bad edit is refused there too and nothing is
// half-saved).
import { create } from 'zustand';
import type { Result } from '../../shared/api/result.ts';
import type { Plan } from '../../shared/plan/plan-schema.ts';
import { herald } from '../api/herald.ts';

interface PlanState {
  /** Null until the bootstrap answers. */
  plan: Plan | null;
  isSaving: boolean;
  /** Saves a whole plan; the answer says why when main refuses it. */
  save: (plan: Plan) => Promise<Result<Plan>>;
  reset: () => Promise<Result<Plan>>;
  apply: (plan: Plan) => void;
}

export const usePlan = create<PlanState>()((set) => ({
  plan: null,
  isSaving: false,
  save: async (plan) => {
    set({ isSaving: true });
    const result = await herald().invoke('plan:update', { plan });
    set(result.ok ? { plan: result.value, isSaving: false } : { isSaving: false });
    return result;
  },
  reset: async () => {
    set({ isSaving: true });
    const result = await herald().invoke('plan:reset', {});
    set(result.ok ? { plan: result.value, isSaving: false } : { isSaving: false });
    return result;
  },
  apply: (plan) => set({ plan }),
}));
