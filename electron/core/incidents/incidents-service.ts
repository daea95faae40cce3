// Incidents: the record behind an incident's communications. Declaring one
// creates it; each later message threads under the declaration (through the
// outbox's threadOf while the declaration is still queued); each promise of a
// next update arms the reminders; resolving stops them; the postmortem
// follows in the same thread. Drafts for the next message come pre-filled.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import type { StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import {
  incidentSchema,
  type CarriedAnswers,
  type Incident,
  type IncidentTimelineKind,
} from '../../../shared/incidents/incident.ts';
import { answerOf, instantOf, type Draft } from '../../../shared/messages/index.ts';
import { updateCadenceMinutes } from '../../../shared/plan/plan-lookups.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { DraftsService } from '../drafts/drafts-service.ts';
import type { ReminderScheduler } from '../reminders/reminder-scheduler.ts';
import { statusFromAnswer } from '../../../shared/incidents/headline.ts';
import { isHeraldId } from '../../../shared/deep-links/herald-link.ts';
import { INCIDENT_TYPE_ID, incidentIdForDeclaration } from '../../../shared/deep-links/open-in-herald.ts';
import type { HeadlineKeeper } from './incident-headline.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';
import type { IncidentFacts, MessageFacts } from '../../../shared/team-sync/message-facts.ts';
import { isTheirs } from '../../../shared/team-sync/owner-wording.ts';
import {
  mergeIncidentMessage,
  ownershipOf,
  settle,
  type IncidentMessage,
} from '../team-sync/incident-merge.ts';

export { INCIDENT_TYPE_ID };
export const POSTMORTEM_TYPE_ID = 'postmortems';
const RECENT_MS = 30 * 86_400_000;

const storedIncidentsSchema = z.object({ incidents: z.array(incidentSchema) });
export const incidentsStoreDefinition: StoreDefinition<typeof storedIncidentsSchema> = {
  name: 'incidents',
  schema: storedIncidentsSchema,
  defaults: () => ({ incidents: [] }),
};

/** Where an incident message goes: which incident, and how it threads. */
export interface IncidentRouting {
  incidentId: string;
  kind: IncidentTimelineKind;
  threadTs?: string;
  threadOf?: string;
}

/** Why alerts are re-aligned: an update sent here, a message read from Slack, or a promise (re)stated. */
type AlignReason = 'local_update' | 'remote' | 'promised';

export type NextMessageKind = 'update' | 'holding' | 'resolved' | 'postmortem';

export interface IncidentsServiceDeps {
  store: VersionedStore<z.output<typeof storedIncidentsSchema>>;
  drafts: DraftsService;
  scheduler: ReminderScheduler;
  bus: EventBus;
  nowMs: () => number;
  /** The plan: a holding update promises the next one at its cadence for the incident's priority. */
  plan: () => Plan;
  createId?: () => string;
  /** The Slack user this Herald's lead is (Settings); "" when not named, and then every incident alerts here. */
  lead?: () => string;
  /** The plan's grace period before an overdue promise escalates to every lead; null: no escalation. */
  escalateAfterMs?: () => number | null;
  /** Keeps the declaration's headline current once replies reach Slack (absent: headlines are left alone). */
  headline?: HeadlineKeeper;
}

/** The answers a follow-up carries forward from the message before it (see CarriedAnswers). */
const CARRIED_ITEMS = ['serviceImpact', 'actionBeingTaken', 'userActions'] as const;

function carriedFrom(draft: Draft, previous: CarriedAnswers): CarriedAnswers {
  const carried: CarriedAnswers = {
    fields: { ...previous.fields },
    notApplicable: { ...previous.notApplicable },
  };
  for (const itemId of CARRIED_ITEMS) {
    const answer = answerOf(draft, itemId);
    const reason = draft.notApplicable[itemId];
    if (answer !== '') {
      carried.fields[itemId] = answer;
      delete carried.notApplicable[itemId];
    } else if (reason !== undefined && reason.trim() !== '') {
      carried.notApplicable[itemId] = reason;
      delete carried.fields[itemId];
    }
  }
  return carried;
}

export interface IncidentsService {
  list: () => Incident[];
  get: (id: string) => Incident | undefined;
  /** For a draft about to be sent: its incident (a new one for a declaration) and threading. Null when not an incident message. */
  routeFor: (draft: Draft, origin: StoredDraft['meta']['origin']) => Result<IncidentRouting | null>;
  /** Records a queued incident message and moves the reminders to match its promise. */
  recordQueued: (routing: IncidentRouting, draft: Draft, item: OutboxItem, title: string) => Incident;
  /**
   * Hears every outbox change: learns the declaration's Slack timestamp once it is sent, and refreshes the
   * headline once a later stage's reply is in Slack (or its permalink arrives).
   */
  noteSent: (item: OutboxItem) => void;
  /**
   * The text a correction of an incident's declaration must carry when the declaration is already its
   * headline (status, promise, links under the corrected words); null for any other message.
   */
  headlineForCorrection: (
    messageId: string,
    draft: Draft,
    title: string,
  ) => { text: string; blocks: ReturnType<HeadlineKeeper['render']>['blocks'] } | null;
  /**
   * A message of an incident was corrected (queued as an edit): its timeline entry and promise become the
   * correction's, the reminders move if the incident's promise changed, and the headline follows. Answers
   * the incident, or undefined when the message is no incident's.
   */
  recordCorrection: (
    messageId: string,
    draft: Draft,
    title: string,
    declarationHeadline: string | null,
  ) => Incident | undefined;
  /**
   * A draft of the incident's next message. `elsewhere.channel` drafts it for another channel the plan tells
   * (the audiences view's fix for a channel left behind): a top-level message there, not a reply in the thread,
   * and a resolution even once the incident is resolved where it was declared.
   */
  draftNext: (
    incidentId: string,
    kind: NextMessageKind,
    elsewhere?: { channel: string },
  ) => Result<StoredDraft>;
  /** The facts a message about the incident carries in its Slack metadata. */
  factsFor: (routing: IncidentRouting, draft: Draft | null, title: string) => IncidentFacts;
  /**
   * The facts an edit of one of the incident's messages writes over its Slack metadata: what `draft` (the
   * message as corrected) says now. Null when the message is no incident's, or Herald kept no draft of it.
   */
  editedFacts: (messageId: string, draft: Draft | null, title: string) => MessageFacts | null;
  /** Records this lead's take-over note, queued in the thread: they own it at once, until Slack says otherwise. */
  recordHandover: (incidentId: string, item: OutboxItem) => Result<Incident>;
  /** Folds a message read from Slack into its incident (another lead's Herald's, or this one's own read back). */
  mergeFromSlack: (message: IncidentMessage) => Incident;
  /** Whether this Herald's lead has comms for it (also when no lead is named, or the owner is unknown). */
  isMine: (incident: Incident) => boolean;
  /** Re-arms every open incident's alerts for whoever owns it now (the lead setting or the plan's grace changed). */
  realignAlerts: () => void;
  handlers: {
    'incidents:list': Handler<'incidents:list'>;
    'incidents:get': Handler<'incidents:get'>;
    'incidents:draftNext': Handler<'incidents:draftNext'>;
  };
}

function stageKind(draft: Draft): IncidentTimelineKind | null {
  if (draft.typeId === POSTMORTEM_TYPE_ID) return 'postmortem';
  if (draft.typeId !== INCIDENT_TYPE_ID) return null;
  if (draft.stage === 'declared') return 'declared';
  if (draft.stage === 'resolved') return 'resolved';
  return 'update';
}

export function createIncidentsService(deps: IncidentsServiceDeps): IncidentsService {
  const createId = deps.createId ?? (() => randomUUID());
  const all = () => deps.store.read().incidents;
  const get = (id: string) => all().find((incident) => incident.id === id);

  function save(incident: Incident): Incident {
    deps.store.update(({ incidents }) => ({
      incidents: [incident, ...incidents.filter((item) => item.id !== incident.id)],
    }));
    deps.bus.emit('incidents:changed', incident);
    return incident;
  }

  const lead = () => deps.lead?.() ?? '';
  const escalateAfterMs = () => deps.escalateAfterMs?.() ?? null;
  // The incident card decides with the same rule (shared/team-sync/owner-wording.ts).
  const isMine = (incident: Incident) => !isTheirs(incident.owner, lead());

  /**
   * Keeps the reminders in step with the record: the owner's Herald alerts (heads-up, due, overdue), every
   * other lead's only escalates; a new promise from anyone clears the alerts of the one it meets.
   */
  function alignAlerts(before: Incident | undefined, after: Incident, reason: AlignReason): void {
    const incidentTitle = `${after.service || after.title}` || `Incident ${after.id}`;
    if (after.state === 'resolved') {
      if (before?.state !== 'resolved') deps.scheduler.resolveIncident(after.id);
      return;
    }
    // Nobody has read a promise while the declaration waits to reach Slack: its alerts count from the post.
    if (after.origin === 'local' && after.threadTs === null) return;
    const nextUpdateAtMs = after.nextUpdateAtUtc === null ? null : Date.parse(after.nextUpdateAtUtc);
    const role = {
      alerts: isMine(after) ? ('owner' as const) : ('watcher' as const),
      escalateAfterMs: escalateAfterMs(),
    };
    const isNewPromise = before !== undefined && before.nextUpdateAtUtc !== after.nextUpdateAtUtc;
    // An update sent here, or a new promise read from Slack (met by any lead's Herald), clears the alerts it meets.
    if (reason === 'local_update' || (reason === 'remote' && isNewPromise)) {
      deps.scheduler.updateSent({ incidentId: after.id, incidentTitle, nextUpdateAtMs, ...role });
      return;
    }
    if (nextUpdateAtMs !== null)
      deps.scheduler.promiseUpdate({ incidentId: after.id, incidentTitle, nextUpdateAtMs, ...role });
  }

  const list = () => {
    const cutoffMs = deps.nowMs() - RECENT_MS;
    return all()
      .filter(
        (incident) =>
          incident.state === 'open' ||
          Date.parse(incident.resolvedAtUtc ?? incident.declaredAtUtc) >= cutoffMs,
      )
      .sort((a, b) =>
        a.state === b.state ? b.declaredAtUtc.localeCompare(a.declaredAtUtc) : a.state === 'open' ? -1 : 1,
      );
  };

  /** Whether a channel is not the one the incident was declared in (its thread's). */
  const isOtherChannel = (incident: Incident, channel: string) =>
    channel.trim() !== '' &&
    channel.replace(/^#/, '').toLowerCase() !== incident.channel.replace(/^#/, '').toLowerCase();

  const routeFor: IncidentsService['routeFor'] = (draft, origin) => {
    const kind = stageKind(draft);
    if (kind === null) return ok(null);
    // Named by its draft, so the composer's preview shows the "Open in Herald" link Slack will get.
    if (kind === 'declared') {
      const named = incidentIdForDeclaration(draft.id);
      return ok({ incidentId: get(named) || !isHeraldId(named) ? createId() : named, kind });
    }
    const incidentId = origin.kind === 'incident' ? origin.incidentId : undefined;
    const incident = incidentId ? get(incidentId) : undefined;
    if (!incident) {
      // A postmortem or update written from scratch is still a fine message; it just has no thread.
      return ok(null);
    }
    const wasHolding = draft.fields.isHolding === 'yes';
    // A message for another channel (one the plan also tells) stands at its top level: the thread is elsewhere.
    const threading = isOtherChannel(incident, draft.channel)
      ? {}
      : incident.threadTs
        ? { threadTs: incident.threadTs }
        : { threadOf: incident.declarationOutboxId };
    return ok({
      incidentId: incident.id,
      kind: kind === 'update' && wasHolding ? 'holding' : kind,
      ...threading,
    });
  };

  function recordQueued(routing: IncidentRouting, draft: Draft, item: OutboxItem, title: string): Incident {
    const nowIso = new Date(deps.nowMs()).toISOString();
    const promiseMs = instantOf(draft, 'nextUpdateAtUtc');
    const nextUpdateAtUtc =
      routing.kind === 'resolved' || promiseMs === undefined ? null : new Date(promiseMs).toISOString();
    const entry = {
      kind: routing.kind,
      atUtc: nowIso,
      outboxItemId: item.id,
      summary: title.slice(0, 500),
      nextUpdateAtUtc,
      isBroadcast: item.replyBroadcast,
    };
    const existing = get(routing.incidentId);
    const me = lead();
    const incident: Incident = existing
      ? { ...existing, timeline: [...existing.timeline, { ...entry, by: me }] }
      : {
          priority: answerOf(draft, 'priority'),
          carried: { fields: {}, notApplicable: {} },
          id: routing.incidentId,
          service: answerOf(draft, 'service'),
          title: title.slice(0, 500),
          state: 'open',
          channel: draft.channel,
          declaredAtUtc: nowIso,
          resolvedAtUtc: null,
          declarationOutboxId: item.id,
          threadTs: item.ts,
          nextUpdateAtUtc: null,
          postmortemUrl: null,
          timeline: [{ ...entry, by: me }],
          owner: me,
          origin: 'local',
          slackEvents: [],
          ownershipNotice: null,
          status: 'investigating',
          headlineText: null,
        };
    if (routing.kind === 'declared' || routing.kind === 'update' || routing.kind === 'holding') {
      const named = statusFromAnswer(draft.fields.status);
      if (named) incident.status = named;
    }
    if (routing.kind === 'resolved') incident.status = 'resolved';
    // What the next follow-up starts from: this message's impact, action and user actions.
    if (
      routing.kind === 'declared' ||
      routing.kind === 'update' ||
      routing.kind === 'holding' ||
      routing.kind === 'resolved'
    )
      incident.carried = carriedFrom(draft, incident.carried);
    if (routing.kind === 'postmortem') {
      incident.postmortemUrl = answerOf(draft, 'postmortemUrl') || incident.postmortemUrl;
    }
    const settled = settle(incident);
    alignAlerts(
      existing,
      settled,
      routing.kind === 'declared' || routing.kind === 'postmortem' ? 'promised' : 'local_update',
    );
    return save(settled);
  }

  function factsFor(routing: IncidentRouting, draft: Draft | null, title: string): IncidentFacts {
    const incident = get(routing.incidentId);
    const me = lead();
    const promiseMs = draft ? instantOf(draft, 'nextUpdateAtUtc') : undefined;
    const isHandover = routing.kind === 'handover';
    return {
      id: routing.incidentId,
      stage: routing.kind,
      priority: draft ? answerOf(draft, 'priority').slice(0, 500) : '',
      title: (incident?.title ?? title).slice(0, 500),
      service: (incident?.service ?? (draft ? answerOf(draft, 'service') : '')).slice(0, 500),
      next_update_at:
        routing.kind === 'resolved'
          ? ''
          : promiseMs !== undefined
            ? new Date(promiseMs).toISOString()
            : isHandover
              ? (incident?.nextUpdateAtUtc ?? '')
              : '',
      owner: isHandover || !incident ? me : incident.owner,
      previous_owner: isHandover ? (incident?.owner ?? '') : '',
      message_title: title.slice(0, 500),
    };
  }

  function editedFacts(messageId: string, draft: Draft | null, title: string): MessageFacts | null {
    const incident = incidentOfMessage(messageId);
    const entry = incident?.timeline.find((item) => item.outboxItemId === messageId);
    if (!incident || !entry || draft === null) return null;
    const facts = factsFor({ incidentId: incident.id, kind: entry.kind }, draft, title);
    // Who had comms is what the message said when it was posted (as Slack's log has it), not who has it now.
    const logged = incident.slackEvents.find((event) => event.heraldId === messageId);
    const owner = logged?.owner ?? (entry.kind === 'declared' ? entry.by || facts.owner : facts.owner);
    return {
      kind: 'incident',
      actor: logged?.actor ?? (entry.by || lead()),
      incident: { ...facts, owner, previous_owner: logged?.previousOwner ?? facts.previous_owner },
    };
  }

  /** The declaration's facts from its draft, for the headline edits that re-render it. */
  const declarationFactsOf = (incident: Incident) => (draft: Draft | null) =>
    editedFacts(incident.declarationOutboxId, draft, incident.title);

  function recordHandover(incidentId: string, item: OutboxItem): Result<Incident> {
    const existing = get(incidentId);
    if (!existing) return fail('not_found', 'There is no such incident.');
    const me = lead();
    const entry = {
      kind: 'handover' as const,
      atUtc: new Date(deps.nowMs()).toISOString(),
      outboxItemId: item.id,
      summary: 'Took over comms',
      nextUpdateAtUtc: existing.nextUpdateAtUtc,
      isBroadcast: false,
      by: me,
    };
    const settled = settle({ ...existing, timeline: [...existing.timeline, entry], ownershipNotice: null });
    alignAlerts(existing, settled, 'promised');
    return ok(save(settled));
  }

  function mergeFromSlack(message: IncidentMessage): Incident {
    const existing = get(message.facts.id);
    const merged = mergeIncidentMessage(existing, message);
    if (merged === existing && existing !== undefined) return existing;
    // Tell this lead when a take-over of theirs lost to another lead's earlier one.
    const me = lead();
    const lost =
      me === ''
        ? undefined
        : ownershipOf(merged.slackEvents, '').refused.find((refusal) => refusal.actor === me);
    const notice = lost
      ? `Another lead took over comms first (Slack's order decides): <@${lost.winner}> has it, not you.`
      : merged.ownershipNotice;
    const withNotice = notice === merged.ownershipNotice ? merged : { ...merged, ownershipNotice: notice };
    alignAlerts(existing, withNotice, 'remote');
    return save(withNotice);
  }

  function realignAlerts(): void {
    for (const incident of all()) if (incident.state === 'open') alignAlerts(incident, incident, 'promised');
  }

  /**
   * The declaration is in Slack: its promise is the one it was posted with (moved on by the minutes it waited,
   * outbox/promise-from-post.ts), and the incident's alerts are armed from it now.
   */
  function noteDeclarationPosted(declared: Incident, item: OutboxItem): void {
    const timeline = declared.timeline.map((entry) =>
      entry.outboxItemId === item.id && entry.kind === 'declared' && item.promiseAtUtc !== null
        ? { ...entry, nextUpdateAtUtc: item.promiseAtUtc }
        : entry,
    );
    const posted = settle({ ...declared, threadTs: item.ts, timeline });
    alignAlerts(declared, posted, 'promised');
    save(posted);
  }

  function noteSent(item: OutboxItem): void {
    // Edits (the headline's own among them) change messages already recorded.
    if (item.kind !== 'message' || item.state !== 'sent' || item.ts === null) return;
    const declared = all().find((candidate) => candidate.declarationOutboxId === item.id);
    if (declared) {
      if (declared.threadTs !== item.ts) noteDeclarationPosted(declared, item);
      return;
    }
    const replied = all().find((candidate) =>
      candidate.timeline.some((entry) => entry.outboxItemId === item.id),
    );
    if (!replied || !deps.headline) return;
    const headlineText = deps.headline.refresh(replied, { factsOf: declarationFactsOf(replied) });
    if (headlineText !== null) save({ ...replied, headlineText });
  }

  const incidentOfMessage = (messageId: string) =>
    all().find(
      (candidate) =>
        candidate.declarationOutboxId === messageId ||
        candidate.timeline.some((entry) => entry.outboxItemId === messageId),
    );

  function headlineForCorrection(messageId: string, draft: Draft, title: string) {
    const incident = incidentOfMessage(messageId);
    if (!incident || incident.declarationOutboxId !== messageId) return null;
    if (incident.headlineText === null || !deps.headline) return null;
    // A corrected declaration may rename the incident (a mistyped service): the headline shows the new name.
    return deps.headline.render({ ...incident, title: title.slice(0, 500) }, draft);
  }

  function recordCorrection(
    messageId: string,
    draft: Draft,
    title: string,
    declarationHeadline: string | null,
  ): Incident | undefined {
    const existing = incidentOfMessage(messageId);
    if (!existing) return undefined;
    const index = existing.timeline.findIndex((entry) => entry.outboxItemId === messageId);
    const entry = existing.timeline[index];
    if (!entry) return undefined;
    const promiseMs = instantOf(draft, 'nextUpdateAtUtc');
    const nextUpdateAtUtc =
      entry.kind === 'resolved' || promiseMs === undefined ? null : new Date(promiseMs).toISOString();
    const timeline = existing.timeline.map((item, at) =>
      at === index ? { ...item, summary: title.slice(0, 500), nextUpdateAtUtc } : item,
    );
    // What Slack's log said of it is what the correction says now (the team sync reads a message once).
    const slackEvents = existing.slackEvents.map((event) =>
      event.heraldId === messageId ? { ...event, nextUpdateAtUtc, summary: title.slice(0, 500) } : event,
    );
    const isDeclaration = existing.declarationOutboxId === messageId;
    const isLatest = index === existing.timeline.length - 1;
    const corrected: Incident = {
      ...existing,
      timeline,
      slackEvents,
      ...(isDeclaration
        ? { title: title.slice(0, 500), service: answerOf(draft, 'service') || existing.service }
        : {}),
      ...(isDeclaration && answerOf(draft, 'priority') !== ''
        ? { priority: answerOf(draft, 'priority') }
        : {}),
      ...(isLatest && entry.kind !== 'postmortem' && entry.kind !== 'handover'
        ? { carried: carriedFrom(draft, existing.carried) }
        : {}),
      ...(entry.kind === 'postmortem'
        ? { postmortemUrl: answerOf(draft, 'postmortemUrl') || existing.postmortemUrl }
        : {}),
    };
    // The status is the latest stage's: correcting the latest update (or the declaration, alone) restates it.
    const latestStageIndex = existing.timeline.findLastIndex((item) =>
      ['declared', 'update', 'holding'].includes(item.kind),
    );
    const named = statusFromAnswer(draft.fields.status);
    if (named && index === latestStageIndex && existing.state === 'open') corrected.status = named;
    const settled = settle(corrected);
    if (settled.nextUpdateAtUtc !== existing.nextUpdateAtUtc) {
      // The promise readers see moved: the alerts move with it (or clear, when none is made any more).
      alignAlerts(existing, settled, settled.nextUpdateAtUtc === null ? 'local_update' : 'promised');
    }
    if (declarationHeadline !== null) return save({ ...settled, headlineText: declarationHeadline });
    // A corrected declaration is re-rendered from the correction: History has the earlier words until it is sent.
    const headlineText =
      deps.headline?.refresh(settled, {
        factsOf: declarationFactsOf(settled),
        ...(isDeclaration ? { declarationDraft: draft } : {}),
      }) ?? null;
    return save(headlineText === null ? settled : { ...settled, headlineText });
  }

  /** A holding update's promise: now plus the plan's cadence for the incident's priority, to the minute. */
  function holdingPromiseIso(incident: Incident): string {
    const minutes = updateCadenceMinutes(deps.plan(), incident.priority);
    const atMs = Math.ceil((deps.nowMs() + minutes * 60_000) / 60_000) * 60_000;
    return new Date(atMs).toISOString();
  }

  /** A reused holding draft keeps what the lead typed, but never a promise that has already passed. */
  function freshenHolding(stored: StoredDraft, incident: Incident): Result<StoredDraft> {
    const promiseMs = instantOf(stored.draft, 'nextUpdateAtUtc');
    if (promiseMs !== undefined && promiseMs > deps.nowMs()) return ok(stored);
    const draft = {
      ...stored.draft,
      fields: { ...stored.draft.fields, nextUpdateAtUtc: holdingPromiseIso(incident) },
    };
    return deps.drafts.save(draft, stored.meta.focusedField);
  }

  function draftNext(
    incidentId: string,
    kind: NextMessageKind,
    elsewhere?: { channel: string },
  ): Result<StoredDraft> {
    const incident = get(incidentId);
    if (!incident) return fail('not_found', 'There is no such incident.');
    const otherChannel =
      elsewhere && isOtherChannel(incident, elsewhere.channel) ? elsewhere.channel.replace(/^#/, '') : null;
    // Another channel still showing it open is told of the resolution, even after it.
    const isLateResolution = otherChannel !== null && kind === 'resolved';
    if (incident.state === 'resolved' && kind !== 'postmortem' && !isLateResolution) {
      return fail('conflict', 'This incident is resolved. Its next message is the postmortem.');
    }
    const channel = otherChannel ?? incident.channel;
    const typeId = kind === 'postmortem' ? POSTMORTEM_TYPE_ID : INCIDENT_TYPE_ID;
    const stage = kind === 'postmortem' ? 'message' : kind === 'resolved' ? 'resolved' : 'update';
    const reusable = deps.drafts
      .findByOrigin((origin) => origin.kind === 'incident' && origin.incidentId === incidentId)
      .find(
        (stored) =>
          stored.draft.typeId === typeId &&
          stored.draft.stage === stage &&
          !isOtherChannel(incident, stored.draft.channel) === (otherChannel === null) &&
          (otherChannel === null || stored.draft.channel === otherChannel) &&
          (stored.draft.fields.isHolding === 'yes') === (kind === 'holding'),
      );
    if (reusable) return kind === 'holding' ? freshenHolding(reusable, incident) : ok(reusable);
    const fields: Record<string, string> = { service: incident.service };
    let notApplicable: Record<string, string> = {};
    if (kind === 'update' || kind === 'holding') {
      // Follow-ups start from the last message's answers; the lead edits what changed.
      Object.assign(fields, incident.carried.fields);
      notApplicable = { ...incident.carried.notApplicable };
    }
    if (incident.priority !== '' && kind !== 'postmortem') fields.priority = incident.priority;
    if (kind === 'holding') {
      // Complete as it stands: one key sends it. Nothing new to say, so the promise is the news.
      fields.isHolding = 'yes';
      fields.serviceImpact ||= 'The impact is unchanged.';
      fields.actionBeingTaken ||= 'The team is still working on it; there is no new information yet.';
      if (fields.userActions === undefined && notApplicable.userActions === undefined)
        fields.userActions = 'None.';
      fields.nextUpdateAtUtc = holdingPromiseIso(incident);
    }
    const created = deps.drafts.create({
      typeId,
      stage,
      channel,
      ...(incident.threadTs && otherChannel === null ? { threadTs: incident.threadTs } : {}),
      fields,
      origin: { kind: 'incident', incidentId },
    });
    if (!created.ok || Object.keys(notApplicable).length === 0) return created;
    // "Not applicable" answers carry forward too (drafts:create takes only answers).
    return deps.drafts.save({ ...created.value.draft, notApplicable }, null);
  }

  return {
    list,
    get,
    routeFor,
    recordQueued,
    noteSent,
    headlineForCorrection,
    recordCorrection,
    draftNext,
    factsFor,
    editedFacts,
    recordHandover,
    mergeFromSlack,
    isMine,
    realignAlerts,
    handlers: {
      'incidents:list': () => Promise.resolve(ok(list())),
      'incidents:get': ({ id }) => {
        const incident = get(id);
        return Promise.resolve(incident ? ok(incident) : fail('not_found', 'There is no such incident.'));
      },
      'incidents:draftNext': ({ incidentId, kind }) => Promise.resolve(draftNext(incidentId, kind)),
    },
  };
}
