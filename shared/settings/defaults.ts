// The settings a fresh Herald starts with, as plain values: the renderer
// needs them before the settings arrive and must not load the schema (zod)
// to get them.

export const DEFAULT_TIME_ZONE = 'Europe/London';

export { DEFAULT_TIME_LOCALE, timeLocales, type TimeLocale } from '../time/time-locale.ts';
