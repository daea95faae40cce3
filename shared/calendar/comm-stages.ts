// The communications of a maintenance event, named: the four timed ones and
// the two that answer a change. Plain values, so the renderer can name and
// check a stage without loading zod; comms-schedule.ts builds its schema
// from these and re-exports them.

/** The plan's maintenance stages that are due at a time (plan stage ids). */
export const timedStages = ['announcement', 'reminder', 'starting', 'complete'] as const;
export type TimedStage = (typeof timedStages)[number];

/** Messages that answer a change rather than a date: offered at once, never reminded. */
export const changeStages = ['rescheduled', 'cancelled'] as const;
export type ChangeStage = (typeof changeStages)[number];

export const commStages = [...timedStages, ...changeStages] as const;
export type CommStage = (typeof commStages)[number];

export const commStageLabels: Readonly<Record<CommStage, string>> = {
  announcement: 'Announcement',
  reminder: 'Reminder',
  starting: 'Starting now',
  complete: 'Complete',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
};

export function isTimedStage(stage: string): stage is TimedStage {
  return (timedStages as readonly string[]).includes(stage);
}

export function isCommStage(stage: string): stage is CommStage {
  return (commStages as readonly string[]).includes(stage);
}
