// Herald's clock as the renderer sees it: the serving process's reading,
// carried forward by this page's own clock. Relative times, "in the past"
// checks and typed times like "in 30 min" all use it, so they agree with
// the reminders main arms. A test clock (harness --test-clock) stands still
// between moves, so here it does too: the page then reads exactly the
// instant the services read. Seeded by the bootstrap and kept by
// clock:changed (renderer/server-state/bootstrap.ts).
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { herald } from '../api/herald.ts';

interface ClockState {
  /** Server time minus this page's time, at the last reading. */
  offsetMs: number;
  /** The last reading itself (what a test clock says until it is moved). */
  lastReadingMs: number | null;
  isTestClock: boolean;
  adopt: (nowUtc: string) => void;
  setTestClock: (isTestClock: boolean) => void;
  /** Asks main for the time now (a check that must not rest on an old reading); answers it in epoch ms. */
  readNow: () => Promise<number>;
}

export const useClock = create<ClockState>()((set, get) => ({
  offsetMs: 0,
  lastReadingMs: null,
  isTestClock: false,
  adopt: (nowUtc) => {
    const serverMs = Date.parse(nowUtc);
    if (Number.isFinite(serverMs)) set({ lastReadingMs: serverMs, offsetMs: serverMs - Date.now() });
  },
  setTestClock: (isTestClock) => set({ isTestClock }),
  readNow: async () => {
    const reading = await herald().invoke('clock:now', {});
    if (reading.ok) get().adopt(reading.value.nowUtc);
    return serverNowMs();
  },
}));

/** Now, by Herald's clock (epoch ms). */
export function serverNowMs(): number {
  const { isTestClock, lastReadingMs, offsetMs } = useClock.getState();
  return isTestClock && lastReadingMs !== null ? lastReadingMs : Date.now() + offsetMs;
}

const DEFAULT_REFRESH_MS = 30_000;

/**
 * Herald's now for a component: read again every `refreshMs` (half a minute
 * by default: enough for "in 5 min" and "today") and whenever the clock is
 * read or moved.
 */
export function useHeraldNow(refreshMs = DEFAULT_REFRESH_MS): number {
  const [nowMs, setNowMs] = useState(serverNowMs);
  // The clock as the first render read it: the effect below catches up only if it was read or moved since. (Reading
  // again unconditionally re-rendered every caller right after mounting, for a few milliseconds of difference.)
  const [renderedClock] = useState(useClock.getState);
  useEffect(() => {
    const update = () => setNowMs(serverNowMs());
    if (useClock.getState() !== renderedClock) update();
    const timer = window.setInterval(update, refreshMs);
    const unsubscribe = useClock.subscribe(update);
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [refreshMs, renderedClock]);
  return nowMs;
}
