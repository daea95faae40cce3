// The stored shape of a draft, for main to check what it reads and
// receives. Apart from draft.ts so the composer can work on drafts without
// loading zod.
import { z } from 'zod';
import { answersRecord } from '../api/json-limits.ts';

/** Generous bounds: enough for any real message, so Slack's own limits are what lint reports. */
const MAX_ANSWER_CHARS = 50_000;
const MAX_BODY_CHARS = 100_000;

export const draftSchema = z.object({
  id: z.string().min(1).max(200),
  typeId: z.string().max(100),
  stage: z.string().max(100),
  /** The author's own title; may use placeholders. Absent or blank: the plan's title pattern. */
  title: z.string().max(2_000).optional(),
  /** Checklist item id → answer. */
  fields: answersRecord(MAX_ANSWER_CHARS),
  /** Checklist item id → why it does not apply. */
  notApplicable: answersRecord(1_000),
  /** Free text shown after the title; may use placeholders. */
  body: z.string().max(MAX_BODY_CHARS),
  /** Slack channel name to post to, without "#". */
  channel: z.string().max(100),
  /** The Slack thread to reply in (an incident update replies to its declaration). */
  threadTs: z
    .string()
    .regex(/^\d+\.\d+$/, 'must be a Slack message timestamp such as 1776942000.123456')
    .optional(),
});
export type Draft = z.infer<typeof draftSchema>;
