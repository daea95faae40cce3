// History's search form as a query: words, channel, message type and a
// date range in the user's own zone (whole days, both ends included).
import type { Result } from '../../../shared/api/result.ts';
import type { HistoryQuery } from '../../../shared/history/history-query.ts';
import {
  addDaysInZone,
  formatNumericDate,
  instantFromWallTime,
  parseNumericDate,
} from '../../../shared/time/index.ts';

export interface HistoryFilterValues {
  text: string;
  /** Channel name without "#", or '' for any. */
  channel: string;
  /** Plan type id, or '' for any. */
  typeId: string;
  /** "2026-04-23" (a date input's value), or ''. */
  fromDate: string;
  toDate: string;
}

export const emptyHistoryFilters: HistoryFilterValues = {
  text: '',
  channel: '',
  typeId: '',
  fromDate: '',
  toDate: '',
};

export const HISTORY_PAGE_SIZE = 100;
const EXAMPLE_DAY = { year: 2026, month: 4, day: 23, hour: 12, minute: 0 };

/** A date filter Herald cannot use: which field, and why. */
export interface FilterProblem {
  field: 'fromDate' | 'toDate';
  message: string;
}

export type FilterOutcome = Result<HistoryQuery, FilterProblem>;

/**
 * Midnight at the start of a date in `zone`, or undefined for an empty or malformed date. The date is typed the
 * lead's way ("23/04/2026", en-US "04/23/2026"), as every screen writes dates, or as ISO "2026-04-23".
 */
export function startOfDate(date: string, zone: string): number | undefined {
  const parsed = parseNumericDate(date);
  if (!parsed) return undefined;
  return instantFromWallTime({ ...parsed, hour: 0, minute: 0 }, zone);
}

/** "Enter a date such as 23/04/2026." in the lead's layout. */
function dateHelp(zone: string): string {
  return `Enter a date such as ${formatNumericDate(instantFromWallTime(EXAMPLE_DAY, zone), zone)}.`;
}

export function queryFromFilters(
  values: HistoryFilterValues,
  zone: string,
  limit = HISTORY_PAGE_SIZE,
): FilterOutcome {
  const fromMs = values.fromDate === '' ? undefined : startOfDate(values.fromDate, zone);
  if (values.fromDate !== '' && fromMs === undefined)
    return { ok: false, error: { field: 'fromDate', message: dateHelp(zone) } };
  const toStartMs = values.toDate === '' ? undefined : startOfDate(values.toDate, zone);
  if (values.toDate !== '' && toStartMs === undefined)
    return { ok: false, error: { field: 'toDate', message: dateHelp(zone) } };
  // "To 23 April" includes the whole of that day.
  const toMs = toStartMs === undefined ? undefined : addDaysInZone(toStartMs, 1, zone);
  if (fromMs !== undefined && toStartMs !== undefined && toStartMs < fromMs) {
    return { ok: false, error: { field: 'toDate', message: 'The end date is before the start date.' } };
  }
  const query: HistoryQuery = { limit };
  if (values.text.trim() !== '') query.text = values.text.trim();
  if (values.channel !== '') query.channel = values.channel;
  if (values.typeId !== '') query.typeId = values.typeId;
  if (fromMs !== undefined) query.fromUtc = new Date(fromMs).toISOString();
  if (toMs !== undefined) query.toUtc = new Date(toMs).toISOString();
  return { ok: true, value: query };
}
