// Where the window opens: the size, position, maximised state and display it
// had last time, moved back onto a visible display when that display is gone
// (a monitor was unplugged) or the layout changed so the window would open
// off-screen. Pure: the screen comes in as a list of displays, so any layout
// can be tested without Electron.
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  id: number;
  /** The display minus task bars and docks, in screen coordinates. */
  workArea: Rectangle;
}

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
export const rectangleSchema = z
  .object({ x: coordinate, y: coordinate, width: length, height: length })
  .strict();

export const windowStateSchema = z
  .object({
    /** The normal (not maximised) bounds, so un-maximising returns to them. */
    bounds: rectangleSchema,
    isMaximized: z.boolean(),
    displayId: z.number().int().nullable(),
  })
  .strict();
export type WindowState = z.infer<typeof windowStateSchema>;

export interface WindowSizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

export interface WindowPlacement {
  bounds: Rectangle;
  isMaximized: boolean;
}

/** How much of the window's top edge (where it is dragged from) must show on some display to count as reachable. */
export const MIN_VISIBLE_TITLE_BAR_PX = { width: 120, height: 32 };

function intersection(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** Whether the user can see and grab the window's title bar on one of the displays. */
export function isTitleBarReachable(bounds: Rectangle, displays: readonly DisplayArea[]): boolean {
  const titleBar: Rectangle = {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: MIN_VISIBLE_TITLE_BAR_PX.height,
  };
  return displays.some((display) => {
    const shown = intersection(titleBar, display.workArea);
    return (
      shown !== null &&
      shown.width >= MIN_VISIBLE_TITLE_BAR_PX.width &&
      shown.height >= MIN_VISIBLE_TITLE_BAR_PX.height
    );
  });
}

/** The window's size fitted into a work area (never below the minimum, never beyond the area), centred in it. */
export function centredIn(
  workArea: Rectangle,
  width: number,
  height: number,
  limits: WindowSizeLimits,
): Rectangle {
  const fittedWidth = Math.min(Math.max(width, limits.minWidth), workArea.width);
  const fittedHeight = Math.min(Math.max(height, limits.minHeight), workArea.height);
  return {
    x: workArea.x + Math.floor((workArea.width - fittedWidth) / 2),
    y: workArea.y + Math.floor((workArea.height - fittedHeight) / 2),
    width: fittedWidth,
    height: fittedHeight,
  };
}

/**
 * Where to open the window. `displays` must not be empty; `primary` is one of them.
 * The saved bounds are kept when their title bar is reachable; otherwise the window
 * keeps its size (fitted) and is centred on the display it was on if that is still
 * connected, or on the primary display.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  limits: WindowSizeLimits,
): WindowPlacement {
  if (!saved)
    return { bounds: centredIn(primary.workArea, limits.width, limits.height, limits), isMaximized: false };
  const { bounds } = saved;
  const sameDisplay = displays.find((display) => display.id === saved.displayId);
  const fitsSomewhere = displays.some(
    (display) => bounds.width <= display.workArea.width && bounds.height <= display.workArea.height,
  );
  if (isTitleBarReachable(bounds, displays) && fitsSomewhere)
    return { bounds: { ...bounds }, isMaximized: saved.isMaximized };
  const target = sameDisplay ?? primary;
  return {
    bounds: centredIn(target.workArea, bounds.width, bounds.height, limits),
    isMaximized: saved.isMaximized,
  };
}
