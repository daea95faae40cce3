// History channels: every message Herald sent, searchable.
import { z } from 'zod';
import { historyEntrySchema } from '../../history/history-entry.ts';
import { historyQuerySchema } from '../../history/history-query.ts';

export const historyListSchema = z.object({
  /** Newest first. */
  entries: z.array(historyEntrySchema),
  /** How many entries match, beyond the limit too. */
  total: z.number().int().nonnegative(),
});
export type HistoryList = z.infer<typeof historyListSchema>;

export const historyChannels = {
  'history:list': { args: historyQuerySchema, result: historyListSchema },
} as const;

export const historyEvents = {
  /** A message was added to history (or its permalink arrived). */
  'history:changed': historyEntrySchema,
} as const;
