// Templates: Herald's built-ins (from shared/messages, never stored, so they
// improve with each release) and the team's own in one store. Built-ins can
// be copied but not changed or deleted.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import {
  defaultTemplates,
  templateFromDraft,
  templateSchema,
  type Draft,
  type Template,
} from '../../../shared/messages/index.ts';
import { findType, type Plan } from '../../../shared/plan/index.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';

const storedTemplatesSchema = z.object({ templates: z.array(templateSchema) });
export const templatesStoreDefinition: StoreDefinition<typeof storedTemplatesSchema> = {
  name: 'templates',
  schema: storedTemplatesSchema,
  defaults: () => ({ templates: [] }),
};

type TemplateChannel =
  'templates:list' | 'templates:save' | 'templates:delete' | 'templates:duplicate' | 'templates:fromDraft';

export interface TemplatesService {
  list: () => Template[];
  find: (id: string) => Template | undefined;
  handlers: { [C in TemplateChannel]: Handler<C> };
}

export interface TemplatesServiceDeps {
  store: VersionedStore<z.output<typeof storedTemplatesSchema>>;
  plan: () => Plan;
  findDraft: (id: string) => Draft | undefined;
  bus: EventBus;
  createId?: () => string;
}

export function createTemplatesService(deps: TemplatesServiceDeps): TemplatesService {
  const createId = deps.createId ?? (() => randomUUID());
  const builtIns = defaultTemplates();
  const own = () => deps.store.read().templates;
  const list = () => [...own(), ...builtIns];
  const find = (id: string) => list().find((template) => template.id === id);

  function store(templates: Template[]): void {
    deps.store.write({ templates });
    deps.bus.emit('templates:changed', { count: templates.length });
  }

  function add(template: Template): Result<Template> {
    if (!findType(deps.plan(), template.typeId)) {
      return fail('invalid_argument', `The plan has no message type "${template.typeId}".`, {
        fields: ['template.typeId'],
      });
    }
    const others = own().filter((item) => item.id !== template.id);
    store([template, ...others]);
    return ok(template);
  }

  const settle = <T>(result: Result<T>) => Promise.resolve(result);
  return {
    list,
    find,
    handlers: {
      'templates:list': () => settle(ok(list())),
      'templates:save': ({ template }) => {
        if (template.id !== undefined) {
          const existing = find(template.id);
          if (!existing) return settle(fail('not_found', 'That template no longer exists.'));
          if (existing.isBuiltIn)
            return settle(
              fail('conflict', 'Herald’s own templates cannot be changed. Duplicate it and edit the copy.'),
            );
        }
        return settle(add({ ...template, id: template.id ?? createId(), isBuiltIn: false }));
      },
      'templates:delete': ({ id }) => {
        const existing = find(id);
        if (!existing) return settle(fail('not_found', 'That template no longer exists.'));
        if (existing.isBuiltIn) return settle(fail('conflict', 'Herald’s own templates cannot be deleted.'));
        store(own().filter((item) => item.id !== id));
        return settle(ok({ id }));
      },
      'templates:duplicate': ({ id }) => {
        const existing = find(id);
        if (!existing) return settle(fail('not_found', 'That template no longer exists.'));
        return settle(
          add({
            ...structuredClone(existing),
            id: createId(),
            name: `${existing.name} (copy)`.slice(0, 120),
            isBuiltIn: false,
          }),
        );
      },
      'templates:fromDraft': ({ draftId, name }) => {
        const draft = deps.findDraft(draftId);
        if (!draft) return settle(fail('not_found', 'That draft no longer exists.'));
        return settle(
          add({ ...templateFromDraft(draft, deps.plan(), { id: createId(), name }), isBuiltIn: false }),
        );
      },
    },
  };
}
