// The audiences view, derived: for every open incident and every upcoming or
// running maintenance, which channels the plan says are to hear about it
// (grouped by the plan's audience), the latest message each one received
// (from the ledger), what that message claims, and every way a channel is out
// of step with the truth — each a flag whose fix core can draft. Pure: the
// service feeds it the plan, the subjects, the ledger and the clock.
import type {
  AudienceFlag,
  AudiencesView,
  AudienceSubject,
  Claims,
  Heard,
  SubjectRow,
} from '../../../shared/api/channels/audiences.ts';
import type { AudienceFlagKind } from '../../../shared/audiences/audience-vocabulary.ts';
import { maintenanceTypeOf } from '../../../shared/calendar/draft-prefill.ts';
import { commsSchedule, type LeadTimes } from '../../../shared/calendar/comms-schedule.ts';
import { eventStatuses, type MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import type { Incident } from '../../../shared/incidents/incident.ts';
import { currentIncidentName } from '../../../shared/incidents/incident-name.ts';
import { slackChannelsOf, type Plan } from '../../../shared/plan/index.ts';
import { channelKey, type HeardRecord } from './audience-ledger.ts';

/** The audience of channels that heard about a subject although the plan does not name them for it. */
export const OTHER_AUDIENCE = 'Other channels';
const INCIDENT_CHECKLIST = 'incident';
/** Stages after which a channel has been told the incident is over. */
const RESOLVED_STAGES: ReadonlySet<string> = new Set(['resolved', 'postmortem']);

/** The maintenance fields a derivation reads (a stored event, or an event view). */
export type EventFacts = Pick<
  MaintenanceEvent,
  'id' | 'title' | 'status' | 'startsAtUtc' | 'endsAtUtc' | 'timeZone' | 'channels' | 'sentStages'
>;

export interface DerivationInput {
  plan: Plan;
  nowMs: number;
  /** Open incidents, and resolved ones recent enough that a channel may still think them open. */
  incidents: readonly Incident[];
  /** Upcoming or running maintenance, and cancelled events still ahead. */
  events: readonly EventFacts[];
  leadTimes: LeadTimes;
  /** What each channel last heard about a subject ("incident:<id>"), by channel key. */
  heardOf: (subjectKey: string) => Readonly<Record<string, HeardRecord>>;
  /** A message about the subject waiting in the outbox for that channel (queued, sending, held, scheduled). */
  pendingFor: (subjectKey: string, channel: string) => string | null;
}

interface Destination {
  audience: string;
  channel: string;
}

/** Each channel once, with the audience of the first plan type that names it. */
function destinationsOf(plan: Plan, isWanted: (type: Plan['types'][number]) => boolean): Destination[] {
  const seen = new Map<string, Destination>();
  for (const type of plan.types) {
    if (type.isRetired || !isWanted(type)) continue;
    for (const channel of slackChannelsOf(type)) {
      const key = channelKey(channel);
      if (!seen.has(key)) seen.set(key, { audience: type.audience, channel: key });
    }
  }
  return [...seen.values()];
}

/** The audience the plan gives a channel anywhere (for a maintenance event's own channels). */
function audienceOfChannel(plan: Plan, channel: string, fallback: string): string {
  for (const type of plan.types) {
    if (type.isRetired) continue;
    if (slackChannelsOf(type).some((name) => channelKey(name) === channel)) return type.audience;
  }
  return fallback;
}

export function claimsOf(record: HeardRecord): Claims {
  const { facts } = record;
  if (facts.kind === 'incident') {
    const { stage } = facts.incident;
    return {
      stage,
      status: RESOLVED_STAGES.has(stage) ? 'resolved' : record.status,
      nextUpdateAtUtc: RESOLVED_STAGES.has(stage) ? null : facts.incident.next_update_at || null,
      startsAtUtc: null,
      endsAtUtc: null,
      timeZone: null,
    };
  }
  const { maintenance } = facts;
  return {
    stage: maintenance.stage,
    status: maintenance.status,
    nextUpdateAtUtc: null,
    startsAtUtc: maintenance.starts_at,
    endsAtUtc: maintenance.ends_at || null,
    timeZone: maintenance.zone || null,
  };
}

function heardOf(record: HeardRecord): Heard {
  return {
    heraldId: record.heraldId,
    atUtc: record.atUtc,
    permalink: record.permalink,
    via: record.via,
    actor: record.actor,
    claims: claimsOf(record),
  };
}

const sameInstant = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));

const isResolvedClaim = (claims: Claims) => RESOLVED_STAGES.has(claims.stage);

interface SubjectChannels {
  subject: AudienceSubject;
  key: string;
  truth: Claims;
  rows: Array<{ destination: Destination; heard: HeardRecord | null; dueAtUtc: string | null }>;
}

function channelsFor(
  planned: readonly Destination[],
  heard: Readonly<Record<string, HeardRecord>>,
): Array<{ destination: Destination; heard: HeardRecord | null }> {
  const rows = planned.map((destination) => ({ destination, heard: heard[destination.channel] ?? null }));
  for (const [channel, record] of Object.entries(heard)) {
    if (!planned.some((destination) => destination.channel === channel))
      rows.push({ destination: { audience: OTHER_AUDIENCE, channel }, heard: record });
  }
  return rows;
}

function flagOf(
  kind: AudienceFlagKind,
  subject: SubjectChannels,
  destination: Destination,
  heard: HeardRecord | null,
  extra: {
    elsewhere?: string | null;
    sinceUtc?: string | null;
    pending: string | null;
    isAlsoAnAlert?: boolean;
  },
): AudienceFlag {
  return {
    id: `${kind}|${subject.key}|${destination.channel}`,
    kind,
    audience: destination.audience,
    channel: destination.channel,
    subject: subject.subject,
    heard: heard ? heardOf(heard) : null,
    truth: subject.truth,
    elsewhere: extra.elsewhere ?? null,
    sinceUtc: extra.sinceUtc ?? null,
    isAlsoAnAlert: extra.isAlsoAnAlert ?? false,
    fixOutboxItemId: extra.pending,
  };
}

/** A subject's channels and its flags. */
interface Derived {
  subject: SubjectChannels;
  flags: AudienceFlag[];
}

function incidentSubject(incident: Incident, input: DerivationInput): Derived {
  const key = `incident:${incident.id}`;
  const heard = input.heardOf(key);
  const planned = destinationsOf(input.plan, (type) => type.checklist === INCIDENT_CHECKLIST);
  // The incident's own channel is told even when the plan's incident channels have changed since.
  const ownChannel = channelKey(incident.channel);
  if (ownChannel !== '' && !planned.some((destination) => destination.channel === ownChannel)) {
    planned.unshift({
      audience: audienceOfChannel(input.plan, ownChannel, OTHER_AUDIENCE),
      channel: ownChannel,
    });
  }
  const isResolved = incident.state === 'resolved';
  const subject: SubjectChannels = {
    subject: { kind: 'incident', id: incident.id, title: currentIncidentName(incident) },
    key,
    truth: {
      stage: isResolved ? 'resolved' : (incident.timeline.at(-1)?.kind ?? 'declared'),
      status: isResolved ? 'resolved' : incident.status,
      nextUpdateAtUtc: isResolved ? null : incident.nextUpdateAtUtc,
      startsAtUtc: null,
      endsAtUtc: null,
      timeZone: null,
    },
    rows: channelsFor(planned, heard).map((row) => ({ ...row, dueAtUtc: null })),
  };
  const resolvedIn = Object.entries(heard)
    .filter(([, record]) => isResolvedClaim(claimsOf(record)))
    .map(([channel]) => channel);
  const flags: AudienceFlag[] = [];
  for (const { destination, heard: record } of subject.rows) {
    const pending = input.pendingFor(key, destination.channel);
    if (isResolved) {
      // A channel never told of it needs no resolution; one left thinking it open does.
      if (record && !isResolvedClaim(claimsOf(record))) {
        flags.push(
          flagOf('resolved_elsewhere', subject, destination, record, {
            elsewhere: resolvedIn[0] ?? (ownChannel === destination.channel ? null : ownChannel),
            sinceUtc: incident.resolvedAtUtc,
            pending,
          }),
        );
      }
      continue;
    }
    if (record === null) {
      flags.push(
        flagOf('not_told', subject, destination, null, { sinceUtc: incident.declaredAtUtc, pending }),
      );
      continue;
    }
    const claims = claimsOf(record);
    if (isResolvedClaim(claims)) continue;
    const promise = claims.nextUpdateAtUtc;
    if (promise !== null && Date.parse(promise) <= input.nowMs) {
      flags.push(
        flagOf('promise_passed', subject, destination, record, {
          sinceUtc: promise,
          pending,
          // The incident's reminders already raise the overdue alert for the channel of its thread.
          isAlsoAnAlert: destination.channel === ownChannel,
        }),
      );
    }
  }
  return { subject, flags };
}

function maintenanceSubject(event: EventFacts, input: DerivationInput): Derived {
  const key = `maintenance:${event.id}`;
  const heard = input.heardOf(key);
  const type = maintenanceTypeOf(input.plan);
  const fallbackAudience = type?.audience ?? OTHER_AUDIENCE;
  // The event's own channels when it names any, else the plan's channels for upgrades and maintenance.
  const planned: Destination[] =
    event.channels.length > 0
      ? [...new Set(event.channels.map(channelKey))].map((channel) => ({
          audience: audienceOfChannel(input.plan, channel, fallbackAudience),
          channel,
        }))
      : type
        ? slackChannelsOf(type).map((channel) => ({ audience: type.audience, channel: channelKey(channel) }))
        : [];
  const announcement = commsSchedule(event, input.leadTimes).find((comm) => comm.stage === 'announcement');
  const announcedAt = event.sentStages.announcement ?? null;
  const dueMs = announcement?.dueAtMs ?? Date.parse(event.startsAtUtc);
  const isCancelled = event.status === 'cancelled';
  const subject: SubjectChannels = {
    subject: { kind: 'maintenance', id: event.id, title: event.title },
    key,
    truth: {
      stage: isCancelled ? 'cancelled' : 'announcement',
      status: event.status,
      nextUpdateAtUtc: null,
      startsAtUtc: new Date(Date.parse(event.startsAtUtc)).toISOString(),
      endsAtUtc: new Date(Date.parse(event.endsAtUtc)).toISOString(),
      timeZone: event.timeZone,
    },
    rows: channelsFor(planned, heard).map((row) => ({
      ...row,
      dueAtUtc:
        row.heard === null && !isCancelled && dueMs > input.nowMs ? new Date(dueMs).toISOString() : null,
    })),
  };
  const flags: AudienceFlag[] = [];
  for (const { destination, heard: record } of subject.rows) {
    const pending = input.pendingFor(key, destination.channel);
    if (record === null) {
      if (isCancelled) continue;
      // Due by the plan's schedule, or already announced elsewhere: this channel is behind.
      const isDue = dueMs <= input.nowMs || announcedAt !== null;
      if (isDue) {
        const since = dueMs <= input.nowMs ? new Date(dueMs).toISOString() : announcedAt;
        flags.push(flagOf('not_told', subject, destination, null, { sinceUtc: since, pending }));
      }
      continue;
    }
    const claims = claimsOf(record);
    if (isCancelled) {
      if (claims.stage !== 'cancelled' && claims.status !== 'cancelled')
        flags.push(flagOf('stale_cancelled', subject, destination, record, { pending }));
      continue;
    }
    const isStale =
      !sameInstant(claims.startsAtUtc, subject.truth.startsAtUtc) ||
      (claims.endsAtUtc !== null && !sameInstant(claims.endsAtUtc, subject.truth.endsAtUtc));
    if (isStale) flags.push(flagOf('stale_window', subject, destination, record, { pending }));
  }
  return { subject, flags };
}

/**
 * A maintenance event this Herald's calendar does not hold (another lead's), as Slack tells it: the
 * newest message any channel heard about it stands for the event, so channels told something older are
 * flagged just as they are for an event in the calendar.
 */
export function eventFromSlack(heard: Readonly<Record<string, HeardRecord>>): EventFacts | null {
  const records = Object.values(heard).sort((a, b) => (a.atUtc < b.atUtc ? -1 : a.atUtc > b.atUtc ? 1 : 0));
  const newest = records.at(-1);
  if (newest?.facts.kind !== 'maintenance') return null;
  const { maintenance } = newest.facts;
  const announced = records.find(
    (record) => record.facts.kind === 'maintenance' && record.facts.maintenance.stage === 'announcement',
  );
  const startMs = Date.parse(maintenance.starts_at);
  return {
    id: maintenance.id,
    title: maintenance.title,
    status: (eventStatuses as readonly string[]).includes(maintenance.status)
      ? (maintenance.status as EventFacts['status'])
      : 'announced',
    startsAtUtc: new Date(startMs).toISOString(),
    endsAtUtc: maintenance.ends_at === '' ? new Date(startMs + 3_600_000).toISOString() : maintenance.ends_at,
    timeZone: maintenance.zone || 'UTC',
    channels: [],
    sentStages: announced ? { announcement: announced.atUtc } : {},
  };
}

const FLAG_ORDER: Readonly<Record<AudienceFlagKind, number>> = {
  resolved_elsewhere: 0,
  stale_cancelled: 1,
  stale_window: 2,
  promise_passed: 3,
  not_told: 4,
};

/** The whole view. Cost: the open subjects times their channels; History is never read. */
export function deriveAudiences(input: DerivationInput): AudiencesView {
  const derived = [
    ...input.incidents
      .filter((incident) => incident.state === 'open' || incident.resolvedAtUtc !== null)
      .map((incident) => incidentSubject(incident, input)),
    ...input.events.map((event) => maintenanceSubject(event, input)),
  ].filter(({ subject, flags }) => {
    // A resolved incident or a cancelled event is shown only while a channel still has it wrong.
    if (subject.subject.kind === 'incident' && subject.truth.status === 'resolved') return flags.length > 0;
    if (subject.subject.kind === 'maintenance' && subject.truth.status === 'cancelled')
      return flags.length > 0;
    return true;
  });
  const flags = derived
    .flatMap((entry) => entry.flags)
    .sort((a, b) => FLAG_ORDER[a.kind] - FLAG_ORDER[b.kind] || a.id.localeCompare(b.id));
  const audiences = new Map<string, Map<string, SubjectRow[]>>();
  for (const { subject, flags: subjectFlags } of derived) {
    for (const row of subject.rows) {
      const byChannel = audiences.get(row.destination.audience) ?? new Map<string, SubjectRow[]>();
      audiences.set(row.destination.audience, byChannel);
      const rows = byChannel.get(row.destination.channel) ?? [];
      byChannel.set(row.destination.channel, rows);
      rows.push({
        subject: subject.subject,
        heard: row.heard ? heardOf(row.heard) : null,
        dueAtUtc: row.dueAtUtc,
        flagIds: subjectFlags
          .filter((flag) => flag.channel === row.destination.channel)
          .map((flag) => flag.id),
      });
    }
  }
  // Audiences in the plan's order (channels heard outside the plan last); flagged subjects first in each channel.
  const planOrder = [...new Set(input.plan.types.map((type) => type.audience)), OTHER_AUDIENCE];
  return {
    nowUtc: new Date(input.nowMs).toISOString(),
    audiences: [...audiences]
      .sort(([a], [b]) => rank(planOrder, a) - rank(planOrder, b))
      .map(([audience, byChannel]) => ({
        audience,
        channels: [...byChannel].map(([channel, rows]) => ({
          channel,
          subjects: rows.sort((a, b) => Number(b.flagIds.length > 0) - Number(a.flagIds.length > 0)),
        })),
      })),
    flags,
  };
}

function rank(order: readonly string[], audience: string): number {
  const at = order.indexOf(audience);
  return at === -1 ? order.length : at;
}

/**
 * The next instant the view may change by the clock alone: a promise a
 * channel holds passing, or an announcement falling due. Null when none.
 */
export function nextChangeMs(view: AudiencesView, nowMs: number): number | null {
  let next: number | null = null;
  const consider = (iso: string | null) => {
    if (iso === null) return;
    const atMs = Date.parse(iso);
    if (atMs > nowMs && (next === null || atMs < next)) next = atMs;
  };
  for (const group of view.audiences)
    for (const channel of group.channels)
      for (const row of channel.subjects) {
        consider(row.dueAtUtc);
        consider(row.heard?.claims.nextUpdateAtUtc ?? null);
      }
  return next;
}
