// The composer's state: the open draft as it is being typed, where the
// cursor is, and whether the server has it yet. Every edit lands here (from
// the react-hook-form form) and is autosaved; switching screens keeps it,
// reopening Herald finds it again (the bootstrap's current draft), cursor
// field and all. The plan, zone and clock it works with are the app's
// server-state stores (renderer/server-state/).
import { create } from 'zustand';
import type { StoredDraft, DraftMeta } from '../../../shared/drafts/stored-draft.ts';
import type { CorrectionTarget } from '../../../shared/api/channels/messages.ts';
import type { Draft } from '../../../shared/messages/draft-schema.ts';
import { herald } from '../../api/herald.ts';
import { bootstrapped, takeDraftToReopen, useStartup } from '../../server-state/bootstrap.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { createAutosaver, type Autosaver, type DraftSnapshot, type SaveStatus } from './autosave.ts';
import { loadChannelNames } from './channel-options.ts';
import type { FormChange } from './form-values.ts';
import { clearJournal, takeJournal, writeJournal } from './unsaved-journal.ts';

export type ComposerPhase = 'loading' | 'start' | 'editing';

export interface ComposerNotice {
  tone: 'success' | 'info' | 'error';
  text: string;
  /** Set after an incident message: the Incidents screen can show it. */
  incidentId?: string | null;
  /** Set after Send: the notice follows this outbox item live (send-feedback-store.ts) instead of showing `text`. */
  outboxItemId?: string;
}

/** A focus request for the Send button rather than a field: a holding update is ready as drafted. */
export const SEND_FOCUS = '@send';

/** The message in Slack the open draft corrects (edit mode): saving the draft edits it there. */
export interface OpenCorrection {
  messageId: string;
  target: CorrectionTarget;
  /** The draft as the message was sent (or last corrected): what "unchanged" means to lint. */
  original: Draft;
}

export type OpenEditOutcome = { ok: true } | { ok: false; message: string };

export interface NewMessageInput {
  typeId: string;
  stage?: string;
  templateId?: string;
}

interface ComposerState {
  phase: ComposerPhase;
  /** Slack channel names for the picker (the directory's, or the plan's). */
  channelNames: string[];
  loadError: string | null;
  draft: Draft | null;
  meta: DraftMeta | null;
  /** The draft the server holds as current (drafts:setCurrent), so reopening it writes nothing. */
  currentOnServer: string | null;
  focusedField: string | null;
  /** A field to put the cursor in once the form is on screen (restoring where the author was); '' for the first question. */
  focusRequest: string | null;
  /** Instant item id → why what was typed cannot be read. */
  instantErrors: Record<string, string>;
  saveStatus: SaveStatus;
  saveError: string | null;
  notice: ComposerNotice | null;
  /** Bumped by "new message" so the start panel can take the focus. */
  startRequest: number;
  /** Saves the open draft as it is typed; null while no draft is open. */
  saver: Autosaver | null;
  /** The plan and channel names, loaded once for the life of the page. */
  contextLoading: Promise<void> | null;
  /** Set while the open draft corrects a message already in Slack (or on its way there). */
  correction: OpenCorrection | null;

  enter: () => Promise<void>;
  /** `focusSend`: put the focus on Send (a draft complete as it is, such as a holding update). */
  openStored: (
    stored: StoredDraft,
    options?: { restoreFocus?: boolean; focusSend?: boolean },
  ) => Promise<void>;
  openDraftById: (id: string) => Promise<boolean>;
  /**
   * Opens a message Herald sent (its History entry id, which is its outbox item id) for correction: the
   * composer in edit mode, pre-filled from the draft it was sent from. The entry point for every
   * "Edit in Slack" (History, the incident timeline, a suggested fix).
   */
  openEdit: (messageId: string) => Promise<OpenEditOutcome>;
  /** Leaves edit mode without changing the message: the correction goes to the bin (restorable). */
  cancelEdit: () => Promise<void>;
  startNew: (input: NewMessageInput) => Promise<boolean>;
  startOver: () => Promise<void>;
  /** After sending: the server has binned the draft; the composer lets it go. */
  release: (notice: ComposerNotice) => Promise<void>;
  edit: (change: FormChange) => void;
  setStage: (stage: string) => void;
  noteFocus: (field: string | null) => void;
  clearFocusRequest: () => void;
  flush: () => Promise<boolean>;
  showNotice: (notice: ComposerNotice | null) => void;
}

const storage = () => window.localStorage;

export const useComposer = create<ComposerState>()((set, get) => {
  function snapshot(): DraftSnapshot | null {
    const { draft, focusedField } = get();
    return draft ? { draft, focusedField } : null;
  }

  function newSaver(): Autosaver {
    return createAutosaver({
      save: ({ draft, focusedField }) => herald().invoke('drafts:save', { draft, focusedField }),
      onStatus: (saveStatus, error) => set({ saveStatus, saveError: error?.message ?? null }),
      onSaved: (saved, revision) => {
        const { meta, draft } = get();
        if (meta && draft?.id === saved.draft.id)
          set({ meta: { ...meta, revision: revision.revision, updatedAtUtc: revision.updatedAtUtc } });
        const { saver } = get();
        if (saver && !saver.hasUnsaved()) clearJournal(storage());
      },
    });
  }

  /** When the page goes away, keep what the server may not have got yet. */
  function installLifecycle(): void {
    const keepUnsaved = () => {
      const { saver } = get();
      const unsaved = saver?.unsavedSnapshot();
      if (unsaved) writeJournal(storage(), unsaved, get().meta?.revision ?? 0);
      void saver?.flush();
    };
    window.addEventListener('pagehide', keepUnsaved);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') keepUnsaved();
    });
  }

  async function loadContext(): Promise<void> {
    await bootstrapped();
    const { plan } = usePlan.getState();
    if (!plan) {
      set({
        loadError:
          'Herald could not load the communications plan, so no message can be written. Reload to try again.',
      });
      return;
    }
    set({ loadError: null });
    installLifecycle();
    void loadChannelNames(plan).then((channelNames) => set({ channelNames }));
  }

  function ensureContext(): Promise<void> {
    const loading = get().contextLoading;
    if (loading) return loading;
    const started = loadContext();
    set({ contextLoading: started });
    return started;
  }

  /** Tells the server which draft is open, only when that changes: reopening the same draft writes nothing. */
  async function rememberCurrent(id: string | null): Promise<void> {
    if (get().currentOnServer === id) return;
    const result = await herald().invoke('drafts:setCurrent', { id });
    if (result.ok) set({ currentOnServer: id });
  }

  /** The message a reopened correction draft edits; if it can no longer be edited, the composer says why. */
  async function loadCorrection(messageId: string, draftId: string): Promise<void> {
    const opened = await herald().invoke('messages:openCorrection', { messageId });
    if (get().draft?.id !== draftId) return;
    if (!opened.ok) {
      set({ notice: { tone: 'error', text: `This correction cannot be saved: ${opened.error.message}` } });
      return;
    }
    const { target, original } = opened.value;
    set({ correction: { messageId, target, original } });
  }

  /** Shows a stored draft in the editor (the journal's newer copy if the page went away before saving it). */
  function show(stored: StoredDraft, options: { restoreFocus?: boolean; focusSend?: boolean }): void {
    const recovered = takeJournal(storage(), stored.draft.id, stored.meta.revision);
    const draft = recovered?.draft ?? stored.draft;
    const focusedField = recovered?.focusedField ?? stored.meta.focusedField;
    const saver = get().saver ?? newSaver();
    set({
      saver,
      phase: 'editing',
      draft,
      meta: stored.meta,
      focusedField,
      focusRequest: options.focusSend ? SEND_FOCUS : options.restoreFocus ? (focusedField ?? '') : null,
      instantErrors: {},
      saveStatus: 'saved',
      saveError: null,
    });
    if (recovered) saver.schedule(recovered);
    const { origin } = stored.meta;
    if (origin.kind !== 'correction') set({ correction: null });
    else if (get().correction?.messageId !== origin.messageId) {
      // Reopened (after a restart, from the drafts list): learn again which message it corrects.
      set({ correction: null });
      void loadCorrection(origin.messageId, stored.draft.id);
    }
  }

  /** At start: the draft Herald had open (the server holds it as current already), or the start panel. */
  function reopen(): void {
    if (get().phase !== 'loading') return;
    const current = takeDraftToReopen();
    if (!current) {
      set({ phase: 'start' });
      return;
    }
    set({ currentOnServer: current.draft.id });
    show(current, { restoreFocus: true });
  }

  async function closeCurrent(): Promise<void> {
    const { saver } = get();
    if (!saver) return;
    await saver.flush();
    saver.dispose();
    set({ saver: null });
  }

  return {
    phase: 'loading',
    channelNames: [],
    loadError: null,
    draft: null,
    meta: null,
    currentOnServer: null,
    focusedField: null,
    focusRequest: null,
    instantErrors: {},
    saveStatus: 'saved',
    saveError: null,
    notice: null,
    startRequest: 0,
    saver: null,
    contextLoading: null,
    correction: null,

    enter: () => {
      const context = ensureContext();
      // At start the bootstrap has usually answered before the first render (main.tsx waits for it and enters
      // then): the draft opens at once, so the first render already draws it.
      if (useStartup.getState().settled) {
        reopen();
        return context;
      }
      return context.then(reopen);
    },

    openStored: async (stored, options = {}) => {
      await ensureContext();
      if (get().draft?.id !== stored.draft.id) await closeCurrent();
      show(stored, options);
      await rememberCurrent(stored.draft.id);
    },

    openEdit: async (messageId) => {
      await ensureContext();
      const opened = await herald().invoke('messages:openCorrection', { messageId });
      if (!opened.ok) return { ok: false, message: opened.error.message };
      const { stored, target, original } = opened.value;
      set({ correction: { messageId, target, original }, notice: null });
      await get().openStored(stored, { restoreFocus: true });
      return { ok: true };
    },

    cancelEdit: async () => {
      const { draft, correction } = get();
      await closeCurrent();
      if (draft && correction) await herald().invoke('drafts:delete', { id: draft.id });
      await get().startOver();
    },

    openDraftById: async (id) => {
      const stored = await herald().invoke('drafts:get', { id });
      if (!stored.ok) {
        set({ notice: { tone: 'error', text: stored.error.message } });
        return false;
      }
      await get().openStored(stored.value, { restoreFocus: true });
      return true;
    },

    startNew: async (input) => {
      await ensureContext();
      const created = await herald().invoke('drafts:create', {
        typeId: input.typeId,
        ...(input.stage ? { stage: input.stage } : {}),
        ...(input.templateId ? { templateId: input.templateId } : {}),
      });
      if (!created.ok) {
        set({ notice: { tone: 'error', text: created.error.message } });
        return false;
      }
      set({ notice: null });
      await get().openStored(created.value, { restoreFocus: true });
      return true;
    },

    startOver: async () => {
      await closeCurrent();
      set((state) => ({
        phase: 'start',
        draft: null,
        meta: null,
        focusedField: null,
        focusRequest: null,
        instantErrors: {},
        correction: null,
        startRequest: state.startRequest + 1,
      }));
      await rememberCurrent(null);
    },

    release: async (notice) => {
      get().saver?.dispose();
      clearJournal(storage());
      set((state) => ({
        saver: null,
        phase: 'start',
        draft: null,
        meta: null,
        focusedField: null,
        focusRequest: null,
        instantErrors: {},
        correction: null,
        notice,
        startRequest: state.startRequest + 1,
      }));
      await rememberCurrent(null);
    },

    edit: (change) => {
      const { instantError } = change;
      set((state) => {
        if (!instantError) return { draft: change.draft };
        const instantErrors = { ...state.instantErrors };
        if (instantError.message === null) delete instantErrors[instantError.itemId];
        else instantErrors[instantError.itemId] = instantError.message;
        return { draft: change.draft, instantErrors };
      });
      const next = snapshot();
      if (next) get().saver?.schedule(next);
    },

    setStage: (stage) => {
      const { draft } = get();
      if (!draft || draft.stage === stage) return;
      get().edit({ draft: { ...draft, stage } });
    },

    noteFocus: (field) => {
      const { focusedField, focusRequest } = get();
      if (focusedField === field) return;
      set({ focusedField: field });
      // The cursor put back by a reopen (focusRequest still pending) is where the draft already says it is, or the
      // default field a draft with none reopens in: nothing new to save, so opening a draft writes nothing.
      if (focusRequest !== null && focusRequest !== SEND_FOCUS) return;
      const next = snapshot();
      if (next) get().saver?.schedule(next);
    },

    clearFocusRequest: () => set({ focusRequest: null }),

    flush: () => get().saver?.flush() ?? Promise.resolve(true),

    showNotice: (notice) => set({ notice }),
  };
});
