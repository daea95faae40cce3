// What callers do to reminders: promise an incident update and keep that
// promise's alerts in step with what is sent, snooze and dismiss alerts, and
// schedule calendar and duty reminders. Each command validates its arguments
// (errors are values) and hands its changes to the scheduler core, which
// saves them, tells subscribers and re-arms the timer.
import type { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import { describeIssues } from '../../../shared/api/result-schema.ts';
import {
  subjectMatches,
  type ClosedReason,
  type Reminder,
  type SubjectMatcher,
} from '../../../shared/reminders/reminder.ts';
import { isOpen, subjectKey, toUtcIso, dueAtMs } from '../../../shared/reminders/reminder-facts.ts';
import {
  changePromiseArgsSchema,
  promiseUpdateArgsSchema,
  rescheduleArgsSchema,
  scheduleArgsSchema,
  snoozeMsSchema,
  updateSentArgsSchema,
  type ChangePromiseArgs,
  type PromiseUpdateArgs,
  type ScheduleArgs,
  type UpdateSentArgs,
} from '../../../shared/reminders/reminder-requests.ts';
import type { ReminderSettings } from '../../../shared/reminders/reminder-settings.ts';
import type { Logger } from '../logging/logger.ts';
import { buildPromiseReminders } from './incident-promises.ts';
import { closeReminder, createReminderRecord, rearmAt } from './reminder-record.ts';
import type { ReminderChangeReason } from './reminder-change-reason.ts';

/** What the commands need from the scheduler. */
export interface SchedulerCore {
  nowMs(): number;
  all(): Reminder[];
  /** The reminders of one subject (see subjectKey), in any state. */
  withSubjectKey(key: string): Reminder[];
  get(id: string): Reminder | undefined;
  /** Stores the changed reminders, saves, notifies, fires anything now due and re-arms. */
  commit(reason: ReminderChangeReason, changed: Reminder[]): void;
  settings(): ReminderSettings;
  createId(): string;
  closedRetentionMs: number;
  logger: Logger;
}

export interface ReminderCommands {
  /** Arms the heads-up, due and overdue alerts for "next update at T"; replaces the incident's earlier promise. */
  promiseUpdate(args: PromiseUpdateArgs): Result<Reminder[]>;
  /** An update was sent: clears the incident's alerts and arms its new promise, if it made one. */
  updateSent(args: UpdateSentArgs): Result<Reminder[]>;
  /** The promised time changed without an update being sent. */
  changePromise(args: ChangePromiseArgs): Result<Reminder[]>;
  /** Clears every open alert of the incident. */
  resolveIncident(incidentId: string): Result<Reminder[]>;
  /** Fires the reminder again `snoozeMs` from now (default from settings). */
  snooze(reminderId: string, snoozeMs?: number): Result<Reminder>;
  dismiss(reminderId: string): Result<Reminder>;
  /**
   * A calendar or duty reminder; the subject's armed reminder, if any, is
   * replaced. Idempotent: a reminder already made for this subject and
   * instant is returned as it is, even if it was closed, unless `force`.
   */
  schedule(args: ScheduleArgs, options?: ScheduleOptions): Result<Reminder>;
  /** Clears the open reminders of a subject (a maintenance matcher without a stage clears every stage). */
  cancelFor(matcher: SubjectMatcher): Reminder[];
  /** Moves the subject's armed reminders by `shiftMs` (an event moved). */
  reschedule(matcher: SubjectMatcher, shiftMs: number): Result<Reminder[]>;
}

export interface ScheduleOptions {
  /**
   * The caller knows the message is due again at this instant (the event
   * moved away and back, or a "sent" mark was taken back): a reminder at this
   * instant that the system closed (cancelled, superseded) is armed afresh.
   * One the user dismissed stays dismissed, unless another reminder of the
   * subject is armed elsewhere (that one moves here).
   */
  force?: boolean;
}

/** Whether `force` arms a new reminder where `closed` stands. */
function mayRearm(closed: Reminder, sameSubject: readonly Reminder[]): boolean {
  if (closed.closedReason === 'cancelled' || closed.closedReason === 'superseded') return true;
  return sameSubject.some((reminder) => reminder.state === 'armed');
}

function parse<S extends z.ZodType>(schema: S, value: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const { message, fields } = describeIssues(parsed.error.issues);
  return fail('invalid_argument', message, { fields });
}

export function createReminderCommands(core: SchedulerCore): ReminderCommands {
  function openMatching(matcher: SubjectMatcher): Reminder[] {
    return core.all().filter((reminder) => isOpen(reminder) && subjectMatches(matcher, reminder.subject));
  }

  function latestIncidentTitle(incidentId: string): string {
    const known = core
      .all()
      .filter((reminder) => subjectMatches({ type: 'incident', incidentId }, reminder.subject))
      .sort((a, b) => a.createdAtUtc.localeCompare(b.createdAtUtc));
    return known.at(-1)?.title ?? `Incident ${incidentId}`;
  }

  function current(reminders: readonly Reminder[]): Reminder[] {
    return reminders.map((reminder) => structuredClone(core.get(reminder.id) ?? reminder));
  }

  /** Closes the incident's open alerts with `reason` and arms a new promise. */
  function replacePromise(
    args: PromiseUpdateArgs,
    reason: ClosedReason,
    changeReason: ReminderChangeReason,
  ): Result<Reminder[]> {
    const nowMs = core.nowMs();
    const open = openMatching({ type: 'incident', incidentId: args.incidentId });
    const closed = open.map((reminder) => closeReminder(reminder, reason, nowMs));
    const created = buildPromiseReminders(args, nowMs, core.settings(), () => core.createId());
    core.commit(changeReason, [...closed, ...created]);
    core.logger.info('reminders.promise_armed', {
      incidentId: args.incidentId,
      nextUpdateAtUtc: toUtcIso(args.nextUpdateAtMs),
      reason,
    });
    return ok(current(created));
  }

  function promiseUpdate(input: PromiseUpdateArgs): Result<Reminder[]> {
    const parsed = parse(promiseUpdateArgsSchema, input);
    if (!parsed.ok) return parsed;
    const args = parsed.value;
    const open = openMatching({ type: 'incident', incidentId: args.incidentId });
    const promisedAtUtc = toUtcIso(args.nextUpdateAtMs);
    // The same promise again (a retried send, a re-declared time, a sync reading it back) must not restart its
    // alerts, unless whose alerts they are changed (a hand-over): an owner has more than the escalation.
    const isOwnerSet = open.some((reminder) => reminder.kind !== 'incident_escalated');
    const isSameRole = (args.alerts === 'owner') === isOwnerSet;
    if (open.length > 0 && isSameRole && open.every((reminder) => reminder.eventAtUtc === promisedAtUtc)) {
      const retitled = open
        .filter((reminder) => reminder.title !== args.incidentTitle)
        .map((reminder) => ({ ...reminder, title: args.incidentTitle }));
      if (retitled.length > 0) core.commit('promised', retitled);
      return ok(current(open));
    }
    return replacePromise(args, 'promise_changed', 'promised');
  }

  return {
    promiseUpdate,
    updateSent(input) {
      const parsed = parse(updateSentArgsSchema, input);
      if (!parsed.ok) return parsed;
      const {
        incidentId,
        nextUpdateAtMs,
        incidentTitle = latestIncidentTitle(parsed.value.incidentId),
        alerts,
        escalateAfterMs,
      } = parsed.value;
      if (nextUpdateAtMs !== null)
        return replacePromise(
          { incidentId, incidentTitle, nextUpdateAtMs, alerts, escalateAfterMs },
          'update_sent',
          'update_sent',
        );
      const nowMs = core.nowMs();
      const closed = openMatching({ type: 'incident', incidentId }).map((reminder) =>
        closeReminder(reminder, 'update_sent', nowMs),
      );
      core.commit('update_sent', closed);
      return ok(current(closed));
    },
    changePromise(input) {
      const parsed = parse(changePromiseArgsSchema, input);
      if (!parsed.ok) return parsed;
      const {
        incidentId,
        nextUpdateAtMs,
        incidentTitle = latestIncidentTitle(parsed.value.incidentId),
      } = parsed.value;
      return promiseUpdate({ incidentId, incidentTitle, nextUpdateAtMs });
    },
    resolveIncident(incidentId) {
      const nowMs = core.nowMs();
      const closed = openMatching({ type: 'incident', incidentId }).map((reminder) =>
        closeReminder(reminder, 'resolved', nowMs),
      );
      core.commit('resolved', closed);
      return ok(current(closed));
    },
    snooze(reminderId, snoozeMs = core.settings().snoozeMs) {
      const reminder = core.get(reminderId);
      if (!reminder) return fail('not_found', 'That reminder no longer exists.');
      if (!isOpen(reminder)) return fail('conflict', 'That reminder was already dismissed or cleared.');
      const parsedMs = parse(snoozeMsSchema, snoozeMs);
      if (!parsedMs.ok) return parsedMs;
      const nowMs = core.nowMs();
      const changed: Reminder[] = [];
      if (reminder.repeatEveryMs !== null) {
        // Snoozing a repeating overdue alert moves the whole series, rather than letting the next repeat fire anyway.
        for (const other of core.withSubjectKey(subjectKey(reminder.subject))) {
          if (other.state === 'armed' && other.id !== reminder.id && other.repeatEveryMs !== null) {
            changed.push(closeReminder(other, 'superseded', nowMs));
          }
        }
      }
      const snoozed = rearmAt(reminder, nowMs + parsedMs.value, true);
      core.commit('snoozed', [...changed, snoozed]);
      return ok(current([snoozed])[0] ?? snoozed);
    },
    dismiss(reminderId) {
      const reminder = core.get(reminderId);
      if (!reminder) return fail('not_found', 'That reminder no longer exists.');
      // Already closed: nothing to do (a second click, or a race with the system clearing it).
      if (!isOpen(reminder)) return ok(structuredClone(reminder));
      const dismissed = closeReminder(reminder, 'dismissed', core.nowMs());
      core.commit('dismissed', [dismissed]);
      return ok(structuredClone(dismissed));
    },
    schedule(input, options = {}) {
      const parsed = parse(scheduleArgsSchema, input);
      if (!parsed.ok) return parsed;
      const args = parsed.value;
      const nowMs = core.nowMs();
      if (args.dueAtMs < nowMs - core.closedRetentionMs) {
        return fail('invalid_argument', 'That reminder is too far in the past to schedule.', {
          fields: ['dueAtMs'],
        });
      }
      const sameSubject = core.withSubjectKey(subjectKey(args.subject));
      const dueAtUtc = toUtcIso(args.dueAtMs);
      // Scheduling is idempotent: a calendar re-sync must not re-create a reminder that already fired or was dismissed.
      const atInstant = sameSubject.filter((reminder) => reminder.dueAtUtc === dueAtUtc);
      const existing = atInstant.find(isOpen) ?? atInstant[0];
      const isRearmed =
        existing !== undefined &&
        !isOpen(existing) &&
        options.force === true &&
        mayRearm(existing, sameSubject);
      if (existing && !isRearmed) {
        // The title, or when the message is due (records armed before the calendar gave the message's own time), may have changed.
        const eventAtUtc = toUtcIso(args.eventAtMs ?? args.dueAtMs);
        if (isOpen(existing) && (existing.title !== args.title || existing.eventAtUtc !== eventAtUtc)) {
          core.commit('scheduled', [{ ...existing, title: args.title, eventAtUtc }]);
        }
        return ok(structuredClone(core.get(existing.id) ?? existing));
      }
      const replaced = sameSubject
        .filter((reminder) => reminder.state === 'armed')
        .map((reminder) => closeReminder(reminder, 'superseded', nowMs));
      const created = createReminderRecord({ ...args, id: core.createId(), nowMs });
      core.commit('scheduled', [...replaced, created]);
      return ok(current([created])[0] ?? created);
    },
    cancelFor(matcher) {
      const nowMs = core.nowMs();
      const closed = openMatching(matcher).map((reminder) => closeReminder(reminder, 'cancelled', nowMs));
      core.commit('cancelled', closed);
      return current(closed);
    },
    reschedule(matcher, shiftMs) {
      const parsed = parse(rescheduleArgsSchema, { matcher, shiftMs });
      if (!parsed.ok) return parsed;
      const shifted = openMatching(matcher)
        .filter((reminder) => reminder.state === 'armed')
        .map((reminder) => ({
          ...reminder,
          dueAtUtc: toUtcIso(dueAtMs(reminder) + shiftMs),
          eventAtUtc: toUtcIso(Date.parse(reminder.eventAtUtc) + shiftMs),
        }));
      core.commit('rescheduled', shifted);
      return ok(current(shifted));
    },
  };
}
