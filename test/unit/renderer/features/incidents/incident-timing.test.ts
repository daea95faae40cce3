import { describe, expect, it } from 'vitest';
import { nextUpdateLine, reminderLine } from '../../../../../renderer/features/incidents/incident-timing.ts';
import type { Incident } from '../../../../../shared/incidents/incident.ts';
import type { Reminder } from '../../../../../shared/reminders/reminder.ts';

const zone = 'Europe/London';
const nowMs = Date.parse('2026-04-23T11:00:00Z'); // 12:00 BST

const incident: Incident = {
  id: 'i1',
  service: 'Sentry',
  title: 'High Priority Incident Declared - Sentry',
  state: 'open',
  channel: 'operations-engineering-update',
  declaredAtUtc: '2026-04-23T10:50:00.000Z',
  resolvedAtUtc: null,
  declarationOutboxId: 'o1',
  threadTs: '1776941400.000100',
  nextUpdateAtUtc: '2026-04-23T11:30:00.000Z',
  postmortemUrl: null,
  timeline: [],
  priority: 'high',
  carried: { fields: {}, notApplicable: {} },
  owner: '',
  origin: 'local',
  slackEvents: [],
  ownershipNotice: null,
  status: 'investigating',
  headlineText: null,
};

function reminder(overrides: Partial<Reminder>): Reminder {
  return {
    id: 'r1',
    kind: 'incident_due',
    subject: { type: 'incident', incidentId: 'i1' },
    title: 'Sentry',
    isIncidentPromise: true,
    dueAtUtc: '2026-04-23T11:30:00.000Z',
    eventAtUtc: '2026-04-23T11:30:00.000Z',
    repeatEveryMs: null,
    state: 'armed',
    createdAtUtc: '2026-04-23T10:50:00.000Z',
    firedAtUtc: null,
    wasLate: false,
    snoozeCount: 0,
    closedAtUtc: null,
    closedReason: null,
    ...overrides,
  };
}

describe('incident timing', () => {
  it('states the next promised update in the lead’s zone and relative to now', () => {
    expect(nextUpdateLine(incident, nowMs, zone)).toEqual({
      isOverdue: false,
      text: 'Next update promised for Thu 23 Apr 2026, 12:30 BST (in 30 min).',
    });
  });

  it('says “Overdue” in words once the promise has passed', () => {
    const line = nextUpdateLine(incident, nowMs + 45 * 60_000, zone);
    expect(line.isOverdue).toBe(true);
    expect(line.text).toBe('Overdue: the update promised for Thu 23 Apr 2026, 12:30 BST is 15 minutes late.');
  });

  it('counts a declaration’s promise from when it reaches Slack, never overdue before then', () => {
    const queued = { ...incident, threadTs: null };
    // Declared at 11:50 BST promising 12:30: 40 minutes after the post, however long it waits.
    for (const atMs of [nowMs, nowMs + 3 * 3_600_000]) {
      expect(nextUpdateLine(queued, atMs, zone)).toEqual({
        isOverdue: false,
        text: 'Next update in 40 min from when the declaration reaches Slack; its reminders start then.',
      });
    }
    // Another lead's incident read from Slack is in Slack by definition.
    expect(nextUpdateLine({ ...queued, origin: 'slack' }, nowMs + 3 * 3_600_000, zone).isOverdue).toBe(true);
  });

  it('asks for a promise when there is none, and reports resolution', () => {
    expect(nextUpdateLine({ ...incident, nextUpdateAtUtc: null }, nowMs, zone).text).toContain(
      'No next update has been promised',
    );
    expect(
      nextUpdateLine(
        { ...incident, state: 'resolved', resolvedAtUtc: '2026-04-23T10:00:00.000Z', nextUpdateAtUtc: null },
        nowMs,
        zone,
      ).text,
    ).toBe('Resolved Thu 23 Apr 2026, 11:00 BST (1 h ago).');
  });

  it('names the earliest armed reminder of this incident only', () => {
    const reminders = [
      reminder({ id: 'due' }),
      reminder({ id: 'heads-up', kind: 'incident_heads_up', dueAtUtc: '2026-04-23T11:25:00.000Z' }),
      reminder({
        id: 'other',
        subject: { type: 'incident', incidentId: 'i2' },
        dueAtUtc: '2026-04-23T11:05:00.000Z',
      }),
      reminder({ id: 'closed', state: 'cleared', dueAtUtc: '2026-04-23T11:01:00.000Z' }),
    ];
    expect(reminderLine(reminders, 'i1', zone, nowMs)).toBe('Reminder armed for 12:25.');
    expect(reminderLine([], 'i1', zone, nowMs)).toBeNull();
  });

  it('says when a reminder has fired, the most advanced one speaking for the rest', () => {
    const headsUp = reminder({
      id: 'h',
      kind: 'incident_heads_up',
      state: 'fired',
      dueAtUtc: '2026-04-23T11:25:00.000Z',
      firedAtUtc: '2026-04-23T11:25:00.000Z',
    });
    expect(reminderLine([headsUp], 'i1', zone, Date.parse('2026-04-23T11:25:00.000Z'))).toBe(
      'Heads-up given at 12:25: the update is due at 12:30.',
    );
    const due = reminder({ state: 'fired', firedAtUtc: '2026-04-23T11:30:00.000Z' });
    const promisedMs = Date.parse('2026-04-23T11:30:00.000Z');
    expect(reminderLine([headsUp, due], 'i1', zone, promisedMs)).toBe(
      'Reminder fired at 12:30: the update promised for 12:30 is due now.',
    );
    // Left alone, the same alert follows the clock: never "is due" a quarter of an hour late.
    expect(reminderLine([headsUp, due], 'i1', zone, promisedMs + 15 * 60_000)).toBe(
      'Reminder fired at 12:30: the update promised for 12:30 is 15 minutes late.',
    );
  });
});
