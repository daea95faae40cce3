// Searching history: by words in the text, channel, message type and a date
// range. Pure, so the renderer can filter a list it already holds the same way.
import { z } from 'zod';
import type { HistoryEntry } from './history-entry.ts';

export const historyQuerySchema = z
  .object({
    /** Words that must all appear in the text (case-insensitive). */
    text: z.string().trim().max(200).optional(),
    /** Channel name (with or without #) or id. */
    channel: z.string().trim().max(100).optional(),
    typeId: z.string().trim().max(100).optional(),
    incidentId: z.string().trim().max(200).optional(),
    /** Sent at or after. */
    fromUtc: z.iso.datetime().optional(),
    /** Sent before. */
    toUtc: z.iso.datetime().optional(),
    limit: z.number().int().min(1).max(1_000).default(100),
    /** How many of the newest matches to skip: the next page starts after the ones already shown. */
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type HistoryQuery = z.input<typeof historyQuerySchema>;

function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** Whether an entry matches every criterion given (absent criteria match everything). */
export function matchesHistoryQuery(
  entry: HistoryEntry,
  query: Omit<HistoryQuery, 'limit' | 'offset'>,
): boolean {
  if (query.text !== undefined && query.text !== '') {
    const haystack = entry.text.toLocaleLowerCase();
    if (!words(query.text).every((word) => haystack.includes(word))) return false;
  }
  if (query.channel !== undefined && query.channel !== '') {
    const wanted = query.channel.replace(/^#/, '').toLowerCase();
    if (entry.channelId.toLowerCase() !== wanted && (entry.channelName ?? '').toLowerCase() !== wanted)
      return false;
  }
  if (query.typeId !== undefined && query.typeId !== '' && entry.source.typeId !== query.typeId) return false;
  if (
    query.incidentId !== undefined &&
    query.incidentId !== '' &&
    entry.source.incidentId !== query.incidentId
  )
    return false;
  const sentMs = Date.parse(entry.sentAtUtc);
  if (query.fromUtc !== undefined && sentMs < Date.parse(query.fromUtc)) return false;
  if (query.toUtc !== undefined && sentMs >= Date.parse(query.toUtc)) return false;
  return true;
}

/** Whether a query narrows by anything but dates (then every entry in its date range must be looked at). */
export function hasContentCriteria(query: HistoryQuery): boolean {
  return [query.text, query.channel, query.typeId, query.incidentId].some(
    (value) => value !== undefined && value.trim() !== '',
  );
}

/** Matching entries, newest first, `limit` of them after skipping `offset`; `total` counts every match. */
export function searchHistory(
  entries: readonly HistoryEntry[],
  query: HistoryQuery,
): { entries: HistoryEntry[]; total: number } {
  const { limit = 100, offset = 0, ...criteria } = query;
  // Entries are stored in the order they were sent: ties in time go newest (latest stored) first.
  const matching = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => matchesHistoryQuery(entry, criteria))
    .sort((a, b) => Date.parse(b.entry.sentAtUtc) - Date.parse(a.entry.sentAtUtc) || b.index - a.index)
    .map(({ entry }) => entry);
  return { entries: matching.slice(offset, offset + limit), total: matching.length };
}
