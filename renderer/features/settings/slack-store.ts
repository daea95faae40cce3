// The Slack connection as the renderer knows it: status only. The token the
// user types lives in the connect form until it is sent, and is never stored
// or received here.
import { create } from 'zustand';
import type { SlackStatus } from '../../../shared/api/channels/slack.ts';
import type { ApiError } from '../../../shared/api/index.ts';
import { herald } from '../../api/herald.ts';

interface SlackState {
  status: SlackStatus | null;
  error: ApiError | null;
  isBusy: boolean;
  refresh: () => Promise<void>;
  /** Connects at `apiUrl` (one of status.allowedApiUrls); the token is bound there. */
  connect: (request: { token: string; acceptWeakProtection: boolean; apiUrl: string }) => Promise<boolean>;
  disconnect: () => Promise<void>;
  apply: (status: SlackStatus) => void;
}

export const useSlack = create<SlackState>()((set) => ({
  status: null,
  error: null,
  isBusy: false,
  async refresh() {
    const result = await herald().invoke('slack:status', {});
    set(result.ok ? { status: result.value, error: null } : { error: result.error });
  },
  async connect(request) {
    set({ isBusy: true, error: null });
    const result = await herald().invoke('slack:connect', request);
    set(result.ok ? { status: result.value, isBusy: false } : { error: result.error, isBusy: false });
    return result.ok;
  },
  async disconnect() {
    set({ isBusy: true, error: null });
    const result = await herald().invoke('slack:disconnect', {});
    set(result.ok ? { status: result.value, isBusy: false } : { error: result.error, isBusy: false });
  },
  apply(status) {
    set({ status });
  },
}));

/** Checks the connection and follows its changes (slack:changed) while Settings shows it. */
export function followSlack(): () => void {
  void useSlack.getState().refresh();
  return herald().on('slack:changed', (next) => useSlack.getState().apply(next));
}
