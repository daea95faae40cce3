// The team's plan: one store, validated whole on every edit, with the default
// one call away.
import { ok, type Result } from '../../../shared/api/index.ts';
import {
  checkPlan,
  planSchema,
  resetToDefaultPlan,
  validatePlan,
  type Plan,
} from '../../../shared/plan/index.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';
import { planMigrations } from './plan-migrations.ts';

export const planStoreDefinition: StoreDefinition<typeof planSchema> = {
  name: 'plan',
  schema: planSchema,
  defaults: resetToDefaultPlan,
  migrations: planMigrations,
};

export interface PlanService {
  get: () => Plan;
  update: (candidate: unknown) => Result<Plan>;
  reset: () => Plan;
  handlers: {
    'plan:get': Handler<'plan:get'>;
    'plan:update': Handler<'plan:update'>;
    'plan:reset': Handler<'plan:reset'>;
    'plan:check': Handler<'plan:check'>;
  };
}

export function createPlanService(store: VersionedStore<Plan>, bus: EventBus): PlanService {
  const save = (plan: Plan) => {
    store.write(plan);
    bus.emit('plan:changed', plan);
    return plan;
  };
  const service: PlanService = {
    get: () => store.read(),
    update(candidate) {
      const checked = validatePlan(candidate);
      return checked.ok ? ok(save(checked.value)) : checked;
    },
    reset: () => save(resetToDefaultPlan()),
    handlers: {
      'plan:get': () => Promise.resolve(ok(service.get())),
      'plan:update': ({ plan }) => Promise.resolve(service.update(plan)),
      'plan:reset': () => Promise.resolve(ok(service.reset())),
      'plan:check': ({ plan }) => Promise.resolve(ok(checkPlan(plan))),
    },
  };
  return service;
}
