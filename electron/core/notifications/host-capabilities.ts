// What the desktop platform can show, decided once here so the notification
// and tray models are built for it and the shell renders them as given.

export interface HostCapabilities {
  /** Buttons on a native notification (macOS; Windows would need toast XML, Linux daemons vary). */
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
  return { hasNotificationActions: isMac, hasTrayTitle: isMac, hasCountInTrayIcon: !isMac, isTrayClickOpen: platform === 'win32' };
}
