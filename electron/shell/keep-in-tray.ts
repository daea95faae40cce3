// Closing the window hides it instead when Herald keeps running in the tray
// (the keepRunningInTray setting), so reminders still fire; a real quit
// (the tray's or the app menu's Quit) closes it for good.
import type { BrowserWindow } from 'electron';

export function keepInTrayOnClose(window: BrowserWindow, shouldKeepRunning: () => boolean): void {
  window.on('close', (event) => {
    if (!shouldKeepRunning()) return;
    event.preventDefault();
    window.hide();
  });
}
