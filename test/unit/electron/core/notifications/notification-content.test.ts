import { describe, expect, it } from 'vitest';
import {
  notificationFor,
  type NotificationContext,
} from '../../../../../electron/core/notifications/notification-content.ts';
import { linux, mac, MINUTE_MS, NOW_MS, reminder, windows } from './fixtures.ts';

const context = (overrides: Partial<NotificationContext> = {}): NotificationContext => ({
  timeZone: 'Europe/London',
  isSoundEnabled: true,
  snoozeMs: 5 * MINUTE_MS,
  capabilities: linux,
  ...overrides,
});

const promisedAtMs = NOW_MS + 30 * MINUTE_MS;

describe('what a reminder notification says', () => {
  it('names the incident and the promised time in the user’s zone, five minutes ahead', () => {
    const headsUp = reminder('incident_heads_up', {
      dueAtMs: promisedAtMs - 5 * MINUTE_MS,
      eventAtMs: promisedAtMs,
    });
    const spec = notificationFor(
      { reminder: headsUp, wasLate: false, firedAtMs: promisedAtMs - 5 * MINUTE_MS },
      context(),
    );
    expect(spec.title).toBe('Update due in 5 min: Sentry unavailable');
    expect(spec.body).toBe(
      'You promised the next update for 10:30 BST. Post it, or send a holding update with a new time.',
    );
    expect(spec).toMatchObject({
      urgency: 'normal',
      isSticky: false,
      isSilent: false,
      subjectKey: 'incident:inc-1',
    });
  });

  it('says how late an overdue update is, and stays on screen until dealt with', () => {
    const overdue = reminder('incident_overdue', {
      dueAtMs: promisedAtMs + 5 * MINUTE_MS,
      eventAtMs: promisedAtMs,
    });
    const spec = notificationFor(
      { reminder: overdue, wasLate: false, firedAtMs: promisedAtMs + 10 * MINUTE_MS },
      context({ timeZone: 'America/New_York' }),
    );
    expect(spec.title).toBe('Update overdue: Sentry unavailable');
    expect(spec.body).toContain('The update promised for 05:30 EDT is 10 minutes late.');
    expect(spec).toMatchObject({ urgency: 'critical', isSticky: true });
  });

  it('says when a reminder was missed while the computer slept', () => {
    const due = reminder('incident_due', { dueAtMs: promisedAtMs });
    const spec = notificationFor(
      { reminder: due, wasLate: true, firedAtMs: promisedAtMs + 3 * 60 * MINUTE_MS },
      context(),
    );
    expect(spec.body).toMatch(/Missed while your computer was asleep or Herald was closed\.$/);
  });

  it('shows the day as well when the promised time is not today', () => {
    const due = reminder('incident_due', { dueAtMs: NOW_MS });
    const spec = notificationFor(
      { reminder: due, wasLate: true, firedAtMs: NOW_MS + 24 * 60 * MINUTE_MS },
      context(),
    );
    expect(spec.body).toContain('for Mon 20 Apr, 10:00 BST');
  });

  it('is silent when sounds are off', () => {
    const due = reminder('incident_due');
    expect(
      notificationFor(
        { reminder: due, wasLate: false, firedAtMs: NOW_MS },
        context({ isSoundEnabled: false }),
      ).isSilent,
    ).toBe(true);
  });

  it('opens the holding update when a due or overdue promise is clicked, and the next update for a heads-up', () => {
    const holding = {
      type: 'navigate',
      request: {
        screen: 'compose',
        compose: { kind: 'incident_update', incidentId: 'inc-1', isHolding: true },
      },
    };
    for (const kind of ['incident_due', 'incident_overdue'] as const)
      expect(
        notificationFor({ reminder: reminder(kind), wasLate: false, firedAtMs: NOW_MS }, context()).click,
      ).toEqual(holding);
    expect(
      notificationFor(
        { reminder: reminder('incident_heads_up'), wasLate: false, firedAtMs: NOW_MS },
        context(),
      ).click,
    ).toEqual({
      type: 'navigate',
      request: {
        screen: 'compose',
        compose: { kind: 'incident_update', incidentId: 'inc-1', isHolding: false },
      },
    });
  });

  it('offers Post holding update first, then Post update and Snooze, as buttons on macOS and Windows toasts; Linux gets a plain click', () => {
    const due = reminder('incident_due');
    const fired = { reminder: due, wasLate: false, firedAtMs: NOW_MS };
    const onLinux = notificationFor(fired, context({ capabilities: linux }));
    expect(onLinux.actions).toEqual([]);
    expect(onLinux.click).toEqual({
      type: 'navigate',
      request: {
        screen: 'compose',
        compose: { kind: 'incident_update', incidentId: 'inc-1', isHolding: true },
      },
    });
    expect(notificationFor(fired, context({ capabilities: windows })).actions).toEqual(
      notificationFor(fired, context({ capabilities: mac })).actions,
    );
    const { actions } = notificationFor(fired, context({ capabilities: mac }));
    expect(actions.map((action) => action.label)).toEqual([
      'Post holding update',
      'Post update',
      'Snooze 5 min',
    ]);
    expect(actions.map((action) => action.command)).toEqual([
      {
        type: 'navigate',
        request: {
          screen: 'compose',
          compose: { kind: 'incident_update', incidentId: 'inc-1', isHolding: true },
        },
      },
      {
        type: 'navigate',
        request: {
          screen: 'compose',
          compose: { kind: 'incident_update', incidentId: 'inc-1', isHolding: false },
        },
      },
      { type: 'snooze', reminderId: due.id },
    ]);
    const headsUp = notificationFor(
      { reminder: reminder('incident_heads_up'), wasLate: false, firedAtMs: NOW_MS },
      context({ capabilities: mac }),
    );
    expect(headsUp.actions.map((action) => action.label)).toEqual([
      'Post update',
      'Snooze 5 min',
      'Post holding update',
    ]);
  });

  it('labels the snooze button with the snooze length from the settings', () => {
    const fired = { reminder: reminder('incident_due'), wasLate: false, firedAtMs: NOW_MS };
    expect(
      notificationFor(fired, context({ capabilities: mac, snoozeMs: 90 * MINUTE_MS })).actions[2]!.label,
    ).toBe('Snooze 1 h 30 min');
  });

  it('names the maintenance message due and opens the plan’s stage for it', () => {
    const start = reminder('maintenance_comm', {
      subject: { type: 'maintenance', eventId: 'ev-7', stage: 'start' },
      title: 'Jira & Confluence upgrade',
    });
    const spec = notificationFor(
      { reminder: start, wasLate: false, firedAtMs: NOW_MS },
      context({ capabilities: mac }),
    );
    expect(spec.title).toBe('Maintenance "starting now" message due now: Jira & Confluence upgrade');
    expect(spec.body).toBe('Due 10:00 BST. Open it in Herald to check and send.');
    expect(spec.click).toEqual({
      type: 'navigate',
      request: {
        screen: 'compose',
        compose: { kind: 'maintenance_comm', eventId: 'ev-7', stage: 'starting' },
      },
    });
    expect(spec.actions.map((action) => action.label)).toEqual(['Write it', 'Snooze 5 min', 'Dismiss']);
    expect(spec).toMatchObject({ urgency: 'normal', isSticky: false });
  });

  it('names a plan duty and opens the composer on it', () => {
    const duty = reminder('plan_duty', {
      subject: { type: 'duty', dutyId: 'successes-cto' },
      title: 'Weekly successes for the CTO',
    });
    const spec = notificationFor({ reminder: duty, wasLate: false, firedAtMs: NOW_MS }, context());
    expect(spec.title).toBe('Plan duty due now: Weekly successes for the CTO');
    expect(spec.click).toEqual({
      type: 'navigate',
      request: { screen: 'compose', compose: { kind: 'duty', dutyId: 'successes-cto' } },
    });
  });

  it('says a calendar message is overdue, since when, when it fires after the message’s time, and "missed" only if it was', () => {
    const dueMs = NOW_MS - 2 * 24 * 60 * MINUTE_MS;
    const announcement = reminder('maintenance_comm', {
      subject: { type: 'maintenance', eventId: 'ev-7', stage: 'announcement' },
      title: 'Jira upgrade',
      dueAtMs: dueMs,
    });
    const importedLate = notificationFor(
      { reminder: announcement, wasLate: false, firedAtMs: NOW_MS },
      context(),
    );
    expect(importedLate.title).toBe('Maintenance announcement overdue: Jira upgrade');
    expect(importedLate.body).toBe(
      'Overdue since Sat 18 Apr, 10:00 BST. Open it in Herald to check and send.',
    );
    expect(importedLate.body).not.toContain('asleep');
    const missed = notificationFor({ reminder: announcement, wasLate: true, firedAtMs: NOW_MS }, context());
    expect(missed.body).toContain('Missed while your computer was asleep or Herald was closed.');
    const duty = reminder('plan_duty', {
      subject: { type: 'duty', dutyId: 'weeknotes' },
      title: 'SMT weeknotes',
      dueAtMs: NOW_MS - 30 * MINUTE_MS,
    });
    const lateDuty = notificationFor({ reminder: duty, wasLate: false, firedAtMs: NOW_MS }, context());
    expect(lateDuty.title).toBe('Plan duty overdue: SMT weeknotes');
    expect(lateDuty.body).toBe('A regular item from your communications plan, overdue since 09:30 BST.');
  });
});
