// The English names of weekdays and months, once for every screen and message.
// Indexed the way zoned wall time counts: weekday 0 is Sunday, month 1 is January
// (so a month's name is MONTH_NAMES[month - 1]). Zod-free: the renderer reads them.

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const WEEKDAY_FULL_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
export const MONTH_FULL_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "Thursday 23 April 2026" for a calendar day (weekday 0 = Sunday, month 1 = January). */
export function fullDateLabel(day: { weekday: number; day: number; month: number; year: number }): string {
  return `${WEEKDAY_FULL_NAMES[day.weekday]} ${day.day} ${MONTH_FULL_NAMES[day.month - 1]} ${day.year}`;
}
