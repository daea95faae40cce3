// The words the Incidents screen uses for time: the next promised update
// (in the lead's zone and relative to now), whether it is overdue (said in
// words, never by colour alone), the reminder that is armed for it, and the
// timeline's labels. Pure: now and zone are arguments.
import type { Incident, IncidentTimelineKind } from '../../../shared/incidents/incident.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { isOpen } from '../../../shared/reminders/reminder-facts.ts';
import { latenessOf } from '../../../shared/reminders/reminder-wording.ts';
import {
  formatInstant,
  formatLateness,
  formatRelative,
  formatTimeOfDay,
} from '../../../shared/time/index.ts';

/**
 * This Herald's declaration has not reached Slack yet: its promise counts from the post (decisions.md, "An
 * incident's promise counts from when its declaration is posted"), so it can be neither due nor overdue.
 */
export function isAwaitingPost(incident: Incident): boolean {
  return incident.origin === 'local' && incident.threadTs === null;
}

/** True when the promised update time has passed on an open incident. */
export function isUpdateOverdue(incident: Incident, nowMs: number): boolean {
  return (
    incident.state === 'open' &&
    !isAwaitingPost(incident) &&
    incident.nextUpdateAtUtc !== null &&
    Date.parse(incident.nextUpdateAtUtc) < nowMs
  );
}

export interface NextUpdateLine {
  isOverdue: boolean;
  text: string;
}

export const timelineLabels: Readonly<Record<IncidentTimelineKind, string>> = {
  declared: 'Declared',
  update: 'Update',
  holding: 'Holding update',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  handover: 'Comms taken over',
};

export function nextUpdateLine(incident: Incident, nowMs: number, zone: string): NextUpdateLine {
  if (incident.state === 'resolved') {
    const at = incident.resolvedAtUtc ? Date.parse(incident.resolvedAtUtc) : Number.NaN;
    return {
      isOverdue: false,
      text: Number.isFinite(at)
        ? `Resolved ${formatInstant(at, zone)} (${formatRelative(at, nowMs)}).`
        : 'Resolved.',
    };
  }
  if (incident.nextUpdateAtUtc === null)
    return { isOverdue: false, text: 'No next update has been promised. Say when the next one will be.' };
  const dueMs = Date.parse(incident.nextUpdateAtUtc);
  if (isAwaitingPost(incident)) {
    const after = formatRelative(dueMs, Date.parse(incident.declaredAtUtc));
    return {
      isOverdue: false,
      text: `Next update ${after} from when the declaration reaches Slack; its reminders start then.`,
    };
  }
  const when = formatInstant(dueMs, zone);
  if (isUpdateOverdue(incident, nowMs))
    return {
      isOverdue: true,
      text: `Overdue: the update promised for ${when} is ${formatLateness(nowMs - dueMs)}.`,
    };
  return { isOverdue: false, text: `Next update promised for ${when} (${formatRelative(dueMs, nowMs)}).` };
}

/** The incident's reminders still waiting to fire, earliest first. */
export function armedRemindersFor(reminders: readonly Reminder[], incidentId: string): Reminder[] {
  return reminders
    .filter(
      (reminder) =>
        reminder.subject.type === 'incident' &&
        reminder.subject.incidentId === incidentId &&
        reminder.state === 'armed',
    )
    .sort((a, b) => a.dueAtUtc.localeCompare(b.dueAtUtc));
}

/**
 * "Reminder armed for 12:25", or what has fired and waits for the lead, worded
 * from `nowMs` (a fired alert is "due" only until the promise is a minute old;
 * then it says how late); null when nothing is set.
 */
export function reminderLine(
  reminders: readonly Reminder[],
  incidentId: string,
  zone: string,
  nowMs: number,
): string | null {
  const mine = reminders.filter(
    (reminder) =>
      reminder.subject.type === 'incident' && reminder.subject.incidentId === incidentId && isOpen(reminder),
  );
  // The most advanced alert that has fired speaks for the rest: an overdue alert outranks the heads-up.
  const fired = mine
    .filter((reminder) => reminder.state === 'fired')
    .sort((a, b) => b.dueAtUtc.localeCompare(a.dueAtUtc))[0];
  if (fired) {
    const firedAt = formatTimeOfDay(Date.parse(fired.firedAtUtc ?? fired.dueAtUtc), zone);
    const promisedAt = formatTimeOfDay(Date.parse(fired.eventAtUtc), zone);
    const lateness = latenessOf(fired, nowMs);
    if (lateness)
      return `Reminder fired at ${firedAt}: the update promised for ${promisedAt} is ${lateness}.`;
    return fired.kind === 'incident_heads_up' && Date.parse(fired.eventAtUtc) > nowMs
      ? `Heads-up given at ${firedAt}: the update is due at ${promisedAt}.`
      : `Reminder fired at ${firedAt}: the update promised for ${promisedAt} is due now.`;
  }
  const next = armedRemindersFor(mine, incidentId)[0];
  return next ? `Reminder armed for ${formatTimeOfDay(Date.parse(next.dueAtUtc), zone)}.` : null;
}
