// What the import makes of real files from another calendar project's test
// corpus (ical.js's samples: Google Calendar, Zimbra, hand-written), not only
// of files Herald wrote. See test/fixtures/ics/README.md for their source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../../../electron/core/calendar/ics/ics-import.ts';

const ZONE = 'Europe/London';

function imported(name: string, nowUtc: string) {
  const result = parseIcs(
    readFileSync(new URL(`../../../../fixtures/ics/${name}`, import.meta.url), 'utf8'),
    ZONE,
    Date.parse(nowUtc),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const rows = (events: ReturnType<typeof imported>['events']) =>
  events.map((event) => [
    event.fields.title,
    event.fields.startsAtUtc,
    event.fields.endsAtUtc,
    event.recurrenceId,
  ]);

describe('files from ical.js’s samples', () => {
  it('Google: a date with no end is one day; a date-time with no end is a moment, in its zone', () => {
    const day = imported('icaljs-only_dtstart_date.ics', '2012-06-01T00:00:00Z');
    expect(day.problems).toEqual([]);
    // No zone on a date: the lead's own.
    expect(rows(day.events)).toEqual([
      ['Really long event name thing', '2012-06-29T23:00:00.000Z', '2012-06-30T23:00:00.000Z', null],
    ]);
    const moment = imported('icaljs-only_dtstart_time.ics', '2012-06-01T00:00:00Z');
    expect(rows(moment.events)).toEqual([
      ['Really long event name thing', '2012-06-30T13:00:00.000Z', '2012-06-30T13:00:00.000Z', null],
    ]);
    expect(moment.events[0]).toMatchObject({
      uid: 'dn4vrfmfn5p05roahsopg57h48@example.com',
      fields: { timeZone: 'America/Los_Angeles' },
    });
  });

  it('Zimbra: a monthly rule with UNTIL and two RDATEs, in Los Angeles time across its clock change', () => {
    const result = imported('icaljs-recur_instances_finite.ics', '2012-09-15T00:00:00Z');
    expect(result.problems).toEqual([]);
    expect(rows(result.events)).toEqual([
      [
        'Crazy Event Thingy!',
        '2012-10-02T17:00:00.000Z',
        '2012-10-02T17:30:00.000Z',
        '2012-10-02T17:00:00.000Z',
      ],
      // 10:00 PST once the clocks went back on 4 November.
      [
        'Crazy Event Thingy!',
        '2012-11-05T18:00:00.000Z',
        '2012-11-05T18:30:00.000Z',
        '2012-11-05T18:00:00.000Z',
      ],
      [
        'Crazy Event Thingy!',
        '2012-11-06T18:00:00.000Z',
        '2012-11-06T18:30:00.000Z',
        '2012-11-06T18:00:00.000Z',
      ],
      [
        'Crazy Event Thingy!',
        '2012-11-10T18:00:00.000Z',
        '2012-11-10T18:30:00.000Z',
        '2012-11-10T18:00:00.000Z',
      ],
      [
        'Crazy Event Thingy!',
        '2012-12-04T18:00:00.000Z',
        '2012-12-04T18:30:00.000Z',
        '2012-12-04T18:00:00.000Z',
      ],
    ]);
    expect(new Set(result.events.map((event) => event.seriesUid))).toEqual(
      new Set(['623c13c0-6c2b-45d6-a12b-c33ad61c4868']),
    );
    expect(result.events[0]!.warnings).toEqual([
      'it repeats: 5 occurrences, Tue 2 Oct 2012 to Tue 4 Dec 2012, each imported as its own event in one series',
    ]);
  });

  it('Zimbra: an endless rule with EXDATEs and two RECURRENCE-ID instances (one given in UTC) that replace their occurrences', () => {
    const result = imported('icaljs-recur_instances.ics', '2012-09-15T00:00:00Z');
    expect(result.problems).toEqual([]);
    expect(result.events).toHaveLength(24);
    expect(rows(result.events.slice(0, 7))).toEqual([
      // Moved from 10:00 to 15:00 the same day.
      [
        'Crazy Event Thingy!',
        '2012-10-02T22:00:00.000Z',
        '2012-10-02T22:30:00.000Z',
        '2012-10-02T17:00:00.000Z',
      ],
      // The RDATE of 5 November 10:00 PST, named in UTC by its RECURRENCE-ID, moved to 6 November 20:00 PST.
      [
        'Crazy Event Thingy!',
        '2012-11-07T04:00:00.000Z',
        '2012-11-07T04:30:00.000Z',
        '2012-11-05T18:00:00.000Z',
      ],
      [
        'Crazy Event Thingy!',
        '2012-11-06T18:00:00.000Z',
        '2012-11-06T18:30:00.000Z',
        '2012-11-06T18:00:00.000Z',
      ],
      [
        'Crazy Event Thingy!',
        '2012-11-10T18:00:00.000Z',
        '2012-11-10T18:30:00.000Z',
        '2012-11-10T18:00:00.000Z',
      ],
      [
        'Crazy Event Thingy!',
        '2012-11-30T18:00:00.000Z',
        '2012-11-30T18:30:00.000Z',
        '2012-11-30T18:00:00.000Z',
      ],
      // 4 December, 5 February and 2 April are excluded (EXDATE).
      [
        'Crazy Event Thingy!',
        '2013-01-01T18:00:00.000Z',
        '2013-01-01T18:30:00.000Z',
        '2013-01-01T18:00:00.000Z',
      ],
      [
        'Crazy Event Thingy!',
        '2013-03-05T18:00:00.000Z',
        '2013-03-05T18:30:00.000Z',
        '2013-03-05T18:00:00.000Z',
      ],
    ]);
    expect(result.events[0]!.warnings).toEqual([
      'it repeats: 24 occurrences, Tue 2 Oct 2012 to Tue 2 Sep 2014, each imported as its own event in one series; later occurrences are beyond the two-year horizon; import the file again later to add them',
    ]);
  });

  it('Google: a daily rule with no end stops at the two-year horizon', () => {
    const result = imported('icaljs-daily_recur.ics', '2012-08-01T00:00:00Z');
    expect(result.problems).toEqual([]);
    expect(result.events).toHaveLength(731);
    expect(rows([result.events[0]!, result.events.at(-1)!])).toEqual([
      [
        'Every day recurring',
        '2012-08-01T12:00:00.000Z',
        '2012-08-01T13:00:00.000Z',
        '2012-08-01T12:00:00.000Z',
      ],
      // 05:00 PDT two years on.
      [
        'Every day recurring',
        '2014-08-01T12:00:00.000Z',
        '2014-08-01T13:00:00.000Z',
        '2014-08-01T12:00:00.000Z',
      ],
    ]);
  });

  it('hand-written: a daily count of four with no title, no end and one day excluded', () => {
    const result = imported('icaljs-rdate_exdate.ics', '2024-06-01T00:00:00Z');
    expect(result.problems).toEqual([]);
    // A moment each day at 03:00 UTC; 11 June is excluded by a DATE-valued EXDATE.
    expect(
      result.events.map((event) => [
        event.uid,
        event.fields.title,
        event.fields.startsAtUtc,
        event.fields.endsAtUtc,
      ]),
    ).toEqual([
      ['123/20240609T030000Z', 'Untitled event', '2024-06-09T03:00:00.000Z', '2024-06-09T03:00:00.000Z'],
      ['123/20240610T030000Z', 'Untitled event', '2024-06-10T03:00:00.000Z', '2024-06-10T03:00:00.000Z'],
      ['123/20240612T030000Z', 'Untitled event', '2024-06-12T03:00:00.000Z', '2024-06-12T03:00:00.000Z'],
    ]);
    expect(result.events[0]!.warnings).toEqual([
      'it has no title (SUMMARY), so it is called "Untitled event"; edit the title after importing',
      'it has no end (DTEND or DURATION), so it is a moment with no length; give it an end when you edit it',
      'it repeats: 3 occurrences, Sun 9 Jun 2024 to Wed 12 Jun 2024, each imported as its own event in one series',
    ]);
  });
});
