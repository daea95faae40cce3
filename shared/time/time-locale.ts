// The ways Herald writes times for people, chosen in Settings → General:
// British English with a 24-hour clock by default ("Thu 23 Apr 2026, 14:00"),
// or US English with a 12-hour clock ("Thu, Apr 23, 2026, 2:00 PM").
export const timeLocales = ['en-GB', 'en-US'] as const;
export type TimeLocale = (typeof timeLocales)[number];
export const DEFAULT_TIME_LOCALE: TimeLocale = 'en-GB';

export const TIME_LOCALE_LABELS: Readonly<Record<TimeLocale, string>> = {
  'en-GB': 'British English, 24-hour clock (Thu 23 Apr 2026, 14:00; 23/04/2026)',
  'en-US': 'US English, 12-hour clock (Thu, Apr 23, 2026, 2:00 PM; 04/23/2026)',
};
