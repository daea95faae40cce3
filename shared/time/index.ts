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
  formatNumericDate,
  formatRelative,
  formatTimeOfDay,
  numericDatePattern,
  parseNumericDate,
  setTimeLocale,
  timeLocale,
  toIsoUtc,
  usesTwelveHourClock,
} from './format.ts';
export { DEFAULT_TIME_LOCALE, TIME_LOCALE_LABELS, timeLocales, type TimeLocale } from './time-locale.ts';
export {
  fullDateLabel,
  MONTH_FULL_NAMES,
  MONTH_NAMES,
  WEEKDAY_FULL_NAMES,
  WEEKDAY_NAMES,
} from './calendar-names.ts';
export type { ParsedTime, ReadTime, TimeInputContext } from './parse-time-input.ts';
export { DEFAULT_MAX_AHEAD_DAYS, parseTimeInput } from './parse-time-input.ts';
export { DEFAULT_SLACK_DATE_FORMAT, slackDate } from './slack-date.ts';
