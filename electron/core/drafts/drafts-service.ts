// Drafts: creation from the plan (or a template), autosave, list, duplicate,
// delete with undo, and which draft the composer had open. Every save is on
// disk before it is acknowledged, so an acknowledged keystroke survives a
// crash; the bin is emptied of drafts deleted more than 30 days ago.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import type { ArgsIn } from '../../../shared/api/contract.ts';
import {
  summariseDraft,
  type DraftOrigin,
  type DraftSummary,
  type StoredDraft,
} from '../../../shared/drafts/stored-draft.ts';
import { applyTemplate, createDraft, type Draft, type Template } from '../../../shared/messages/index.ts';
import type { Plan } from '../../../shared/plan/index.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';
import type { DraftFiles } from './draft-files.ts';

export const BIN_RETENTION_MS = 30 * 86_400_000;

const workspaceSchema = z.object({ currentDraftId: z.string().nullable() });
export const draftWorkspaceStoreDefinition: StoreDefinition<typeof workspaceSchema> = {
  name: 'drafts-workspace',
  schema: workspaceSchema,
  defaults: () => ({ currentDraftId: null }),
};

export type NewDraftInput = Omit<ArgsIn<'drafts:create'>, 'origin'> & { origin?: DraftOrigin };

export interface DraftsServiceDeps {
  files: DraftFiles;
  workspace: VersionedStore<z.output<typeof workspaceSchema>>;
  plan: () => Plan;
  findTemplate: (id: string) => Template | undefined;
  bus: EventBus;
  nowMs: () => number;
  createId?: () => string;
}

export interface DraftsService {
  create: (input: NewDraftInput) => Result<StoredDraft>;
  get: (id: string) => StoredDraft | undefined;
  /** The draft the composer had open (drafts:setCurrent), unless it was deleted since. */
  current: () => StoredDraft | null;
  save: (draft: Draft, focusedField?: string | null) => Result<StoredDraft>;
  list: (options?: { includeDeleted?: boolean }) => DraftSummary[];
  findByOrigin(matches: (origin: DraftOrigin) => boolean): StoredDraft[];
  duplicate: (id: string) => Result<StoredDraft>;
  remove: (id: string) => Result<DraftSummary>;
  restore: (id: string) => Result<StoredDraft>;
  /** Removes a draft for good (after it was sent). */
  discard: (id: string) => void;
  handlers: { [C in DraftChannel]: Handler<C> };
}

type DraftChannel =
  | 'drafts:create'
  | 'drafts:get'
  | 'drafts:save'
  | 'drafts:list'
  | 'drafts:duplicate'
  | 'drafts:delete'
  | 'drafts:restore'
  | 'drafts:getCurrent'
  | 'drafts:setCurrent';

export function createDraftsService(deps: DraftsServiceDeps): DraftsService {
  const createId = deps.createId ?? (() => randomUUID());
  const drafts = new Map<string, StoredDraft>();
  const nowIso = () => new Date(deps.nowMs()).toISOString();

  for (const stored of deps.files.loadAll()) {
    const deletedAtMs = stored.meta.deletedAtUtc ? Date.parse(stored.meta.deletedAtUtc) : null;
    if (deletedAtMs !== null && deps.nowMs() - deletedAtMs > BIN_RETENTION_MS)
      deps.files.remove(stored.draft.id);
    else drafts.set(stored.draft.id, stored);
  }

  function put(stored: StoredDraft): StoredDraft {
    deps.files.write(stored);
    drafts.set(stored.draft.id, stored);
    deps.bus.emit('drafts:changed', {
      id: stored.draft.id,
      revision: stored.meta.revision,
      deleted: stored.meta.deletedAtUtc !== null,
    });
    return stored;
  }

  const missing = (id: string) =>
    fail<never>('not_found', `There is no draft with the id "${id.slice(0, 80)}".`);

  function fresh(draft: Draft, origin: DraftOrigin): StoredDraft {
    const now = nowIso();
    return {
      draft,
      meta: {
        createdAtUtc: now,
        updatedAtUtc: now,
        revision: 0,
        origin,
        focusedField: null,
        deletedAtUtc: null,
      },
    };
  }

  const service: Omit<DraftsService, 'handlers'> = {
    create(input) {
      const made = createDraft(deps.plan(), {
        id: createId(),
        typeId: input.typeId,
        ...(input.stage !== undefined ? { stage: input.stage } : {}),
        ...(input.channel !== undefined ? { channel: input.channel } : {}),
        ...(input.threadTs !== undefined ? { threadTs: input.threadTs } : {}),
      });
      if (!made.ok) return made;
      let draft = made.value;
      let origin: DraftOrigin = input.origin ?? { kind: 'manual' };
      if (input.templateId !== undefined) {
        const template = deps.findTemplate(input.templateId);
        if (!template)
          return fail('not_found', `There is no template with the id "${input.templateId.slice(0, 80)}".`, {
            fields: ['templateId'],
          });
        draft = applyTemplate(template, draft);
        if (!input.origin) origin = { kind: 'template', templateId: template.id };
      }
      draft = {
        ...draft,
        fields: { ...draft.fields, ...input.fields },
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
      };
      return ok(put(fresh(draft, origin)));
    },
    get: (id) => drafts.get(id),
    current: () => {
      const id = deps.workspace.read().currentDraftId;
      const stored = id ? drafts.get(id) : undefined;
      return stored && stored.meta.deletedAtUtc === null ? stored : null;
    },
    save(draft, focusedField) {
      const current = drafts.get(draft.id);
      if (!current) return missing(draft.id);
      if (current.meta.deletedAtUtc !== null)
        return fail('conflict', 'This draft is in the bin. Restore it to keep editing.');
      return ok(
        put({
          draft,
          meta: {
            ...current.meta,
            updatedAtUtc: nowIso(),
            revision: current.meta.revision + 1,
            focusedField: focusedField === undefined ? current.meta.focusedField : focusedField,
          },
        }),
      );
    },
    list(options = {}) {
      return [...drafts.values()]
        .filter((stored) => options.includeDeleted || stored.meta.deletedAtUtc === null)
        .sort((a, b) => b.meta.updatedAtUtc.localeCompare(a.meta.updatedAtUtc))
        .map(summariseDraft);
    },
    findByOrigin: (matches) =>
      [...drafts.values()].filter(
        (stored) => stored.meta.deletedAtUtc === null && matches(stored.meta.origin),
      ),
    duplicate(id) {
      const source = drafts.get(id);
      if (!source) return missing(id);
      const copy: Draft = { ...structuredClone(source.draft), id: createId() };
      if (copy.title) copy.title = `${copy.title} (copy)`;
      return ok(put(fresh(copy, { kind: 'duplicate', draftId: id })));
    },
    remove(id) {
      const current = drafts.get(id);
      if (!current) return missing(id);
      const binned = put({ ...current, meta: { ...current.meta, deletedAtUtc: nowIso() } });
      if (deps.workspace.read().currentDraftId === id) deps.workspace.write({ currentDraftId: null });
      return ok(summariseDraft(binned));
    },
    restore(id) {
      const current = drafts.get(id);
      if (!current)
        return fail('not_found', 'That draft has been emptied from the bin and cannot be restored.');
      return ok(put({ ...current, meta: { ...current.meta, deletedAtUtc: null, updatedAtUtc: nowIso() } }));
    },
    discard(id) {
      drafts.delete(id);
      deps.files.remove(id);
      if (deps.workspace.read().currentDraftId === id) deps.workspace.write({ currentDraftId: null });
      deps.bus.emit('drafts:changed', { id, revision: -1, deleted: true });
    },
  };

  const settle = <T>(result: Result<T>) => Promise.resolve(result);
  const found = (id: string) => {
    const stored = drafts.get(id);
    return stored ? ok(stored) : missing(id);
  };
  return {
    ...service,
    handlers: {
      'drafts:create': (args) => settle(service.create(args)),
      'drafts:get': ({ id }) => settle(found(id)),
      'drafts:save': ({ draft, focusedField }) => {
        const saved = service.save(draft, focusedField);
        if (!saved.ok) return settle(saved);
        const { meta } = saved.value;
        return settle(ok({ id: draft.id, revision: meta.revision, updatedAtUtc: meta.updatedAtUtc }));
      },
      'drafts:list': ({ includeDeleted }) => settle(ok(service.list({ includeDeleted }))),
      'drafts:duplicate': ({ id }) => settle(service.duplicate(id)),
      'drafts:delete': ({ id }) => settle(service.remove(id)),
      'drafts:restore': ({ id }) => settle(service.restore(id)),
      'drafts:getCurrent': () => settle(ok(service.current())),
      'drafts:setCurrent': ({ id }) => {
        if (id !== null && !drafts.has(id)) return settle(missing(id));
        deps.workspace.write({ currentDraftId: id });
        return settle(ok({ id }));
      },
    },
  };
}
