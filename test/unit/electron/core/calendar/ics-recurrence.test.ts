import { describe, expect, it } from 'vitest';
import { parseIcs, PLACEHOLDER_TITLE } from '../../../../../electron/core/calendar/ics/ics-import.ts';
import { MAX_ICS_EVENTS } from '../../../../../shared/api/channels/calendar.ts';
import { setupCalendar } from './calendar-fixture.ts';

const ZONE = 'Europe/London';
/** The fixture's clock: Wed 1 Apr 2026, 10:00 BST. Series expand from a year before it to two years after. */
const NOW_MS = Date.parse('2026-04-01T09:00:00Z');
const file = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260301T090000Z', ...lines, 'END:VEVENT'];

function parsed(text: string) {
  const result = parseIcs(text, ZONE, NOW_MS);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('import is as lenient as RFC 5545', () => {
  it('takes an event with a start but no end: no length for a date-time, one day for a date', () => {
    const result = parsed(
      file(
        ...vevent('UID:moment', 'SUMMARY:DNS cut-over', 'DTSTART:20260423T110000Z'),
        ...vevent('UID:day', 'SUMMARY:Patch day', 'DTSTART;VALUE=DATE:20260424'),
      ),
    );
    expect(result.problems).toEqual([]);
    expect(
      result.events.map((event) => [event.uid, event.fields.startsAtUtc, event.fields.endsAtUtc]),
    ).toEqual([
      ['moment', '2026-04-23T11:00:00.000Z', '2026-04-23T11:00:00.000Z'],
      ['day', '2026-04-23T23:00:00.000Z', '2026-04-24T23:00:00.000Z'],
    ]);
    expect(result.events[0]!.warnings).toEqual([
      'it has no end (DTEND or DURATION), so it is a moment with no length; give it an end when you edit it',
    ]);
    expect(result.events[1]!.warnings).toEqual([]);
  });

  it('names an event without a SUMMARY with a placeholder the lead can edit, and says so', () => {
    const result = parsed(
      file(...vevent('UID:nameless', 'DTSTART:20260423T110000Z', 'DTEND:20260423T120000Z')),
    );
    expect(result.events[0]).toMatchObject({ uid: 'nameless', fields: { title: PLACEHOLDER_TITLE } });
    expect(result.events[0]!.warnings).toEqual([
      `it has no title (SUMMARY), so it is called "Untitled event"; edit the title after importing`,
    ]);
    // And the lead can rename it like any event.
    const fixture = setupCalendar();
    fixture.calendar.importIcs(file(...vevent('UID:nameless', 'DTSTART:20260423T110000Z'))); // no title, no end
    const stored = fixture.calendarStore.read().events[0]!;
    expect([stored.title, stored.startsAtUtc, stored.endsAtUtc]).toEqual([
      PLACEHOLDER_TITLE,
      '2026-04-23T11:00:00.000Z',
      '2026-04-23T11:00:00.000Z',
    ]);
    const renamed = fixture.calendar.update(stored.id, {
      ...stored,
      title: 'DNS cut-over',
      endsAtUtc: '2026-04-23T11:30:00.000Z',
    });
    expect(renamed.ok && renamed.value.event.title).toBe('DNS cut-over');
  });
});

// Weekly at 12:00 London from Tue 17 Mar 2026, four times, across the clocks going forward on 29 March;
// 24 March excluded, an extra one on Thu 2 Apr at 09:00, and the 7 April one moved to 8 April 14:00.
const SERIES = file(
  ...vevent(
    'UID:patching@example.org',
    'SUMMARY:Patching window',
    'DTSTART;TZID=Europe/London:20260317T120000',
    'DTEND;TZID=Europe/London:20260317T130000',
    'RRULE:FREQ=WEEKLY;COUNT=4',
    'EXDATE;TZID=Europe/London:20260324T120000',
    'RDATE;TZID=Europe/London:20260402T090000',
  ),
  ...vevent(
    'UID:patching@example.org',
    'RECURRENCE-ID;TZID=Europe/London:20260407T120000',
    'SUMMARY:Patching window (moved)',
    'DTSTART;TZID=Europe/London:20260408T140000',
    'DTEND;TZID=Europe/London:20260408T150000',
    'SEQUENCE:1',
  ),
);

describe('repeating events import as a series', () => {
  it('expands RRULE, RDATE and EXDATE in wall time across DST, with the RECURRENCE-ID instance in its occurrence’s place', () => {
    const result = parsed(SERIES);
    expect(result.problems).toEqual([]);
    expect(
      result.events.map((event) => [
        event.uid,
        event.fields.title,
        event.fields.startsAtUtc,
        event.fields.endsAtUtc,
        event.seriesUid,
        event.recurrenceId,
      ]),
    ).toEqual([
      [
        'patching@example.org/20260317T120000Z',
        'Patching window',
        '2026-03-17T12:00:00.000Z',
        '2026-03-17T13:00:00.000Z',
        'patching@example.org',
        '2026-03-17T12:00:00.000Z',
      ],
      // 12:00 BST after the clocks went forward.
      [
        'patching@example.org/20260331T110000Z',
        'Patching window',
        '2026-03-31T11:00:00.000Z',
        '2026-03-31T12:00:00.000Z',
        'patching@example.org',
        '2026-03-31T11:00:00.000Z',
      ],
      [
        'patching@example.org/20260402T080000Z',
        'Patching window',
        '2026-04-02T08:00:00.000Z',
        '2026-04-02T09:00:00.000Z',
        'patching@example.org',
        '2026-04-02T08:00:00.000Z',
      ],
      [
        'patching@example.org/20260407T110000Z',
        'Patching window (moved)',
        '2026-04-08T13:00:00.000Z',
        '2026-04-08T14:00:00.000Z',
        'patching@example.org',
        '2026-04-07T11:00:00.000Z',
      ],
    ]);
    expect(result.events[0]!.warnings).toEqual([
      'it repeats: 4 occurrences, Tue 17 Mar 2026 to Tue 7 Apr 2026, each imported as its own event in one series',
    ]);
    expect(result.events[3]!.sequence).toBe(1);
  });

  it('expands an endless rule within a year back and two years ahead, and says what it left out', () => {
    const result = parsed(
      file(
        ...vevent(
          'UID:weekly',
          'SUMMARY:Weekly restart',
          'DTSTART;TZID=Europe/London:20200107T120000',
          'DURATION:PT30M',
          'RRULE:FREQ=WEEKLY;BYDAY=TU',
        ),
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.events).toHaveLength(157);
    expect(result.events[0]!.fields.startsAtUtc).toBe('2025-04-01T11:00:00.000Z');
    expect(result.events.at(-1)!.fields.startsAtUtc).toBe('2028-03-28T11:00:00.000Z');
    expect(result.events[0]!.warnings).toEqual([
      'it repeats: 157 occurrences, Tue 1 Apr 2025 to Tue 28 Mar 2028, each imported as its own event in one series; later occurrences are beyond the two-year horizon; import the file again later to add them; 273 earlier occurrences, more than a year ago, were left out',
    ]);
    expect(result.events[1]!.warnings).toEqual([]);
  });

  it('never brings more than the event limit, and refuses a series with nothing in the window', () => {
    const halfHourly = parsed(
      file(
        ...vevent(
          'UID:half-hourly',
          'SUMMARY:Half-hourly check',
          'DTSTART:20260401T100000Z',
          'DURATION:PT5M',
          'RRULE:FREQ=MINUTELY;INTERVAL=30',
        ),
      ),
    );
    expect(halfHourly.events).toHaveLength(MAX_ICS_EVENTS);
    expect(halfHourly.events[0]!.warnings[0]).toContain(
      `later occurrences were left out, as a file brings at most ${MAX_ICS_EVENTS} events`,
    );
    const old = parsed(
      file(
        ...vevent(
          'UID:old',
          'SUMMARY:Old',
          'DTSTART:20200101T100000Z',
          'DURATION:PT1H',
          'RRULE:FREQ=DAILY;COUNT=3',
        ),
      ),
    );
    expect(old.events).toEqual([]);
    expect(old.problems).toEqual([
      {
        eventNumber: 1,
        message:
          'Event 1 ("Old") cannot be imported: it repeats, but none of its occurrences falls between a year ago and two years ahead.',
      },
    ]);
  });

  it('stores each occurrence on its own, re-imports without duplicating, and re-imports its own export', () => {
    const fixture = setupCalendar();
    const preview = fixture.calendar.previewImport(SERIES);
    expect(preview.ok && preview.value.items.map((item) => item.action)).toEqual([
      'new',
      'new',
      'new',
      'new',
    ]);
    expect(fixture.calendar.importIcs(SERIES)).toMatchObject({
      ok: true,
      value: { created: 4, updated: 0, unchanged: 0 },
    });
    const stored = fixture.calendarStore.read().events;
    expect(new Set(stored.map((event) => event.seriesUid))).toEqual(new Set(['patching@example.org']));
    expect(fixture.calendar.importIcs(SERIES)).toMatchObject({
      ok: true,
      value: { created: 0, updated: 0, unchanged: 4 },
    });

    // One occurrence is cancelled, another moved, on its own.
    const [first, second, third] = stored;
    expect(fixture.calendar.cancel(first!.id, 'Not needed this week')).toMatchObject({ ok: true });
    expect(
      fixture.calendar.reschedule(second!.id, {
        startsAtUtc: '2026-04-01T14:00:00.000Z',
        endsAtUtc: '2026-04-01T15:00:00.000Z',
      }),
    ).toMatchObject({ ok: true });
    expect(fixture.calendarStore.read().events.map((event) => [event.status, event.startsAtUtc])).toEqual([
      ['cancelled', first!.startsAtUtc],
      ['planned', '2026-04-01T14:00:00.000Z'],
      ['planned', third!.startsAtUtc],
      ['planned', stored[3]!.startsAtUtc],
    ]);
    expect(fixture.calendarStore.read().events[2]).toEqual(third);

    const exported = fixture.calendar.exportIcs();
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.ics.match(/^UID:patching@example\.org\r$/gm)).toHaveLength(4);
    expect(exported.value.ics).toContain('RECURRENCE-ID:20260331T110000Z');
    // Herald's own export changes nothing in the calendar it came from…
    const again = fixture.calendar.previewImport(exported.value.ics);
    expect(again.ok && again.value.items.map((item) => item.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    // …and into an empty one brings the same occurrences, series and all.
    const other = setupCalendar();
    expect(other.calendar.importIcs(exported.value.ics)).toMatchObject({
      ok: true,
      value: { created: 4, problems: [] },
    });
    const key = (event: {
      uid: string;
      seriesUid: string | null;
      recurrenceId: string | null;
      startsAtUtc: string;
      status: string;
    }) => [event.uid, event.seriesUid, event.recurrenceId, event.startsAtUtc, event.status];
    expect(other.calendarStore.read().events.map(key)).toEqual(fixture.calendarStore.read().events.map(key));
  });
});
