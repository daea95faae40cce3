// Herald as a desktop app, as the renderer sees it: the updater's status and
// the login item. The user's choices for both are settings (the one settings
// store in server-state/); a choice being saved shows at once, as `pending`.
// Main decides everything; this store shows it and passes the clicks on.
import { create } from 'zustand';
import type { DiagnosticsBundle, LoginItemStatus } from '../../../shared/api/channels/desktop.ts';
import type { ApiError, Result } from '../../../shared/api/index.ts';
import type { UpdateStatus } from '../../../shared/desktop/update-status.ts';
import type { Settings } from '../../../shared/settings/settings.ts';
import { herald } from '../../api/herald.ts';
import { afterFirstPaint } from '../../app/after-first-paint.ts';
import { useSettings } from '../../server-state/settings-store.ts';

interface DesktopState {
  update: UpdateStatus | null;
  loginItem: LoginItemStatus | null;
  /** A choice on its way to main: shown at once, dropped when main answers (kept, or refused and rolled back). */
  pending: Partial<Settings> | null;
  /** Why the last update action (or loading this screen) failed. */
  updateError: ApiError | null;
  /** Why the last change of open at login or automatic download was not saved. */
  choiceError: ApiError | null;
  isBusy: boolean;
  load: () => Promise<void>;
  applyUpdate: (update: UpdateStatus) => void;
  checkForUpdates: () => Promise<void>;
  downloadUpdate: () => Promise<void>;
  restartToUpdate: () => Promise<void>;
  /** Saves one of this screen's settings (open at login, automatic download). */
  choose: (
    patch: Partial<Pick<Settings, 'openAtLogin' | 'hasAnsweredOpenAtLogin' | 'autoDownloadUpdates'>>,
  ) => Promise<boolean>;
  /** The redacted diagnostics bundle, built in main (Settings → Help shows and copies it). */
  buildDiagnostics: () => Promise<Result<DiagnosticsBundle>>;
}

export const useDesktop = create<DesktopState>()((set, get) => {
  async function runUpdate(channel: 'updates:check' | 'updates:download' | 'updates:restart') {
    set({ isBusy: true, updateError: null });
    const result = await herald().invoke(channel, {});
    set(result.ok ? { update: result.value, isBusy: false } : { updateError: result.error, isBusy: false });
  }
  return {
    update: null,
    loginItem: null,
    pending: null,
    updateError: null,
    choiceError: null,
    isBusy: false,
    async load() {
      const [update, loginItem] = await Promise.all([
        herald().invoke('updates:status', {}),
        herald().invoke('loginItem:status', {}),
      ]);
      const failed = [update, loginItem].find((result) => !result.ok);
      set({
        update: update.ok ? update.value : null,
        loginItem: loginItem.ok ? loginItem.value : null,
        updateError: failed && !failed.ok ? failed.error : null,
      });
    },
    applyUpdate: (update) => set({ update }),
    checkForUpdates: () => runUpdate('updates:check'),
    downloadUpdate: () => runUpdate('updates:download'),
    restartToUpdate: () => runUpdate('updates:restart'),
    async choose(patch) {
      // The checkbox moves at once; if main refuses, it moves back and the section says why.
      set({ isBusy: true, choiceError: null, pending: { ...get().pending, ...patch } });
      const result = await useSettings.getState().update(patch);
      if (!result.ok) {
        set({ choiceError: result.error, isBusy: false, pending: null });
        return false;
      }
      const loginItem = await herald().invoke('loginItem:status', {});
      set({ isBusy: false, pending: null, ...(loginItem.ok ? { loginItem: loginItem.value } : {}) });
      return true;
    },
    buildDiagnostics: () => herald().invoke('diagnostics:build', {}),
  };
});

/** Keeps the store current while a component shows it. */
export function followDesktop(): () => void {
  // The start's open-at-login prompt follows from the first render; the status it needs can wait for the first paint.
  const cancelLoad = afterFirstPaint(() => void useDesktop.getState().load());
  const unsubscribe = herald().on('updates:changed', (update) => useDesktop.getState().applyUpdate(update));
  return () => {
    cancelLoad();
    unsubscribe();
  };
}

/** The settings as the desktop sections show them: the stored ones, with a choice on its way already applied. */
export function useDesktopSettings(): Settings | null {
  const settings = useSettings((state) => state.settings);
  const pending = useDesktop((state) => state.pending);
  return settings && pending ? { ...settings, ...pending } : settings;
}
