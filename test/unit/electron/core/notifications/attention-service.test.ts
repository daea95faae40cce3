import { describe, expect, it } from 'vitest';
import { nextUrgencyChangeMs } from '../../../../../electron/core/notifications/attention-service.ts';
import type { NotificationSpec } from '../../../../../electron/core/notifications/notification-content.ts';
import type { TrayModel } from '../../../../../electron/core/notifications/tray-model.ts';
import { makeCore } from '../../../../support/core-fixture.ts';
import { MINUTE_MS, NOW_MS, reminder } from './fixtures.ts';

function setup(platform: NodeJS.Platform = 'linux') {
  const { core, clock } = makeCore({ platform });
  const { attention } = core;
  const trays: TrayModel[] = [];
  const notifications: NotificationSpec[] = [];
  const withdrawn: string[][] = [];
  const navigations: unknown[] = [];
  attention.onTrayModel((model) => trays.push(model));
  attention.onNotification((spec) => notifications.push(spec));
  attention.onWithdraw((ids) => withdrawn.push(ids));
  core.bus.subscribe((event, payload) => {
    if (event === 'app:navigate') navigations.push(payload);
  });
  core.start();
  attention.start();
  const promise = (inMs: number, incidentId = 'inc-1') => {
    const result = core.reminders.scheduler.promiseUpdate({
      incidentId,
      incidentTitle: 'Sentry unavailable',
      nextUpdateAtMs: clock.now() + inMs,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  return { core, clock, attention, trays, notifications, withdrawn, navigations, promise };
}

describe('the attention service', () => {
  it('sends the tray model at start and again when a promise is made', () => {
    const { trays, promise } = setup();
    expect(trays.map((tray) => tray.icon.state)).toEqual(['idle']);
    promise(60 * MINUTE_MS);
    // An hour away: nothing to show yet, so no new model.
    expect(trays).toHaveLength(1);
    promise(10 * MINUTE_MS, 'inc-2');
    expect(trays.at(-1)!.icon).toEqual({ state: 'due_soon', badge: '1' });
  });

  it('moves the tray to due soon when a promise enters the window, with no firing to prompt it', () => {
    const { clock, trays, notifications, promise } = setup();
    // The heads-up is due at 35 minutes, so it enters the 15-minute window at 20.
    promise(40 * MINUTE_MS);
    clock.advance(19 * MINUTE_MS);
    expect(trays.at(-1)!.icon.state).toBe('idle');
    clock.advance(MINUTE_MS);
    expect(trays.at(-1)!.icon.state).toBe('due_soon');
    expect(notifications).toHaveLength(0);
  });

  it('turns each firing into a notification and the tray to overdue at the promised time', () => {
    const { clock, trays, notifications, promise } = setup();
    promise(30 * MINUTE_MS);
    clock.advance(25 * MINUTE_MS);
    clock.advance(5 * MINUTE_MS);
    clock.advance(5 * MINUTE_MS);
    expect(notifications.map((spec) => spec.title)).toEqual([
      'Update due in 5 min: Sentry unavailable',
      'Update due now: Sentry unavailable',
      'Update overdue: Sentry unavailable',
    ]);
    expect(trays.at(-1)).toMatchObject({
      icon: { state: 'overdue', badge: '1' },
      tooltip: 'Herald: 1 overdue',
    });
  });

  it('withdraws the notification and clears the tray once the update is sent', () => {
    const { core, clock, trays, notifications, withdrawn, promise } = setup();
    promise(2 * MINUTE_MS);
    clock.advance(2 * MINUTE_MS);
    const shown = notifications.at(-1)!;
    core.reminders.scheduler.updateSent({ incidentId: 'inc-1', nextUpdateAtMs: null });
    expect(withdrawn.flat()).toContain(shown.reminderId);
    expect(trays.at(-1)!.icon.state).toBe('idle');
  });

  it('snoozes from a notification button: the alert goes and comes back after the snooze', () => {
    const { clock, attention, notifications, withdrawn, promise } = setup('darwin');
    promise(2 * MINUTE_MS);
    clock.advance(2 * MINUTE_MS);
    const due = notifications.at(-1)!;
    const snooze = due.actions.find((action) => action.label === 'Snooze 5 min')!;
    expect(attention.perform(snooze.command)).toEqual({
      showWindow: false,
      navigate: null,
      quit: false,
      restartToUpdate: false,
    });
    expect(withdrawn.flat()).toContain(due.reminderId);
    const shownCount = notifications.length;
    clock.advance(4 * MINUTE_MS);
    expect(notifications).toHaveLength(shownCount);
    clock.advance(MINUTE_MS);
    expect(notifications).toHaveLength(shownCount + 1);
    expect(notifications.at(-1)!.subjectKey).toBe(due.subjectKey);
  });

  it('dismisses, and shrugs off a command for a reminder that has gone', () => {
    const { core, clock, attention, promise } = setup();
    promise(2 * MINUTE_MS);
    clock.advance(2 * MINUTE_MS);
    const fired = core.reminders.list().reminders.find((item) => item.state === 'fired')!;
    attention.perform({ type: 'dismiss', reminderId: fired.id });
    expect(core.reminders.scheduler.get(fired.id)!.state).toBe('dismissed');
    expect(attention.perform({ type: 'snooze', reminderId: 'gone' })).toEqual({
      showWindow: false,
      navigate: null,
      quit: false,
      restartToUpdate: false,
    });
  });

  it('asks the shell to show the window for navigation, and sends app:navigate on the bus', () => {
    const { attention, navigations } = setup();
    const request = {
      screen: 'compose',
      compose: { kind: 'incident_update', incidentId: 'inc-1', isHolding: true },
    } as const;
    expect(attention.perform({ type: 'navigate', request })).toEqual({
      showWindow: true,
      navigate: request,
      quit: false,
      restartToUpdate: false,
    });
    expect(attention.perform({ type: 'open' })).toEqual({
      showWindow: true,
      navigate: null,
      quit: false,
      restartToUpdate: false,
    });
    expect(attention.perform({ type: 'quit' })).toEqual({
      showWindow: false,
      navigate: null,
      quit: true,
      restartToUpdate: false,
    });
    expect(attention.perform({ type: 'restart_to_update' })).toEqual({
      showWindow: false,
      navigate: null,
      quit: false,
      restartToUpdate: true,
    });
    attention.navigate(request);
    expect(navigations).toEqual([request]);
  });

  it('re-reads the tray after a clock jump', () => {
    const { clock, trays, promise } = setup();
    promise(60 * MINUTE_MS);
    clock.set(clock.now() + 50 * MINUTE_MS);
    expect(trays.at(-1)!.icon.state).toBe('due_soon');
  });

  it('stops listening when stopped', () => {
    const { clock, attention, notifications, promise } = setup();
    attention.stop();
    promise(MINUTE_MS);
    clock.advance(MINUTE_MS);
    expect(notifications).toHaveLength(0);
  });
});

describe('the next instant the tray can change', () => {
  it('is the earliest entry into the due-soon window or due instant of an armed reminder', () => {
    const window = 15 * MINUTE_MS;
    expect(nextUrgencyChangeMs([], NOW_MS, window)).toBeNull();
    const inAnHour = reminder('incident_due', { dueAtMs: NOW_MS + 60 * MINUTE_MS });
    const inTen = reminder('incident_due', { dueAtMs: NOW_MS + 10 * MINUTE_MS });
    const fired = reminder('incident_due', { dueAtMs: NOW_MS - MINUTE_MS, state: 'fired' });
    expect(nextUrgencyChangeMs([inAnHour], NOW_MS, window)).toBe(NOW_MS + 45 * MINUTE_MS);
    expect(nextUrgencyChangeMs([inAnHour, inTen, fired], NOW_MS, window)).toBe(NOW_MS + 10 * MINUTE_MS);
  });
});
