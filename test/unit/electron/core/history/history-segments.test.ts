// History's month segments: the move from the old single history.json (an
// old-format fixture in, month files and an index out), paging and searching
// across months, updates in place, and recovery from a line cut short.
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHistorySegments } from '../../../../../electron/core/history/history-segments.ts';
import type { StorageNotice } from '../../../../../shared/api/channels/app.ts';
import type { HistoryEntry } from '../../../../../shared/history/history-entry.ts';
import { makeDataDir } from '../../../../support/core-fixture.ts';

const entry = (n: number, sentAtUtc: string, overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `entry-${n}`,
  channelId: n % 2 ? 'C0OPSENGUPD' : 'C0ASKCOMMS',
  channelName: n % 2 ? 'operations-engineering-update' : 'ask-comms',
  text: `Message number ${n}`,
  ts: `17766756${String(n).padStart(2, '0')}.000100`,
  threadTs: null,
  replyBroadcast: false,
  permalink: null,
  sentAtUtc,
  via: 'post',
  source: {},
  checklist: [],
  override: null,
  draft: null,
  editedAtUtc: null,
  versions: [],
  ...overrides,
});

/** Ten entries over three months: two in February, three in March, five in April. */
const tenEntries = () => [
  entry(0, '2026-02-10T09:00:00.000Z'),
  entry(1, '2026-02-20T09:00:00.000Z'),
  entry(2, '2026-03-01T00:00:00.000Z'),
  entry(3, '2026-03-15T09:00:00.000Z'),
  entry(4, '2026-03-31T23:59:59.000Z'),
  ...[5, 6, 7, 8, 9].map((n) => entry(n, `2026-04-0${n - 4}T09:00:00.000Z`)),
];

function open(dataDir: string, notices: StorageNotice[] = [], badLines: Array<[string, number]> = []) {
  return openHistorySegments(dataDir, {
    nowMs: () => Date.parse('2026-04-20T09:00:00Z'),
    onQuarantine: (notice) => notices.push(notice),
    onBadLines: (month, count) => badLines.push([month, count]),
  });
}

function recorded(dataDir: string, entries = tenEntries()) {
  const segments = open(dataDir);
  for (const each of entries) segments.append(each, true);
  // As core.stop() does; otherwise the index is written within a second.
  segments.flush();
  return segments;
}

const ids = (found: { entries: HistoryEntry[] }) => found.entries.map((each) => each.id);

describe('moving an old history.json to month segments', () => {
  it('writes one file per month and an index, keeps the old file aside, and finds everything', () => {
    const dataDir = makeDataDir();
    const entries = tenEntries();
    // As the conf-backed store wrote it: every entry in one file, in the order sent.
    const content = JSON.stringify({ schemaVersion: 1, data: { entries } }, null, '\t');
    writeFileSync(join(dataDir, 'history.json'), content);

    const segments = open(dataDir);
    expect(readdirSync(join(dataDir, 'history')).sort()).toEqual([
      '2026-02.jsonl',
      '2026-03.jsonl',
      '2026-04.jsonl',
      'index.json',
    ]);
    expect(JSON.parse(readFileSync(join(dataDir, 'history', 'index.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
      data: { segments: { '2026-02': { entries: 2 }, '2026-03': { entries: 3 }, '2026-04': { entries: 5 } } },
    });
    expect(readFileSync(join(dataDir, 'history.migrated.json'), 'utf8')).toBe(content);
    expect(existsSync(join(dataDir, 'history.json'))).toBe(false);
    expect(segments.query({ limit: 100 })).toEqual({ entries: [...entries].reverse(), total: 10 });
  });

  it('quarantines an unreadable old history.json and starts empty', () => {
    const dataDir = makeDataDir();
    writeFileSync(join(dataDir, 'history.json'), '{"schemaVersion":1,"data":{"entries":[{"id":');
    const notices: StorageNotice[] = [];
    expect(open(dataDir, notices).query({})).toEqual({ entries: [], total: 0 });
    expect(notices).toEqual([expect.objectContaining({ store: 'history', kind: 'corrupt' })]);
  });
});

describe('history segments', () => {
  it('pages newest first across months, with the total of every entry', () => {
    const segments = recorded(makeDataDir());
    expect(segments.query({ limit: 3 })).toMatchObject({ total: 10 });
    expect(ids(segments.query({ limit: 3 }))).toEqual(['entry-9', 'entry-8', 'entry-7']);
    expect(ids(segments.query({ limit: 3, offset: 3 }))).toEqual(['entry-6', 'entry-5', 'entry-4']);
    expect(ids(segments.query({ limit: 3, offset: 6 }))).toEqual(['entry-3', 'entry-2', 'entry-1']);
    expect(segments.query({ limit: 3, offset: 9 })).toEqual({
      entries: [expect.objectContaining({ id: 'entry-0' })],
      total: 10,
    });
    expect(segments.query({ limit: 3, offset: 10 })).toEqual({ entries: [], total: 10 });
  });

  it('searches every month and pages the matches, and reads only the months a date range covers', () => {
    const dataDir = makeDataDir();
    const segments = recorded(dataDir);
    expect(segments.query({ channel: '#ask-comms', limit: 2 })).toEqual({
      entries: [expect.objectContaining({ id: 'entry-8' }), expect.objectContaining({ id: 'entry-6' })],
      total: 5,
    });
    expect(ids(segments.query({ channel: '#ask-comms', limit: 2, offset: 2 }))).toEqual([
      'entry-4',
      'entry-2',
    ]);
    expect(ids(segments.query({ text: 'number 3' }))).toEqual(['entry-3']);
    // February and April are unreadable from here on (same sizes, so the index still matches):
    // a March-only question must not read them.
    for (const month of ['2026-02', '2026-04']) {
      const path = join(dataDir, 'history', `${month}.jsonl`);
      writeFileSync(path, 'x'.repeat(statSync(path).size - 1) + '\n');
    }
    const badLines: Array<[string, number]> = [];
    const reopened = open(dataDir, [], badLines);
    expect(
      ids(reopened.query({ fromUtc: '2026-03-01T00:00:00.000Z', toUtc: '2026-04-01T00:00:00.000Z' })),
    ).toEqual(['entry-4', 'entry-3', 'entry-2']);
    expect(badLines).toEqual([]);
    reopened.query({ fromUtc: '2026-02-15T00:00:00.000Z', toUtc: '2026-03-02T00:00:00.000Z' });
    expect(badLines).toEqual([['2026-02', 1]]);
  });

  it('updates an entry in place when it is recorded again (its permalink arrived), in its own month', () => {
    const dataDir = makeDataDir();
    const segments = recorded(dataDir);
    segments.append(
      { ...entry(4, '2026-03-31T23:59:59.000Z'), permalink: 'https://example.slack.com/archives/C0/p1' },
      false,
    );
    expect(segments.query({ limit: 100 }).total).toBe(10);
    expect(segments.find('entry-4')?.permalink).toBe('https://example.slack.com/archives/C0/p1');
    const reopened = open(dataDir);
    expect(ids(reopened.query({ limit: 100 }))).toEqual([
      'entry-9',
      'entry-8',
      'entry-7',
      'entry-6',
      'entry-5',
      'entry-4',
      'entry-3',
      'entry-2',
      'entry-1',
      'entry-0',
    ]);
    expect(reopened.find('entry-4')?.permalink).toBe('https://example.slack.com/archives/C0/p1');
  });

  it('opens without reading any month while the index matches the files', () => {
    const dataDir = makeDataDir();
    recorded(dataDir);
    // Same size, unreadable content: only a read of April would notice.
    const april = join(dataDir, 'history', '2026-04.jsonl');
    writeFileSync(april, 'x'.repeat(statSync(april).size - 1) + '\n');
    const badLines: Array<[string, number]> = [];
    const segments = open(dataDir, [], badLines);
    expect(badLines).toEqual([]);
    segments.query({ limit: 1 });
    expect(badLines).toEqual([['2026-04', 1]]);
  });

  it('skips a line cut short by a crash, recounts that month, and keeps later lines whole', () => {
    const dataDir = makeDataDir();
    recorded(dataDir);
    appendFileSync(
      join(dataDir, 'history', '2026-04.jsonl'),
      '{"schemaVersion":1,"data":{"id":"entry-10","chan',
    );
    const badLines: Array<[string, number]> = [];
    const segments = open(dataDir, [], badLines);
    expect(badLines).toEqual([['2026-04', 1]]);
    expect(segments.query({}).total).toBe(10);
    segments.append(entry(11, '2026-04-10T09:00:00.000Z'), true);
    const reopened = open(dataDir);
    expect(reopened.query({ limit: 1 })).toEqual({
      entries: [expect.objectContaining({ id: 'entry-11' })],
      total: 11,
    });
  });

  it('counts a month again at the next start when the process stopped before its index was written', () => {
    const dataDir = makeDataDir();
    recorded(dataDir);
    const segments = open(dataDir);
    segments.append(entry(10, '2026-04-11T09:00:00.000Z'), true);
    segments.append(entry(11, '2026-05-01T09:00:00.000Z'), true);
    // No flush: killed before the index caught up.
    expect(open(dataDir).query({ limit: 2 })).toEqual({
      entries: [expect.objectContaining({ id: 'entry-11' }), expect.objectContaining({ id: 'entry-10' })],
      total: 12,
    });
  });
});
