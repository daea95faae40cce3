// The event form's values (what the inputs hold: dates and times in the
// event's zone, comma-separated lists) and the conversion to and from the
// API's fields. Core checks the fields with the event schema; its verdict on
// each field (`fieldErrors`) is put back on the input that holds it.
import type { ApiError, Result } from '../../../shared/api/result.ts';
import type { WorkKind } from '../../../shared/calendar/event-vocabulary.ts';
import type { EventFields, EventFieldsInput } from '../../../shared/calendar/maintenance-event.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings/defaults.ts';
import { dateInputOf, instantFromInputs, timeInputOf } from './wall-time.ts';

export interface EventFormValues {
  title: string;
  workKind: WorkKind;
  what: string;
  why: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  services: string;
  impact: string;
  userActions: string;
  deadlineDate: string;
  deadlineTime: string;
  changeNotesUrl: string;
  channels: string;
  /** A new event only: "0" for a one-off, else how many weeks apart its occurrences are ("1", "2", "4"). */
  repeatEveryWeeks: string;
  /** How many occurrences a repeating event has, the first included. */
  repeatCount: string;
}

export type FormField = keyof EventFormValues;

/** A new event on `date`, 09:00 to 10:00; users' deadlines default to the end of their day. */
export function blankFormValues(date: string, zone: string): EventFormValues {
  return {
    title: '',
    workKind: 'upgrade',
    what: '',
    why: '',
    startDate: date,
    startTime: '09:00',
    endDate: date,
    endTime: '10:00',
    timeZone: zone,
    services: '',
    impact: '',
    userActions: '',
    deadlineDate: '',
    deadlineTime: '23:59',
    changeNotesUrl: '',
    channels: '',
    repeatEveryWeeks: '0',
    repeatCount: '4',
  };
}

/** The form's values for an event's fields (a stored event has them all, and more). */
export function formValuesOf(fields: EventFields): EventFormValues {
  const zone = fields.timeZone;
  return {
    title: fields.title,
    workKind: fields.workKind,
    what: fields.what,
    why: fields.why,
    startDate: dateInputOf(fields.startsAtUtc, zone),
    startTime: timeInputOf(fields.startsAtUtc, zone),
    endDate: dateInputOf(fields.endsAtUtc, zone),
    endTime: timeInputOf(fields.endsAtUtc, zone),
    timeZone: zone,
    services: fields.services.join(', '),
    impact: fields.impact,
    userActions: fields.userActions,
    deadlineDate: fields.userActionDeadlineUtc ? dateInputOf(fields.userActionDeadlineUtc, zone) : '',
    deadlineTime: fields.userActionDeadlineUtc ? timeInputOf(fields.userActionDeadlineUtc, zone) : '23:59',
    changeNotesUrl: fields.changeNotesUrl,
    channels: fields.channels.map((channel) => `#${channel}`).join(', '),
    repeatEveryWeeks: '0',
    repeatCount: '4',
  };
}

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/** Where the schema's field paths show in the form. */
const FORM_FIELD_OF: Readonly<Record<string, FormField>> = {
  title: 'title',
  workKind: 'workKind',
  what: 'what',
  why: 'why',
  startsAtUtc: 'startDate',
  endsAtUtc: 'endDate',
  timeZone: 'timeZone',
  services: 'services',
  impact: 'impact',
  userActions: 'userActions',
  userActionDeadlineUtc: 'deadlineDate',
  changeNotesUrl: 'changeNotesUrl',
  channels: 'channels',
  // calendar:createSeries names the rule's fields "repeat.count", "repeat.everyWeeks".
  repeat: 'repeatCount',
};

export function formFieldOf(path: readonly PropertyKey[] | string): FormField | undefined {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  // API answers name fields inside the `event` argument ("event.endsAtUtc").
  const first = parts[0] === 'event' ? parts[1] : parts[0];
  return first !== undefined ? FORM_FIELD_OF[first] : undefined;
}

/** The event's fields for the API, or what is wrong with each form field that cannot become one. */
export type Converted = Result<EventFieldsInput, Partial<Record<FormField, string>>>;

const WHAT_IS_WRONG: Readonly<Partial<Record<FormField, string>>> = {
  startDate: 'Give the date and time the work starts.',
  endDate: 'Give the date and time the work should be finished.',
  deadlineDate: 'Give a date (and time) for the deadline, or clear it.',
};

export function toEventFields(values: EventFormValues): Converted {
  const errors: Partial<Record<FormField, string>> = {};
  const zone = values.timeZone.trim() || DEFAULT_TIME_ZONE;
  const instant = (date: string, time: string, field: FormField) => {
    const result = instantFromInputs(date, time, zone);
    if (result === null) errors[field] = WHAT_IS_WRONG[field];
    return result ?? '';
  };
  const startsAtUtc = instant(values.startDate, values.startTime, 'startDate');
  const endsAtUtc = instant(values.endDate, values.endTime, 'endDate');
  const hasDeadline = values.deadlineDate.trim() !== '';
  const userActionDeadlineUtc = hasDeadline
    ? instant(values.deadlineDate, values.deadlineTime || '23:59', 'deadlineDate')
    : null;
  if (Object.keys(errors).length > 0) return { ok: false, error: errors };

  const fields: EventFieldsInput = {
    title: values.title,
    workKind: values.workKind,
    what: values.what,
    why: values.why,
    startsAtUtc,
    endsAtUtc,
    timeZone: zone,
    services: list(values.services, /,/),
    impact: values.impact,
    userActions: values.userActions,
    userActionDeadlineUtc,
    changeNotesUrl: values.changeNotesUrl,
    channels: list(values.channels, /[,\s]+/),
  };
  return { ok: true, value: fields };
}

/** Core's answer to a refused save, field by field; empty when it names no field of this form. */
export function formErrorsOf(error: ApiError): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  for (const [path, message] of Object.entries(error.fieldErrors ?? {})) {
    const field = formFieldOf(path);
    if (field && !errors[field]) errors[field] = sentence(message);
  }
  return errors;
}

/** "must be after the start" → "Must be after the start." */
export function sentence(message: string): string {
  const text = message.trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** The repeat rule the form asks for: null for a one-off, or what is wrong with the number of occurrences. */
export function seriesRuleOf(
  values: Pick<EventFormValues, 'repeatEveryWeeks' | 'repeatCount'>,
): Result<{ everyWeeks: 1 | 2 | 4; count: number } | null, string> {
  const everyWeeks = Number(values.repeatEveryWeeks);
  if (everyWeeks !== 1 && everyWeeks !== 2 && everyWeeks !== 4) return { ok: true, value: null };
  const count = Number(values.repeatCount.trim());
  if (values.repeatCount.trim() === '' || !Number.isInteger(count))
    return { ok: false, error: 'Give how many times the work happens, as a whole number from 2 to 52.' };
  // Core checks the range and the two-year reach, and says what is wrong.
  return { ok: true, value: { everyWeeks, count } };
}
