import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/history/history-entry.ts';
import { matchesHistoryQuery, searchHistory } from '../../../../shared/history/history-query.ts';

const entry = (id: string, overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  channelId: 'C0OPSENGUPD',
  channelName: 'operations-engineering-update',
  text: 'Sentry is unavailable',
  ts: '1776675600.000100',
  threadTs: null,
  replyBroadcast: false,
  permalink: null,
  sentAtUtc: '2026-04-20T09:00:00.000Z',
  via: 'post',
  source: {},
  checklist: [],
  override: null,
  draft: null,
  editedAtUtc: null,
  versions: [],
  ...overrides,
});

describe('searching history', () => {
  it('needs every word, in any case and order', () => {
    expect(matchesHistoryQuery(entry('a'), { text: 'UNAVAILABLE sentry' })).toBe(true);
    expect(matchesHistoryQuery(entry('a'), { text: 'sentry restored' })).toBe(false);
    expect(matchesHistoryQuery(entry('a'), { text: '   ' })).toBe(true);
  });

  it('matches a channel by name (with or without #) or by id', () => {
    for (const channel of ['#Operations-Engineering-Update', 'operations-engineering-update', 'C0OPSENGUPD'])
      expect(matchesHistoryQuery(entry('a'), { channel })).toBe(true);
    expect(matchesHistoryQuery(entry('a'), { channel: 'chat' })).toBe(false);
  });

  it('takes the range as from (inclusive) to (exclusive), newest first, limited but counted', () => {
    const entries = ['2026-04-18', '2026-04-19', '2026-04-20'].map((day, n) =>
      entry(String(n), { sentAtUtc: `${day}T09:00:00.000Z` }),
    );
    expect(
      searchHistory(entries, {
        fromUtc: '2026-04-19T09:00:00.000Z',
        toUtc: '2026-04-20T09:00:00.000Z',
      }).entries.map((found) => found.id),
    ).toEqual(['1']);
    expect(searchHistory(entries, { limit: 2 })).toMatchObject({
      total: 3,
      entries: [{ id: '2' }, { id: '1' }],
    });
  });
});
