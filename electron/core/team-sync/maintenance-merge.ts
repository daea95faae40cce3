// Folding what Slack says about a maintenance into the local calendar. Every
// maintenance message a Herald posts carries the event's facts (id, window,
// status, owner) and its comms schedule (which messages are sent). Another
// lead's Herald puts the event on its calendar from them, marked with who owns
// it, and moves or cancels it as later messages say.
//
// The merge is keyed by the event id and idempotent: a message already folded
// in (or an older one) changes no fact, and "sent" marks only ever accumulate,
// so the result does not depend on the order pages arrive in. A message
// corrected in place (Slack's edited.ts) counts as written at its edit, so a
// correction read again later wins over everything posted before it. An event
// made in this Herald keeps its own facts (it is the source of them, and may
// hold a change not announced yet); only the sent marks of other Heralds'
// messages reach it. A payload that passed the schema can still describe an impossible
// event (an end before its start, an unknown zone or status): those facts are
// ignored, never stored.
import { isCommStage, type CommStage } from '../../../shared/calendar/comm-stages.ts';
import {
  eventFieldsObjectSchema,
  eventFieldsSchema,
  eventStatuses,
  type EventStatus,
  type MaintenanceEvent,
} from '../../../shared/calendar/maintenance-event.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings/defaults.ts';
import type { CommsStep, MaintenanceFacts } from '../../../shared/team-sync/message-facts.ts';
import { ownershipOf, sortedEvents, type OwnershipEvent } from './ownership.ts';
import { compareTs } from './sync-cursors.ts';

/** One maintenance message read from Slack, with its checked facts. */
export interface MaintenanceMessage {
  ts: string;
  channel: string;
  heraldId: string;
  actor: string;
  facts: MaintenanceFacts;
  comms: readonly CommsStep[];
  /**
   * Slack's `edited.ts` when the message was corrected in place: its facts are then the event as it stood at that
   * edit, newer than any message posted before it.
   */
  editedTs?: string;
}

/** When what a message says was written: its edit, if it was corrected after it was posted; else its ts. */
function versionOf(ts: string, editedTs: string | undefined): string {
  return editedTs !== undefined && compareTs(editedTs, ts) > 0 ? editedTs : ts;
}

/** The version of the facts the event holds (null when no message gave it any). */
function factsVersionOf(event: MaintenanceEvent): string | null {
  return event.slackTs === null ? null : versionOf(event.slackTs, event.slackEditedTs);
}

/** The event marked as holding the facts of `message` (its ts, and its edit when it was corrected). */
function fromMessage(event: MaintenanceEvent, message: MaintenanceMessage): MaintenanceEvent {
  const next: MaintenanceEvent = { ...event, slackTs: message.ts };
  if (message.editedTs === undefined) delete next.slackEditedTs;
  else next.slackEditedTs = message.editedTs;
  return next;
}

const HOUR_MS = 3_600_000;

function tsToIso(ts: string): string {
  const ms = Math.round(Number(ts) * 1000);
  return new Date(Number.isFinite(ms) && ms > 0 ? ms : 0).toISOString();
}

function statusOf(value: string): EventStatus | null {
  return (eventStatuses as readonly string[]).includes(value) ? (value as EventStatus) : null;
}

/** What the event panel shows about the work, as far as the message says it (an older Herald's says none of it). */
type Details = Partial<
  Pick<
    MaintenanceEvent,
    'workKind' | 'services' | 'impact' | 'userActions' | 'userActionDeadlineUtc' | 'changeNotesUrl'
  >
>;

/** What a message says about its event, if it describes one this Herald could have made itself. */
interface Described {
  title: string;
  startsAtUtc: string;
  endsAtUtc: string;
  timeZone: string;
  status: EventStatus;
  owner: string;
  details: Details;
}

const fieldShape = eventFieldsObjectSchema.shape;

/**
 * One detail checked as the event form checks it. A detail the message leaves out (an older Herald's) is undefined,
 * so it changes nothing; one that fails the form's check reads as the form's empty value, so the message still says
 * what it is about (and what is stored never depends on the order messages are read in).
 */
function checked<T>(
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
  value: unknown,
  fallback: T,
): T | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : fallback;
}

/** The details a message gives: each one this version knows, as the event form would accept it. */
function detailsOf(facts: MaintenanceFacts): Details {
  const names = facts.services?.map((service) => service.name);
  // A list the form would refuse (a service named twice) reads as no services.
  const isListed =
    names === undefined || new Set(names.map((name) => name.trim().toLowerCase())).size === names.length;
  const details: Details = {
    workKind: checked(fieldShape.workKind, facts.work_kind, 'maintenance'),
    services: checked(fieldShape.services, isListed ? names : [], []),
    impact: checked(fieldShape.impact, facts.impact, ''),
    userActions: checked(fieldShape.userActions, facts.user_actions, ''),
    userActionDeadlineUtc:
      facts.user_action_deadline === ''
        ? null
        : checked(fieldShape.userActionDeadlineUtc, facts.user_action_deadline, null),
    changeNotesUrl: checked(fieldShape.changeNotesUrl, facts.change_notes_url, ''),
  };
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
}

/** Whether applying the details would change the event. */
function detailsDiffer(event: MaintenanceEvent, details: Details): boolean {
  return (Object.keys(details) as (keyof Details)[]).some((key) =>
    key === 'services'
      ? (details.services ?? []).join('\n') !== event.services.join('\n')
      : details[key] !== event[key],
  );
}

/**
 * The facts a message gives, or null when they make no event: an end before the start, an unknown zone or
 * status. Read from the message alone (an empty end is an hour after the start, an empty zone the default), so a
 * message means the same whatever this Herald read before it.
 */
function describedBy(message: MaintenanceMessage): Described | null {
  const { facts } = message;
  const status = statusOf(facts.status);
  if (status === null) return null;
  const startMs = Date.parse(facts.starts_at);
  const endMs = facts.ends_at === '' ? startMs + HOUR_MS : Date.parse(facts.ends_at);
  const checked = eventFieldsSchema.safeParse({
    title: facts.title.trim() === '' ? 'Maintenance' : facts.title,
    startsAtUtc: new Date(startMs).toISOString(),
    endsAtUtc: new Date(endMs).toISOString(),
    timeZone: facts.zone.trim() === '' ? DEFAULT_TIME_ZONE : facts.zone,
  });
  if (!checked.success) return null;
  const { title, startsAtUtc, endsAtUtc, timeZone } = checked.data;
  return {
    title: title.slice(0, 200),
    startsAtUtc,
    endsAtUtc,
    timeZone,
    status,
    owner: facts.owner || message.actor,
    details: detailsOf(facts),
  };
}

/** Which messages the message says are sent: its own stage, and every step its schedule marks sent. */
function sentStagesOf(message: MaintenanceMessage): CommStage[] {
  const stages = new Set<CommStage>();
  if (isCommStage(message.facts.stage)) stages.add(message.facts.stage);
  for (const step of message.comms) if (step.is_sent && isCommStage(step.stage)) stages.add(step.stage);
  return [...stages].sort();
}

/**
 * The status once the sent marks are counted, as sending them here would have moved it: announced once the
 * announcement is out, in progress once "starting now" is, complete once "complete" is; a cancelled event stays
 * cancelled. It only moves forward, so counting more marks later gives what counting them all at once would.
 */
function promoted(status: EventStatus, sent: MaintenanceEvent['sentStages']): EventStatus {
  if (status === 'cancelled' || status === 'complete') return status;
  if (Object.hasOwn(sent, 'complete')) return 'complete';
  if (Object.hasOwn(sent, 'starting')) return 'in_progress';
  if (status === 'planned' && Object.hasOwn(sent, 'announcement')) return 'announced';
  return status;
}

/** Adds the sent marks, each at the earliest time any message gives it (so reading order does not matter). */
function withSent(event: MaintenanceEvent, stages: readonly CommStage[], atUtc: string): MaintenanceEvent {
  let sentStages = event.sentStages;
  for (const stage of stages) {
    const markedAt = sentStages[stage];
    if (markedAt === undefined || Date.parse(atUtc) < Date.parse(markedAt))
      sentStages = { ...sentStages, [stage]: atUtc };
  }
  const status = promoted(event.status, sentStages);
  return sentStages === event.sentStages && status === event.status
    ? event
    : { ...event, sentStages, status };
}

const channelNameOf = (channel: string): string | null => {
  const name = channel.replace(/^#/, '').toLowerCase();
  return /^[a-z0-9][a-z0-9_-]{0,79}$/.test(name) ? name : null;
};

/**
 * Another lead's event is told in every channel a message about it was read in, so this Herald's audiences view
 * lists the same channels, in the same audiences, as the owner's. Channels only accumulate, sorted, so the result
 * does not depend on the order messages are read in.
 */
function withChannel(event: MaintenanceEvent, channel: string): MaintenanceEvent {
  const name = channelNameOf(channel);
  if (name === null || event.channels.includes(name)) return event;
  return { ...event, channels: [...event.channels, name].sort() };
}

/** A new calendar event for another lead's maintenance. */
function eventFromSlack(message: MaintenanceMessage, described: Described): MaintenanceEvent {
  const atUtc = tsToIso(message.ts);
  const { id } = message.facts;
  const channel = channelNameOf(message.channel);
  return {
    title: described.title,
    startsAtUtc: described.startsAtUtc,
    endsAtUtc: described.endsAtUtc,
    timeZone: described.timeZone,
    // An older Herald's message names no kind of work: "maintenance" is the nearest word for it.
    workKind: 'maintenance',
    what: '',
    why: '',
    services: [],
    impact: '',
    userActions: '',
    userActionDeadlineUtc: null,
    changeNotesUrl: '',
    channels: channel === null ? [] : [channel],
    id,
    uid: `${id}@herald`,
    sequence: 0,
    status: described.status,
    sentStages: {},
    previousStartsAtUtc: null,
    previousEndsAtUtc: null,
    changeReason: '',
    seriesUid: null,
    recurrenceId: null,
    owner: described.owner,
    origin: 'slack',
    slackTs: message.ts,
    createdAtUtc: atUtc,
    updatedAtUtc: atUtc,
    ...described.details,
  };
}

/** Another lead's event, as a newer message describes it. */
function newerFacts(
  event: MaintenanceEvent,
  message: MaintenanceMessage,
  described: Described,
): MaintenanceEvent {
  // Who has comms is worked out from every message's word on it, in Slack's order (withOwnership), not from the newest.
  const base = fromMessage(event, message);
  const hasMoved = Date.parse(described.startsAtUtc) !== Date.parse(event.startsAtUtc);
  const hasChanged =
    hasMoved ||
    Date.parse(described.endsAtUtc) !== Date.parse(event.endsAtUtc) ||
    described.title !== event.title ||
    described.timeZone !== event.timeZone ||
    promoted(described.status, event.sentStages) !== event.status ||
    detailsDiffer(event, described.details);
  if (!hasChanged) return base;
  return {
    ...base,
    ...described.details,
    title: described.title,
    startsAtUtc: described.startsAtUtc,
    endsAtUtc: described.endsAtUtc,
    timeZone: described.timeZone,
    status: described.status,
    ...(hasMoved ? { previousStartsAtUtc: event.startsAtUtc, previousEndsAtUtc: event.endsAtUtc } : {}),
    sequence: event.sequence + 1,
  };
}

const MAX_OWNER_EVENTS = 200;

/** A message's word on who has comms; `editedTs` when it is a corrected version's (a newer one replaces it). */
type OwnerEvent = OwnershipEvent & { editedTs?: string };

function ownerEventOf(message: MaintenanceMessage): OwnerEvent {
  return {
    ts: message.ts,
    heraldId: message.heraldId,
    stage: message.facts.stage,
    actor: message.actor,
    owner: message.facts.owner || message.actor,
    previousOwner: message.facts.previous_owner ?? '',
    ...(message.editedTs === undefined ? {} : { editedTs: message.editedTs }),
  };
}

/**
 * Who has comms once the event's ownership events are counted: by Slack's order (ownershipOf, shared with incidents),
 * except that this Herald's own take-over, until Slack shows it, is the newest word. An event no message names an
 * owner for keeps the one it has (made here before it was announced).
 */
export function settleOwner(event: MaintenanceEvent): MaintenanceEvent {
  const pending = event.pendingHandover ?? null;
  const ownerEvents = event.ownerEvents ?? [];
  const isPendingInSlack =
    pending !== null && ownerEvents.some((known) => known.heraldId === pending.heraldId);
  const pendingHandover = isPendingInSlack ? null : pending;
  const owner = pendingHandover?.owner ?? (ownershipOf(ownerEvents, '').owner || event.owner);
  return owner === event.owner && pendingHandover === (event.pendingHandover ?? null)
    ? event
    : { ...event, owner, pendingHandover };
}

/**
 * Adds the message's word on ownership (once, whatever order it is read in) and settles who has comms. A message
 * counts once, as its newest version says it (a correction restates the event as it stood when it was made).
 */
function withOwnership(event: MaintenanceEvent, message: MaintenanceMessage): MaintenanceEvent {
  const seen: readonly OwnerEvent[] = event.ownerEvents ?? [];
  const same = (known: OwnerEvent) => known.heraldId === message.heraldId && known.ts === message.ts;
  const known = seen.find(same);
  if (
    known !== undefined &&
    compareTs(versionOf(message.ts, message.editedTs), versionOf(known.ts, known.editedTs)) <= 0
  )
    return event;
  const others = known === undefined ? seen : seen.filter((candidate) => !same(candidate));
  const ownerEvents = sortedEvents([...others, ownerEventOf(message)]).slice(-MAX_OWNER_EVENTS);
  return settleOwner({ ...event, ownerEvents });
}

/**
 * The event after one Slack message about it: a new one when this Herald has never seen it, the same object when
 * the message changes nothing (already folded in, older than what the event holds and marking nothing new), and
 * undefined when there is no event and the message makes none. A message whose facts describe no possible event
 * is ignored whole, its sent marks too, so what is stored never depends on the order messages are read in.
 */
export function mergeMaintenanceMessage(
  existing: MaintenanceEvent | undefined,
  message: MaintenanceMessage,
): MaintenanceEvent | undefined {
  const described = describedBy(message);
  if (described === null) return existing;
  const atUtc = tsToIso(message.ts);
  let next: MaintenanceEvent;
  const known = existing === undefined ? null : factsVersionOf(existing);
  if (existing === undefined) next = fromMessage(eventFromSlack(message, described), message);
  // Older than what the event holds: a message posted earlier, or the same one as it read before a correction.
  else if (known !== null && compareTs(versionOf(message.ts, message.editedTs), known) <= 0) next = existing;
  else if (existing.origin === 'slack') next = newerFacts(existing, message, described);
  // This Herald's own event: it is the source of the facts (and may hold a change not announced yet).
  else next = fromMessage(existing, message);
  next = withSent(next, sentStagesOf(message), atUtc);
  next = withOwnership(next, message);
  if (next.origin === 'slack') next = withChannel(next, message.channel);
  // Another lead's event was last changed by the newest message about it (not by the order messages were read in).
  const version = factsVersionOf(next);
  if (next !== existing && next.origin === 'slack' && version !== null)
    next = { ...next, updatedAtUtc: tsToIso(version) };
  return next;
}
