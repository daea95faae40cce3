// Folding what Slack says about an incident into the local record. Slack is
// the log and its message order (ts) the only clock the leads share, so the
// record's shared facts — who has comms, the promise, open or resolved — are
// worked out again from the events read back from Slack, sorted by ts, every
// time one arrives. That makes merging idempotent (the same message twice
// changes nothing) and independent of the order pages arrive in. An edited
// message is the same event in a newer version: the newest `edited.ts` wins. Messages this
// Herald queued that Slack does not show yet count as the newest events.
import type { Incident, IncidentSlackEvent } from '../../../shared/incidents/incident.ts';
import type { IncidentFacts } from '../../../shared/team-sync/message-facts.ts';
import { ownershipOf, sortedEvents } from './ownership.ts';
import { compareTs } from './sync-cursors.ts';

export { ownershipOf, sortedEvents, type Ownership } from './ownership.ts';

/** One incident message read from Slack, with its checked facts. */
export interface IncidentMessage {
  ts: string;
  /** The thread it is in (its own ts for a declaration). */
  threadTs: string;
  channel: string;
  heraldId: string;
  actor: string;
  facts: IncidentFacts;
  /** Slack's `edited.ts` when the message was edited (a correction, or its headline): the newest edit wins. */
  editedTs?: string;
}

const PROMISE_STAGES = new Set(['declared', 'update', 'holding', 'resolved']);

/** What the message is called in the timeline: its own title, or the incident's where an older Herald sent it. */
const summaryOf = (facts: IncidentFacts) => (facts.message_title || facts.title).slice(0, 500);

function eventOf(message: IncidentMessage): IncidentSlackEvent {
  const { facts } = message;
  return {
    ts: message.ts,
    heraldId: message.heraldId,
    stage: facts.stage,
    actor: message.actor,
    owner: facts.owner,
    previousOwner: facts.previous_owner,
    nextUpdateAtUtc: facts.next_update_at === '' ? null : facts.next_update_at,
    summary: summaryOf(facts),
    ...(message.editedTs === undefined ? {} : { editedTs: message.editedTs }),
  };
}

/** Whether `event` is a later version of the same message than `known` (a newer edit). */
function isNewerEdit(event: IncidentSlackEvent, known: IncidentSlackEvent): boolean {
  if (event.editedTs === undefined) return false;
  return known.editedTs === undefined || compareTs(event.editedTs, known.editedTs) > 0;
}

/**
 * A newer edit of a message already folded in: its facts replace the earlier version's (in the log and in its
 * timeline entry), and the record is settled again. Only a newer `edited.ts` changes anything, so reading the
 * versions in any order, any number of times, ends with the newest one's facts.
 */
function withEdit(existing: Incident, event: IncidentSlackEvent, message: IncidentMessage): Incident {
  const slackEvents = existing.slackEvents.map((known) =>
    known.heraldId === event.heraldId && known.ts === event.ts ? event : known,
  );
  const timeline = existing.timeline.map((entry) =>
    entry.outboxItemId === event.heraldId
      ? { ...entry, nextUpdateAtUtc: event.nextUpdateAtUtc, summary: event.summary }
      : entry,
  );
  // A corrected declaration of another lead's incident may name another priority: the cadence follows it.
  const isForeignDeclaration = event.stage === 'declared' && existing.origin === 'slack';
  return settle({
    ...existing,
    slackEvents,
    timeline,
    ...(isForeignDeclaration ? { priority: message.facts.priority.slice(0, 20) } : {}),
  });
}

function tsToIso(ts: string): string {
  const ms = Math.round(Number(ts) * 1000);
  return new Date(Number.isFinite(ms) ? ms : 0).toISOString();
}

/** The record's shared facts, worked out again from its Slack events and its still-unsent local messages. */
export function settle(incident: Incident): Incident {
  const events = sortedEvents(incident.slackEvents);
  const inSlack = new Set(events.map((event) => event.heraldId));
  // This Herald's messages that Slack does not show yet are the newest word.
  const pending = incident.timeline.filter((entry) => !inSlack.has(entry.outboxItemId));
  // Only what does not depend on the order messages arrived in: the local declarer, else the log alone.
  const declarer =
    incident.origin === 'local'
      ? (incident.timeline.find((entry) => entry.kind === 'declared')?.by ?? '')
      : '';
  const { owner: slackOwner } = ownershipOf(events, declarer);
  const pendingHandover = pending.filter((entry) => entry.kind === 'handover').at(-1);
  const owner = pendingHandover ? pendingHandover.by || slackOwner : slackOwner;

  const promising = [
    ...events
      .filter((event) => PROMISE_STAGES.has(event.stage))
      .map((event) =>
        event.stage === 'resolved'
          ? { kind: 'resolved', next: null }
          : { kind: event.stage, next: event.nextUpdateAtUtc },
      ),
    ...pending
      .filter((entry) => PROMISE_STAGES.has(entry.kind))
      .map((entry) => ({ kind: entry.kind, next: entry.nextUpdateAtUtc })),
  ];
  const latest = promising.at(-1);
  const isResolved = latest?.kind === 'resolved' || (latest === undefined && incident.state === 'resolved');
  const resolvedEvent = events.filter((event) => event.stage === 'resolved').at(-1);
  // This Herald's own resolution counts from when it was sent, before the team sync reads it back from Slack.
  const pendingResolution = pending.filter((entry) => entry.kind === 'resolved').at(-1);
  return {
    ...incident,
    owner,
    state: isResolved ? 'resolved' : 'open',
    resolvedAtUtc: isResolved
      ? (incident.resolvedAtUtc ??
        (resolvedEvent ? tsToIso(resolvedEvent.ts) : (pendingResolution?.atUtc ?? null)))
      : null,
    nextUpdateAtUtc: isResolved ? null : latest === undefined ? incident.nextUpdateAtUtc : latest.next,
  };
}

/**
 * Adds one Slack message to the incident it is about (a new record when this
 * Herald has never seen it), then settles the record. The same message again
 * returns the record unchanged.
 */
export function mergeIncidentMessage(existing: Incident | undefined, message: IncidentMessage): Incident {
  const event = eventOf(message);
  const known = existing?.slackEvents.find(
    (candidate) => candidate.heraldId === event.heraldId && candidate.ts === event.ts,
  );
  if (existing && known) return isNewerEdit(event, known) ? withEdit(existing, event, message) : existing;
  const atUtc = tsToIso(message.ts);
  const base: Incident = existing ?? {
    id: message.facts.id,
    service: message.facts.service,
    title: message.facts.title,
    state: 'open',
    channel: message.channel,
    declaredAtUtc: atUtc,
    resolvedAtUtc: null,
    declarationOutboxId: message.heraldId,
    threadTs: message.threadTs,
    nextUpdateAtUtc: null,
    postmortemUrl: null,
    timeline: [],
    owner: '',
    origin: 'slack',
    slackEvents: [],
    ownershipNotice: null,
    status: 'investigating',
    headlineText: null,
    // Another lead's incident: its priority sets the cadence here too; Slack's metadata carries no answers to start from.
    priority: message.facts.priority.slice(0, 20),
    carried: { fields: {}, notApplicable: {} },
  };
  const isKnownEntry = base.timeline.some((entry) => entry.outboxItemId === message.heraldId);
  const timeline = isKnownEntry
    ? base.timeline.map((entry) =>
        entry.outboxItemId === message.heraldId && entry.by === '' ? { ...entry, by: message.actor } : entry,
      )
    : [
        ...base.timeline,
        {
          kind: message.facts.stage,
          atUtc,
          outboxItemId: message.heraldId,
          summary: summaryOf(message.facts),
          nextUpdateAtUtc: event.nextUpdateAtUtc,
          isBroadcast: false,
          by: message.actor,
        },
      ].sort((a, b) => a.atUtc.localeCompare(b.atUtc));
  const isDeclaration = message.facts.stage === 'declared';
  return settle({
    ...base,
    ...(isDeclaration && base.origin === 'slack'
      ? {
          title: message.facts.title,
          service: message.facts.service,
          declaredAtUtc: atUtc,
          // The declaration's priority, whichever message was read first.
          priority: message.facts.priority.slice(0, 20),
        }
      : {}),
    threadTs: base.threadTs ?? message.threadTs,
    timeline,
    slackEvents: sortedEvents([...base.slackEvents, event]).slice(-500),
  });
}
