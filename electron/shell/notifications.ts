// Native notifications, rendered exactly as core's NotificationSpec says
// (electron/core/notifications/notification-content.ts). One per subject:
// a newer alert replaces the one showing. Each shown notification is held
// here until it closes, because Electron drops the click handlers of a
// notification that has been garbage-collected.
import { Notification } from 'electron';
import type { AttentionCommand } from '../core/notifications/attention-commands.ts';
import type { NotificationSpec } from '../core/notifications/notification-content.ts';
import type { Logger } from '../core/logging/logger.ts';

export interface NativeNotifier {
  show(spec: NotificationSpec): void;
  /** Takes down the notifications of these reminders (acted on, snoozed, cleared). */
  withdraw(reminderIds: readonly string[]): void;
  closeAll(): void;
}

interface Showing {
  reminderId: string;
  notification: Notification;
}

export function createNativeNotifier(deps: {
  onCommand: (command: AttentionCommand) => void;
  logger: Logger;
}): NativeNotifier {
  const showing = new Map<string, Showing>();

  function close(subjectKey: string): void {
    const current = showing.get(subjectKey);
    if (!current) return;
    showing.delete(subjectKey);
    current.notification.close();
  }

  return {
    show(spec) {
      if (!Notification.isSupported()) {
        deps.logger.warn('notifications.unsupported', { reminderId: spec.reminderId });
        return;
      }
      close(spec.subjectKey);
      const notification = new Notification({
        title: spec.title,
        body: spec.body,
        silent: spec.isSilent,
        urgency: spec.urgency,
        timeoutType: spec.isSticky ? 'never' : 'default',
        actions: spec.actions.map((action) => ({ type: 'button' as const, text: action.label })),
      });
      const entry: Showing = { reminderId: spec.reminderId, notification };
      notification.on('click', () => deps.onCommand(spec.click));
      notification.on('action', (details, legacyIndex: number) => {
        // Electron 39+ passes the index in the event's details; the positional argument is deprecated.
        const index = typeof details?.actionIndex === 'number' ? details.actionIndex : legacyIndex;
        const action = spec.actions[index];
        if (action) deps.onCommand(action.command);
      });
      notification.on('close', () => {
        if (showing.get(spec.subjectKey) === entry) showing.delete(spec.subjectKey);
      });
      notification.on('failed', (_event, error: string) =>
        deps.logger.warn('notifications.failed', { reminderId: spec.reminderId, error }),
      );
      showing.set(spec.subjectKey, entry);
      notification.show();
    },
    withdraw(reminderIds) {
      const ids = new Set(reminderIds);
      for (const [subjectKey, entry] of [...showing]) {
        if (ids.has(entry.reminderId)) close(subjectKey);
      }
    },
    closeAll() {
      for (const subjectKey of [...showing.keys()]) close(subjectKey);
    },
  };
}
