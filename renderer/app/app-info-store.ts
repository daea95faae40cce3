// What the serving process told us about itself (version, host, storage
// notices). Loaded once at start.
import { create } from 'zustand';
import type { AppInfo, StorageNotice } from '../../shared/api/channels/app.ts';
import { herald } from '../api/herald.ts';

interface AppInfoState {
  info: AppInfo | null;
  loadError: string | null;
  notices: StorageNotice[];
  load: () => Promise<void>;
  dismissNotice: (notice: StorageNotice) => void;
}

export const useAppInfo = create<AppInfoState>()((set) => ({
  info: null,
  loadError: null,
  notices: [],
  async load() {
    const result = await herald().invoke('app:info', {});
    if (result.ok) set({ info: result.value, notices: result.value.storageNotices, loadError: null });
    else set({ loadError: result.error.message });
  },
  dismissNotice(notice) {
    set((state) => ({ notices: state.notices.filter((item) => item !== notice) }));
  },
}));
