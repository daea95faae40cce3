// A repeating maintenance event made in Herald: the same work every one, two
// or four weeks, a number of times. Each occurrence is stored as its own event
// in one series (seriesUid, recurrenceId), as an imported RRULE series is, so
// one occurrence can be moved or cancelled on its own.
import { z } from 'zod';

/** Occurrences in one series at most: a year of weekly work. */
export const MAX_SERIES_OCCURRENCES = 52;
/** A series reaches at most this many weeks ahead of its first occurrence (the import's two-year horizon). */
export const MAX_SERIES_WEEKS = 104;

export const seriesRuleSchema = z
  .object({
    /** 1 = weekly, 2 = fortnightly, 4 = every four weeks. */
    everyWeeks: z.union([z.literal(1), z.literal(2), z.literal(4)]),
    /** How many occurrences, the first included. */
    count: z
      .number()
      .int('must be a whole number')
      .min(2, 'must be at least 2 (one occurrence is a single event)')
      .max(MAX_SERIES_OCCURRENCES, `must be at most ${MAX_SERIES_OCCURRENCES}`),
  })
  .strict()
  .refine((rule) => (rule.count - 1) * rule.everyWeeks <= MAX_SERIES_WEEKS, {
    message: `would reach more than two years ahead; plan at most ${MAX_SERIES_WEEKS} weeks of occurrences`,
    path: ['count'],
  });
export type SeriesRule = z.output<typeof seriesRuleSchema>;

/**
 * Which occurrences a change to a series reaches, from the one the lead has open: that one and every later one, or
 * every occurrence. Cancelled and completed occurrences are never changed.
 */
export const seriesScopes = ['following', 'all'] as const;
export type SeriesScope = (typeof seriesScopes)[number];
export const seriesScopeSchema = z.enum(seriesScopes);
