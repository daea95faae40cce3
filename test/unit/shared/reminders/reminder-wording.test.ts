import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../../shared/reminders/reminder.ts';
import {
  alertHeadline,
  describeMessageDue,
  latenessOf,
} from '../../../../shared/reminders/reminder-wording.ts';

const ZONE = 'Europe/London';
const PROMISED_MS = Date.parse('2026-04-23T11:30:00.000Z'); // 12:30 BST
const MINUTE_MS = 60_000;

function reminder(overrides: Partial<Reminder> = {}): Reminder {
  const at = new Date(PROMISED_MS).toISOString();
  return {
    id: 'r1',
    kind: 'incident_due',
    subject: { type: 'incident', incidentId: 'i1' },
    title: 'Sentry',
    isIncidentPromise: true,
    dueAtUtc: at,
    eventAtUtc: at,
    repeatEveryMs: null,
    state: 'fired',
    createdAtUtc: '2026-04-23T11:00:00.000Z',
    firedAtUtc: at,
    wasLate: false,
    snoozeCount: 0,
    closedAtUtc: null,
    closedReason: null,
    ...overrides,
  };
}

describe('reminder wording follows the clock', () => {
  it('moves one fired alert from due in, to due now, to minutes late', () => {
    const due = reminder();
    expect(describeMessageDue(due, PROMISED_MS - 5 * MINUTE_MS, ZONE)).toBe(
      'Incident update due in 5 min (12:30 BST)',
    );
    expect(describeMessageDue(due, PROMISED_MS, ZONE)).toBe('Incident update due now (12:30 BST)');
    expect(describeMessageDue(due, PROMISED_MS + 15 * MINUTE_MS, ZONE)).toBe(
      'Incident update overdue since 12:30 BST (15 minutes late)',
    );
    expect(alertHeadline(due, PROMISED_MS - 5 * MINUTE_MS)).toBe('Update due in 5 min');
    expect(alertHeadline(due, PROMISED_MS)).toBe('Update due now');
    expect(alertHeadline(due, PROMISED_MS + 15 * MINUTE_MS)).toBe('Update overdue');
    expect(latenessOf(due, PROMISED_MS)).toBeNull();
    expect(latenessOf(due, PROMISED_MS + 15 * MINUTE_MS)).toBe('15 minutes late');
  });

  it('says when a snoozed alert comes back', () => {
    const snoozed = reminder({
      state: 'armed',
      firedAtUtc: null,
      snoozeCount: 1,
      dueAtUtc: new Date(PROMISED_MS + 20 * MINUTE_MS).toISOString(),
    });
    expect(describeMessageDue(snoozed, PROMISED_MS + 15 * MINUTE_MS, ZONE)).toBe(
      'Incident update overdue since 12:30 BST (15 minutes late) · snoozed until 12:50',
    );
  });

  it('names calendar and duty messages by kind', () => {
    const duty = reminder({
      kind: 'plan_duty',
      subject: { type: 'duty', dutyId: 'cto' },
      isIncidentPromise: false,
    });
    expect(alertHeadline(duty, PROMISED_MS)).toBe('Plan duty due now');
    expect(alertHeadline(duty, PROMISED_MS + 2 * MINUTE_MS)).toBe('Plan duty overdue');
  });
});
