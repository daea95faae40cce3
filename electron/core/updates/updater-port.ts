// The part of electron-updater's AppUpdater that the update controller uses.
// Core never imports electron-updater (it imports `electron`): the shell
// passes the real updater in, tests pass one pointed at a local feed.

export interface FeedUpdateInfo {
  version: string;
  /** The feed's staged-rollout share, 0–100; electron-updater already skipped the update if this install is outside it. */
  stagingPercentage?: number;
}

export interface FeedCheckResult {
  isUpdateAvailable: boolean;
  updateInfo: FeedUpdateInfo;
}

export interface UpdaterPort {
  /** The controller downloads itself, after its own checks: this is kept false. */
  autoDownload: boolean;
  /** A downloaded update installs when Herald quits normally. */
  autoInstallOnAppQuit: boolean;
  /** Kept false: a feed offering an older version is ignored. */
  allowDowngrade: boolean;
  readonly currentVersion: { version: string };
  /** Null when the updater is inactive (an unpackaged build). Rejects when the feed cannot be read. */
  checkForUpdates(): Promise<FeedCheckResult | null>;
  /** Downloads and verifies (sha512, and the code signature where the platform has one). */
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
}
