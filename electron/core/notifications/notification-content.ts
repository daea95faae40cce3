// What a native notification says and offers when a reminder fires: a title
// naming the incident or event, a body with the time the message is due in
// the user's zone (the calendar's time for a maintenance message, not the
// event's start), sound per the setting, and the actions the platform can
// show. The shell renders this as given.
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { messagePhase, subjectKey } from '../../../shared/reminders/reminder-facts.ts';
import {
  alertHeadline,
  describeInstant,
  latenessOf,
  messageDueAtMs,
} from '../../../shared/reminders/reminder-wording.ts';
import { snoozeLabel, type AttentionCommand } from './attention-commands.ts';
import { composeIntentFor, composeRequest } from './compose-intents.ts';
import type { HostCapabilities } from './host-capabilities.ts';

export interface NotificationAction {
  label: string;
  command: AttentionCommand;
}

export interface NotificationSpec {
  reminderId: string;
  /** One notification per subject: a newer alert replaces the one showing. */
  subjectKey: string;
  title: string;
  body: string;
  isSilent: boolean;
  /** Linux urgency: a promised update that is due or late stays until dealt with. */
  urgency: 'normal' | 'critical';
  /** Stays on screen rather than timing out (Windows, Linux). */
  isSticky: boolean;
  /** A click on the notification itself: the composer on the right message. */
  click: AttentionCommand;
  /** Buttons, where the platform shows them; empty elsewhere. */
  actions: NotificationAction[];
}

export interface NotificationContext {
  timeZone: string;
  isSoundEnabled: boolean;
  snoozeMs: number;
  capabilities: HostCapabilities;
}

export interface FiredReminder {
  reminder: Reminder;
  wasLate: boolean;
  firedAtMs: number;
}

const LATE_NOTE = 'Missed while your computer was asleep or Herald was closed.';
function details(reminder: Reminder, firedAtMs: number, timeZone: string): string {
  const when = describeInstant(messageDueAtMs(reminder), firedAtMs, timeZone);
  // Worded from the firing instant, like the page's toast: an alert raised late (a snooze ended) says how late.
  const lateness = latenessOf(reminder, firedAtMs);
  const due = messagePhase(reminder, firedAtMs) === 'overdue' ? `overdue since ${when}` : `due ${when}`;
  switch (reminder.kind) {
    case 'incident_heads_up':
    case 'incident_due':
    case 'incident_overdue':
      return lateness
        ? `The update promised for ${when} is ${lateness}. Post it now, or send a holding update with a new time.`
        : `You promised the next update for ${when}. Post it, or send a holding update with a new time.`;
    case 'incident_escalated':
      return `The update promised for ${when} is ${lateness ?? 'late'}, past the plan's grace period. Take over comms in Herald if its lead cannot.`;
    case 'maintenance_comm':
      return `${due.charAt(0).toUpperCase()}${due.slice(1)}. Open it in Herald to check and send.`;
    case 'plan_duty':
      return `A regular item from your communications plan, ${due}.`;
  }
}

/** Due or overdue: a holding update (complete as drafted, Send focused) is one click and one key away. */
function isPromiseDue(reminder: Reminder): boolean {
  return reminder.kind === 'incident_due' || reminder.kind === 'incident_overdue';
}

/** What a click on the notification opens: for a due promise the holding update, else the message itself. */
function clickFor(reminder: Reminder): AttentionCommand {
  return {
    type: 'navigate',
    request: composeRequest(composeIntentFor(reminder.subject, { isHolding: isPromiseDue(reminder) })),
  };
}

function actionsFor(reminder: Reminder, snoozeMs: number): NotificationAction[] {
  const snooze: NotificationAction = {
    label: snoozeLabel(snoozeMs),
    command: { type: 'snooze', reminderId: reminder.id },
  };
  if (reminder.kind === 'incident_escalated') {
    return [
      { label: 'Take over comms', command: { type: 'navigate', request: { screen: 'incidents' } } },
      snooze,
      { label: 'Dismiss', command: { type: 'dismiss', reminderId: reminder.id } },
    ];
  }
  if (reminder.subject.type === 'incident') {
    const update: NotificationAction = {
      label: 'Post update',
      command: { type: 'navigate', request: composeRequest(composeIntentFor(reminder.subject)) },
    };
    const holding: NotificationAction = {
      label: 'Post holding update',
      command: {
        type: 'navigate',
        request: composeRequest(composeIntentFor(reminder.subject, { isHolding: true })),
      },
    };
    // macOS shows the first action as the button: when the promise is due, that is the holding update.
    return isPromiseDue(reminder) ? [holding, update, snooze] : [update, snooze, holding];
  }
  return [
    {
      label: 'Write it',
      command: { type: 'navigate', request: composeRequest(composeIntentFor(reminder.subject)) },
    },
    snooze,
    { label: 'Dismiss', command: { type: 'dismiss', reminderId: reminder.id } },
  ];
}

export function notificationFor(fired: FiredReminder, context: NotificationContext): NotificationSpec {
  const { reminder, firedAtMs } = fired;
  const isPressing =
    reminder.kind === 'incident_due' ||
    reminder.kind === 'incident_overdue' ||
    reminder.kind === 'incident_escalated';
  const body = details(reminder, firedAtMs, context.timeZone);
  return {
    reminderId: reminder.id,
    subjectKey: subjectKey(reminder.subject),
    title: `${alertHeadline(reminder, firedAtMs)}: ${reminder.title}`,
    body: fired.wasLate ? `${body} ${LATE_NOTE}` : body,
    isSilent: !context.isSoundEnabled,
    urgency: isPressing ? 'critical' : 'normal',
    isSticky: isPressing,
    click: clickFor(reminder),
    actions: context.capabilities.hasNotificationActions ? actionsFor(reminder, context.snoozeMs) : [],
  };
}
