import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { daysBefore } from '../../../../../electron/core/calendar/ics/ics-alarms.ts';
import { zoneOffsets } from '../../../../../electron/core/calendar/ics/ics-timezone.ts';
import { addDaysInZone } from '../../../../../shared/time/zoned.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { setupCalendar } from './calendar-fixture.ts';
import { lintIcs } from './rfc5545-lint.ts';

function exported(fixture: ReturnType<typeof setupCalendar>, id?: string): string {
  const result = fixture.calendar.exportIcs(id);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.ics;
}

/** Each VEVENT's alarms as [action, trigger, description], read back by ical.js. */
function alarmsOf(ics: string): string[][][] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar
    .getAllSubcomponents('vevent')
    .map((event) =>
      event
        .getAllSubcomponents('valarm')
        .map((alarm) =>
          ['action', 'trigger', 'description'].map((name) => String(alarm.getFirstPropertyValue(name))),
        ),
    );
}

describe('the comms schedule in the exported calendar', () => {
  it('gives each event an alarm for each message due before the work and still to send, when it is due', () => {
    const fixture = setupCalendar();
    const event = fixture.create(certManagerFields()).event;
    const ics = exported(fixture);
    expect(lintIcs(ics)).toEqual([]);
    expect(alarmsOf(ics)).toEqual([
      [
        // 12:00 BST a week and a day before the 12:00 start.
        ['DISPLAY', '2026-04-16T11:00:00Z', 'Herald: send the announcement message'],
        ['DISPLAY', '2026-04-22T11:00:00Z', 'Herald: send the reminder message'],
      ],
    ]);
    // A message marked sent has no alarm; a cancelled event has none at all.
    fixture.calendar.markSent(event.id, 'announcement');
    expect(alarmsOf(exported(fixture, event.id))).toEqual([
      [['DISPLAY', '2026-04-22T11:00:00Z', 'Herald: send the reminder message']],
    ]);
    fixture.calendar.cancel(event.id, 'Postponed');
    expect(alarmsOf(exported(fixture, event.id))).toEqual([[]]);
  });

  it('follows the lead times, and re-imports without creating extra events', () => {
    const fixture = setupCalendar();
    fixture.calendar.updateSettings({ leadTimes: { announcementDaysBefore: 14, reminderDaysBefore: 2 } });
    fixture.create(certManagerFields());
    const ics = exported(fixture);
    expect(alarmsOf(ics)[0]!.map(([, trigger]) => trigger)).toEqual([
      '2026-04-09T11:00:00Z',
      '2026-04-21T11:00:00Z',
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

  it('time each alarm as the schedule does (calendar days in the event’s zone), across clock changes, from the offset table', () => {
    let compared = 0;
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC']) {
      const offsets = zoneOffsets(zone, 2025, 2027);
      // Every 11 hours 23 minutes through 2026, so starts land in and around each clock change's hours.
      for (
        let startMs = Date.UTC(2026, 0, 1);
        startMs < Date.UTC(2027, 0, 1);
        startMs += 11 * 3_600_000 + 23 * 60_000
      ) {
        for (const days of [1, 7, 90]) {
          expect(daysBefore(startMs, days, zone, offsets)).toBe(addDaysInZone(startMs, -days, zone));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(9_000);
    // Across the clocks going forward: 12:00 BST on 31 March is announced at 12:00 GMT on 24 March.
    expect(
      new Date(
        daysBefore(
          Date.parse('2026-03-31T11:00:00Z'),
          7,
          'Europe/London',
          zoneOffsets('Europe/London', 2025, 2027),
        ),
      ).toISOString(),
    ).toBe('2026-03-24T12:00:00.000Z');
  });
});
