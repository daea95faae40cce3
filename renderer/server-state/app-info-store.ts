// What the serving process told us about itself (version, host, storage
// notices), from the bootstrap; a file quarantined later arrives as a
// storage:quarantined event and is added here.
import { create } from 'zustand';
import type { AppInfo, StorageNotice } from '../../shared/api/channels/app.ts';

interface AppInfoState {
  info: AppInfo | null;
  /** Why Herald's local service could not be asked for what the first screen needs. */
  loadError: string | null;
  notices: StorageNotice[];
  apply: (info: AppInfo) => void;
  failLoad: (message: string) => void;
  addNotice: (notice: StorageNotice) => void;
  dismissNotice: (notice: StorageNotice) => void;
}

export const useAppInfo = create<AppInfoState>()((set) => ({
  info: null,
  loadError: null,
  notices: [],
  apply: (info) => set({ info, notices: info.storageNotices, loadError: null }),
  failLoad: (message) => set({ loadError: message }),
  addNotice: (notice) =>
    set((state) => ({
      notices: [...state.notices.filter((item) => item.quarantinedTo !== notice.quarantinedTo), notice],
    })),
  dismissNotice: (notice) => set((state) => ({ notices: state.notices.filter((item) => item !== notice) })),
}));
