import { describe, expect, it } from 'vitest';
import {
  calendarFileComment,
  calendarFileFor,
  calendarFileTitle,
  windowText,
} from '../../../../../electron/core/calendar/ics/calendar-file.ts';
import { parseIcs } from '../../../../../electron/core/calendar/ics/ics-import.ts';
import { fieldsOf } from '../../../../../shared/calendar/maintenance-event.ts';
import { outboxFileSchema } from '../../../../../shared/outbox/outbox-file.ts';
import { makeEvent } from '../../../shared/calendar/event-fixtures.ts';
import { lintIcs } from './rfc5545-lint.ts';

const STAMP = '2026-04-10T08:15:30.000Z';
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('the calendar file that goes with an announcement', () => {
  const event = makeEvent({ sequence: 0 });
  const file = calendarFileFor(event, STAMP);

  it('is one RFC 5545-valid event: CRLF, folded lines, the stamp, METHOD:PUBLISH', () => {
    expect(lintIcs(file.content)).toEqual([]);
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(file.content.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(file.content).toContain('METHOD:PUBLISH\r\n');
    expect(file.content).toContain('DTSTAMP:20260410T081530Z\r\n');
    expect(file.content).toContain('UID:ev-1@herald\r\n');
    expect(file.content).toContain('SEQUENCE:0\r\n');
    expect(file.content).toContain('DTSTART;TZID=Europe/London:20260423T120000\r\n');
    // Readers' calendars get no alarms for the lead's own comms schedule.
    expect(file.content).not.toContain('BEGIN:VALARM');
    expect(outboxFileSchema.safeParse(file).success).toBe(true);
  });

  it('imports back through Herald’s own importer as the same event, UID and sequence', () => {
    const parsed = parseIcs(file.content, 'Europe/London');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.problems).toEqual([]);
    expect(parsed.value.events).toHaveLength(1);
    expect(parsed.value.events[0]).toMatchObject({
      uid: 'ev-1@herald',
      sequence: 0,
      isCancelled: false,
      fields: fieldsOf(event),
    });
  });

  it('names the file after the event and says when it is in the title and the comment', () => {
    expect(file.name).toBe('certificate-manager-upgrade.ics');
    expect(windowText(event)).toBe('Thu 23 Apr 2026, 12:00–17:00 BST');
    expect(file.title).toBe('Add to calendar: Certificate Manager Upgrade, Thu 23 Apr 2026, 12:00–17:00 BST');
    expect(calendarFileComment(event, false)).toContain('Add Certificate Manager Upgrade');
    expect(file.calendar).toEqual({
      uid: 'ev-1@herald',
      sequence: 0,
      method: 'PUBLISH',
      startsAtUtc: event.startsAtUtc,
      endsAtUtc: event.endsAtUtc,
    });
  });

  it('after a reschedule: the same UID, a higher SEQUENCE, the new times and a title of its own', () => {
    const moved = makeEvent({
      sequence: 1,
      startsAtUtc: '2026-04-30T11:00:00.000Z',
      endsAtUtc: '2026-04-30T16:00:00.000Z',
      previousStartsAtUtc: event.startsAtUtc,
      previousEndsAtUtc: event.endsAtUtc,
    });
    const update = calendarFileFor(moved, STAMP);
    expect(lintIcs(update.content)).toEqual([]);
    expect(update.content).toContain('UID:ev-1@herald\r\n');
    expect(update.content).toContain('SEQUENCE:1\r\n');
    expect(update.content).toContain('DTSTART;TZID=Europe/London:20260430T120000\r\n');
    expect(update.title).not.toBe(file.title);
    expect(update.title).toContain('(revision 1)');
    expect(calendarFileComment(moved, true)).toContain('has moved to Thu 30 Apr 2026, 12:00–17:00 BST');
    const parsed = parseIcs(update.content, 'Europe/London');
    expect(parsed.ok && parsed.value.events[0]).toMatchObject({ uid: 'ev-1@herald', sequence: 1 });
  });

  it('a cancellation is METHOD:CANCEL with STATUS:CANCELLED, the same UID and its SEQUENCE', () => {
    const cancelled = makeEvent({ sequence: 2, status: 'cancelled' });
    const notice = calendarFileFor(cancelled, STAMP);
    expect(lintIcs(notice.content)).toEqual([]);
    expect(notice.content).toContain('METHOD:CANCEL\r\n');
    expect(notice.content).toContain('STATUS:CANCELLED\r\n');
    expect(notice.content).toContain('UID:ev-1@herald\r\n');
    expect(notice.content).toContain('SEQUENCE:2\r\n');
    expect(notice.calendar?.method).toBe('CANCEL');
    expect(notice.title).toBe(
      'Cancelled, remove from your calendar: Certificate Manager Upgrade (revision 2)',
    );
    const parsed = parseIcs(notice.content, 'Europe/London');
    expect(parsed.ok && parsed.value.events[0]).toMatchObject({
      uid: 'ev-1@herald',
      sequence: 2,
      isCancelled: true,
    });
  });

  it('escapes and folds awkward text, and keeps a long title within Slack’s title length', () => {
    const awkward = makeEvent({
      title: `Décommissioning “legacy” DNS; part 1, really ${'🎉'.repeat(60)}`,
      what: 'Line one\nLine two; with a semicolon, a comma and a backslash \\ too.',
    });
    const awkwardFile = calendarFileFor(awkward, STAMP);
    expect(lintIcs(awkwardFile.content)).toEqual([]);
    expect(unfold(awkwardFile.content)).toContain(
      'Line two\\; with a semicolon\\, a comma and a backslash \\\\ too.',
    );
    expect(outboxFileSchema.safeParse(awkwardFile).success).toBe(true);
    const parsed = parseIcs(awkwardFile.content, 'Europe/London');
    expect(parsed.ok && parsed.value.events[0]?.fields).toEqual(fieldsOf(awkward));
  });

  it('an occurrence of a series keeps the series’ UID, as calendars that imported the series know it', () => {
    const occurrence = makeEvent({
      id: 'occ',
      uid: 'occ@herald',
      seriesUid: 'weekly@herald',
      recurrenceId: '2026-04-23T11:00:00.000Z',
    });
    const occurrenceFile = calendarFileFor(occurrence, STAMP);
    expect(occurrenceFile.calendar?.uid).toBe('weekly@herald');
    expect(occurrenceFile.content).toContain('UID:weekly@herald\r\n');
    expect(occurrenceFile.content).toContain('RECURRENCE-ID:20260423T110000Z\r\n');
    expect(calendarFileTitle(occurrence)).toContain('Certificate Manager Upgrade');
  });
});
