import { describe, expect, it } from 'vitest';
import { scheduleArgsSchema } from '../../../../shared/reminders/reminder-requests.ts';
import {
  defaultReminderSettings,
  reminderSettingsSchema,
} from '../../../../shared/reminders/reminder-settings.ts';
import { kindRank, reminderSchema, subjectMatches } from '../../../../shared/reminders/reminder.ts';
import { subjectKey } from '../../../../shared/reminders/reminder-facts.ts';

describe('reminder subjects', () => {
  it('gives each subject a stable, unambiguous key', () => {
    expect(subjectKey({ type: 'incident', incidentId: 'a:b' })).toBe('incident:a%3Ab');
    expect(subjectKey({ type: 'maintenance', eventId: 'ev', stage: 'start' })).toBe('maintenance:ev:start');
    expect(subjectKey({ type: 'duty', dutyId: 'cto' })).toBe('duty:cto');
  });

  it('matches a maintenance event with or without a stage', () => {
    const start = { type: 'maintenance', eventId: 'ev', stage: 'start' } as const;
    expect(subjectMatches({ type: 'maintenance', eventId: 'ev' }, start)).toBe(true);
    expect(subjectMatches({ type: 'maintenance', eventId: 'ev', stage: 'complete' }, start)).toBe(false);
    expect(subjectMatches({ type: 'maintenance', eventId: 'other' }, start)).toBe(false);
    expect(subjectMatches({ type: 'incident', incidentId: 'ev' }, start)).toBe(false);
    expect(subjectMatches({ type: 'duty', dutyId: 'd' }, { type: 'duty', dutyId: 'd' })).toBe(true);
  });

  it('ranks incident alerts heads-up < due < overdue', () => {
    expect(kindRank('incident_heads_up')).toBeLessThan(kindRank('incident_due'));
    expect(kindRank('incident_due')).toBeLessThan(kindRank('incident_overdue'));
  });
});

describe('reminder schema', () => {
  it('accepts only UTC instants', () => {
    const base = {
      id: 'r1',
      kind: 'plan_duty',
      subject: { type: 'duty', dutyId: 'cto' },
      title: 'Weekly successes',
      isIncidentPromise: false,
      dueAtUtc: '2026-04-23T10:00:00.000Z',
      eventAtUtc: '2026-04-23T10:00:00.000Z',
      repeatEveryMs: null,
      state: 'armed',
      createdAtUtc: '2026-04-23T09:00:00.000Z',
      firedAtUtc: null,
      wasLate: false,
      snoozeCount: 0,
      closedAtUtc: null,
      closedReason: null,
    };
    expect(reminderSchema.safeParse(base).success).toBe(true);
    expect(reminderSchema.safeParse({ ...base, dueAtUtc: '2026-04-23T11:00:00+01:00' }).success).toBe(false);
    expect(reminderSchema.safeParse({ ...base, state: 'snoozed' }).success).toBe(false);
  });
});

describe('reminder settings', () => {
  it('defaults to a 5-minute heads-up, 5-minute overdue repeat and 5-minute snooze, without quiet hours', () => {
    expect(defaultReminderSettings).toMatchObject({
      headsUpBeforeMs: 300_000,
      overdueRepeatMs: 300_000,
      snoozeMs: 300_000,
      isSoundEnabled: true,
    });
    expect(defaultReminderSettings.quietHours).toBeUndefined();
  });

  it('validates quiet hours', () => {
    const parse = (quietHours: unknown) => reminderSettingsSchema.safeParse({ quietHours }).success;
    expect(parse({ startHHMM: '22:00', endHHMM: '07:00', zone: 'Europe/London' })).toBe(true);
    expect(parse({ startHHMM: '24:00', endHHMM: '07:00', zone: 'Europe/London' })).toBe(false);
    expect(parse({ startHHMM: '22:00', endHHMM: '7:00', zone: 'Europe/London' })).toBe(false);
    expect(parse({ startHHMM: '22:00', endHHMM: '07:00', zone: 'Mars/Olympus' })).toBe(false);
  });

  it('ties a scheduled reminder’s kind to its subject', () => {
    const args = { dueAtMs: 0, title: 'x' };
    expect(
      scheduleArgsSchema.safeParse({ ...args, kind: 'plan_duty', subject: { type: 'duty', dutyId: 'd' } })
        .success,
    ).toBe(true);
    expect(
      scheduleArgsSchema.safeParse({
        ...args,
        kind: 'maintenance_comm',
        subject: { type: 'duty', dutyId: 'd' },
      }).success,
    ).toBe(false);
  });
});
