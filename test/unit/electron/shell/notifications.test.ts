import { beforeEach, describe, expect, it } from 'vitest';
import type { AttentionCommand } from '../../../../electron/core/notifications/attention-commands.ts';
import type { NotificationSpec } from '../../../../electron/core/notifications/notification-content.ts';
import { createMemoryLogger } from '../../../../electron/core/logging/logger.ts';
import { createNativeNotifier } from '../../../../electron/shell/notifications.ts';
import { Notification, resetFakeElectron } from '../../../fakes/electron.ts';

const postUpdate: AttentionCommand = {
  type: 'navigate',
  request: { screen: 'compose', compose: { kind: 'incident_update', incidentId: 'inc-1', isHolding: false } },
};
const holding: AttentionCommand = {
  type: 'navigate',
  request: { screen: 'compose', compose: { kind: 'incident_update', incidentId: 'inc-1', isHolding: true } },
};

function spec(overrides: Partial<NotificationSpec> = {}): NotificationSpec {
  return {
    reminderId: 'r1',
    subjectKey: 'incident:inc-1',
    title: 'Update due now: Sentry unavailable',
    body: 'You promised the next update for 10:30 BST.',
    isSilent: true,
    urgency: 'critical',
    isSticky: true,
    click: postUpdate,
    actions: [
      { label: 'Post update', command: postUpdate },
      { label: 'Snooze 5 min', command: { type: 'snooze', reminderId: 'r1' } },
      { label: 'Post holding update', command: holding },
    ],
    ...overrides,
  };
}

function setup() {
  const commands: AttentionCommand[] = [];
  const notifier = createNativeNotifier({
    onCommand: (command) => commands.push(command),
    logger: createMemoryLogger(),
  });
  return { commands, notifier };
}

describe('native notifications', () => {
  beforeEach(() => resetFakeElectron());

  it('shows the spec as given, with its actions as buttons', () => {
    const { notifier } = setup();
    notifier.show(spec());
    expect(Notification.shown[0]!.options).toEqual({
      title: 'Update due now: Sentry unavailable',
      body: 'You promised the next update for 10:30 BST.',
      silent: true,
      urgency: 'critical',
      timeoutType: 'never',
      actions: [
        { type: 'button', text: 'Post update' },
        { type: 'button', text: 'Snooze 5 min' },
        { type: 'button', text: 'Post holding update' },
      ],
    });
  });

  it('passes clicks and button presses back as commands', () => {
    const { commands, notifier } = setup();
    notifier.show(spec());
    const shown = Notification.shown[0]!;
    shown.click();
    shown.pressAction(1);
    shown.pressAction(2);
    shown.pressAction(7);
    expect(commands).toEqual([postUpdate, { type: 'snooze', reminderId: 'r1' }, holding]);
  });

  it('reads the pressed button from the event details, and from the older positional index', () => {
    const { commands, notifier } = setup();
    notifier.show(spec());
    const shown = Notification.shown[0]!;
    shown.pressActionLegacy(1);
    shown.pressAction(0);
    expect(commands).toEqual([{ type: 'snooze', reminderId: 'r1' }, postUpdate]);
  });

  it('keeps one notification per subject, and withdraws those of settled reminders', () => {
    const { notifier } = setup();
    notifier.show(spec());
    notifier.show(spec({ reminderId: 'r2', title: 'Update overdue: Sentry unavailable' }));
    notifier.show(spec({ reminderId: 'r3', subjectKey: 'incident:inc-2' }));
    expect(Notification.shown.map((shown) => shown.isClosed)).toEqual([true, false, false]);
    notifier.withdraw(['r3', 'unknown']);
    expect(Notification.shown.map((shown) => shown.isClosed)).toEqual([true, false, true]);
    notifier.closeAll();
    expect(Notification.shown.every((shown) => shown.isClosed)).toBe(true);
  });

  it('shows nothing where the system has no notifications', () => {
    Notification.isSupportedValue = false;
    const { notifier } = setup();
    notifier.show(spec());
    expect(Notification.shown).toHaveLength(0);
  });
});
