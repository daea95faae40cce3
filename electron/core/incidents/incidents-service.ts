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
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';

export const INCIDENT_TYPE_ID = 'incidents';
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
  /** Learns the declaration's Slack timestamp once it is sent. */
  noteSent: (item: OutboxItem) => void;
  draftNext: (incidentId: string, kind: NextMessageKind) => Result<StoredDraft>;
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

  const routeFor: IncidentsService['routeFor'] = (draft, origin) => {
    const kind = stageKind(draft);
    if (kind === null) return ok(null);
    if (kind === 'declared') return ok({ incidentId: createId(), kind });
    const incidentId = origin.kind === 'incident' ? origin.incidentId : undefined;
    const incident = incidentId ? get(incidentId) : undefined;
    if (!incident) {
      // A postmortem or update written from scratch is still a fine message; it just has no thread.
      return ok(null);
    }
    const wasHolding = draft.fields.isHolding === 'yes';
    const threading = incident.threadTs
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
    const incident: Incident = existing
      ? { ...existing, timeline: [...existing.timeline, entry] }
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
          timeline: [entry],
        };
    if (routing.kind !== 'postmortem') incident.carried = carriedFrom(draft, incident.carried);
    const reminderTitle = `${incident.service || incident.title}`;
    if (routing.kind === 'resolved') {
      incident.state = 'resolved';
      incident.resolvedAtUtc = nowIso;
      incident.nextUpdateAtUtc = null;
      deps.scheduler.resolveIncident(incident.id);
    } else if (routing.kind === 'postmortem') {
      incident.postmortemUrl = answerOf(draft, 'postmortemUrl') || incident.postmortemUrl;
    } else if (routing.kind === 'declared') {
      incident.nextUpdateAtUtc = nextUpdateAtUtc;
      if (promiseMs !== undefined)
        deps.scheduler.promiseUpdate({
          incidentId: incident.id,
          incidentTitle: reminderTitle,
          nextUpdateAtMs: promiseMs,
        });
    } else {
      incident.nextUpdateAtUtc = nextUpdateAtUtc;
      deps.scheduler.updateSent({
        incidentId: incident.id,
        incidentTitle: reminderTitle,
        nextUpdateAtMs: promiseMs ?? null,
      });
    }
    return save(incident);
  }

  function noteSent(item: OutboxItem): void {
    if (item.state !== 'sent' || item.ts === null) return;
    const incident = all().find((candidate) => candidate.declarationOutboxId === item.id);
    if (incident && incident.threadTs !== item.ts) save({ ...incident, threadTs: item.ts });
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

  function draftNext(incidentId: string, kind: NextMessageKind): Result<StoredDraft> {
    const incident = get(incidentId);
    if (!incident) return fail('not_found', 'There is no such incident.');
    if (incident.state === 'resolved' && kind !== 'postmortem') {
      return fail('conflict', 'This incident is resolved. Its next message is the postmortem.');
    }
    const typeId = kind === 'postmortem' ? POSTMORTEM_TYPE_ID : INCIDENT_TYPE_ID;
    const stage = kind === 'postmortem' ? 'message' : kind === 'resolved' ? 'resolved' : 'update';
    const reusable = deps.drafts
      .findByOrigin((origin) => origin.kind === 'incident' && origin.incidentId === incidentId)
      .find(
        (stored) =>
          stored.draft.typeId === typeId &&
          stored.draft.stage === stage &&
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
      channel: incident.channel,
      ...(incident.threadTs ? { threadTs: incident.threadTs } : {}),
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
    draftNext,
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
