import { describe, expect, it } from 'vitest';
import {
  createHistoryDigestSource,
  headlineOf,
} from '../../../../../electron/core/calendar/history-digest.ts';
import type { HistoryEntry } from '../../../../../shared/history/history-entry.ts';
import type { HistoryQuery } from '../../../../../shared/history/history-query.ts';
import type { Incident } from '../../../../../shared/incidents/incident.ts';
import { resetToDefaultPlan } from '../../../../../shared/plan/index.ts';

function entry(overrides: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 'h1',
    channelId: 'C1',
    channelName: 'operations-engineering-update',
    text: '*New Feature - Self-service DNS*\nYou can now manage records yourself.',
    ts: '1776000000.000100',
    threadTs: null,
    replyBroadcast: false,
    permalink: null,
    sentAtUtc: '2026-04-20T14:00:00.000Z',
    via: 'post',
    source: { typeId: 'new-features', stage: 'message' },
    checklist: [],
    override: null,
    draft: null,
    editedAtUtc: null,
    versions: [],
    ...overrides,
  };
}

function incident(overrides: Partial<Incident>): Incident {
  return {
    id: 'i1',
    service: 'Sentry',
    title: 'Incident - Sentry unavailable',
    state: 'resolved',
    channel: 'operations-engineering-update',
    declaredAtUtc: '2026-04-21T09:00:00.000Z',
    resolvedAtUtc: '2026-04-21T10:20:00.000Z',
    declarationOutboxId: 'o1',
    threadTs: null,
    nextUpdateAtUtc: null,
    postmortemUrl: null,
    timeline: [],
    priority: '',
    carried: { fields: {}, notApplicable: {} },
    owner: '',
    origin: 'local',
    slackEvents: [],
    ownershipNotice: null,
    status: 'resolved',
    headlineText: null,
    ...overrides,
  };
}

describe('the digest’s history source', () => {
  it('reads feature announcements from history and resolved incidents with their length', () => {
    const queries: HistoryQuery[] = [];
    const source = createHistoryDigestSource({
      history: {
        list: (query) => {
          queries.push(query);
          return {
            entries: [
              entry({}),
              entry({ id: 'h2', source: { typeId: 'incidents', stage: 'update' } }),
              entry({ id: 'h3', threadTs: '1776000000.000100' }),
            ],
          };
        },
      },
      incidents: () => [
        incident({}),
        incident({ id: 'open', state: 'open', resolvedAtUtc: null }),
        incident({ id: 'old', resolvedAtUtc: '2026-03-01T10:00:00.000Z' }),
      ],
      plan: resetToDefaultPlan,
    });
    const items = source.digestItems({
      fromMs: Date.parse('2026-04-17T09:00:00Z'),
      toMs: Date.parse('2026-04-24T09:00:00Z'),
    });
    expect(queries).toEqual([
      { fromUtc: '2026-04-17T09:00:00.000Z', toUtc: '2026-04-24T09:00:00.000Z', limit: 1_000 },
    ]);
    expect(items).toEqual([
      { kind: 'feature', title: 'New Feature - Self-service DNS', atUtc: '2026-04-20T14:00:00.000Z' },
      {
        kind: 'incident',
        title: 'Incident - Sentry unavailable',
        atUtc: '2026-04-21T10:20:00.000Z',
        durationMs: 80 * 60_000,
      },
    ]);
  });

  it('takes a message’s headline from its first line', () => {
    expect(headlineOf('\n*Complete - Certificate Manager Upgrade*\n\nBody')).toBe(
      'Complete - Certificate Manager Upgrade',
    );
  });
});
