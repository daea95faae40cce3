// The browser's notification permission is asked for once, when the lead
// first makes a promise, and never again once the browser has an answer.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RemindersChanged } from '../../../../../shared/reminders/reminder-changes.ts';
import { createFakeHeraldApi, installFakeWindow } from '../../../../fakes/herald-api.ts';
import {
  makesPromise,
  useNotificationPermission,
} from '../../../../../renderer/features/notifications/web-notifications.ts';

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requests = 0;
  static requestPermission(): Promise<NotificationPermission> {
    FakeNotification.requests += 1;
    FakeNotification.permission = 'granted';
    return Promise.resolve('granted');
  }
}

describe('asking for notifications', () => {
  beforeAll(() => {
    installFakeWindow(createFakeHeraldApi());
    Object.assign(globalThis, { Notification: FakeNotification });
    Object.assign(globalThis.window, { Notification: FakeNotification });
  });
  beforeEach(() => {
    useNotificationPermission.setState({ hasAsked: false });
    FakeNotification.permission = 'default';
    FakeNotification.requests = 0;
  });

  it('asks once, however many promises follow', async () => {
    await useNotificationPermission.getState().askOnce();
    FakeNotification.permission = 'default';
    await useNotificationPermission.getState().askOnce();
    expect(FakeNotification.requests).toBe(1);
    expect(useNotificationPermission.getState().hasAsked).toBe(true);
  });

  it('does not ask when the browser already has an answer', async () => {
    FakeNotification.permission = 'denied';
    await useNotificationPermission.getState().askOnce();
    expect(FakeNotification.requests).toBe(0);
    expect(useNotificationPermission.getState().hasAsked).toBe(false);
  });

  it('counts a newly armed, unsnoozed incident update as a promise, and nothing else', () => {
    const change = (reminder: Record<string, unknown>) =>
      ({
        upserted: [{ kind: 'incident_due', state: 'armed', snoozeCount: 0, ...reminder }],
        removed: [],
      }) as never;
    expect(makesPromise(change({}) as RemindersChanged)).toBe(true);
    expect(makesPromise(change({ snoozeCount: 1 }))).toBe(false);
    expect(makesPromise(change({ state: 'fired' }))).toBe(false);
    expect(makesPromise(change({ kind: 'maintenance_comm' }))).toBe(false);
  });
});
