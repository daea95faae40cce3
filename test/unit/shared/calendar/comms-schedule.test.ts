import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commsSchedule,
  defaultLeadTimes,
  reminderStageFor,
} from '../../../../shared/calendar/comms-schedule.ts';
import { instantFromWallTime, wallTimeInZone } from '../../../../shared/time/zoned.ts';
import { ZONE } from './event-fixtures.ts';

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const london = (year: number, month: number, day: number, hour: number, minute = 0) =>
  instantFromWallTime({ year, month, day, hour, minute }, ZONE);

function dueTimes(startsAtUtc: string, endsAtUtc: string, timeZone = ZONE, leadTimes = defaultLeadTimes) {
  return Object.fromEntries(
    commsSchedule({ startsAtUtc, endsAtUtc, timeZone }, leadTimes).map((comm) => [
      comm.stage,
      iso(comm.dueAtMs),
    ]),
  );
}

describe('the comms schedule of an event', () => {
  it('gives the cert-manager upgrade its four messages: a week before, a day before, at the start and at the end', () => {
    expect(dueTimes('2026-04-23T11:00:00.000Z', '2026-04-23T16:00:00.000Z')).toEqual({
      announcement: '2026-04-16T11:00:00.000Z',
      reminder: '2026-04-22T11:00:00.000Z',
      starting: '2026-04-23T11:00:00.000Z',
      complete: '2026-04-23T16:00:00.000Z',
    });
  });

  it('keeps 12:00 at 12:00 across the spring change (last Sunday of March): the week before is an hour longer in UTC terms', () => {
    // Fri 3 Apr 2026 12:00 BST; the announcement is Fri 27 Mar 12:00 GMT, before the clocks went forward on Sun 29 Mar.
    const due = dueTimes(iso(london(2026, 4, 3, 12)), iso(london(2026, 4, 3, 14)));
    expect(due).toMatchObject({
      announcement: '2026-03-27T12:00:00.000Z',
      reminder: '2026-04-02T11:00:00.000Z',
      starting: '2026-04-03T11:00:00.000Z',
    });
  });

  it('keeps 12:00 at 12:00 across the autumn change (last Sunday of October)', () => {
    // Mon 26 Oct 2026 12:00 GMT; the announcement is Mon 19 Oct 12:00 BST.
    const due = dueTimes(iso(london(2026, 10, 26, 12)), iso(london(2026, 10, 26, 13)));
    expect(due).toMatchObject({
      announcement: '2026-10-19T11:00:00.000Z',
      reminder: '2026-10-25T12:00:00.000Z',
      starting: '2026-10-26T12:00:00.000Z',
    });
  });

  it('puts a reminder for work on the Sunday of a change on the Saturday at the same wall time (23 or 25 hours before)', () => {
    const spring = london(2026, 3, 29, 12);
    const springReminder = commsSchedule(
      { startsAtUtc: iso(spring), endsAtUtc: iso(spring + 3_600_000), timeZone: ZONE },
      defaultLeadTimes,
    ).find((comm) => comm.stage === 'reminder')!;
    expect(spring - springReminder.dueAtMs).toBe(23 * 3_600_000);
    const autumn = london(2026, 10, 25, 12);
    const autumnReminder = commsSchedule(
      { startsAtUtc: iso(autumn), endsAtUtc: iso(autumn + 3_600_000), timeZone: ZONE },
      defaultLeadTimes,
    ).find((comm) => comm.stage === 'reminder')!;
    expect(autumn - autumnReminder.dueAtMs).toBe(25 * 3_600_000);
  });

  it('moves a lead time that lands in the skipped hour forward, like a clock would', () => {
    // Sun 5 Apr 2026 01:30 BST; a week before is Sun 29 Mar 01:30, which does not exist in London: 02:30 BST instead.
    const due = dueTimes(iso(london(2026, 4, 5, 1, 30)), iso(london(2026, 4, 5, 3)));
    expect(due.announcement).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTimeInZone(Date.parse(due.announcement!), ZONE)).toMatchObject({
      day: 29,
      hour: 2,
      minute: 30,
      zoneAbbreviation: 'BST',
    });
  });

  it('follows the lead times in the settings', () => {
    expect(
      dueTimes('2026-04-23T11:00:00.000Z', '2026-04-23T16:00:00.000Z', ZONE, {
        announcementDaysBefore: 14,
        reminderDaysBefore: 2,
      }),
    ).toMatchObject({
      announcement: '2026-04-09T11:00:00.000Z',
      reminder: '2026-04-21T11:00:00.000Z',
    });
  });

  it('counts days in the event’s own zone', () => {
    // 09:00 in New York on Mon 9 Mar 2026, the day after US clocks changed: a week before is 09:00 EST.
    expect(
      dueTimes('2026-03-09T13:00:00.000Z', '2026-03-09T14:00:00.000Z', 'America/New_York').announcement,
    ).toBe('2026-03-02T14:00:00.000Z');
  });

  it('always keeps the wall-clock time of the start for lead times, whatever the date in 2026 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 6 * 60, max: 22 * 60 }),
        (dayOfYear, minuteOfDay) => {
          const date = new Date(Date.UTC(2026, 0, 1 + dayOfYear));
          const startMs = london(
            date.getUTCFullYear(),
            date.getUTCMonth() + 1,
            date.getUTCDate(),
            Math.floor(minuteOfDay / 60),
            minuteOfDay % 60,
          );
          const start = wallTimeInZone(startMs, ZONE);
          for (const comm of commsSchedule(
            { startsAtUtc: iso(startMs), endsAtUtc: iso(startMs + 3_600_000), timeZone: ZONE },
            defaultLeadTimes,
          )) {
            if (comm.stage === 'complete') continue;
            const due = wallTimeInZone(comm.dueAtMs, ZONE);
            expect([due.hour, due.minute]).toEqual([start.hour, start.minute]);
          }
        },
      ),
    );
  });

  it('names the start stage as the reminder scheduler does', () => {
    expect(reminderStageFor('starting')).toBe('start');
    expect(reminderStageFor('announcement')).toBe('announcement');
  });
});
