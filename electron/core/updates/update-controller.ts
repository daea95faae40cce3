// The update state machine. Checks the feed at start and every few hours,
// downloads in the background (unless the user turned automatic download
// off), refuses a version older than the running one whatever the feed says,
// and restarts into a downloaded update only when nothing would be lost: no
// message sending, no draft with unsaved keystrokes. Otherwise the update
// installs on the next normal quit (electron-updater's autoInstallOnAppQuit).
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import type { UpdateStatus } from '../../../shared/desktop/update-status.ts';
import type { Handler } from '../api/router.ts';
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import { redactText } from '../logging/logger.ts';
import type { UpdaterPort } from './updater-port.ts';
import { compareVersions } from './version-order.ts';

export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60_000;
/** The first check waits a little so start-up (stores, reminders, the window) goes first. */
export const FIRST_CHECK_DELAY_MS = 30_000;

export interface UpdateControllerDeps {
  /** Null where this build cannot update itself; `unsupportedReason` says why. */
  updater: UpdaterPort | null;
  unsupportedReason: string;
  currentVersion: string;
  clock: Clock;
  logger: Logger;
  isAutoDownload: () => boolean;
  /** Why restarting now would lose something, or null when it is safe. */
  restartBlocker: () => string | null;
  /** Lets the window close for real (past keep-running-in-tray) just before the updater quits. */
  prepareToQuit: () => void;
  onChange: (status: UpdateStatus) => void;
}

export interface CheckOptions {
  /** Default true (the periodic check, tests); the API answers at once so a click is not held for a whole download. */
  waitForDownload?: boolean;
}

export interface UpdateController {
  status(): UpdateStatus;
  /** Schedules the first check and the periodic ones. */
  start(): void;
  stop(): void;
  /** Checks the feed and, with automatic download on, downloads; `waitForDownload: false` answers once the download has begun. */
  check(options?: CheckOptions): Promise<UpdateStatus>;
  download(options?: CheckOptions): Promise<UpdateStatus>;
  restart(): Result<UpdateStatus>;
  /** Re-reads the restart blocker and the automatic-download setting (the renderer's unsaved work changed, a message was sent, Settings changed). */
  refresh(): void;
  handlers: {
    'updates:status': Handler<'updates:status'>;
    'updates:check': Handler<'updates:check'>;
    'updates:download': Handler<'updates:download'>;
    'updates:restart': Handler<'updates:restart'>;
  };
}

const MAX_MESSAGE_LENGTH = 300;

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // electron-updater's messages can carry a stack or a whole HTTP body: keep the first line.
  const firstLine = redactText(text.split('\n')[0] ?? '').trim();
  return firstLine.length > MAX_MESSAGE_LENGTH
    ? `${firstLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…`
    : firstLine || 'Unknown error';
}

export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const { updater, clock, logger } = deps;
  let status: UpdateStatus = {
    state: updater ? 'idle' : 'unsupported',
    currentVersion: deps.currentVersion,
    version: null,
    percent: null,
    message: updater ? null : deps.unsupportedReason,
    lastCheckedUtc: null,
    isAutoDownload: deps.isAutoDownload(),
    restartBlockedBy: null,
  };
  let timer: TimerHandle | null = null;
  let isRunning = false;
  let download: Promise<UpdateStatus> | null = null;

  function set(patch: Partial<UpdateStatus>): UpdateStatus {
    const merged = { ...status, ...patch };
    const next = {
      ...merged,
      isAutoDownload: deps.isAutoDownload(),
      restartBlockedBy: merged.state === 'ready' ? deps.restartBlocker() : null,
    };
    if (JSON.stringify(next) === JSON.stringify(status)) return status;
    status = next;
    deps.onChange(status);
    return status;
  }

  if (updater) {
    // The controller decides when to download and refuses downgrades itself; the updater only fetches and verifies.
    updater.autoDownload = false;
    updater.allowDowngrade = false;
    updater.autoInstallOnAppQuit = true;
    updater.on('download-progress', (progress) => {
      if (status.state === 'downloading')
        set({ percent: Math.max(0, Math.min(100, Math.round(progress.percent))) });
    });
  }

  function schedule(delayMs: number): void {
    if (timer) clock.clearTimer(timer);
    timer = null;
    // A check that finishes after stop() must not start the timer again.
    if (!isRunning) return;
    timer = clock.setTimer(() => {
      timer = null;
      void check().finally(() => schedule(UPDATE_CHECK_INTERVAL_MS));
    }, delayMs);
  }

  async function runDownload(port: UpdaterPort, version: string): Promise<UpdateStatus> {
    set({ state: 'downloading', version, percent: 0, message: null });
    try {
      await port.downloadUpdate();
      logger.info('updates.downloaded', { version });
      return set({ state: 'ready', version, percent: 100, message: null });
    } catch (error) {
      logger.warn('updates.download_failed', { version, error });
      return set({
        state: 'error',
        version: null,
        percent: null,
        message: `The update to ${version} could not be downloaded: ${describeError(error)}`,
      });
    }
  }

  async function check(options: CheckOptions = {}): Promise<UpdateStatus> {
    if (!updater) return status;
    // Nothing to check while a download runs or an update waits to be installed.
    if (status.state === 'checking' || status.state === 'downloading' || status.state === 'ready')
      return download ?? status;
    set({ state: 'checking', message: null });
    let found;
    try {
      found = await updater.checkForUpdates();
    } catch (error) {
      logger.warn('updates.check_failed', { error });
      return set({
        state: 'error',
        version: null,
        percent: null,
        lastCheckedUtc: new Date(clock.now()).toISOString(),
        message: `Herald could not check for updates: ${describeError(error)}`,
      });
    }
    const lastCheckedUtc = new Date(clock.now()).toISOString();
    if (!found) return set({ state: 'unsupported', message: deps.unsupportedReason, lastCheckedUtc });
    const offered = found.updateInfo.version;
    if (!found.isUpdateAvailable)
      return set({ state: 'up_to_date', version: null, percent: null, lastCheckedUtc });
    const order = compareVersions(offered, deps.currentVersion);
    if (order === null || order <= 0) {
      logger.warn('updates.downgrade_refused', { offered, current: deps.currentVersion });
      return set({
        state: 'error',
        version: null,
        percent: null,
        lastCheckedUtc,
        message: `The update feed offered version ${offered}, which is not newer than this one (${deps.currentVersion}); Herald does not downgrade.`,
      });
    }
    logger.info('updates.available', { version: offered });
    set({ state: 'available', version: offered, percent: null, lastCheckedUtc });
    return deps.isAutoDownload() ? startDownload(options) : status;
  }

  function startDownload(options: CheckOptions = {}): Promise<UpdateStatus> {
    if (!updater || status.state !== 'available' || !status.version) return Promise.resolve(status);
    // runDownload marks the status 'downloading' before its first await, so `status` below already says so.
    download ??= runDownload(updater, status.version).finally(() => {
      download = null;
    });
    return options.waitForDownload === false ? Promise.resolve(status) : download;
  }

  const controller: Omit<UpdateController, 'handlers'> = {
    status: () => status,
    start() {
      if (!updater || isRunning) return;
      isRunning = true;
      schedule(FIRST_CHECK_DELAY_MS);
    },
    stop() {
      isRunning = false;
      if (timer) clock.clearTimer(timer);
      timer = null;
    },
    check,
    download: startDownload,
    restart() {
      if (!updater || status.state !== 'ready') return fail('conflict', 'No update has been downloaded yet.');
      const blocker = deps.restartBlocker();
      if (blocker) {
        set({});
        return fail('unavailable', blocker, {
          fix: 'Try again once that is done, or quit Herald later: the update installs then.',
        });
      }
      logger.info('updates.restart', { version: status.version });
      deps.prepareToQuit();
      // isSilent false: the installer may show progress; isForceRunAfter true: Herald comes back after installing.
      updater.quitAndInstall(false, true);
      return ok(status);
    },
    refresh() {
      set({});
    },
  };
  return {
    ...controller,
    handlers: {
      'updates:status': () => Promise.resolve(ok(status)),
      'updates:check': async () => ok(await check({ waitForDownload: false })),
      'updates:download': async () => ok(await startDownload({ waitForDownload: false })),
      'updates:restart': () => Promise.resolve(controller.restart()),
    },
  };
}
