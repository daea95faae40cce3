// Sending a draft: lint (with the author's override when required items are
// missing), render to Slack text and blocks, check Slack's limits, work out
// the incident and thread, and queue it in the outbox. The outbox then owns
// delivery. The draft goes to the bin (restorable) once it is queued.
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import type { SendResult } from '../../../shared/api/channels/messages.ts';
import type { Args } from '../../../shared/api/contract.ts';
import { lintDraft, titleOf, type Draft } from '../../../shared/messages/index.ts';
import type { OutboxItem, OutboxSource } from '../../../shared/outbox/outbox-item.ts';
import type { EnqueueRequest } from '../../../shared/outbox/outbox-requests.ts';
import { findType, isShownInChannel, slackChannelsOf, type Plan } from '../../../shared/plan/index.ts';
import type { Handler } from '../api/router.ts';
import type { DraftsService } from '../drafts/drafts-service.ts';
import type { IncidentRouting, IncidentsService } from '../incidents/incidents-service.ts';
import { openInHeraldTarget } from '../../../shared/deep-links/open-in-herald.ts';
import { checkForSlack } from './message-checks.ts';
import type { OutboxPort } from './outbox-port.ts';
import type { MessageFacts } from '../../../shared/team-sync/message-facts.ts';

export interface SendServiceDeps {
  drafts: DraftsService;
  incidents: IncidentsService;
  outbox: OutboxPort;
  plan: () => Plan;
  zone: () => string;
  nowMs: () => number;
  /** The Slack user this Herald's lead is ("" when not named): the actor in every message's metadata. */
  lead?: () => string;
  /** A maintenance message's facts (its event, window, status and comms schedule); undefined when unknown. */
  maintenanceFacts?: (eventId: string, stage: string, actor: string) => MessageFacts | undefined;
  /** Told of every message queued (the calendar queues the event's file after an announcement). */
  afterQueued?: (item: OutboxItem) => void;
}

export interface SendService {
  send: (args: Args<'messages:send'>) => Result<SendResult>;
  handlers: { 'messages:send': Handler<'messages:send'> };
}

function timing(
  args: Args<'messages:send'>,
  isOnline: boolean,
  routing: IncidentRouting | null,
  nowMs: number,
): Result<Partial<EnqueueRequest>> {
  if (args.mode !== 'schedule') return ok({});
  if (args.atUtc === undefined)
    return fail('invalid_argument', 'Choose when to send it.', { fields: ['atUtc'] });
  if (Date.parse(args.atUtc) <= nowMs)
    return fail('invalid_argument', 'That time has already passed; choose a later one.', {
      fields: ['atUtc'],
    });
  // Slack schedules only when it can be reached and the thread already exists; otherwise Herald sends it itself.
  const canSlackSchedule = isOnline && routing?.threadOf === undefined;
  return ok(canSlackSchedule ? { scheduleForUtc: args.atUtc } : { sendAtUtc: args.atUtc });
}

export function createSendService(deps: SendServiceDeps): SendService {
  function send(args: Args<'messages:send'>): Result<SendResult> {
    const stored = deps.drafts.get(args.draftId);
    if (!stored || stored.meta.deletedAtUtc !== null)
      return fail('not_found', 'That draft no longer exists; it may have been sent already.');
    const { draft } = stored;
    if (stored.meta.origin.kind === 'correction')
      return fail(
        'conflict',
        'This draft corrects a message already in Slack: save the edit instead of sending it.',
        {
          fix: 'Use “Save edit in Slack”.',
        },
      );
    const plan = deps.plan();
    const type = findType(plan, draft.typeId);
    if (!type)
      return fail(
        'invalid_argument',
        'This draft’s message type is no longer in the plan. Choose a type and try again.',
      );
    if (slackChannelsOf(type).length === 0 && draft.channel.trim() === '') {
      return fail(
        'invalid_argument',
        `The plan does not post ${type.name} to Slack. Use “Copy as Slack text” instead.`,
      );
    }
    const nowMs = deps.nowMs();
    const zone = deps.zone();
    const routed = deps.incidents.routeFor(draft, stored.meta.origin);
    if (!routed.ok) return routed;
    const routing = routed.value;
    const when = timing(args, deps.outbox.connection().state === 'online', routing, nowMs);
    if (!when.ok) return when;

    const { origin } = stored.meta;
    const source: OutboxSource = {
      draftId: draft.id,
      typeId: draft.typeId,
      stage: draft.stage,
      ...(routing ? { incidentId: routing.incidentId } : {}),
      ...(origin.kind === 'calendar' ? { eventId: origin.eventId } : {}),
    };
    const checked = checkForSlack(draft, plan, lintDraft(draft, plan, { nowMs, zone }), {
      zone,
      overrideReason: args.overrideReason,
      openInHerald: openInHeraldTarget(draft, source),
    });
    if (!checked.ok) return checked;
    const { text, blocks, checklist, override } = checked.value;

    const promise = draft.fields.nextUpdateAtUtc;
    const isThreaded =
      routing?.threadTs !== undefined || routing?.threadOf !== undefined || draft.threadTs !== undefined;
    const title = titleOf(draft, plan, { zone }).title;
    const actor = deps.lead?.() ?? '';
    // What the message is about, for every lead's Herald: written as Slack metadata when it is sent.
    const facts: MessageFacts | undefined = routing
      ? { kind: 'incident', actor, incident: deps.incidents.factsFor(routing, draft, title) }
      : origin.kind === 'calendar'
        ? deps.maintenanceFacts?.(origin.eventId, origin.stage, actor)
        : undefined;
    const request: EnqueueRequest = {
      channel: draft.channel,
      text,
      blocks,
      ...threadingOf(draft, routing),
      replyBroadcast: isThreaded && (args.alsoToChannel ?? isShownInChannel(type, draft.stage)),
      ...when.value,
      ...(promise && routing?.kind !== 'resolved' ? { promiseAtUtc: promise } : {}),
      // A declaration's readers count its promise from when they see it: it moves with a late post.
      ...(promise && routing?.kind === 'declared' ? { promiseFromPost: true } : {}),
      source,
      // Kept with the message: the headline re-renders the declaration from it, and a correction reopens it.
      draft,
      ...(facts ? { facts } : {}),
      checklist,
      ...(override ? { override } : {}),
    };
    const queued = deps.outbox.enqueue(request);
    if (!queued.ok) return queued;
    if (routing) deps.incidents.recordQueued(routing, draft, queued.value, title);
    deps.afterQueued?.(queued.value);
    deps.drafts.remove(draft.id);
    return ok({
      outboxItemId: queued.value.id,
      incidentId: routing?.incidentId ?? null,
      state: queued.value.state,
    });
  }

  return {
    send,
    handlers: {
      // Answered once the message is safe from a power cut, like outbox:enqueue: the draft is gone by then.
      'messages:send': async (args) => {
        const sent = send(args);
        if (sent.ok) await deps.outbox.whenSafe(sent.value.outboxItemId);
        return sent;
      },
    },
  };
}

function threadingOf(
  draft: Draft,
  routing: IncidentRouting | null,
): Pick<EnqueueRequest, 'threadTs' | 'threadOf'> {
  if (routing?.threadTs) return { threadTs: routing.threadTs };
  if (routing?.threadOf) return { threadOf: routing.threadOf };
  return draft.threadTs ? { threadTs: draft.threadTs } : {};
}
