// The notification centre, the desktop notification and the tray must name
// the same instant for a maintenance message as the calendar's comms
// schedule: when the message is due, not when the work starts. And an event
// imported after a message's time has passed is "overdue since", never
// "missed while your computer was asleep".
import { describe, expect, it } from 'vitest';
import { notificationFor } from '../../../../../electron/core/notifications/notification-content.ts';
import { hostCapabilities } from '../../../../../electron/core/notifications/host-capabilities.ts';
import { describeTiming } from '../../../../../renderer/features/notifications/reminder-text.ts';
import { attentionItems } from '../../../../../shared/reminders/attention.ts';
import { reminderStageFor, isTimedStage } from '../../../../../shared/calendar/comms-schedule.ts';
import { describeInstant } from '../../../../../shared/reminders/reminder-wording.ts';
import type { Reminder } from '../../../../../shared/reminders/reminder.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { setupCalendar, type CalendarFixture } from './calendar-fixture.ts';

const ZONE = 'Europe/London';
/** Tue 15 Dec 2026, 10:00–12:00 GMT: the announcement is due Tue 8 Dec 10:00, the reminder Mon 14 Dec 10:00. */
const maintenanceOn15Dec = certManagerFields({
  startsAtUtc: '2026-12-15T10:00:00.000Z',
  endsAtUtc: '2026-12-15T12:00:00.000Z',
  userActionDeadlineUtc: null,
});
const centreOptions = { dueSoonWindowMs: 15 * 60_000, includeUpcoming: true };
const notificationContext = {
  timeZone: ZONE,
  isSoundEnabled: true,
  snoozeMs: 5 * 60_000,
  capabilities: hostCapabilities('linux'),
};

function centreTextFor(fixture: CalendarFixture, reminder: Reminder): string {
  const item = attentionItems(fixture.scheduler.list(), fixture.clock.now(), centreOptions).find(
    (entry) => entry.reminder.id === reminder.id,
  );
  if (!item) throw new Error(`the notification centre does not list ${reminder.id}`);
  return describeTiming(item, fixture.clock.now(), ZONE);
}

function openReminderOf(fixture: CalendarFixture, stage: string): Reminder {
  const found = fixture.scheduler
    .list()
    .find(
      (reminder) =>
        reminder.subject.type === 'maintenance' &&
        reminder.subject.stage === stage &&
        (reminder.state === 'armed' || reminder.state === 'fired'),
    );
  if (!found) throw new Error(`no open reminder for ${stage}`);
  return found;
}

describe('the notification centre’s due time for a maintenance message', () => {
  it('is the calendar’s due time for each of the event’s messages', () => {
    const fixture = setupCalendar({ startMs: Date.parse('2026-12-01T09:00:00Z') });
    const detail = fixture.create(maintenanceOn15Dec);
    const timed = detail.comms.filter((comm) => isTimedStage(comm.stage));
    expect(timed.map((comm) => comm.stage)).toEqual(['announcement', 'reminder', 'starting', 'complete']);
    for (const comm of timed) {
      if (!isTimedStage(comm.stage) || comm.dueAtUtc === null)
        throw new Error(`${comm.stage} has no due time`);
      const reminder = openReminderOf(fixture, reminderStageFor(comm.stage));
      const calendarDue = describeInstant(Date.parse(comm.dueAtUtc), fixture.clock.now(), ZONE);
      expect(centreTextFor(fixture, reminder), comm.stage).toContain(`(${calendarDue})`);
    }
    const announcement = openReminderOf(fixture, 'announcement');
    expect(centreTextFor(fixture, announcement)).toMatch(
      /^Maintenance announcement due in .* \(Tue 8 Dec, 10:00 GMT\)$/,
    );
    expect(centreTextFor(fixture, announcement)).not.toContain('15 Dec');
  });

  it('is the same in the desktop notification when the announcement fires, and the alert is not "missed"', () => {
    const fixture = setupCalendar({ startMs: Date.parse('2026-12-01T09:00:00Z') });
    const detail = fixture.create(maintenanceOn15Dec);
    const calendarDue = detail.comms.find((comm) => comm.stage === 'announcement')?.dueAtUtc;
    expect(calendarDue).toBe('2026-12-08T10:00:00.000Z');
    fixture.clock.advance(Date.parse(calendarDue!) - fixture.clock.now());
    expect(fixture.firings).toHaveLength(1);
    const firing = fixture.firings[0]!;
    expect(firing.wasLate).toBe(false);
    const spec = notificationFor(firing, notificationContext);
    expect(spec.title).toBe('Maintenance announcement due now: Certificate Manager Upgrade');
    expect(spec.body).toBe('Due 10:00 GMT. Open it in Herald to check and send.');
    expect(centreTextFor(fixture, firing.reminder)).toBe('Maintenance announcement due now (10:00 GMT)');
  });

  it('says "overdue since" the calendar’s due time for an event imported after its announcement was due, never "missed while asleep"', () => {
    // Thu 10 Dec: the announcement was due on Tue 8 Dec, before Herald knew of the event.
    const fixture = setupCalendar({ startMs: Date.parse('2026-12-10T09:00:00Z') });
    const detail = fixture.create(maintenanceOn15Dec);
    expect(detail.comms.find((comm) => comm.stage === 'announcement')).toMatchObject({
      dueAtUtc: '2026-12-08T10:00:00.000Z',
      state: 'overdue',
    });
    // Armed after its instant had passed, it fires at once: an alert, but not a missed one.
    expect(fixture.firings.map((firing) => [firing.reminder.subject, firing.wasLate])).toEqual([
      [{ type: 'maintenance', eventId: 'id-1', stage: 'announcement' }, false],
    ]);
    const firing = fixture.firings[0]!;
    expect(firing.reminder.wasLate).toBe(false);
    const spec = notificationFor(firing, notificationContext);
    expect(spec.title).toBe('Maintenance announcement overdue: Certificate Manager Upgrade');
    expect(spec.body).toBe('Overdue since Tue 8 Dec, 10:00 GMT. Open it in Herald to check and send.');
    expect(spec.body).not.toMatch(/asleep|Missed/);
    expect(centreTextFor(fixture, firing.reminder)).toMatch(
      /^Maintenance announcement overdue since Tue 8 Dec, 10:00 GMT \(.+ late\)$/,
    );
  });

  it('still says "missed" for an announcement armed in time whose instant passed while the computer slept', () => {
    const fixture = setupCalendar({ startMs: Date.parse('2026-12-01T09:00:00Z') });
    fixture.create(maintenanceOn15Dec);
    // Asleep from 1 Dec to 9 Dec: no timer ran; waking checks and fires the announcement late.
    fixture.clock.set(Date.parse('2026-12-09T08:00:00Z'));
    const announcement = fixture.firings.find(
      (firing) =>
        firing.reminder.subject.type === 'maintenance' && firing.reminder.subject.stage === 'announcement',
    );
    expect(announcement?.wasLate).toBe(true);
    expect(notificationFor(announcement!, notificationContext).body).toContain(
      'Missed while your computer was asleep or Herald was closed.',
    );
  });
});
