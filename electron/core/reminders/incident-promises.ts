// The alerts behind one promised incident update ("next update at T"): a
// heads-up before T, the due alert at T, and an overdue alert at T + repeat
// that, each time it fires, arms its successor, until the promise is met,
// changed or the incident resolved.
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import type { ReminderSettings } from '../../../shared/reminders/reminder-settings.ts';
import { createReminderRecord } from './reminder-record.ts';

export interface PromiseArgs {
  incidentId: string;
  incidentTitle: string;
  nextUpdateAtMs: number;
  /** The owner's Herald raises heads-up, due and overdue; another lead's only the escalation. Default owner. */
  alerts?: 'owner' | 'watcher';
  /** Escalate this long after the promised time (the plan's grace period); null: no escalation. */
  escalateAfterMs?: number | null;
}

export function buildPromiseReminders(
  args: PromiseArgs,
  nowMs: number,
  settings: Pick<ReminderSettings, 'headsUpBeforeMs' | 'overdueRepeatMs'>,
  createId: () => string,
): Reminder[] {
  const subject = { type: 'incident', incidentId: args.incidentId } as const;
  const common = { subject, title: args.incidentTitle, eventAtMs: args.nextUpdateAtMs, nowMs };
  const reminders: Reminder[] = [];
  const escalateAfterMs = args.escalateAfterMs ?? null;
  const escalation =
    escalateAfterMs === null
      ? []
      : [
          createReminderRecord({
            ...common,
            id: createId(),
            kind: 'incident_escalated',
            dueAtMs: args.nextUpdateAtMs + escalateAfterMs,
          }),
        ];
  if (args.alerts === 'watcher') return escalation;
  const headsUpAtMs = args.nextUpdateAtMs - settings.headsUpBeforeMs;
  // A heads-up that would fire at once is noise: the user has only just made the promise.
  if (settings.headsUpBeforeMs > 0 && headsUpAtMs > nowMs) {
    reminders.push(
      createReminderRecord({ ...common, id: createId(), kind: 'incident_heads_up', dueAtMs: headsUpAtMs }),
    );
  }
  reminders.push(
    createReminderRecord({ ...common, id: createId(), kind: 'incident_due', dueAtMs: args.nextUpdateAtMs }),
  );
  reminders.push(
    createReminderRecord({
      ...common,
      id: createId(),
      kind: 'incident_overdue',
      dueAtMs: args.nextUpdateAtMs + settings.overdueRepeatMs,
      repeatEveryMs: settings.overdueRepeatMs,
    }),
  );
  return [...reminders, ...escalation];
}

/**
 * The next alert of a repeating reminder that fired at `nowMs`: one interval
 * after its due instant, skipping intervals missed while asleep so that
 * waking never fires a burst of catch-up alerts.
 */
export function nextRepeat(
  fired: Reminder,
  dueMs: number,
  nowMs: number,
  createId: () => string,
): Reminder | null {
  const repeatMs = fired.repeatEveryMs;
  if (repeatMs === null) return null;
  const missedIntervals = Math.max(0, Math.floor((nowMs - dueMs) / repeatMs));
  return createReminderRecord({
    id: createId(),
    kind: fired.kind,
    subject: fired.subject,
    title: fired.title,
    dueAtMs: dueMs + (missedIntervals + 1) * repeatMs,
    eventAtMs: Date.parse(fired.eventAtUtc),
    repeatEveryMs: repeatMs,
    nowMs,
  });
}
