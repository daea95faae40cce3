// The first-run checklist's channel check: each Slack channel the plan posts
// to, resolved through the channel directory after a fresh conversations.list
// (electron/core/slack/channel-directory.ts), so a bot invited a minute ago
// shows as a member. State → actions.
import { create } from 'zustand';
import type { ChannelResolution } from '../../../shared/api/channels/channels.ts';
import type { ApiError } from '../../../shared/api/index.ts';
import { herald } from '../../api/herald.ts';

interface SetupState {
  /** One answer per plan channel, in plan order; null until checked. */
  channels: ChannelResolution[] | null;
  /** The channel names the answer is for, so a changed plan is checked again. */
  checkedNames: string[];
  error: ApiError | null;
  isChecking: boolean;
  checkChannels: (names: readonly string[]) => Promise<void>;
}

export const useSetup = create<SetupState>()((set, get) => ({
  channels: null,
  checkedNames: [],
  error: null,
  isChecking: false,
  async checkChannels(names) {
    if (get().isChecking) return;
    if (names.length === 0) {
      set({ channels: [], checkedNames: [], error: null });
      return;
    }
    set({ isChecking: true });
    const api = herald();
    const refreshed = await api.invoke('channels:refresh', {});
    const resolved = refreshed.ok ? await api.invoke('channels:resolve', { names: [...names] }) : refreshed;
    set(
      resolved.ok
        ? { channels: resolved.value.results, checkedNames: [...names], error: null, isChecking: false }
        : { error: resolved.error, isChecking: false },
    );
  },
}));
