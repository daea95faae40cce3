// History on disk: append-only segments, one file per month of sending
// (`history/2026-04.jsonl`, one `{ schemaVersion, data }` envelope per line),
// and a small index of how many entries each month holds. Recording a sent
// message appends one line and rewrites the small index, so it costs the same
// with an empty history as with a hundred thousand entries; nothing is read
// at start but the index. Lists read only the months they need, newest first,
// keeping a few parsed months in memory.
//
// An entry is updated (its permalink arrives later) by appending it again to
// the same month's file (the month of its send time, so every line for an id
// is in one file): the last line for an id wins, in the place of its first.
// A line that cannot be read (a write cut short by a crash) is skipped and
// reported to the log; the rest of the month is intact. The index is written
// at most once a second and on stop; a month it has not caught up with is
// counted again at the next start. History lines are not
// fsynced: exactly-once rests on the outbox's own files, and a lost line after
// a power cut costs a history entry, never a duplicate message.
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { historyEntrySchema, type HistoryEntry } from '../../../shared/history/history-entry.ts';
import {
  hasContentCriteria,
  searchHistory,
  type HistoryQuery,
} from '../../../shared/history/history-query.ts';
import { migrateLegacyStore } from '../storage/legacy-store.ts';
import { checkJsonFile } from '../storage/quarantine.ts';
import type { RecordFilesContext } from '../storage/record-files.ts';
import { currentVersion, decodeStored, type StoredShape } from '../storage/versioned-store.ts';

const entryShape: StoredShape<typeof historyEntrySchema> = { schema: historyEntrySchema };
const ENTRY_VERSION = currentVersion(entryShape);
const indexSchema = z.object({
  segments: z.record(
    z.string(),
    z.object({ entries: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  ),
});
const indexShape: StoredShape<typeof indexSchema> = { schema: indexSchema };
type SegmentIndex = z.output<typeof indexSchema>['segments'];

const SEGMENT_FILE = /^(\d{4}-\d{2})\.jsonl$/;
/**
 * Parsed months kept in memory: at least the newest few (where new entries land, and a page or two of
 * browsing), and more while they hold fewer than this many entries, so a search of a modest history
 * does not read the disk again; a large one is searched a month at a time.
 */
const CACHED_MONTHS = 3;
const CACHED_ENTRIES = 12_000;
/**
 * The index is rewritten at most this often: replacing a file costs more than appending a line, and a
 * stale index costs little (at open, a month whose size differs from its entry is counted again).
 */
const INDEX_WRITE_DELAY_MS = 1_000;

export const monthOf = (entry: Pick<HistoryEntry, 'sentAtUtc'>) => entry.sentAtUtc.slice(0, 7);
const lineOf = (entry: HistoryEntry) => `${JSON.stringify({ schemaVersion: ENTRY_VERSION, data: entry })}\n`;

export interface HistorySegments {
  /** Appends an entry (new, or a newer version of one already recorded) to its month. */
  append(entry: HistoryEntry, isNew: boolean): void;
  /** Matching entries, newest first, paged; reads only the months it needs. */
  query(query: HistoryQuery): { entries: HistoryEntry[]; total: number };
  /** An entry by id, newest months first (a scan: for rare look-ups). */
  find(id: string): HistoryEntry | undefined;
  /** Writes the index now if it changed (on stop; otherwise it is written at most once a second). */
  flush(): void;
}

export interface HistorySegmentsContext extends RecordFilesContext {
  /** A line that could not be read (reported once per month read). */
  onBadLines?: (month: string, count: number) => void;
}

interface Segment {
  /** Latest version of each entry, in the order each was first recorded. */
  entries: HistoryEntry[];
  positions: Map<string, number>;
  badLines: number;
}

function parseSegment(text: string): Segment {
  const segment: Segment = { entries: [], positions: new Map(), badLines: 0 };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let decoded;
    try {
      decoded = decodeStored(JSON.parse(line), entryShape);
    } catch {
      decoded = null;
    }
    if (!decoded?.ok) {
      segment.badLines += 1;
      continue;
    }
    upsert(segment, decoded.value.data);
  }
  return segment;
}

function upsert(segment: Segment, entry: HistoryEntry): boolean {
  const at = segment.positions.get(entry.id);
  if (at !== undefined) {
    segment.entries[at] = entry;
    return false;
  }
  segment.positions.set(entry.id, segment.entries.length);
  segment.entries.push(entry);
  return true;
}

function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function writeIndex(dir: string, segments: SegmentIndex): void {
  writeFileAtomically(
    join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: currentVersion(indexShape), data: { segments } }),
  );
}

/**
 * Writes whole months from a list of entries (later entries with the same id replace earlier ones) and
 * the index, synced: used to move an old single-file history into segments, and by the benchmarks to
 * build a large history. Months already on disk are replaced.
 */
export function writeSegments(dir: string, entries: Iterable<HistoryEntry>): void {
  mkdirSync(dir, { recursive: true });
  const months = new Map<string, Segment>();
  for (const entry of entries) {
    const month = monthOf(entry);
    const segment = months.get(month) ?? { entries: [], positions: new Map(), badLines: 0 };
    months.set(month, segment);
    upsert(segment, entry);
  }
  const existing = readIndex(dir) ?? {};
  for (const [month, segment] of months) {
    const text = segment.entries.map(lineOf).join('');
    const path = join(dir, `${month}.jsonl`);
    writeFileAtomically(path, text);
    const fd = openSync(path, 'r');
    fsyncSync(fd);
    closeSync(fd);
    existing[month] = { entries: segment.entries.length, bytes: Buffer.byteLength(text) };
  }
  writeIndex(dir, existing);
  const fd = openSync(dir, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

function readIndex(dir: string): SegmentIndex | null {
  const check = checkJsonFile(join(dir, 'index.json'));
  if (check.state !== 'readable') return null;
  const decoded = decodeStored(check.content, indexShape);
  return decoded.ok ? decoded.value.data.segments : null;
}

/** The layout before segments: every entry in one `history.json`, rewritten on every message. */
const legacyHistorySchema = z.object({ entries: z.array(historyEntrySchema) });
const legacyHistoryShape: StoredShape<typeof legacyHistorySchema> = { schema: legacyHistorySchema };

/** Whether the file ends in a newline (a crash may have cut the last line short). */
function endsWithNewline(path: string, size: number): boolean {
  if (size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

export function openHistorySegments(dataDir: string, context: HistorySegmentsContext): HistorySegments {
  const dir = join(dataDir, 'history');
  mkdirSync(dir, { recursive: true });
  migrateLegacyStore(
    {
      path: join(dataDir, 'history.json'),
      label: 'history',
      shape: legacyHistoryShape,
      // Synced before the old file goes (see legacy-store.ts).
      moveRecords: (data) => writeSegments(dir, data.entries),
    },
    context,
  );

  const cache = new Map<string, Segment>();
  const tailChecked = new Set<string>();
  let indexTimer: NodeJS.Timeout | undefined;
  const flushIndex = () => {
    if (indexTimer) clearTimeout(indexTimer);
    indexTimer = undefined;
    writeIndex(dir, index);
  };
  const scheduleIndexWrite = () => {
    indexTimer ??= setTimeout(flushIndex, INDEX_WRITE_DELAY_MS).unref();
  };
  const pathOf = (month: string) => join(dir, `${month}.jsonl`);

  function readMonth(month: string): Segment {
    const cached = cache.get(month);
    if (cached) {
      // Most recently used last.
      cache.delete(month);
      cache.set(month, cached);
      return cached;
    }
    const path = pathOf(month);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const segment = parseSegment(text);
    if (segment.badLines > 0) context.onBadLines?.(month, segment.badLines);
    // Reading a whole month is the moment to correct its count (a line recorded twice across a crash).
    const known = index[month];
    const bytes = Buffer.byteLength(text);
    if (!known || known.entries !== segment.entries.length || known.bytes !== bytes) {
      index[month] = { entries: segment.entries.length, bytes };
      scheduleIndexWrite();
    }
    cache.set(month, segment);
    let cachedEntries = 0;
    for (const each of cache.values()) cachedEntries += each.entries.length;
    while (cache.size > CACHED_MONTHS && cachedEntries > CACHED_ENTRIES) {
      const oldest = cache.keys().next().value!;
      cachedEntries -= cache.get(oldest)!.entries.length;
      cache.delete(oldest);
    }
    return segment;
  }

  // The index, checked against the files: a month whose size differs (a crash between the line and the
  // index) is counted again; only those are read.
  const index: SegmentIndex = readIndex(dir) ?? {};
  let isIndexStale = false;
  const onDisk = new Set<string>();
  for (const name of readdirSync(dir)) {
    const match = SEGMENT_FILE.exec(name);
    if (!match) continue;
    const month = match[1]!;
    onDisk.add(month);
    if (index[month]?.bytes !== statSync(join(dir, name)).size) {
      delete index[month];
      readMonth(month);
    }
  }
  for (const month of Object.keys(index)) {
    if (!onDisk.has(month)) {
      delete index[month];
      isIndexStale = true;
    }
  }
  if (isIndexStale || indexTimer) flushIndex();

  /** Months newest first, those that can hold entries in [fromUtc, toUtc). */
  function monthsFor(query: HistoryQuery): string[] {
    const fromMonth = query.fromUtc?.slice(0, 7);
    const toMs = query.toUtc === undefined ? undefined : Date.parse(query.toUtc);
    return Object.keys(index)
      .filter(
        (month) =>
          (fromMonth === undefined || month >= fromMonth) &&
          (toMs === undefined || Date.parse(`${month}-01T00:00:00Z`) < toMs),
      )
      .sort()
      .reverse();
  }

  return {
    append(entry, isNew) {
      const month = monthOf(entry);
      const path = pathOf(month);
      let line = lineOf(entry);
      const known = index[month] ?? { entries: 0, bytes: 0 };
      if (!tailChecked.has(month)) {
        // A line cut short by a crash must not swallow this one.
        if (!endsWithNewline(path, existsSync(path) ? statSync(path).size : 0)) line = `\n${line}`;
        tailChecked.add(month);
      }
      appendFileSync(path, line);
      const cached = cache.get(month);
      const isNewHere = cached ? upsert(cached, entry) : isNew;
      index[month] = {
        entries: known.entries + (isNewHere ? 1 : 0),
        bytes: known.bytes + Buffer.byteLength(line),
      };
      scheduleIndexWrite();
    },
    query(query) {
      const { limit = 100, offset = 0 } = query;
      const months = monthsFor(query);
      const page: HistoryEntry[] = [];
      let total = 0;
      const isEveryEntry =
        !hasContentCriteria(query) && query.fromUtc === undefined && query.toUtc === undefined;
      for (const month of months) {
        // This month's part of the page: skip what newer months have not already skipped, fill what is left.
        const window = { limit: limit - page.length, offset: Math.max(0, offset - total) };
        if (isEveryEntry) {
          // Counts come from the index: months before the page, or after it is full, are never read.
          const count = index[month]?.entries ?? 0;
          if (window.limit > 0 && window.offset < count) {
            const found = searchHistory(readMonth(month).entries, window);
            page.push(...found.entries);
            total += found.total;
          } else total += count;
          continue;
        }
        const found = searchHistory(readMonth(month).entries, { ...query, ...window });
        page.push(...found.entries);
        total += found.total;
      }
      return { entries: page.slice(0, limit), total };
    },
    flush: () => {
      if (indexTimer) flushIndex();
    },
    find(id) {
      for (const month of Object.keys(index).sort().reverse()) {
        const segment = readMonth(month);
        const at = segment.positions.get(id);
        if (at !== undefined) return segment.entries[at];
      }
      return undefined;
    },
  };
}
