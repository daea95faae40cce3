// Test-only reminder controls for the browser harness's --test-clock mode.
// They stand in for the incident composer (which arms and meets promises
// when incident messages are sent) so that end-to-end tests can drive the
// reminder journey before that composer exists. The router refuses them
// unless a test clock is running; Electron never registers them.
import { z } from 'zod';
import { identifierSchema, reminderSchema } from '../../reminders/reminder.ts';

const titleSchema = z.string().trim().min(1).max(500);

export const testReminderChannels = {
  /** As if an incident message promising "next update at T" had just been sent. */
  'testReminders:promise': {
    args: z.object({ incidentId: identifierSchema, incidentTitle: titleSchema, nextUpdateAtUtc: z.iso.datetime() }).strict(),
    result: z.array(reminderSchema),
  },
  /** As if the promised update had been sent (with a new promise, or none). */
  'testReminders:updateSent': {
    args: z.object({ incidentId: identifierSchema, nextUpdateAtUtc: z.iso.datetime().optional() }).strict(),
    result: z.array(reminderSchema),
  },
} as const;
