import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../../../electron/core/calendar/ics/ics-import.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { setupCalendar } from './calendar-fixture.ts';

const ZONE = 'Europe/London';
/** "Now" for the tests: repeating events expand from a year before it to two years after. */
const NOW_MS = Date.parse('2026-04-01T09:00:00Z');
const file = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260401T090000Z', ...lines, 'END:VEVENT'];

function refusal(text: string): string {
  const parsed = parseIcs(text, ZONE, NOW_MS);
  if (parsed.ok) throw new Error('expected the file to be refused');
  expect(parsed.error.code).toBe('invalid_argument');
  return parsed.error.message;
}

function parsed(text: string) {
  const result = parseIcs(text, ZONE, NOW_MS);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('malformed calendar files', () => {
  it('are refused with a sentence naming the problem', () => {
    expect(refusal('')).toBe('The calendar file is empty.');
    expect(refusal('Subject,Start Date\nUpgrade,23/04/2026')).toBe(
      'This is not an iCalendar (.ics) file: it should begin with BEGIN:VCALENDAR, but begins with "Subject,Start Date".',
    );
    expect(refusal(file(...vevent('UID:a', 'THIS LINE HAS NO COLON', 'DTSTART:20260423T110000Z')))).toBe(
      'Line 7 of the calendar file is not an iCalendar line (a name, a colon, then a value): "THIS LINE HAS NO COLON".',
    );
    expect(refusal(['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a'].join('\r\n'))).toBe(
      'The calendar file is cut short: a BEGIN: line has no matching END: line.',
    );
    expect(refusal(file('X-NOTHING:here'))).toBe('The calendar file has no events (VEVENT) to import.');
    expect(refusal(file(...vevent('UID:a', 'DTSTART;TZID="unterminated:20260423T110000')))).toBe(
      'Line 7 of the calendar file opens a quoted parameter value (") but never closes it.',
    );
    expect(refusal(file(...vevent('UID:a', 'DTSTART;TZID:20260423T110000')))).toBe(
      'Line 7 of the calendar file has a malformed parameter (the part between ";" and ":").',
    );
  });

  it('keep the good events and report each bad one with its number and what is wrong', () => {
    const result = parsed(
      file(
        ...vevent('UID:good', 'SUMMARY:Good', 'DTSTART:20260423T110000Z', 'DTEND:20260423T120000Z'),
        ...vevent('UID:no-start', 'SUMMARY:No start', 'DTEND:20260423T120000Z'),
        ...vevent('UID:no-end', 'SUMMARY:No end', 'DTSTART:20260423T110000Z'),
        ...vevent('UID:backwards', 'SUMMARY:Backwards', 'DTSTART:20260423T110000Z', 'DTEND:20260423T100000Z'),
        ...vevent('UID:bad-date', 'SUMMARY:Bad date', 'DTSTART:2026-04-23', 'DTEND:20260423T100000Z'),
        ...vevent('UID:no-title', 'DTSTART:20260423T110000Z', 'DTEND:20260423T120000Z'),
        ...vevent(
          'UID:unknown-zone',
          'SUMMARY:Unknown zone',
          'DTSTART;TZID=Atlantis Standard Time:20260423T110000',
          'DTEND:20260423T120000Z',
        ),
        ...vevent('UID:good', 'SUMMARY:Same UID', 'DTSTART:20260424T110000Z', 'DTEND:20260424T120000Z'),
      ),
    );
    expect(result.events.map((event) => event.uid)).toEqual(['good', 'no-end', 'no-title']);
    expect(result.problems).toEqual([
      { eventNumber: 2, message: 'Event 2 ("No start") cannot be imported: it has no start time (DTSTART).' },
      {
        eventNumber: 4,
        message: 'Event 4 ("Backwards") cannot be imported: endsAtUtc: must be after the start.',
      },
      {
        eventNumber: 5,
        message: expect.stringMatching(
          /^Event 5 \("Bad date"\) cannot be imported: its start \(DTSTART\) is not a date or time Herald can read/,
        ),
      },
      {
        eventNumber: 7,
        message:
          'Event 7 ("Unknown zone") cannot be imported: its start uses the time zone "Atlantis Standard Time", which the file does not define.',
      },
      { eventNumber: 8, message: 'Event 8 ("Same UID") has the same UID as event 1, so it was left out.' },
    ]);
  });
});

describe('events from other calendars', () => {
  it('reads Outlook’s Windows zone names through the file’s own VTIMEZONE', () => {
    const result = parsed(
      file(
        'BEGIN:VTIMEZONE',
        'TZID:GMT Standard Time',
        'BEGIN:STANDARD',
        'DTSTART:16010101T020000',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0000',
        'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:16010101T010000',
        'TZOFFSETFROM:+0000',
        'TZOFFSETTO:+0100',
        'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
        ...vevent(
          'UID:outlook-1',
          'SUMMARY:Database Upgrade',
          'DESCRIPTION:Postgres 14 to 16.\\nExpect a short pause.',
          'DTSTART;TZID=GMT Standard Time:20260423T120000',
          'DTEND;TZID=GMT Standard Time:20260423T140000',
          'CATEGORIES:postgres,rds',
          'URL:https://example.org/notes',
        ),
      ),
    );
    expect(result.events[0]).toMatchObject({
      uid: 'outlook-1',
      fields: {
        title: 'Database Upgrade',
        what: 'Postgres 14 to 16.\nExpect a short pause.',
        startsAtUtc: '2026-04-23T11:00:00.000Z',
        endsAtUtc: '2026-04-23T13:00:00.000Z',
        timeZone: 'Europe/London',
        services: ['postgres', 'rds'],
        changeNotesUrl: 'https://example.org/notes',
      },
    });
  });

  it('reads all-day events, durations, floating times and IANA zones without a VTIMEZONE', () => {
    const result = parsed(
      file(
        ...vevent(
          'UID:all-day',
          'SUMMARY:Freeze-day patching',
          'DTSTART;VALUE=DATE:20260329',
          'DTEND;VALUE=DATE:20260330',
        ),
        ...vevent('UID:duration', 'SUMMARY:Short', 'DTSTART:20260423T110000Z', 'DURATION:PT1H30M'),
        ...vevent('UID:floating', 'SUMMARY:Floating', 'DTSTART:20260423T120000', 'DTEND:20260423T130000'),
        ...vevent(
          'UID:iana',
          'SUMMARY:Paris',
          'DTSTART;TZID=Europe/Paris:20260423T120000',
          'DTEND;TZID=Europe/Paris:20260423T130000',
        ),
      ),
    );
    expect(result.problems).toEqual([]);
    expect(
      result.events.map((event) => [
        event.uid,
        event.fields.startsAtUtc,
        event.fields.endsAtUtc,
        event.fields.timeZone,
      ]),
    ).toEqual([
      // The day the clocks go forward is 23 hours long.
      ['all-day', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z', 'Europe/London'],
      ['duration', '2026-04-23T11:00:00.000Z', '2026-04-23T12:30:00.000Z', 'Europe/London'],
      ['floating', '2026-04-23T11:00:00.000Z', '2026-04-23T12:00:00.000Z', 'Europe/London'],
      ['iana', '2026-04-23T10:00:00.000Z', '2026-04-23T11:00:00.000Z', 'Europe/Paris'],
    ]);
  });

  it('gives an event without a UID a stable one, so importing twice does not duplicate it', () => {
    const text = file(...vevent('SUMMARY:No UID', 'DTSTART:20260423T110000Z', 'DTEND:20260423T120000Z'));
    const [first, second] = [parsed(text).events[0]!, parsed(text).events[0]!];
    expect(first.uid).toMatch(/^imported-[0-9a-f]{24}@herald$/);
    expect(second.uid).toBe(first.uid);
    expect(first.warnings).toEqual(['it has no UID, so Herald made one from its title and start']);
  });
});

describe('importing into the calendar', () => {
  it('round-trips an export without changes, then creates, updates and protects events by UID and sequence', () => {
    const fixture = setupCalendar();
    const first = fixture.create(certManagerFields()).event;
    const second = fixture.create(
      certManagerFields({
        title: 'Ingress Upgrade',
        services: ['ingress'],
        startsAtUtc: '2026-04-28T09:00:00.000Z',
        endsAtUtc: '2026-04-28T10:00:00.000Z',
        userActionDeadlineUtc: null,
      }),
    ).event;
    const exported = fixture.calendar.exportIcs();
    if (!exported.ok) throw new Error(exported.error.message);
    const preview = fixture.calendar.previewImport(exported.value.ics);
    expect(
      preview.ok && preview.value.items.map((item) => [item.title, item.action, item.existingId]),
    ).toEqual([
      ['Certificate Manager Upgrade', 'unchanged', first.id],
      ['Ingress Upgrade', 'unchanged', second.id],
    ]);
    const before = structuredClone(fixture.calendarStore.read());
    expect(fixture.calendar.importIcs(exported.value.ics)).toEqual({
      ok: true,
      value: { created: 0, updated: 0, unchanged: 2, problems: [] },
    });
    expect(fixture.calendarStore.read()).toEqual(before);

    // Into an empty calendar: the same events, with their UIDs and sequences.
    const other = setupCalendar();
    expect(other.calendar.importIcs(exported.value.ics)).toMatchObject({ ok: true, value: { created: 2 } });
    expect(
      other.calendarStore
        .read()
        .events.map((event) => [event.uid, event.title, event.startsAtUtc, event.status]),
    ).toEqual([
      [first.uid, first.title, first.startsAtUtc, 'planned'],
      [second.uid, second.title, second.startsAtUtc, 'planned'],
    ]);
    expect(other.openReminders()).toHaveLength(8);

    // A later version of the file updates; an older one never overwrites Herald's newer copy.
    const edited = exported.value.ics
      .replace('SUMMARY:Ingress Upgrade', 'SUMMARY:Ingress Controller Upgrade')
      .replace(/SEQUENCE:0(\r\nDTSTART;TZID=Europe\/London:20260428)/, 'SEQUENCE:1$1');
    expect(fixture.calendar.importIcs(edited)).toMatchObject({
      ok: true,
      value: { created: 0, updated: 1, unchanged: 1 },
    });
    expect(fixture.calendarStore.read().events[1]).toMatchObject({
      title: 'Ingress Controller Upgrade',
      sequence: 1,
    });
    const stale = fixture.calendar.previewImport(exported.value.ics);
    expect(stale.ok && stale.value.items[1]).toMatchObject({
      action: 'unchanged',
      warnings: ["Herald's copy is newer (sequence 1, the file's 0), so it stays as it is"],
    });
  });

  it('imports only the events picked in the preview, and cancels those the file cancels', () => {
    const fixture = setupCalendar();
    const text = file(
      ...vevent('UID:one', 'SUMMARY:One', 'DTSTART:20260423T110000Z', 'DTEND:20260423T120000Z'),
      ...vevent(
        'UID:two',
        'SUMMARY:Two',
        'DTSTART:20260424T110000Z',
        'DTEND:20260424T120000Z',
        'STATUS:CANCELLED',
      ),
      ...vevent('UID:three', 'SUMMARY:Three', 'DTSTART:20260425T110000Z', 'DTEND:20260425T120000Z'),
    );
    expect(fixture.calendar.importIcs(text, ['one', 'two'])).toMatchObject({
      ok: true,
      value: { created: 2 },
    });
    expect(fixture.calendarStore.read().events.map((event) => [event.uid, event.status])).toEqual([
      ['one', 'planned'],
      ['two', 'cancelled'],
    ]);
    expect(fixture.changes.at(-1)).toHaveLength(2);
  });
});
