// A controllable clock for unit tests and the harness's --test-clock mode.
// Timers fire in due order as time is advanced; `set` models a wall-clock
// change (or waking from sleep): it fires no timers itself, but tells jump
// listeners so that schedulers re-check what became due.
import type { Clock, TimerHandle } from './clock.ts';

interface PendingTimer {
  id: number;
  dueMs: number;
  callback: () => void;
}

export interface TestClock extends Clock {
  /** Moves time forward by `ms`, firing each timer at its own due instant. */
  advance(ms: number): void;
  /** Jumps wall time to `epochMs` (forwards or backwards) as a clock change or a wake from sleep would. */
  set(epochMs: number): void;
  /** Timers still waiting, for assertions. */
  pendingCount(): number;
}

export function createTestClock(startEpochMs: number): TestClock {
  let nowMs = startEpochMs;
  let nextId = 1;
  const pending = new Map<number, PendingTimer>();
  const jumpListeners = new Set<() => void>();

  function nextDue(limitMs: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of pending.values()) {
      if (
        timer.dueMs <= limitMs &&
        (!best || timer.dueMs < best.dueMs || (timer.dueMs === best.dueMs && timer.id < best.id))
      ) {
        best = timer;
      }
    }
    return best;
  }

  function fireUntil(limitMs: number): void {
    for (let timer = nextDue(limitMs); timer; timer = nextDue(limitMs)) {
      pending.delete(timer.id);
      nowMs = Math.max(nowMs, timer.dueMs);
      timer.callback();
    }
  }

  return {
    now: () => nowMs,
    setTimer(callback, delayMs): TimerHandle {
      const id = nextId++;
      pending.set(id, { id, dueMs: nowMs + Math.max(0, delayMs), callback });
      return { id };
    },
    clearTimer(handle) {
      pending.delete(handle.id);
    },
    onJump(listener) {
      jumpListeners.add(listener);
      return () => jumpListeners.delete(listener);
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError('advance() takes a non-negative number of milliseconds');
      const targetMs = nowMs + ms;
      fireUntil(targetMs);
      nowMs = targetMs;
    },
    set(epochMs) {
      // A real timer counts elapsed time, not wall time: after a jump the
      // remaining delays are unchanged relative to the new "now" only if the
      // machine was awake. Schedulers must not rely on that, so we keep each
      // timer's original wall-clock due instant and let listeners re-check.
      nowMs = epochMs;
      for (const listener of [...jumpListeners]) listener();
    },
    pendingCount: () => pending.size,
  };
}
