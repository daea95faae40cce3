import { describe, expect, it } from 'vitest';
import { buildDigest, formatDuration, periodLabel } from '../../../../shared/calendar/digest.ts';
import { ZONE } from './event-fixtures.ts';

const period = { startMs: Date.parse('2026-04-17T09:00:00Z'), endMs: Date.parse('2026-04-24T09:00:00Z') };

describe('duty digests', () => {
  it('group what happened in the period by kind, in time order, with incident durations', () => {
    const digest = buildDigest(
      [
        {
          kind: 'incident',
          title: 'Incident - Sentry unavailable',
          atUtc: '2026-04-21T10:20:00Z',
          durationMs: 80 * 60_000,
        },
        { kind: 'feature', title: 'New Feature - Self-service DNS', atUtc: '2026-04-20T14:00:00Z' },
        { kind: 'maintenance', title: 'Certificate Manager Upgrade', atUtc: '2026-04-23T16:00:00Z' },
        { kind: 'feature', title: 'Too early', atUtc: '2026-04-16T14:00:00Z' },
        { kind: 'feature', title: 'Too late', atUtc: '2026-04-24T09:00:00Z' },
      ],
      period,
      ZONE,
    );
    expect(digest.fields).toEqual({ achievement: 'Highlights for 17 – 24 Apr 2026' });
    expect(digest.body).toBe(
      [
        '*Features and services announced*',
        '• New Feature - Self-service DNS (Mon 20 Apr)',
        '',
        '*Incidents resolved*',
        '• Incident - Sentry unavailable (Tue 21 Apr, resolved in 1 h 20 min)',
        '',
        '*Upgrades and maintenance completed*',
        '• Certificate Manager Upgrade (Thu 23 Apr)',
      ].join('\n'),
    );
  });

  it('say plainly when nothing was recorded', () => {
    expect(buildDigest([], period, ZONE).body).toMatch(/no announcements/);
  });

  it('write durations and periods for people', () => {
    expect([formatDuration(45 * 60_000), formatDuration(26 * 3_600_000), formatDuration(0)]).toEqual([
      '45 min',
      '1 day 2 h',
      'under a minute',
    ]);
    expect(periodLabel(Date.parse('2026-04-27T09:00:00Z'), Date.parse('2026-05-08T09:00:00Z'), ZONE)).toBe(
      '27 Apr – 8 May 2026',
    );
  });
});
