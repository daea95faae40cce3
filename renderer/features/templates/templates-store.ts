// Templates as the Templates screen holds them: the list (refreshed on
// templates:changed), which one is open and whether it is being edited,
// and the last one deleted, kept so the delete can be undone.
import { create } from 'zustand';
import type { ApiError, Result } from '../../../shared/api/index.ts';
import type { Template } from '../../../shared/messages/templates.ts';
import { herald } from '../../api/herald.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import type { SaveableTemplate } from './template-form.ts';

interface TemplatesState {
  templates: Template[];
  isLoaded: boolean;
  loadError: string | null;
  selectedId: string | null;
  isEditing: boolean;
  /** Move focus to the open template's heading once it shows (after the editor closes). */
  focusDetail: boolean;
  /** The template just deleted, until the undo is used or dismissed. */
  deleted: Template | null;
  /** The last action's failure, shown beside the actions. */
  actionError: ApiError | null;
  /** Loads overlap (an event and an action's own reload): only the latest one asked may apply. */
  loadCount: number;
  load: () => Promise<void>;
  select: (id: string | null) => void;
  setEditing: (isEditing: boolean) => void;
  save: (template: SaveableTemplate) => Promise<Result<Template>>;
  /** Saves a draft's wording as a new template (the composer's "Save as template"). */
  saveFromDraft: (draftId: string, name: string) => Promise<Result<Template>>;
  duplicate: (id: string) => Promise<void>;
  remove: (template: Template, nextId: string | null) => Promise<void>;
  undoDelete: () => Promise<void>;
  dismissDeleted: () => void;
  /** Starts a draft from the template and opens it in Compose. */
  use: (template: Template) => Promise<void>;
}

const initialState = {
  templates: [],
  isLoaded: false,
  loadError: null,
  selectedId: null,
  isEditing: false,
  focusDetail: false,
  deleted: null,
  actionError: null,
  loadCount: 0,
};

function withoutBuiltInFlag({ isBuiltIn: _isBuiltIn, ...template }: Template): SaveableTemplate {
  return template;
}

export const useTemplates = create<TemplatesState>()((set, get) => ({
  ...initialState,
  load: async () => {
    const load = get().loadCount + 1;
    set({ loadCount: load });
    const result = await herald().invoke('templates:list', {});
    if (load !== get().loadCount) return;
    if (!result.ok) {
      set({ loadError: result.error.message, isLoaded: true });
      return;
    }
    const { selectedId } = get();
    const stillThere = result.value.some((template) => template.id === selectedId);
    set({
      templates: result.value,
      isLoaded: true,
      loadError: null,
      ...(stillThere ? {} : { selectedId: result.value[0]?.id ?? null, isEditing: false }),
    });
  },
  select: (id) => set({ selectedId: id, isEditing: false, actionError: null }),
  setEditing: (isEditing) => set({ isEditing, focusDetail: !isEditing, actionError: null }),
  save: async (template) => {
    const result = await herald().invoke('templates:save', { template });
    if (result.ok) {
      await get().load();
      set({ selectedId: result.value.id, isEditing: false, focusDetail: true, actionError: null });
    }
    return result;
  },
  saveFromDraft: async (draftId, name) => {
    const result = await herald().invoke('templates:fromDraft', { draftId, name });
    if (result.ok && get().isLoaded) await get().load();
    return result;
  },
  duplicate: async (id) => {
    const result = await herald().invoke('templates:duplicate', { id });
    if (!result.ok) {
      set({ actionError: result.error });
      return;
    }
    await get().load();
    // The copy opens ready to edit: duplicating is how Herald's own templates are changed.
    set({ selectedId: result.value.id, isEditing: true, actionError: null });
  },
  remove: async (template, nextId) => {
    const result = await herald().invoke('templates:delete', { id: template.id });
    if (!result.ok) {
      set({ actionError: result.error });
      return;
    }
    set({ deleted: template, selectedId: nextId, isEditing: false, actionError: null });
    await get().load();
  },
  undoDelete: async () => {
    const { deleted } = get();
    if (deleted === null) return;
    // The template comes back as a new one (same content, new id): the old id was freed by the delete.
    const { id: _oldId, ...content } = withoutBuiltInFlag(deleted);
    const result = await get().save(content);
    if (result.ok) set({ deleted: null });
    else set({ actionError: result.error });
  },
  dismissDeleted: () => set({ deleted: null }),
  use: async (template) => {
    const result = await herald().invoke('drafts:create', {
      typeId: template.typeId,
      stage: template.stage,
      templateId: template.id,
    });
    if (!result.ok) {
      set({ actionError: result.error });
      return;
    }
    useNavigation.getState().openCompose({ kind: 'draft', draftId: result.value.draft.id });
  },
}));

/** The open template, if any. */
export function selectedTemplate(
  state: Pick<TemplatesState, 'templates' | 'selectedId'>,
): Template | undefined {
  return state.templates.find((template) => template.id === state.selectedId);
}

/** Loads the templates and keeps them current (templates:changed) while a screen that shows them is mounted. */
export function followTemplates(): () => void {
  void useTemplates.getState().load();
  return herald().on('templates:changed', () => void useTemplates.getState().load());
}
