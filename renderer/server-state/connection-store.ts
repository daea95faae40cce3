// Whether Herald can reach Slack, as the outbox sees it: one copy for the
// composer's note and the Outbox screen's banner, seeded by the bootstrap
// and kept by connection:changed.
import { create } from 'zustand';
import type { ConnectionStatus } from '../../shared/outbox/connection-status.ts';

interface ConnectionState {
  status: ConnectionStatus | null;
  /** How many statuses have been applied from the bootstrap and connection:changed, in order. */
  changeCount: number;
  /** A status core announced (or the bootstrap's): always the newest. */
  apply: (status: ConnectionStatus) => void;
  /**
   * A status read along with an answer (outbox:list, outbox:flush), taken when `changeCountAtRequest` was current.
   * Kept only if no announced status arrived meanwhile: a "Try now" whose answer still says offline must not
   * overwrite the "online" core announced while that answer was on its way.
   */
  applySnapshot: (status: ConnectionStatus, changeCountAtRequest: number) => void;
}

export const useConnection = create<ConnectionState>()((set) => ({
  status: null,
  changeCount: 0,
  apply: (status) => set((state) => ({ status, changeCount: state.changeCount + 1 })),
  applySnapshot: (status, changeCountAtRequest) =>
    set((state) => (state.changeCount === changeCountAtRequest ? { status } : {})),
}));
