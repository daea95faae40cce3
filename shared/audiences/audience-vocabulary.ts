// The words of "what each audience last heard" as plain values, so the
// renderer can use them without loading the API schema (zod).

export const subjectKinds = ['incident', 'maintenance'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const heardViaKinds = ['here', 'team'] as const;

/**
 * Every way a channel can be out of step with the truth:
 * - stale_window: it still holds a maintenance date or time the event has moved from.
 * - stale_cancelled: it was told about maintenance that has since been cancelled.
 * - not_told: the plan says it must be told (an announcement due, an incident open) and it heard nothing.
 * - resolved_elsewhere: an incident it last heard as open was resolved in another channel.
 * - promise_passed: the next update it was promised is past and nothing has reached it since.
 */
export const audienceFlagKinds = [
  'stale_window',
  'stale_cancelled',
  'not_told',
  'resolved_elsewhere',
  'promise_passed',
] as const;
export type AudienceFlagKind = (typeof audienceFlagKinds)[number];

/** The button that drafts each kind's fix. */
export const fixLabels: Readonly<Record<AudienceFlagKind, string>> = {
  stale_window: 'Draft the correction',
  stale_cancelled: 'Draft the cancellation',
  not_told: 'Draft the announcement',
  resolved_elsewhere: 'Draft the resolution',
  promise_passed: 'Draft the update',
};
