// Work deferred past the first paint runs once the frame has painted, can be
// cancelled before then, and runs at once after it.
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('afterFirstPaint', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('waits for the frame and the task after it, skips what was cancelled, then runs new work at once', async () => {
    vi.useFakeTimers();
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
    const { afterFirstPaint, isFirstPaintPast } =
      await import('../../../../renderer/app/after-first-paint.ts');
    const ran: string[] = [];
    expect(isFirstPaintPast()).toBe(false);
    afterFirstPaint(() => ran.push('bell list'));
    const cancel = afterFirstPaint(() => ran.push('unmounted before the paint'));
    afterFirstPaint(() => ran.push('desktop status'));
    cancel();
    vi.runAllTimers();
    expect(ran).toEqual([]);
    expect(frames).toHaveLength(1);
    frames[0]!();
    // The frame's own callbacks run before it paints: the work waits for the task after it.
    expect(ran).toEqual([]);
    expect(isFirstPaintPast()).toBe(false);
    vi.runAllTimers();
    expect(ran).toEqual(['bell list', 'desktop status']);
    // What mounts from now on (a draft opened later, a screen visited) draws its deferred parts in its first render.
    expect(isFirstPaintPast()).toBe(true);
    afterFirstPaint(() => ran.push('after the paint'));
    expect(ran).toEqual(['bell list', 'desktop status', 'after the paint']);
    expect(frames).toHaveLength(1);
  });
});
