import { describe, expect, it } from 'vitest';
import { createWallClockWatch } from '../../../../../electron/core/notifications/wall-clock-watch.ts';

function setup() {
  const state = { wallMs: 1_000_000, monotonicMs: 50, zone: 'Europe/London|-60' };
  const jumps: string[] = [];
  const watch = createWallClockWatch({
    wallNowMs: () => state.wallMs,
    monotonicNowMs: () => state.monotonicMs,
    zoneSignature: () => state.zone,
    onJump: (reason) => jumps.push(reason),
  });
  const elapse = (ms: number) => {
    state.wallMs += ms;
    state.monotonicMs += ms;
  };
  return { state, jumps, watch, elapse };
}

describe('the wall-clock watch', () => {
  it('stays quiet while wall time and elapsed time agree, timer wobble included', () => {
    const { state, jumps, watch, elapse } = setup();
    elapse(5_000);
    watch.check();
    elapse(5_000);
    state.wallMs += 40;
    watch.check();
    expect(jumps).toEqual([]);
  });

  it('reports the clock being set forwards or back', () => {
    const { state, jumps, watch, elapse } = setup();
    elapse(5_000);
    state.wallMs += 3_600_000;
    watch.check();
    elapse(5_000);
    state.wallMs -= 600_000;
    watch.check();
    expect(jumps).toEqual(['clock_jump', 'clock_jump']);
  });

  it('reports a time-zone change once', () => {
    const { state, jumps, watch, elapse } = setup();
    elapse(5_000);
    state.zone = 'America/New_York|240';
    watch.check();
    elapse(5_000);
    watch.check();
    expect(jumps).toEqual(['zone_change']);
  });
});
