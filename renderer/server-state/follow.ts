// The one "follow while mounted" helper: a server list that is too large to
// keep live for the whole session (the outbox) is loaded and followed while
// at least one component that shows it is mounted, and let go when the last
// one unmounts. The count lives in a zustand store, not a module variable.
import { createStore } from 'zustand/vanilla';

interface Following {
  mounted: number;
  stop: (() => void) | null;
}

/**
 * `start` subscribes (and loads); it returns the unsubscribe. The result is
 * meant for a useEffect: `useEffect(() => followOutbox(), [])`.
 */
export function createFollower(start: () => () => void): () => () => void {
  const following = createStore<Following>()(() => ({ mounted: 0, stop: null }));
  return () => {
    const { mounted, stop } = following.getState();
    following.setState({ mounted: mounted + 1, stop: mounted === 0 ? start() : stop });
    return () => {
      const now = following.getState();
      if (now.mounted === 1) now.stop?.();
      following.setState({ mounted: now.mounted - 1, stop: now.mounted === 1 ? null : now.stop });
    };
  };
}
