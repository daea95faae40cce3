import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportIcs, icsFileName } from '../../../../../electron/core/calendar/ics/ics-export.ts';
import { parseIcs } from '../../../../../electron/core/calendar/ics/ics-import.ts';
import { foldLine } from '../../../../../electron/core/calendar/ics/ics-text.ts';
import {
  offsetChanges,
  vtimezone,
  zoneOffsets,
} from '../../../../../electron/core/calendar/ics/ics-timezone.ts';
import { MAX_ICS_CHARS, MAX_ICS_EVENTS } from '../../../../../shared/api/channels/calendar.ts';
import {
  eventFieldsSchema,
  fieldsOf,
  type MaintenanceEvent,
} from '../../../../../shared/calendar/maintenance-event.ts';
import { instantFromWallTime, wallTimeInZone } from '../../../../../shared/time/zoned.ts';
import { certManagerFields, makeEvent, routineEvents } from '../../../shared/calendar/event-fixtures.ts';
import { lintIcs } from './rfc5545-lint.ts';

const STAMP = '2026-04-01T09:00:00.000Z';

/** Events chosen to stress the format: both clock changes, the repeated hour, another zone, awkward text. */
function awkwardEvents(): MaintenanceEvent[] {
  return [
    makeEvent(),
    makeEvent({
      id: 'winter',
      uid: 'winter@herald',
      title: 'Winter patching',
      startsAtUtc: '2026-01-13T09:30:00.000Z',
      endsAtUtc: '2026-01-13T10:00:00.000Z',
      userActionDeadlineUtc: null,
      sequence: 4,
    }),
    // Sun 29 Mar 2026 03:00 BST (the first hour after the clocks go forward) to 05:00.
    makeEvent({
      id: 'spring',
      uid: 'spring@herald',
      title: 'Spring forward',
      startsAtUtc: '2026-03-29T02:00:00.000Z',
      endsAtUtc: '2026-03-29T04:00:00.000Z',
      userActionDeadlineUtc: null,
    }),
    // 01:30 GMT on Sun 25 Oct 2026: the second 01:30 that night, which wall time alone cannot name.
    makeEvent({
      id: 'repeated',
      uid: 'repeated@herald',
      title: 'In the repeated hour',
      startsAtUtc: '2026-10-25T01:30:00.000Z',
      endsAtUtc: '2026-10-25T02:30:00.000Z',
      userActionDeadlineUtc: null,
    }),
    makeEvent({
      id: 'ny',
      uid: 'ny@herald',
      title: 'US region failover test',
      timeZone: 'America/New_York',
      startsAtUtc: '2026-03-09T13:00:00.000Z',
      endsAtUtc: '2026-03-09T15:00:00.000Z',
      userActionDeadlineUtc: null,
    }),
    makeEvent({
      id: 'text',
      uid: 'text;with,odd\\chars@herald',
      title: 'Décommissioning “legacy” DNS — phase 2; part 1, really 🎉',
      what: 'Line one\nLine two; with a semicolon, a comma and a backslash \\ too.\n\n\tIndented',
      services: ['dns', 'route53, legacy', 'ingress;nginx'],
      channels: ['operations-engineering-update', 'github-community'],
      changeNotesUrl: 'https://example.org/notes?a=1&b=2,3;4',
      status: 'cancelled',
      userActionDeadlineUtc: null,
    }),
  ];
}

describe('exported calendar files', () => {
  const ics = exportIcs(awkwardEvents(), STAMP);

  it('pass an independent RFC 5545 check: CRLF, lines of at most 75 octets, grammar, required properties, defined zones', () => {
    expect(lintIcs(ics)).toEqual([]);
  });

  it('parse with ical.js, which places every start where Herald meant it using only the file’s VTIMEZONE', () => {
    const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const zones = new Map(
      root
        .getAllSubcomponents('vtimezone')
        .map((zone) => [String(zone.getFirstPropertyValue('tzid')), new ICAL.Timezone(zone)]),
    );
    const starts = root.getAllSubcomponents('vevent').map((vevent) => {
      const property = vevent.getFirstProperty('dtstart')!;
      const time = (property.getFirstValue() as ICAL.Time).clone();
      const tzid = property.getParameter('tzid');
      if (typeof tzid === 'string') time.zone = zones.get(tzid)!;
      return new Date(time.toUnixTime() * 1000).toISOString();
    });
    expect(starts).toEqual(awkwardEvents().map((event) => event.startsAtUtc));
  });

  it('write wall times in the event’s zone, and the repeated hour in UTC', () => {
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260423T120000\r\n');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260329T030000\r\n');
    expect(ics).toContain('DTSTART:20261025T013000Z\r\n');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20260309T090000\r\n');
  });

  it('carry a stable UID, the sequence, a status and a readable description', () => {
    expect(ics).toContain('UID:ev-1@herald\r\n');
    expect(ics).toContain('SEQUENCE:4\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics).toContain('STATUS:TENTATIVE\r\n');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'What you need to do: Move your certificate definitions into the environments repository.',
    );
    expect(unfolded).toContain('Do this by: Wed 22 Apr 2026\\, 23:59 BST');
  });

  it('import back exactly, field for field, with the same UIDs and sequences', () => {
    const parsed = parseIcs(ics, 'Europe/London');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.problems).toEqual([]);
    expect(
      parsed.value.events.map((event) => ({
        uid: event.uid,
        sequence: event.sequence,
        isCancelled: event.isCancelled,
        fields: event.fields,
      })),
    ).toEqual(
      awkwardEvents().map((event) => ({
        uid: event.uid,
        sequence: event.sequence,
        isCancelled: event.status === 'cancelled',
        fields: fieldsOf(event),
      })),
    );
  });

  it('import back exactly whatever the text says (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 300 });
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), { maxLength: 4 }),
        (title, what, services) => {
          const fields = eventFieldsSchema.safeParse({
            ...certManagerFields(),
            title: `T${title}`,
            what,
            services: [...new Set(services.map((service) => `s${service}`.toLowerCase()))],
          });
          fc.pre(fields.success);
          const event = makeEvent({ ...fields.data });
          const exported = exportIcs([event], STAMP);
          expect(lintIcs(exported)).toEqual([]);
          const parsed = parseIcs(exported, 'Europe/London');
          expect(parsed.ok && parsed.value.events[0]?.fields).toEqual(fieldsOf(event));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('name files after the event', () => {
    expect(icsFileName('Certificate Manager Upgrade')).toBe('certificate-manager-upgrade.ics');
    expect(icsFileName('🎉')).toBe('maintenance.ics');
  });
});

describe('folding', () => {
  it('keeps every physical line within 75 octets and unfolds to the original, never splitting a character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (value) => {
        const line = `DESCRIPTION:${value.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n'))
          expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });
});

describe('VTIMEZONE for Europe/London', () => {
  it('finds the clock changes on the last Sundays of March and October, at 01:00 UTC', () => {
    const changes = offsetChanges('Europe/London', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(
      changes.map((change) => [
        new Date(change.atMs).toISOString(),
        change.fromMinutes,
        change.toMinutes,
        change.name,
      ]),
    ).toEqual([
      ['2026-03-29T01:00:00.000Z', 0, 60, 'BST'],
      ['2026-10-25T01:00:00.000Z', 60, 0, 'GMT'],
    ]);
  });

  it('writes each onset in the wall time before it, as RFC 5545 asks', () => {
    const text = vtimezone('Europe/London', 2026, 2026).toString();
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST',
    );
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT',
    );
  });

  it('has one fixed observance for a zone without clock changes', () => {
    const text = vtimezone('Asia/Tokyo', 2026, 2026).toString();
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(text).toContain('TZOFFSETTO:+0900');
  });
});

describe('reading wall times from a zone’s offset table', () => {
  it('gives the wall time Intl gives, and nothing for the second pass through the repeated hour (property)', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2025, 0, 1) / 1000, max: Date.UTC(2027, 11, 31) / 1000 }),
        (zone, epochSeconds) => {
          const epochMs = epochSeconds * 1000;
          const wall = wallTimeInZone(epochMs, zone);
          const isNameable = instantFromWallTime(wall, zone) === epochMs;
          const expected = isNameable
            ? {
                year: wall.year,
                month: wall.month,
                day: wall.day,
                hour: wall.hour,
                minute: wall.minute,
                second: wall.second,
              }
            : null;
          expect(zoneOffsets(zone, 2024, 2028).wallAt(epochMs)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
    // Both passes through 01:30 in London on 25 Oct 2026: the first is named by wall time, the second is not.
    const london = zoneOffsets('Europe/London', 2026, 2026);
    expect(london.wallAt(Date.parse('2026-10-25T00:30:00Z'))).toMatchObject({ hour: 1, minute: 30 });
    expect(london.wallAt(Date.parse('2026-10-25T01:30:00Z'))).toBeNull();
  });
});

describe('a calendar re-imports its own export', () => {
  it('imports back every one of 2,000 events unchanged, and the largest calendar the import takes fits its size limit', () => {
    const events = routineEvents(2_000);
    // As the calendar exports them: each with an alarm for every message still to send.
    const exported = exportIcs(events, STAMP, undefined, {
      leadTimes: { announcementDaysBefore: 7, reminderDaysBefore: 1 },
    });
    expect(exported.match(/^BEGIN:VALARM\r$/gm)?.length).toBeGreaterThan(3_000);
    const parsed = parseIcs(exported, 'Europe/London');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.problems).toEqual([]);
    expect(parsed.value.events.map((event) => event.fields)).toEqual(events.map(fieldsOf));
    // These events carry every text field the plan's example has; at this size, MAX_ICS_EVENTS of them fit the character limit.
    expect((exported.length / events.length) * MAX_ICS_EVENTS).toBeLessThanOrEqual(MAX_ICS_CHARS);
  });
});
