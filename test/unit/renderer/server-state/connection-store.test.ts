// A status read with an answer never overwrites one core announced while
// that answer was on its way ("Try now" answered "offline" just after core
// said "online").
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../../shared/outbox/connection-status.ts';
import { useConnection } from '../../../../renderer/server-state/connection-store.ts';

const status = (state: ConnectionStatus['state']): ConnectionStatus => ({
  state,
  message: state,
  sinceUtc: '2026-04-20T09:00:00.000Z',
  nextCheckAtUtc: null,
});

describe('the connection store', () => {
  beforeEach(() => useConnection.setState({ status: null, changeCount: 0 }));

  it('keeps an announced status over an older answer’s', () => {
    useConnection.getState().apply(status('offline'));
    const seen = useConnection.getState().changeCount;
    useConnection.getState().apply(status('online'));
    useConnection.getState().applySnapshot(status('offline'), seen);
    expect(useConnection.getState().status?.state).toBe('online');
  });

  it('takes an answer’s status when nothing was announced meanwhile', () => {
    useConnection.getState().apply(status('online'));
    const seen = useConnection.getState().changeCount;
    useConnection.getState().applySnapshot(status('offline'), seen);
    expect(useConnection.getState().status?.state).toBe('offline');
  });
});
