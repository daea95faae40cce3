// History's search form as a query: words, channel, message type and a
// date range in the user's own zone (whole days, both ends included).
import type { Result } from '../../../shared/api/result.ts';
import type { HistoryQuery } from '../../../shared/history/history-query.ts';
import { addDaysInZone, instantFromWallTime } from '../../../shared/time/index.ts';

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

/** A date filter Herald cannot use: which field, and why. */
export interface FilterProblem {
  field: 'fromDate' | 'toDate';
  message: string;
}

export type FilterOutcome = Result<HistoryQuery, FilterProblem>;

/** Midnight at the start of a date in `zone`, or undefined for an empty or malformed date. */
export function startOfDate(date: string, zone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return instantFromWallTime({ year, month, day, hour: 0, minute: 0 }, zone);
}

export function queryFromFilters(
  values: HistoryFilterValues,
  zone: string,
  limit = HISTORY_PAGE_SIZE,
): FilterOutcome {
  const fromMs = values.fromDate === '' ? undefined : startOfDate(values.fromDate, zone);
  if (values.fromDate !== '' && fromMs === undefined)
    return { ok: false, error: { field: 'fromDate', message: 'Enter a date such as 23/04/2026.' } };
  const toStartMs = values.toDate === '' ? undefined : startOfDate(values.toDate, zone);
  if (values.toDate !== '' && toStartMs === undefined)
    return { ok: false, error: { field: 'toDate', message: 'Enter a date such as 23/04/2026.' } };
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
