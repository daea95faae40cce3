// The team's communications plan as the renderer holds it: loaded once,
// kept current by plan:changed, and saved only whole (main validates it
// again, so a bad edit is refused there too and nothing is half-saved).
import { create } from 'zustand';
import type { Result } from '../../../shared/api/index.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import { herald } from '../../api/herald.ts';

interface PlanState {
  plan: Plan | null;
  loadError: string | null;
  isSaving: boolean;
  load: () => Promise<void>;
  /** Saves a whole plan; the answer says why when main refuses it. */
  save: (plan: Plan) => Promise<Result<Plan>>;
  reset: () => Promise<Result<Plan>>;
  apply: (plan: Plan) => void;
}

const initialState = { plan: null, loadError: null, isSaving: false };

export const usePlan = create<PlanState>()((set) => ({
  ...initialState,
  load: async () => {
    const result = await herald().invoke('plan:get', {});
    set(result.ok ? { plan: result.value, loadError: null } : { loadError: result.error.message });
  },
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

let subscribers = 0;
let unsubscribe: (() => void) | null = null;

/** Loads the plan and follows plan:changed while any caller is mounted (call from a useEffect). */
export function followPlan(): () => void {
  subscribers += 1;
  if (subscribers === 1) {
    unsubscribe = herald().on('plan:changed', (plan) => usePlan.getState().apply(plan));
    void usePlan.getState().load();
  }
  return () => {
    subscribers -= 1;
    if (subscribers === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}
