// One timer that wakes a service at the next instant its picture may change
// (an alert falling due, a promise passing), and at least every `safetyMs`
// whatever else happens. Arming it again replaces the previous wake-up.
import type { Clock, TimerHandle } from './clock.ts';

export interface WakeTimer {
  /** Wakes at `changeMs` (or after `safetyMs` if sooner, or if there is none). */
  arm(changeMs: number | null, nowMs: number): void;
  stop(): void;
}

export function createWakeTimer(clock: Clock, safetyMs: number, onWake: () => void): WakeTimer {
  let timer: TimerHandle | null = null;
  const stop = () => {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
  };
  return {
    arm(changeMs, nowMs) {
      stop();
      const delayMs = Math.min(changeMs === null ? safetyMs : changeMs - nowMs, safetyMs);
      timer = clock.setTimer(
        () => {
          timer = null;
          onWake();
        },
        Math.max(1, delayMs),
      );
    },
    stop,
  };
}
