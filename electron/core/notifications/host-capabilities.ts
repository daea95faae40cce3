// What the desktop platform can show, decided once here so the notification
// and tray models are built for it and the shell renders them as given.

export interface HostCapabilities {
  /**
   * Buttons on a native notification: macOS (signed, alert style: electron-builder.yml's extendInfo) and
   * Windows toasts (Electron 39+ renders `actions` as toast buttons). Electron's Linux notifications
   * carry no buttons, so there a plain click opens the composer on the right message and snoozing is
   * done in Herald.
   */
  hasNotificationActions: boolean;
  /** Text beside the tray icon (macOS menu bar), where the count goes. */
  hasTrayTitle: boolean;
  /** Elsewhere the count is drawn into the tray icon itself. */
  hasCountInTrayIcon: boolean;
  /** A plain click on the tray icon opens the window (Windows); elsewhere a click opens the menu. */
  isTrayClickOpen: boolean;
}

export function hostCapabilities(platform: string): HostCapabilities {
  const isMac = platform === 'darwin';
  return {
    hasNotificationActions: isMac || platform === 'win32',
    hasTrayTitle: isMac,
    hasCountInTrayIcon: !isMac,
    isTrayClickOpen: platform === 'win32',
  };
}
