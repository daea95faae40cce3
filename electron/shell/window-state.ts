// Remembers the window's size, position, maximised state and display, and
// restores them (core's placeWindow decides where, including bringing an
// off-screen window back). Saves are coalesced: a drag emits many moves.
import { screen, type BrowserWindow, type Display } from 'electron';
import type { VersionedStore } from '../core/storage/versioned-store.ts';
import {
  placeWindow,
  type DisplayArea,
  type WindowPlacement,
  type WindowSizeLimits,
  type WindowState,
} from '../core/window-state/window-placement.ts';

const SAVE_DELAY_MS = 500;

export type WindowStateStore = VersionedStore<{ saved: WindowState | null }>;

function areaOf(display: Display): DisplayArea {
  return { id: display.id, workArea: display.workArea };
}

/** Where the next window opens, from the saved state and the displays connected now. */
export function initialPlacement(store: WindowStateStore, limits: WindowSizeLimits): WindowPlacement {
  return placeWindow(
    store.read().saved,
    screen.getAllDisplays().map(areaOf),
    areaOf(screen.getPrimaryDisplay()),
    limits,
  );
}

function currentState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds();
  return {
    bounds: {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
    },
    isMaximized: window.isMaximized(),
    displayId: screen.getDisplayMatching(bounds).id,
  };
}

/** Saves the window's state after it moves or resizes, and once more as it closes. */
export function rememberWindowState(window: BrowserWindow, store: WindowStateStore): void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed() || window.isMinimized()) return;
    store.write({ saved: currentState(window) });
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
