// The attention service: everything the tray and native notifications show,
// decided in core. It turns reminder firings into notification specs, keeps
// the tray model current (on every reminder change, on clock jumps, and at
// the instants an item enters the due-soon window or falls due), tells the
// shell which notifications no longer apply, and runs the commands the
// shell passes back from clicks.
import type { NavigateRequest } from '../../../shared/api/channels/app.ts';
import { trayState } from '../../../shared/reminders/attention.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { dueAtMs } from '../../../shared/reminders/reminder-facts.ts';
import type { ReminderSettings } from '../../../shared/reminders/reminder-settings.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Clock } from '../clock/clock.ts';
import { createWakeTimer } from '../clock/wake-timer.ts';
import type { Logger } from '../logging/logger.ts';
import type { ReminderService } from '../reminders/reminder-service.ts';
import { noEffect, type AttentionCommand, type AttentionEffect } from './attention-commands.ts';
import type { HostCapabilities } from './host-capabilities.ts';
import { notificationFor, type NotificationSpec } from './notification-content.ts';
import { buildTrayModel, type TrayModel } from './tray-model.ts';

/** The tray is re-read at least this often, whatever else happens. */
const TRAY_SAFETY_REFRESH_MS = 15 * 60_000;

export interface AttentionServiceDeps {
  reminders: Pick<ReminderService, 'list' | 'onFire' | 'scheduler'>;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  timeZone: () => string;
  reminderSettings: () => ReminderSettings;
  capabilities: HostCapabilities;
  /** The version of a downloaded update waiting for a restart, for the tray's "Restart to update". */
  readyUpdateVersion?: () => string | null;
}

export interface AttentionService {
  /** Starts following reminders and the clock; the current tray model is sent at once. */
  start(): void;
  stop(): void;
  trayModel(): TrayModel;
  onTrayModel(listener: (model: TrayModel) => void): () => void;
  onNotification(listener: (spec: NotificationSpec) => void): () => void;
  /** Reminders whose notification should be taken down (acted on, snoozed, cleared). */
  onWithdraw(listener: (reminderIds: string[]) => void): () => void;
  perform(command: AttentionCommand): AttentionEffect;
  /** Sends app:navigate to the window; the shell calls it once the window is showing. */
  navigate(request: NavigateRequest): void;
}

function emitTo<T>(listeners: Set<(value: T) => void>, value: T, logger: Logger): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      logger.error('attention.listener_threw', { error });
    }
  }
}

/** The next instant at which an open reminder changes urgency: it enters the due-soon window, or falls due. */
export function nextUrgencyChangeMs(
  open: readonly Reminder[],
  nowMs: number,
  dueSoonWindowMs: number,
): number | null {
  let nextMs: number | null = null;
  for (const reminder of open) {
    if (reminder.state !== 'armed') continue;
    const dueMs = dueAtMs(reminder);
    for (const atMs of [dueMs - dueSoonWindowMs, dueMs]) {
      if (atMs > nowMs && (nextMs === null || atMs < nextMs)) nextMs = atMs;
    }
  }
  return nextMs;
}

export function createAttentionService(deps: AttentionServiceDeps): AttentionService {
  const { clock, logger } = deps;
  const trayListeners = new Set<(model: TrayModel) => void>();
  const notificationListeners = new Set<(spec: NotificationSpec) => void>();
  const withdrawListeners = new Set<(reminderIds: string[]) => void>();
  const stops: Array<() => void> = [];
  const wake = createWakeTimer(clock, TRAY_SAFETY_REFRESH_MS, () => refresh());
  let lastModelJson = '';

  function modelFor(open: readonly Reminder[], nowMs: number): TrayModel {
    const state = trayState(open, nowMs, { dueSoonWindowMs: deps.reminderSettings().dueSoonWindowMs });
    return buildTrayModel(state, {
      nowMs,
      timeZone: deps.timeZone(),
      capabilities: deps.capabilities,
      readyUpdateVersion: deps.readyUpdateVersion?.() ?? null,
    });
  }

  const trayModel = (): TrayModel => modelFor(deps.reminders.list().reminders, clock.now());

  function armRefresh(open: readonly Reminder[], nowMs: number): void {
    wake.arm(nextUrgencyChangeMs(open, nowMs, deps.reminderSettings().dueSoonWindowMs), nowMs);
  }

  /** Sends the tray model when it changed (labels carry times, so a new minute can change it too). */
  function refresh(): void {
    const nowMs = clock.now();
    const open = deps.reminders.list().reminders;
    const model = modelFor(open, nowMs);
    const json = JSON.stringify(model);
    if (json !== lastModelJson) {
      lastModelJson = json;
      emitTo(trayListeners, model, logger);
    }
    armRefresh(open, nowMs);
  }

  function runReminderCommand(name: 'snooze' | 'dismiss', reminderId: string): AttentionEffect {
    const result =
      name === 'snooze'
        ? deps.reminders.scheduler.snooze(reminderId)
        : deps.reminders.scheduler.dismiss(reminderId);
    // The alert may have been cleared meanwhile (the update went out): nothing left to do.
    if (!result.ok) logger.info('attention.command_refused', { command: name, code: result.error.code });
    return noEffect;
  }

  return {
    start() {
      if (stops.length > 0) return;
      stops.push(
        deps.reminders.scheduler.subscribe((change) => {
          const settled = change.changed
            .filter((reminder) => reminder.state !== 'fired')
            .map((reminder) => reminder.id);
          if (settled.length > 0) emitTo(withdrawListeners, settled, logger);
          refresh();
        }),
        deps.reminders.onFire((firing) => {
          const settings = deps.reminderSettings();
          const spec = notificationFor(firing, {
            timeZone: deps.timeZone(),
            isSoundEnabled: settings.isSoundEnabled,
            snoozeMs: settings.snoozeMs,
            capabilities: deps.capabilities,
          });
          emitTo(notificationListeners, spec, logger);
        }),
        clock.onJump(() => refresh()),
        deps.bus.subscribe((event) => {
          if (event === 'updates:changed') refresh();
        }),
      );
      lastModelJson = '';
      refresh();
    },
    stop() {
      for (const stop of stops.splice(0)) stop();
      wake.stop();
    },
    trayModel,
    onTrayModel(listener) {
      trayListeners.add(listener);
      return () => trayListeners.delete(listener);
    },
    onNotification(listener) {
      notificationListeners.add(listener);
      return () => notificationListeners.delete(listener);
    },
    onWithdraw(listener) {
      withdrawListeners.add(listener);
      return () => withdrawListeners.delete(listener);
    },
    perform(command) {
      switch (command.type) {
        case 'navigate':
          return { ...noEffect, showWindow: true, navigate: command.request };
        case 'open':
          return { ...noEffect, showWindow: true };
        case 'snooze':
        case 'dismiss':
          return runReminderCommand(command.type, command.reminderId);
        case 'quit':
          return { ...noEffect, quit: true };
        case 'restart_to_update':
          return { ...noEffect, restartToUpdate: true };
      }
    },
    navigate(request) {
      deps.bus.emit('app:navigate', request);
    },
  };
}
