import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { setupCalendar } from './calendar-fixture.ts';
import { lintIcs } from './rfc5545-lint.ts';

function exported(fixture: ReturnType<typeof setupCalendar>, id?: string): string {
  const result = fixture.calendar.exportIcs(id);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.ics;
}

/** Each VEVENT's alarms as [stage, trigger, description], read back by ical.js. */
function alarmsOf(ics: string): [string, string, string][][] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar
    .getAllSubcomponents('vevent')
    .map((event) =>
      event
        .getAllSubcomponents('valarm')
        .map((alarm) => [
          String(alarm.getFirstPropertyValue('x-herald-stage')),
          String(alarm.getFirstPropertyValue('trigger')),
          String(alarm.getFirstPropertyValue('description')),
        ]),
    );
}

describe('the comms schedule in the exported calendar', () => {
  it('gives each event an alarm for every message still to send, when it is due', () => {
    const fixture = setupCalendar();
    const event = fixture.create(certManagerFields()).event;
    const ics = exported(fixture);
    expect(lintIcs(ics)).toEqual([]);
    expect(alarmsOf(ics)).toEqual([
      [
        [
          'announcement',
          '2026-04-16T11:00:00Z',
          'Herald: send the announcement message for “Certificate Manager Upgrade” (due Thu 16 Apr 2026, 12:00 BST)',
        ],
        [
          'reminder',
          '2026-04-22T11:00:00Z',
          'Herald: send the reminder message for “Certificate Manager Upgrade” (due Wed 22 Apr 2026, 12:00 BST)',
        ],
        [
          'starting',
          '2026-04-23T11:00:00Z',
          'Herald: send the starting now message for “Certificate Manager Upgrade” (due Thu 23 Apr 2026, 12:00 BST)',
        ],
        [
          'complete',
          '2026-04-23T16:00:00Z',
          'Herald: send the complete message for “Certificate Manager Upgrade” (due Thu 23 Apr 2026, 17:00 BST)',
        ],
      ],
    ]);
    // A message marked sent has no alarm; a cancelled event has none at all.
    fixture.calendar.markSent(event.id, 'announcement');
    expect(alarmsOf(exported(fixture, event.id))[0]!.map(([stage]) => stage)).toEqual([
      'reminder',
      'starting',
      'complete',
    ]);
    fixture.calendar.cancel(event.id, 'Postponed');
    expect(alarmsOf(exported(fixture, event.id))).toEqual([[]]);
  });

  it('follows the lead times, and re-imports without creating extra events', () => {
    const fixture = setupCalendar();
    fixture.calendar.updateSettings({ leadTimes: { announcementDaysBefore: 14, reminderDaysBefore: 2 } });
    fixture.create(certManagerFields());
    const ics = exported(fixture);
    expect(
      alarmsOf(ics)[0]!
        .slice(0, 2)
        .map(([stage, trigger]) => [stage, trigger]),
    ).toEqual([
      ['announcement', '2026-04-09T11:00:00Z'],
      ['reminder', '2026-04-21T11:00:00Z'],
    ]);
    const before = structuredClone(fixture.calendarStore.read());
    expect(fixture.calendar.importIcs(ics)).toEqual({
      ok: true,
      value: { created: 0, updated: 0, unchanged: 1, problems: [] },
    });
    expect(fixture.calendarStore.read()).toEqual(before);
    const other = setupCalendar();
    expect(other.calendar.importIcs(ics)).toMatchObject({ ok: true, value: { created: 1, problems: [] } });
    expect(other.calendarStore.read().events).toHaveLength(1);
  });
});
