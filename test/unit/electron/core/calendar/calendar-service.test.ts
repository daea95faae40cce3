import { describe, expect, it } from 'vitest';
import { REMINDER_HORIZON_MS } from '../../../../../electron/core/calendar/event-reminders.ts';
import { SYNC_EVERY_MS } from '../../../../../electron/core/calendar/calendar-service.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { setupCalendar } from './calendar-fixture.ts';

const DAY_MS = 86_400_000;
const moveByADay = { startsAtUtc: '2026-04-24T11:00:00.000Z', endsAtUtc: '2026-04-24T16:00:00.000Z' };

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('creating a maintenance event', () => {
  it('schedules its four messages from the plan and arms a reminder for each', () => {
    const fixture = setupCalendar();
    const detail = fixture.create(certManagerFields());
    expect(detail.event).toMatchObject({ status: 'planned', sequence: 0, uid: 'id-1@herald' });
    expect(detail.comms.map((comm) => [comm.stage, comm.dueAtUtc, comm.state, comm.reminderState])).toEqual([
      ['announcement', '2026-04-16T11:00:00.000Z', 'upcoming', 'armed'],
      ['reminder', '2026-04-22T11:00:00.000Z', 'upcoming', 'armed'],
      ['starting', '2026-04-23T11:00:00.000Z', 'upcoming', 'armed'],
      ['complete', '2026-04-23T16:00:00.000Z', 'upcoming', 'armed'],
    ]);
    expect(fixture.openReminders()).toEqual([
      { stage: 'announcement', dueAtUtc: '2026-04-16T11:00:00.000Z', state: 'armed' },
      { stage: 'reminder', dueAtUtc: '2026-04-22T11:00:00.000Z', state: 'armed' },
      { stage: 'start', dueAtUtc: '2026-04-23T11:00:00.000Z', state: 'armed' },
      { stage: 'complete', dueAtUtc: '2026-04-23T16:00:00.000Z', state: 'armed' },
    ]);
    expect(fixture.changes).toEqual([['id-1']]);
  });

  it('fires the announcement reminder at its instant with the event as its title and the announcement’s due time', () => {
    const fixture = setupCalendar();
    fixture.create(certManagerFields());
    fixture.clock.advance(Date.parse('2026-04-16T11:00:00Z') - fixture.clock.now());
    expect(
      fixture.firings.map((firing) => [
        firing.reminder.subject,
        firing.reminder.title,
        firing.reminder.eventAtUtc,
      ]),
    ).toEqual([
      // When the announcement is due (a week before), not when the work starts (2026-04-23T11:00Z).
      [
        { type: 'maintenance', eventId: 'id-1', stage: 'announcement' },
        'Certificate Manager Upgrade',
        '2026-04-16T11:00:00.000Z',
      ],
    ]);
  });

  it('arms nothing yet for work months ahead; the periodic sync arms it as it comes near', () => {
    const fixture = setupCalendar();
    fixture.calendar.start();
    fixture.create(
      certManagerFields({
        startsAtUtc: '2026-09-23T11:00:00.000Z',
        endsAtUtc: '2026-09-23T16:00:00.000Z',
        userActionDeadlineUtc: null,
      }),
    );
    expect(fixture.openReminders()).toEqual([]);
    const announcementMs = Date.parse('2026-09-16T11:00:00Z');
    fixture.clock.advance(announcementMs - REMINDER_HORIZON_MS - fixture.clock.now() + SYNC_EVERY_MS);
    expect(fixture.openReminders().map((reminder) => reminder.stage)).toEqual(['announcement']);
    fixture.clock.advance(8 * DAY_MS);
    expect(fixture.openReminders().map((reminder) => reminder.stage)).toEqual([
      'announcement',
      'reminder',
      'start',
      'complete',
    ]);
    fixture.calendar.stop();
  });
});

describe('rescheduling', () => {
  it('moves the remaining reminders and the users’ deadline, and offers a "rescheduled" draft once announced', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    unwrap(fixture.calendar.markSent(event.id, 'announcement'));
    const moved = unwrap(
      fixture.calendar.reschedule(event.id, moveByADay, 'It clashes with a platform release.'),
    );
    expect(moved.event).toMatchObject({
      status: 'rescheduled',
      sequence: 1,
      previousStartsAtUtc: '2026-04-23T11:00:00.000Z',
      userActionDeadlineUtc: '2026-04-23T22:59:00.000Z',
    });
    expect(fixture.openReminders()).toEqual([
      { stage: 'reminder', dueAtUtc: '2026-04-23T11:00:00.000Z', state: 'armed' },
      { stage: 'start', dueAtUtc: '2026-04-24T11:00:00.000Z', state: 'armed' },
      { stage: 'complete', dueAtUtc: '2026-04-24T16:00:00.000Z', state: 'armed' },
    ]);
    const rescheduled = moved.comms.find((comm) => comm.stage === 'rescheduled');
    expect(rescheduled).toMatchObject({
      state: 'ready',
      dueAtUtc: null,
      draft: { title: 'Action Required - Rescheduled - Certificate Manager Upgrade' },
    });
    const draft = fixture.drafts.get(rescheduled!.draft!.id)!;
    expect(draft.meta.origin).toEqual({ kind: 'calendar', eventId: event.id, stage: 'rescheduled' });
    expect(draft.draft.fields).toMatchObject({
      startsAtUtc: '2026-04-24T11:00:00.000Z',
      why: 'It clashes with a platform release.',
      userActionDeadlineUtc: '2026-04-23T22:59:00.000Z',
    });
    expect(draft.draft.body).toBe('This was planned for Thu 23 Apr 2026, 12:00 BST.');
  });

  it('moves every reminder of an event nobody has heard of yet, without a "rescheduled" message', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    const moved = unwrap(fixture.calendar.reschedule(event.id, moveByADay));
    expect(moved.event.status).toBe('planned');
    expect(moved.comms.map((comm) => comm.stage)).toEqual([
      'announcement',
      'reminder',
      'starting',
      'complete',
    ]);
    expect(fixture.openReminders().map((reminder) => reminder.dueAtUtc)).toEqual([
      '2026-04-17T11:00:00.000Z',
      '2026-04-23T11:00:00.000Z',
      '2026-04-24T11:00:00.000Z',
      '2026-04-24T16:00:00.000Z',
    ]);
    expect(fixture.drafts.all()).toEqual([]);
  });

  it('re-arms the original instants when an event moves away and back', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    unwrap(fixture.calendar.reschedule(event.id, moveByADay));
    unwrap(
      fixture.calendar.reschedule(event.id, { startsAtUtc: event.startsAtUtc, endsAtUtc: event.endsAtUtc }),
    );
    expect(fixture.openReminders().map((reminder) => reminder.dueAtUtc)).toEqual([
      '2026-04-16T11:00:00.000Z',
      '2026-04-22T11:00:00.000Z',
      '2026-04-23T11:00:00.000Z',
      '2026-04-23T16:00:00.000Z',
    ]);
    fixture.clock.advance(Date.parse('2026-04-25T00:00:00Z') - fixture.clock.now());
    expect(fixture.firings.map((firing) => firing.reminder.dueAtUtc)).toEqual([
      '2026-04-16T11:00:00.000Z',
      '2026-04-22T11:00:00.000Z',
      '2026-04-23T11:00:00.000Z',
      '2026-04-23T16:00:00.000Z',
    ]);
  });

  it('keeps lead times in wall-clock days when the move crosses the spring clock change', () => {
    const fixture = setupCalendar({ startMs: Date.parse('2026-03-10T09:00:00Z') });
    // Sat 28 Mar 12:00 GMT, moved to Mon 30 Mar 12:00 BST.
    const { event } = fixture.create(
      certManagerFields({
        startsAtUtc: '2026-03-28T12:00:00.000Z',
        endsAtUtc: '2026-03-28T14:00:00.000Z',
        userActionDeadlineUtc: '2026-03-27T23:59:00.000Z',
      }),
    );
    const moved = unwrap(
      fixture.calendar.reschedule(event.id, {
        startsAtUtc: '2026-03-30T11:00:00.000Z',
        endsAtUtc: '2026-03-30T13:00:00.000Z',
      }),
    );
    expect(moved.event.userActionDeadlineUtc).toBe('2026-03-29T22:59:00.000Z');
    expect(fixture.openReminders().map((reminder) => [reminder.stage, reminder.dueAtUtc])).toEqual([
      ['announcement', '2026-03-23T12:00:00.000Z'],
      ['reminder', '2026-03-29T11:00:00.000Z'],
      ['start', '2026-03-30T11:00:00.000Z'],
      ['complete', '2026-03-30T13:00:00.000Z'],
    ]);
  });

  it('arms the reminders of work on the last Sunday of October at London wall-clock times', () => {
    const fixture = setupCalendar({ startMs: Date.parse('2026-10-10T09:00:00Z') });
    // Sun 25 Oct 2026 12:00 GMT, the day the clocks go back; users act by Sat 24 Oct 23:59 BST.
    fixture.create(
      certManagerFields({
        startsAtUtc: '2026-10-25T12:00:00.000Z',
        endsAtUtc: '2026-10-25T14:00:00.000Z',
        userActionDeadlineUtc: '2026-10-24T22:59:00.000Z',
      }),
    );
    expect(fixture.openReminders().map((reminder) => [reminder.stage, reminder.dueAtUtc])).toEqual([
      ['announcement', '2026-10-18T11:00:00.000Z'],
      ['reminder', '2026-10-24T11:00:00.000Z'],
      ['start', '2026-10-25T12:00:00.000Z'],
      ['complete', '2026-10-25T14:00:00.000Z'],
    ]);
    // An overnight window across the change shows on both days of the London calendar.
    fixture.create(
      certManagerFields({
        title: 'Overnight',
        startsAtUtc: '2026-10-24T22:00:00.000Z',
        endsAtUtc: '2026-10-25T03:00:00.000Z',
        userActionDeadlineUtc: null,
      }),
    );
    const list = fixture.calendar.list(
      Date.parse('2026-10-23T23:00:00Z'),
      Date.parse('2026-10-26T00:00:00Z'),
    );
    expect(list.events.map((event) => event.title)).toEqual(['Overnight', 'Certificate Manager Upgrade']);
  });

  it('gives drafts already made the new times and keeps what the lead wrote', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    const { draftId } = unwrap(fixture.calendar.openDraft(event.id, 'reminder'));
    const stored = fixture.drafts.get(draftId)!;
    fixture.drafts.save({
      ...stored.draft,
      fields: { ...stored.draft.fields, what: 'Reworded by the lead.' },
    });
    unwrap(fixture.calendar.reschedule(event.id, moveByADay));
    expect(fixture.drafts.get(draftId)!.draft.fields).toMatchObject({
      startsAtUtc: '2026-04-24T11:00:00.000Z',
      endsAtUtc: '2026-04-24T16:00:00.000Z',
      what: 'Reworded by the lead.',
    });
  });

  it('refuses a move to the same time, an end before the start, and finished or running work', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    const same = fixture.calendar.reschedule(event.id, {
      startsAtUtc: event.startsAtUtc,
      endsAtUtc: event.endsAtUtc,
    });
    expect(!same.ok && same.error.code).toBe('invalid_argument');
    const backwards = fixture.calendar.reschedule(event.id, {
      startsAtUtc: '2026-04-24T11:00:00.000Z',
      endsAtUtc: '2026-04-24T10:00:00.000Z',
    });
    expect(!backwards.ok && backwards.error).toMatchObject({
      code: 'invalid_argument',
      fields: ['endsAtUtc'],
    });
    unwrap(fixture.calendar.markSent(event.id, 'starting'));
    const running = fixture.calendar.reschedule(event.id, moveByADay);
    expect(!running.ok && running.error.code).toBe('conflict');
    expect(fixture.calendar.reschedule('nope', moveByADay)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('cancelling, sending and duplicating', () => {
  it('cancelling clears every reminder; an announced event gets a "cancelled" draft', () => {
    const fixture = setupCalendar();
    const quiet = fixture.create(certManagerFields({ title: 'Quiet Upgrade' })).event;
    const announced = fixture.create(certManagerFields()).event;
    unwrap(fixture.calendar.markSent(announced.id, 'announcement'));
    expect(unwrap(fixture.calendar.cancel(quiet.id, 'Not needed')).comms).toEqual([]);
    const cancelled = unwrap(fixture.calendar.cancel(announced.id, 'The vendor withdrew the release.'));
    expect(cancelled.event).toMatchObject({
      status: 'cancelled',
      changeReason: 'The vendor withdrew the release.',
    });
    expect(cancelled.comms).toMatchObject([
      { stage: 'cancelled', state: 'ready', draft: { title: 'Cancelled - Certificate Manager Upgrade' } },
    ]);
    expect(fixture.openReminders()).toEqual([]);
    expect(fixture.drafts.all().map((stored) => stored.meta.origin)).toEqual([
      { kind: 'calendar', eventId: announced.id, stage: 'cancelled' },
    ]);
  });

  it('marking a message sent clears its reminder and moves the status; taking it back re-arms it', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    const sent = unwrap(fixture.calendar.markSent(event.id, 'announcement'));
    expect(sent.event.status).toBe('announced');
    expect(sent.comms[0]).toMatchObject({ stage: 'announcement', state: 'sent', reminderState: 'cleared' });
    expect(fixture.openReminders().map((reminder) => reminder.stage)).toEqual([
      'reminder',
      'start',
      'complete',
    ]);
    const unsent = unwrap(fixture.calendar.markSent(event.id, 'announcement', false));
    expect(unsent.event.status).toBe('planned');
    expect(fixture.openReminders().map((reminder) => reminder.stage)).toEqual([
      'announcement',
      'reminder',
      'start',
      'complete',
    ]);
  });

  it('shows an unsent message whose time has passed as overdue', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    fixture.clock.advance(16 * DAY_MS);
    expect(unwrap(fixture.calendar.get(event.id)).comms[0]).toMatchObject({
      stage: 'announcement',
      state: 'overdue',
      reminderState: 'fired',
    });
  });

  it('duplicates an event as a new planned one with its own calendar UID', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    unwrap(fixture.calendar.markSent(event.id, 'announcement'));
    const copy = unwrap(fixture.calendar.duplicate(event.id)).event;
    expect(copy).toMatchObject({
      id: 'id-2',
      uid: 'id-2@herald',
      status: 'planned',
      sentStages: {},
      title: 'Certificate Manager Upgrade (copy)',
      startsAtUtc: event.startsAtUtc,
    });
  });

  it('opens one pre-filled draft per message and reuses it', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    const first = unwrap(fixture.calendar.openDraft(event.id, 'announcement'));
    expect(first.isNew).toBe(true);
    expect(unwrap(fixture.calendar.openDraft(event.id, 'announcement'))).toEqual({
      draftId: first.draftId,
      isNew: false,
    });
    expect(fixture.drafts.get(first.draftId)!.draft).toMatchObject({
      typeId: 'upgrades-maintenance',
      stage: 'announcement',
      channel: 'operations-engineering-update',
      fields: { subject: 'Certificate Manager', isActionRequired: 'yes' },
    });
    expect(unwrap(fixture.calendar.get(event.id)).comms[0]!.draft).toMatchObject({
      id: first.draftId,
      title: 'Action Required - Certificate Manager Upgrade',
    });
  });
});

describe('settings, freezes and the list', () => {
  it('re-arms reminders when the lead times change', () => {
    const fixture = setupCalendar();
    fixture.create(certManagerFields());
    fixture.calendar.updateSettings({ leadTimes: { announcementDaysBefore: 14, reminderDaysBefore: 2 } });
    expect(
      fixture
        .openReminders()
        .slice(0, 2)
        .map((reminder) => reminder.dueAtUtc),
    ).toEqual(['2026-04-09T11:00:00.000Z', '2026-04-21T11:00:00.000Z']);
  });

  it('lists a month: events, messages due in it (even for next month’s work), duties and clashes', () => {
    const fixture = setupCalendar();
    const upgrade = fixture.create(certManagerFields()).event;
    const clash = fixture.create(
      certManagerFields({
        title: 'Ingress Upgrade',
        services: ['ingress'],
        startsAtUtc: '2026-04-23T15:00:00.000Z',
        endsAtUtc: '2026-04-23T17:00:00.000Z',
        userActionDeadlineUtc: null,
      }),
    ).event;
    fixture.create(
      certManagerFields({
        title: 'May Upgrade',
        startsAtUtc: '2026-05-05T11:00:00.000Z',
        endsAtUtc: '2026-05-05T12:00:00.000Z',
        userActionDeadlineUtc: null,
      }),
    );
    const freeze = unwrap(fixture.calendar.addFreeze('Release freeze', '2026-04-23', '2026-04-23'));
    expect(freeze).toMatchObject({
      startsAtUtc: '2026-04-22T23:00:00.000Z',
      endsAtUtc: '2026-04-23T23:00:00.000Z',
    });
    const april = fixture.calendar.list(
      Date.parse('2026-03-30T23:00:00Z'),
      Date.parse('2026-05-03T23:00:00Z'),
    );
    expect(april.events.map((event) => [event.title, event.overlapsWith, event.freezeIds])).toEqual([
      ['Certificate Manager Upgrade', [clash.id], [freeze.id]],
      ['Ingress Upgrade', [upgrade.id], [freeze.id]],
    ]);
    expect(
      april.comms
        .filter((comm) => comm.eventTitle === 'May Upgrade')
        .map((comm) => [comm.stage, comm.dueAtUtc]),
    ).toEqual([['announcement', '2026-04-28T11:00:00.000Z']]);
    expect(april.services).toEqual(['cert-manager', 'ingress']);
    expect(april.duties.map((duty) => duty.dutyId)).toContain('successes-cto:2026-04-24');
    expect(april).toMatchObject({
      zone: 'Europe/London',
      weekStartsOn: 1,
      nowUtc: '2026-04-01T09:00:00.000Z',
    });
    expect(unwrap(fixture.calendar.get(upgrade.id))).toMatchObject({
      overlapTitles: ['Ingress Upgrade'],
      freezeLabels: ['Release freeze'],
    });
    unwrap(fixture.calendar.removeFreeze(freeze.id));
    expect(
      fixture.calendar.list(Date.parse('2026-04-01T00:00:00Z'), Date.parse('2026-05-01T00:00:00Z')).freezes,
    ).toEqual([]);
  });
});

describe('recurring duties', () => {
  it('arm a reminder for each occurrence in the next fortnight', () => {
    const fixture = setupCalendar();
    fixture.calendar.sync();
    expect(
      fixture.scheduler.list().map((reminder) => [reminder.subject, reminder.dueAtUtc, reminder.title]),
    ).toEqual([
      // Friday 3 April 2026 is Good Friday (England, the default region): the CTO's update is due on the Thursday.
      [
        { type: 'duty', dutyId: 'successes-cto:2026-04-03' },
        '2026-04-02T09:00:00.000Z',
        'Successes for the CTO',
      ],
      [{ type: 'duty', dutyId: 'successes-smt:2026-04-02' }, '2026-04-02T09:00:00.000Z', 'Successes for SMT'],
      [
        { type: 'duty', dutyId: 'successes-cto:2026-04-10' },
        '2026-04-10T09:00:00.000Z',
        'Successes for the CTO',
      ],
    ]);
    fixture.calendar.sync();
    expect(fixture.scheduler.list()).toHaveLength(3);
  });

  it('open a digest draft from history and the calendar’s completed maintenance for the period', () => {
    const fixture = setupCalendar({
      history: {
        digestItems: ({ fromMs, toMs }) =>
          [
            {
              kind: 'incident' as const,
              title: 'Incident - Sentry unavailable',
              atUtc: '2026-04-21T10:20:00.000Z',
              durationMs: 50 * 60_000,
            },
            {
              kind: 'feature' as const,
              title: 'New Feature - Self-service DNS',
              atUtc: '2026-04-10T10:20:00.000Z',
            },
          ].filter((item) => Date.parse(item.atUtc) >= fromMs && Date.parse(item.atUtc) < toMs),
      },
    });
    const { event } = fixture.create(certManagerFields());
    unwrap(fixture.calendar.markSent(event.id, 'starting'));
    fixture.clock.advance(Date.parse('2026-04-23T16:05:00Z') - fixture.clock.now());
    unwrap(fixture.calendar.markSent(event.id, 'complete'));
    const opened = unwrap(fixture.calendar.openDuty('successes-cto:2026-04-24'));
    const draft = fixture.drafts.get(opened.draftId)!;
    expect(draft.meta.origin).toEqual({ kind: 'duty', dutyId: 'successes-cto:2026-04-24' });
    expect(draft.draft).toMatchObject({
      typeId: 'successes-cto',
      fields: { achievement: 'Highlights for 17 – 24 Apr 2026' },
    });
    expect(draft.draft.body).toContain('• Incident - Sentry unavailable (Tue 21 Apr, resolved in 50 min)');
    expect(draft.draft.body).toContain('• Certificate Manager Upgrade (Thu 23 Apr)');
    expect(draft.draft.body).not.toContain('Self-service DNS');
    expect(unwrap(fixture.calendar.openDuty('successes-cto:2026-04-24'))).toEqual({
      draftId: opened.draftId,
      isNew: false,
    });
    expect(
      fixture.calendar
        .list(Date.parse('2026-04-20T00:00:00Z'), Date.parse('2026-04-27T00:00:00Z'))
        .duties.find((duty) => duty.dutyId === 'successes-cto:2026-04-24')?.draftId,
    ).toBe(opened.draftId);
  });

  it('refuse an occurrence of a duty the plan does not have', () => {
    const fixture = setupCalendar();
    expect(fixture.calendar.openDuty('blog-requests:2026-04-24')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('messages sent through the outbox', () => {
  it('mark the event’s message as sent, found through the draft it was sent from', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    const { draftId } = unwrap(fixture.calendar.openDraft(event.id, 'announcement'));
    fixture.calendar.noteSent({ state: 'queued', sentAtUtc: null, source: { draftId } });
    expect(unwrap(fixture.calendar.get(event.id)).event.status).toBe('planned');
    fixture.calendar.noteSent({
      state: 'sent',
      sentAtUtc: '2026-04-16T11:00:05.000Z',
      source: { draftId, stage: 'announcement' },
    });
    const after = unwrap(fixture.calendar.get(event.id));
    expect(after.event).toMatchObject({
      status: 'announced',
      sentStages: { announcement: '2026-04-16T11:00:05.000Z' },
    });
    expect(fixture.openReminders().map((reminder) => reminder.stage)).toEqual([
      'reminder',
      'start',
      'complete',
    ]);
  });

  it('ignore messages that are not an event’s', () => {
    const fixture = setupCalendar();
    const { event } = fixture.create(certManagerFields());
    fixture.calendar.noteSent({
      state: 'sent',
      sentAtUtc: '2026-04-16T11:00:05.000Z',
      source: { draftId: 'unknown' },
    });
    fixture.calendar.noteSent({
      state: 'sent',
      sentAtUtc: '2026-04-16T11:00:05.000Z',
      source: { eventId: event.id, stage: 'not-a-stage' },
    });
    expect(unwrap(fixture.calendar.get(event.id)).event.sentStages).toEqual({});
  });
});
