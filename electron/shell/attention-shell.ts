// Wires core's attention service to the desktop: native notifications, the
// tray and the dock/launcher badge, and the system events after which
// reminders must be re-checked (resume from sleep, screen unlock, a clock or
// time-zone change). Clicks come back as commands; core decides what they do.
import { app, powerMonitor } from 'electron';
import type { SystemClock } from '../core/clock/clock.ts';
import type { Core } from '../core/create-core.ts';
import type { Logger } from '../core/logging/logger.ts';
import type { AttentionCommand } from '../core/notifications/attention-commands.ts';
import type { AttentionService } from '../core/notifications/attention-service.ts';
import { hostCapabilities } from '../core/notifications/host-capabilities.ts';
import { createWallClockWatch, systemZoneSignature } from '../core/notifications/wall-clock-watch.ts';
import { createNativeNotifier } from './notifications.ts';
import { createHeraldTray } from './tray.ts';

/** Windows shows notifications only for an app with this id (electron-builder's appId). */
export const APP_USER_MODEL_ID = 'uk.gov.justice.operations-engineering.herald';
/**
 * Windows routes a toast's button presses back through this COM activator. A fixed id (rather than
 * Electron's random one per run) keeps the buttons working for toasts still in the Action Centre after
 * Herald restarts.
 */
export const TOAST_ACTIVATOR_CLSID = '{6F1B7C52-8E0A-4B8B-9C3E-2D4F5A6B7C81}';
const CLOCK_WATCH_INTERVAL_MS = 5_000;

export interface AttentionShellDeps {
  core: Pick<Core, 'attention' | 'reminders' | 'updates'>;
  clock: SystemClock;
  logger: Logger;
  platform: NodeJS.Platform;
  /** Shows the window (creating it if needed) and then runs `then` once its page can receive events. */
  revealWindow: (then: () => void) => void;
  /** A real quit, past the keep-running-in-tray setting. */
  quit: () => void;
}

export interface AttentionShell {
  attention: AttentionService;
  /** Runs a command as a click would (tests, the app menu). */
  handle(command: AttentionCommand): void;
  stop(): void;
}

export function startAttentionShell(deps: AttentionShellDeps): AttentionShell {
  const { core, clock, logger } = deps;
  if (deps.platform === 'win32') {
    app.setAppUserModelId(APP_USER_MODEL_ID);
    app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
  }
  const capabilities = hostCapabilities(deps.platform);
  const { attention } = core;

  function handle(command: AttentionCommand): void {
    const effect = attention.perform(command);
    if (effect.quit) return deps.quit();
    if (effect.restartToUpdate) {
      const restart = core.updates.restart();
      // Refused (a message is sending, a draft is unsaved): Settings says why and offers the button again.
      if (!restart.ok) deps.revealWindow(() => attention.navigate({ screen: 'settings' }));
      return;
    }
    if (!effect.showWindow) return;
    const { navigate } = effect;
    deps.revealWindow(() => {
      if (navigate) attention.navigate(navigate);
    });
  }

  const notifier = createNativeNotifier({ onCommand: handle, logger });
  const tray = createHeraldTray({ initial: attention.trayModel(), capabilities, onCommand: handle });

  const recheck = (reason: string) => {
    logger.info('attention.recheck', { reason });
    clock.reportJump();
    core.reminders.scheduler.recheck();
  };
  const onResume = () => recheck('resume');
  const onUnlock = () => recheck('unlock-screen');
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onUnlock);
  const watch = createWallClockWatch({
    wallNowMs: () => Date.now(),
    monotonicNowMs: () => performance.now(),
    zoneSignature: systemZoneSignature,
    onJump: recheck,
  });
  const watchTimer = setInterval(() => watch.check(), CLOCK_WATCH_INTERVAL_MS);

  const unsubscribes = [
    attention.onTrayModel((model) => {
      tray.render(model);
      app.setBadgeCount(model.count);
    }),
    attention.onNotification((spec) => notifier.show(spec)),
    attention.onWithdraw((reminderIds) => notifier.withdraw(reminderIds)),
  ];
  attention.start();

  return {
    attention,
    handle,
    stop() {
      attention.stop();
      for (const unsubscribe of unsubscribes) unsubscribe();
      clearInterval(watchTimer);
      powerMonitor.off('resume', onResume);
      powerMonitor.off('unlock-screen', onUnlock);
      notifier.closeAll();
      tray.destroy();
    },
  };
}
