// Zone-aware time for Herald: zoned wall time, formatting, parsing what
// people type, and Slack date tokens. Instants are UTC epoch milliseconds.
export type { Disambiguation, WallTime, ZonedWallTime } from './zoned.ts';
export {
  addDaysInZone,
  instantFromWallTime,
  isValidTimeZone,
  startOfDayInZone,
  wallTimeInZone,
} from './zoned.ts';
export type { FormatInstantOptions } from './format.ts';
export {
  formatInstant,
  formatLateness,
  formatRelative,
  formatTimeOfDay,
  MONTH_NAMES,
  toIsoUtc,
  WEEKDAY_NAMES,
} from './format.ts';
export type { ParsedTime, TimeInputContext } from './parse-time-input.ts';
export { DEFAULT_MAX_AHEAD_DAYS, parseTimeInput } from './parse-time-input.ts';
export { DEFAULT_SLACK_DATE_FORMAT, slackDate } from './slack-date.ts';
