import { describe, expect, it } from 'vitest';
import {
  isTitleBarReachable,
  placeWindow,
  type DisplayArea,
  type WindowState,
} from '../../../../../electron/core/window-state/window-placement.ts';

const limits = { width: 1280, height: 860, minWidth: 900, minHeight: 600 };
const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
/** A 4K monitor to the right of the laptop. */
const monitorRight: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 3840, height: 2120 } };
/** A monitor above the laptop (negative y). */
const monitorAbove: DisplayArea = { id: 3, workArea: { x: 0, y: -1080, width: 1920, height: 1080 } };
/** A monitor to the left (negative x). */
const monitorLeft: DisplayArea = { id: 4, workArea: { x: -1920, y: 0, width: 1920, height: 1040 } };

function saved(bounds: WindowState['bounds'], displayId: number | null, isMaximized = false): WindowState {
  return { bounds, isMaximized, displayId };
}

describe('where the window opens', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(placeWindow(null, [laptop, monitorRight], laptop, limits)).toEqual({
      bounds: { x: 80, y: 32, width: 1280, height: 860 },
      isMaximized: false,
    });
  });

  it('fits the default size into a display smaller than it', () => {
    const small: DisplayArea = { id: 9, workArea: { x: 0, y: 0, width: 1024, height: 700 } };
    expect(placeWindow(null, [small], small, limits).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 700,
    });
  });

  it('restores size, position and maximised state on the monitor it was on', () => {
    const onMonitor = saved({ x: 2000, y: 100, width: 1600, height: 1000 }, 2, true);
    expect(placeWindow(onMonitor, [laptop, monitorRight], laptop, limits)).toEqual({
      bounds: onMonitor.bounds,
      isMaximized: true,
    });
  });

  it('restores a window on monitors at negative coordinates (above, left of the primary)', () => {
    const above = saved({ x: 100, y: -1000, width: 1200, height: 800 }, 3);
    expect(placeWindow(above, [laptop, monitorAbove], laptop, limits).bounds).toEqual(above.bounds);
    const left = saved({ x: -1800, y: 50, width: 1200, height: 800 }, 4);
    expect(placeWindow(left, [laptop, monitorLeft], laptop, limits).bounds).toEqual(left.bounds);
  });

  it('brings a window back onto the primary display when its monitor was unplugged', () => {
    const onMonitor = saved({ x: 3000, y: 400, width: 1600, height: 1000 }, 2);
    const placed = placeWindow(onMonitor, [laptop], laptop, limits);
    expect(placed.bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    expect(isTitleBarReachable(placed.bounds, [laptop])).toBe(true);
  });

  it('moves a window whose title bar would be hidden back to the centre of its own display', () => {
    // Only 40 px of the window show at the right edge of the laptop, and its title bar is above the work area.
    const almostGone = saved({ x: 1400, y: -500, width: 1000, height: 700 }, 1);
    expect(placeWindow(almostGone, [laptop, monitorRight], laptop, limits).bounds).toEqual({
      x: 220,
      y: 112,
      width: 1000,
      height: 700,
    });
  });

  it('keeps a window that straddles two displays when its title bar can be grabbed on one', () => {
    const straddling = saved({ x: 1000, y: 200, width: 1200, height: 700 }, 1);
    expect(placeWindow(straddling, [laptop, monitorRight], laptop, limits).bounds).toEqual(straddling.bounds);
  });

  it('centres on the primary display when the saved display id is unknown and the window is off every screen', () => {
    const lost = saved({ x: 9000, y: 9000, width: 1000, height: 700 }, null);
    expect(placeWindow(lost, [monitorRight, laptop], monitorRight, limits).bounds).toEqual({
      x: 2860,
      y: 710,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window too big for every display left (a 4K monitor swapped for a laptop)', () => {
    const huge = saved({ x: 0, y: 25, width: 3000, height: 1900 }, 1);
    expect(placeWindow(huge, [laptop], laptop, limits).bounds).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
    });
  });
});
