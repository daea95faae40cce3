// The Slack connection as the renderer knows it: status only. The token the
// user types lives in the connect form until it is sent, and is never stored
// or received here.
import { create } from 'zustand';
import type { SlackStatus } from '../../../shared/api/channels/slack.ts';
import type { ApiError } from '../../../shared/api/index.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { WorkspaceUserView } from '../../../shared/api/channels/team.ts';
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

/**
 * Asks for the connection if it is not known yet. The bootstrap carries it (so the banner and the setup checklist
 * draw in the first render) and follows slack:changed for the life of the page (server-state/bootstrap.ts); this
 * only asks when the bootstrap could not answer. For a useEffect in anything that shows the connection.
 */
export function knowSlackStatus(): void {
  if (useSlack.getState().status === null) void useSlack.getState().refresh();
}

/** The workspace's people (users.list in core), for "You, in Slack": the users, or a problem in plain words. */
export async function loadWorkspaceUsers(): Promise<Result<WorkspaceUserView[], string>> {
  const answer = await herald().invoke('team:users', {});
  if (answer.ok) return { ok: true, value: answer.value.users };
  return { ok: false, error: `${answer.error.message}${answer.error.fix ? ` ${answer.error.fix}` : ''}` };
}
