// The stored shape of a message template, for main to check what it reads
// and receives. Apart from templates.ts so the renderer can fill and list
// templates without loading zod.
import { z } from 'zod';
import { answersRecord } from '../api/json-limits.ts';

export const templateSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().trim().min(1, 'give the template a name').max(120),
  typeId: z.string().max(100),
  stage: z.string().max(100),
  /** Title pattern; absent: the plan's pattern for the type and stage. */
  title: z.string().max(2_000).optional(),
  body: z.string().max(100_000),
  /** Item id → answer to pre-fill. */
  fields: answersRecord(50_000),
  /** Shipped with Herald: can be copied but not deleted. */
  isBuiltIn: z.boolean().default(false),
});
export type Template = z.output<typeof templateSchema>;
