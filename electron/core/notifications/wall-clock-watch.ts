// Notices when wall time jumped against elapsed time (the user or NTP set
// the clock, the machine slept without a resume event reaching us) or the
// system time zone changed, so the scheduler re-checks at once instead of
// waiting for its safety tick. powerMonitor events cover the usual cases;
// this covers the platforms and paths that send none. Lives with the
// notifications because only the desktop shell runs it; it could move to
// core/clock if another host needs it.

export interface WallClockWatchDeps {
  wallNowMs: () => number;
  /** Elapsed time that no clock change moves (performance.now in the shell). */
  monotonicNowMs: () => number;
  /** Changes when the system time zone or its offset changes. */
  zoneSignature: () => string;
  onJump: (reason: 'clock_jump' | 'zone_change') => void;
  /** Disagreement between the two clocks that counts as a jump; timers themselves wobble by a few ms. */
  toleranceMs?: number;
}

export interface WallClockWatch {
  /** Compares the clocks since the previous check; the shell calls it every few seconds. */
  check(): void;
}

export function systemZoneSignature(): string {
  return `${Intl.DateTimeFormat().resolvedOptions().timeZone}|${new Date().getTimezoneOffset()}`;
}

export function createWallClockWatch(deps: WallClockWatchDeps): WallClockWatch {
  const toleranceMs = deps.toleranceMs ?? 2_000;
  let lastWallMs = deps.wallNowMs();
  let lastMonotonicMs = deps.monotonicNowMs();
  let lastZone = deps.zoneSignature();
  return {
    check() {
      const wallMs = deps.wallNowMs();
      const monotonicMs = deps.monotonicNowMs();
      const zone = deps.zoneSignature();
      const skewMs = wallMs - lastWallMs - (monotonicMs - lastMonotonicMs);
      lastWallMs = wallMs;
      lastMonotonicMs = monotonicMs;
      if (Math.abs(skewMs) > toleranceMs) {
        deps.onJump('clock_jump');
      } else if (zone !== lastZone) {
        deps.onJump('zone_change');
      }
      lastZone = zone;
    },
  };
}
