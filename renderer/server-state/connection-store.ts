// Whether Herald can reach Slack, as the outbox sees it: one copy for the
// composer's note and the Outbox screen's banner, seeded by the bootstrap
// and kept by connection:changed.
import { create } from 'zustand';
import type { ConnectionStatus } from '../../shared/outbox/connection-status.ts';

interface ConnectionState {
  status: ConnectionStatus | null;
  apply: (status: ConnectionStatus) => void;
}

export const useConnection = create<ConnectionState>()((set) => ({
  status: null,
  apply: (status) => set({ status }),
}));
