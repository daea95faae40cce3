import { describe, expect, it } from 'vitest';
import {
  attentionItems,
  notificationCentreSections,
  reminderUrgency,
  trayState,
} from '../../../../shared/reminders/attention.ts';
import type {
  Reminder,
  ReminderKind,
  ReminderState,
  ReminderSubject,
} from '../../../../shared/reminders/reminder.ts';

const NOW_MS = Date.UTC(2026, 3, 23, 10, 0);
const MINUTE_MS = 60_000;
const options = { dueSoonWindowMs: 15 * MINUTE_MS };

let idCount = 0;
function reminder(
  kind: ReminderKind,
  state: ReminderState,
  dueInMin: number,
  subject: ReminderSubject = { type: 'incident', incidentId: 'inc' },
  eventInMin = dueInMin,
): Reminder {
  const dueAtUtc = new Date(NOW_MS + dueInMin * MINUTE_MS).toISOString();
  return {
    id: `r${++idCount}`,
    kind,
    subject,
    title: `${kind} ${idCount}`,
    isIncidentPromise: kind.startsWith('incident'),
    dueAtUtc,
    eventAtUtc: new Date(NOW_MS + eventInMin * MINUTE_MS).toISOString(),
    repeatEveryMs: kind === 'incident_overdue' ? 5 * MINUTE_MS : null,
    state,
    createdAtUtc: new Date(NOW_MS - 60 * MINUTE_MS).toISOString(),
    firedAtUtc: state === 'fired' ? dueAtUtc : null,
    wasLate: false,
    snoozeCount: 0,
    closedAtUtc: state === 'dismissed' || state === 'cleared' ? dueAtUtc : null,
    closedReason: state === 'dismissed' ? 'dismissed' : state === 'cleared' ? 'resolved' : null,
  };
}

describe('reminderUrgency', () => {
  it('ranks fired alerts by where their message stands on the clock, and armed ones by how soon they are due', () => {
    const incident = { type: 'incident', incidentId: 'inc' } as const;
    expect(reminderUrgency(reminder('incident_heads_up', 'fired', -1, incident, 4), NOW_MS, options)).toBe(
      'due_soon',
    );
    expect(reminderUrgency(reminder('incident_due', 'fired', 0), NOW_MS, options)).toBe('due');
    // A "due" alert left alone is overdue a minute after the promised time, before the overdue alert fires.
    expect(reminderUrgency(reminder('incident_due', 'fired', -1), NOW_MS, options)).toBe('overdue');
    expect(reminderUrgency(reminder('incident_due', 'fired', -15), NOW_MS, options)).toBe('overdue');
    expect(reminderUrgency(reminder('incident_overdue', 'fired', -1, incident, -6), NOW_MS, options)).toBe(
      'overdue',
    );
    expect(reminderUrgency(reminder('plan_duty', 'fired', 0), NOW_MS, options)).toBe('due');
    expect(reminderUrgency(reminder('plan_duty', 'fired', -20), NOW_MS, options)).toBe('overdue');
    expect(reminderUrgency(reminder('plan_duty', 'armed', 10), NOW_MS, options)).toBe('due_soon');
    expect(reminderUrgency(reminder('plan_duty', 'armed', 60), NOW_MS, options)).toBeNull();
    expect(
      reminderUrgency(reminder('plan_duty', 'armed', 60), NOW_MS, { ...options, includeUpcoming: true }),
    ).toBe('upcoming');
    expect(reminderUrgency(reminder('incident_due', 'dismissed', -1), NOW_MS, options)).toBeNull();
    expect(reminderUrgency(reminder('incident_due', 'cleared', -1), NOW_MS, options)).toBeNull();
  });
});

describe('trayState', () => {
  it('is idle with nothing due', () => {
    expect(
      trayState(
        [reminder('plan_duty', 'armed', 120), reminder('incident_due', 'dismissed', -5)],
        NOW_MS,
        options,
      ),
    ).toEqual({
      state: 'idle',
      count: 0,
      items: [],
    });
  });

  it('is due soon when something comes within the window', () => {
    const tray = trayState(
      [reminder('incident_heads_up', 'armed', 5), reminder('incident_due', 'armed', 10)],
      NOW_MS,
      options,
    );
    expect(tray.state).toBe('due_soon');
    expect(tray.count).toBe(1);
  });

  it('is overdue when an alert is due or overdue, counting one item per subject, most urgent first', () => {
    const duty = reminder('plan_duty', 'armed', 10, { type: 'duty', dutyId: 'cto' });
    const headsUp = reminder('incident_heads_up', 'cleared', -10);
    const due = reminder('incident_due', 'fired', -5, undefined, -5);
    const overdue = reminder('incident_overdue', 'fired', 0, undefined, -5);
    const nextOverdue = reminder('incident_overdue', 'armed', 5);
    const tray = trayState([duty, headsUp, due, overdue, nextOverdue], NOW_MS, options);
    expect(tray.state).toBe('overdue');
    expect(tray.count).toBe(2);
    expect(tray.items.map((item) => [item.urgency, item.reminder.id])).toEqual([
      ['overdue', overdue.id],
      ['due_soon', duty.id],
    ]);
  });
});

describe('notification centre', () => {
  it('sorts items into sections, soonest first, with a cap on upcoming', () => {
    const incidentB = { type: 'incident', incidentId: 'b' } as const;
    const sections = notificationCentreSections(
      [
        reminder('incident_overdue', 'fired', -2),
        reminder('incident_due', 'fired', 0, incidentB),
        reminder('maintenance_comm', 'armed', 12, { type: 'maintenance', eventId: 'e', stage: 'start' }),
        reminder('plan_duty', 'armed', 300, { type: 'duty', dutyId: 'later' }),
        reminder('plan_duty', 'armed', 200, { type: 'duty', dutyId: 'sooner' }),
      ],
      NOW_MS,
      { ...options, upcomingLimit: 1 },
    );
    expect(sections.overdue.map((item) => item.subjectKey)).toEqual(['incident:inc']);
    expect(sections.due.map((item) => item.subjectKey)).toEqual(['incident:b']);
    expect(sections.dueSoon.map((item) => item.subjectKey)).toEqual(['maintenance:e:start']);
    expect(sections.upcoming.map((item) => item.subjectKey)).toEqual(['duty:sooner']);
  });

  it('prefers a fired alert as the one to act on when urgencies tie', () => {
    const armedDue = reminder('incident_due', 'armed', -1);
    const firedDue = reminder('incident_due', 'fired', -3);
    const [item] = attentionItems([armedDue, firedDue], NOW_MS, options);
    expect(item?.reminder.id).toBe(firedDue.id);
  });
});
