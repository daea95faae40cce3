// Arguments of the scheduler's operations, as schemas: the scheduler checks
// them, and API channels can reuse them. Instants are epoch milliseconds
// (UTC by definition); the renderer converts from the user's zone first.
import { z } from 'zod';
import { identifierSchema, reminderSubjectSchema, subjectMatcherSchema } from './reminder.ts';

const DAY_MS = 86_400_000;
const epochMsSchema = z.number().int().min(0);
const titleSchema = z.string().trim().min(1).max(500);

/**
 * Whose alerts these are: the incident's owner gets heads-up, due and overdue
 * alerts; another lead ("watcher") only the escalation once the promise is
 * overdue past the grace period. With no escalation, none is armed.
 */
const alertRoleArgs = {
  alerts: z.enum(['owner', 'watcher']).default('owner'),
  escalateAfterMs: z.number().int().min(60_000).max(DAY_MS).nullable().default(null),
};

export const promiseUpdateArgsSchema = z.object({
  incidentId: identifierSchema,
  incidentTitle: titleSchema,
  nextUpdateAtMs: epochMsSchema,
  ...alertRoleArgs,
});
export type PromiseUpdateArgs = z.input<typeof promiseUpdateArgsSchema>;

export const changePromiseArgsSchema = z.object({
  incidentId: identifierSchema,
  nextUpdateAtMs: epochMsSchema,
  /** Defaults to the title of the incident's latest reminder. */
  incidentTitle: titleSchema.optional(),
});
export type ChangePromiseArgs = z.infer<typeof changePromiseArgsSchema>;

export const updateSentArgsSchema = z.object({
  incidentId: identifierSchema,
  /** The promise the sent update made, or null when it made none (for example the closure). */
  nextUpdateAtMs: epochMsSchema.nullable(),
  incidentTitle: titleSchema.optional(),
  ...alertRoleArgs,
});
export type UpdateSentArgs = z.input<typeof updateSentArgsSchema>;

export const scheduleArgsSchema = z
  .object({
    kind: z.enum(['maintenance_comm', 'plan_duty']),
    subject: reminderSubjectSchema,
    dueAtMs: epochMsSchema,
    /** When the thing happens, if not at the reminder's instant (a reminder the day before a start). */
    eventAtMs: epochMsSchema.optional(),
    title: titleSchema,
  })
  .refine(
    (args) =>
      args.kind === 'maintenance_comm' ? args.subject.type === 'maintenance' : args.subject.type === 'duty',
    {
      message: 'a maintenance_comm reminder needs a maintenance subject, a plan_duty one a duty subject',
      path: ['subject'],
    },
  );
export type ScheduleArgs = z.infer<typeof scheduleArgsSchema>;

export const snoozeMsSchema = z.number().int().min(1000).max(DAY_MS);

export const rescheduleArgsSchema = z.object({
  matcher: subjectMatcherSchema,
  shiftMs: z
    .number()
    .int()
    .min(-366 * DAY_MS)
    .max(366 * DAY_MS),
});
