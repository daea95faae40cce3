// The one injectable clock. Services read time and set timers only through
// it, so tests (and the harness's --test-clock mode) can move time: forwards,
// backwards, or across a simulated sleep.

export type TimerHandle = { readonly id: number };

export interface Clock {
  /** Milliseconds since the Unix epoch, UTC. */
  now(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
  /**
   * Called when wall time jumped relative to the timers (a clock change, a
   * resume from sleep, a time-zone change). Returns an unsubscribe function.
   */
  onJump(listener: () => void): () => void;
}

export interface SystemClock extends Clock {
  /** The shell calls this on powerMonitor resume and on time or time-zone changes. */
  reportJump(): void;
}

/** The real clock, backed by Date.now and setTimeout. */
export function createSystemClock(): SystemClock {
  const timers = new Map<number, NodeJS.Timeout>();
  const jumpListeners = new Set<() => void>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    setTimer(callback, delayMs) {
      const id = nextId++;
      // Node caps timers at 2^31-1 ms (~24.8 days); long waits are re-armed by the caller's coarse tick.
      const boundedMs = Math.min(Math.max(0, delayMs), 2_147_483_647);
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          callback();
        }, boundedMs),
      );
      return { id };
    },
    clearTimer(handle) {
      const timer = timers.get(handle.id);
      if (timer) clearTimeout(timer);
      timers.delete(handle.id);
    },
    onJump(listener) {
      jumpListeners.add(listener);
      return () => jumpListeners.delete(listener);
    },
    reportJump() {
      for (const listener of [...jumpListeners]) listener();
    },
  };
}
