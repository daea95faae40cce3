import { describe, expect, it } from 'vitest';
import { holidayCheck, isKnownHolidayRegion } from '../../../../../electron/core/calendar/holidays.ts';
import { calendarSettingsSchema } from '../../../../../shared/calendar/calendar-settings.ts';
import { setupCalendar } from './calendar-fixture.ts';

describe('public holidays for plan duties', () => {
  it('come from the bundled holiday data, England by default, public and bank holidays only', () => {
    const england = holidayCheck('GB-ENG');
    expect(england('2026-12-25')).toBe('Christmas Day');
    expect(england('2026-12-28')).toBe('Boxing Day (substitute day)');
    expect(england('2026-04-06')).toBe('Easter Monday');
    // Mother's Day is an observance, not a day off; 2 January is a holiday in Scotland only.
    expect(england('2026-03-15')).toBeNull();
    expect(england('2027-01-04')).toBeNull();
    expect(holidayCheck('GB-SCT')('2026-01-02')).toBe('January 2nd');
    expect(holidayCheck('')('2026-12-25')).toBeNull();
    expect([
      isKnownHolidayRegion('GB-ENG'),
      isKnownHolidayRegion('DE'),
      isKnownHolidayRegion(''),
      isKnownHolidayRegion('GB-XYZ'),
      isKnownHolidayRegion('ZZ'),
    ]).toEqual([true, true, true, false, false]);
  });

  it('move a duty that would fall on 25 December to the working day before', () => {
    const fixture = setupCalendar({ startMs: Date.parse('2026-12-20T09:00:00Z') });
    const list = fixture.calendar.list(
      Date.parse('2026-12-21T00:00:00Z'),
      Date.parse('2027-01-04T00:00:00Z'),
    );
    expect(
      list.duties
        .filter((duty) => duty.typeId === 'successes-cto')
        .map((duty) => [duty.dutyId, duty.dateKey, duty.dueAtUtc]),
    ).toEqual([
      ['successes-cto:2026-12-25', '2026-12-24', '2026-12-24T10:00:00.000Z'],
      ['successes-cto:2027-01-01', '2026-12-31', '2026-12-31T10:00:00.000Z'],
    ]);
    // The reminder is armed for the day it moved to.
    fixture.calendar.sync();
    const reminder = fixture.scheduler
      .list()
      .find(
        (candidate) =>
          candidate.subject.type === 'duty' && candidate.subject.dutyId === 'successes-cto:2026-12-25',
      );
    expect(reminder?.dueAtUtc).toBe('2026-12-24T10:00:00.000Z');
  });

  it('follow the region setting; old settings files load with England; an unknown region is refused', async () => {
    expect(
      calendarSettingsSchema.parse({
        leadTimes: { announcementDaysBefore: 7, reminderDaysBefore: 1 },
        dutySchedules: {},
        weekStartsOn: 1,
      }).holidayRegion,
    ).toBe('GB-ENG');
    const fixture = setupCalendar({ startMs: Date.parse('2026-12-20T09:00:00Z') });
    const { handlers } = fixture.calendar;
    const refused = await handlers['calendar:updateSettings']({ holidayRegion: 'GB-XYZ' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: expect.stringContaining('Herald has no public holidays for "GB-XYZ"'),
      },
    });
    expect(fixture.calendar.settings().holidayRegion).toBe('GB-ENG');
    expect(await handlers['calendar:updateSettings']({ holidayRegion: '' })).toMatchObject({
      ok: true,
      value: { settings: { holidayRegion: '' } },
    });
    const list = fixture.calendar.list(
      Date.parse('2026-12-21T00:00:00Z'),
      Date.parse('2026-12-28T00:00:00Z'),
    );
    expect(list.duties.find((duty) => duty.typeId === 'successes-cto')?.dateKey).toBe('2026-12-25');
  });
});
