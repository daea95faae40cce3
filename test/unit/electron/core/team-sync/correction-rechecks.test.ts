// Which messages the team sync reads again for a correction: what each channel
// last heard of another lead's maintenance still to come, in a stable order.
import { describe, expect, it } from 'vitest';
import type { HeardRecord } from '../../../../../electron/core/audiences/audience-ledger.ts';
import { correctionRechecks } from '../../../../../electron/core/team-sync/correction-rechecks.ts';
import type { MaintenanceEvent } from '../../../../../shared/calendar/maintenance-event.ts';
import { makeEvent } from '../../../shared/calendar/event-fixtures.ts';

const heard = (ts: string | null): HeardRecord =>
  ({ heraldId: `h-${ts}`, ts, via: 'team', actor: 'U0COMMSLEAD' }) as unknown as HeardRecord;

describe('maintenance messages read again for a correction', () => {
  it('names each channel’s latest message about another lead’s unfinished maintenance, oldest first', () => {
    const events: Record<string, MaintenanceEvent> = {
      theirs: makeEvent({ id: 'theirs', origin: 'slack', status: 'announced' }),
      mine: makeEvent({ id: 'mine', origin: 'local', status: 'announced' }),
      over: makeEvent({ id: 'over', origin: 'slack', status: 'complete' }),
    };
    const ledger = {
      subjectKeys: () => [
        'maintenance:theirs',
        'maintenance:mine',
        'maintenance:over',
        'maintenance:gone',
        'incident:i-1',
      ],
      channelsOf: (key: string): Record<string, HeardRecord> =>
        key === 'maintenance:theirs'
          ? {
              'ask-comms': heard('1776000002.000100'),
              'operations-engineering-update': heard('1776000001.000100'),
            }
          : { 'operations-engineering-update': heard('1776000003.000100') },
    };
    expect(correctionRechecks({ ledger, findEvent: (id) => events[id], incidents: [], nowMs: 0 })).toEqual([
      { channel: 'operations-engineering-update', ts: '1776000001.000100' },
      { channel: 'ask-comms', ts: '1776000002.000100' },
    ]);
  });

  it('skips a message this Herald has sent but Slack has not yet numbered', () => {
    const ledger = {
      subjectKeys: () => ['maintenance:theirs'],
      channelsOf: () => ({ 'ask-comms': heard(null) }),
    };
    const event = makeEvent({ id: 'theirs', origin: 'slack', status: 'planned' });
    expect(correctionRechecks({ ledger, findEvent: () => event, incidents: [], nowMs: 0 })).toEqual([]);
  });

  it('names the thread of an incident resolved within a day, not an open one’s (read every round) nor an older one’s', () => {
    const nowMs = Date.parse('2026-04-23T12:00:00.000Z');
    const resolvedAgo = (hours: number) => new Date(nowMs - hours * 3_600_000).toISOString();
    const ledger = { subjectKeys: () => [], channelsOf: () => ({}) };
    const incidents = [
      {
        state: 'resolved' as const,
        resolvedAtUtc: resolvedAgo(1),
        threadTs: '1776000005.000100',
        channel: '#ask-comms',
      },
      {
        state: 'resolved' as const,
        resolvedAtUtc: resolvedAgo(25),
        threadTs: '1776000004.000100',
        channel: 'ask-comms',
      },
      { state: 'open' as const, resolvedAtUtc: null, threadTs: '1776000006.000100', channel: 'ask-comms' },
    ];
    expect(correctionRechecks({ ledger, findEvent: () => undefined, incidents, nowMs })).toEqual([
      { channel: 'ask-comms', ts: '1776000005.000100', isThread: true },
    ]);
  });
});
