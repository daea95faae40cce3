// Correcting a message Herald put in Slack. `messages:openCorrection` opens
// it as a draft pre-filled from the draft it was sent from (its channel,
// thread, type and stage fixed); `messages:edit` checks the correction like a
// send (Slack's limits, the plan's checklist, the override) and queues it as
// an outbox `edit` (chat.update), so it is exactly-once and waits offline like
// a send. A message still on its way to Slack can be corrected too: the edit
// waits for it. An incident's record, reminders and headline follow.
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import type {
  CorrectionTarget,
  EditResult,
  OpenCorrectionResult,
} from '../../../shared/api/channels/messages.ts';
import type { Args } from '../../../shared/api/contract.ts';
import type { StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import { keepsPromise, lintCorrection } from '../../../shared/messages/correction-lint.ts';
import { titleOf, type Draft } from '../../../shared/messages/index.ts';
import type { OutboxItem, OutboxSource } from '../../../shared/outbox/outbox-item.ts';
import type { EditRequest } from '../../../shared/outbox/outbox-requests.ts';
import type { Plan } from '../../../shared/plan/index.ts';
import type { MessageFacts } from '../../../shared/team-sync/message-facts.ts';
import type { Handler } from '../api/router.ts';
import type { DraftsService } from '../drafts/drafts-service.ts';
import type { HistoryService } from '../history/history-service.ts';
import type { IncidentsService } from '../incidents/incidents-service.ts';
import { openInHeraldTarget } from '../../../shared/deep-links/open-in-herald.ts';
import { checkForSlack } from './message-checks.ts';
import type { OutboxPort } from './outbox-port.ts';

export interface EditServiceDeps {
  drafts: DraftsService;
  history: Pick<HistoryService, 'get'>;
  outbox: Pick<OutboxPort, 'get' | 'enqueueEdit' | 'whenSafe'>;
  incidents: Pick<IncidentsService, 'headlineForCorrection' | 'recordCorrection' | 'editedFacts'>;
  /** A maintenance message's facts (its event as it stands now); undefined when the event is unknown. */
  maintenanceFacts?: (eventId: string, stage: string, actor: string) => MessageFacts | undefined;
  /** This Herald's lead (a Slack user id), or '' when none is named. */
  lead?: () => string;
  plan: () => Plan;
  zone: () => string;
  nowMs: () => number;
}

export interface EditService {
  openCorrection(messageId: string): Result<OpenCorrectionResult>;
  edit(args: Args<'messages:edit'>): Result<EditResult>;
  handlers: {
    'messages:openCorrection': Handler<'messages:openCorrection'>;
    'messages:edit': Handler<'messages:edit'>;
  };
}

/** A message Herald can correct: where it is, the draft it was sent from, and how the banner names it. */
interface Correctable {
  summary: CorrectionTarget;
  original: Draft;
  source: OutboxSource;
  /** Where Slack keeps it; null while it is still on its way (the outbox finds it by its item). */
  slack: { channelId: string; ts: string; threadTs: string | null } | null;
}

const NOT_ON_ITS_WAY: Partial<Record<OutboxItem['state'], { message: string; fix: string }>> = {
  scheduled: {
    message: 'This message is scheduled in Slack and not posted yet, so there is nothing to edit there.',
    fix: 'Change it in the Outbox (or the event panel) before Slack posts it.',
  },
  failed: {
    message: 'This message never reached Slack (it failed), so there is nothing to edit there.',
    fix: 'Retry or change it in the Outbox.',
  },
  cancelled: {
    message: 'This message was cancelled before it reached Slack, so there is nothing to edit there.',
    fix: 'Send a new message instead.',
  },
};

export function createEditService(deps: EditServiceDeps): EditService {
  /** The message as History has it once sent (with every correction), else as the outbox holds it on its way. */
  function correctable(messageId: string): Result<Correctable> {
    const item = deps.outbox.get(messageId);
    const entry = deps.history.get(messageId);
    if (item && item.kind !== 'message')
      return fail(
        'invalid_argument',
        'Only a message can be edited, not an edit or a removal queued in the outbox.',
      );
    if (!entry && !item)
      return fail(
        'not_found',
        'Herald has no record of sending that message; only messages Herald sent can be edited.',
        {
          fix: 'Edit it in Slack itself if it should change.',
        },
      );
    if (!entry && item) {
      const refusal = NOT_ON_ITS_WAY[item.state];
      if (refusal) return fail('conflict', refusal.message, { fix: refusal.fix });
    }
    const original = entry?.draft ?? item?.draft ?? null;
    if (original === null)
      return fail(
        'conflict',
        'Herald did not keep the answers this message was sent with, so it cannot reopen it.',
        {
          fix: 'Edit it in Slack itself.',
        },
      );
    if (entry && entry.ts === null)
      return fail('conflict', 'Slack has not said where this message is, so Herald cannot edit it.', {
        fix: 'Edit it in Slack itself.',
      });
    const ts = entry?.ts ?? item?.ts ?? null;
    const channelId = entry?.channelId ?? item?.channelId ?? null;
    const threadTs = entry?.threadTs ?? item?.threadTs ?? null;
    const source = entry?.source ?? item?.source ?? {};
    return ok({
      original,
      source,
      slack: ts !== null && channelId !== null ? { channelId, ts, threadTs } : null,
      summary: {
        messageId,
        channelId,
        channelName: entry?.channelName ?? item?.channelName ?? null,
        channel: item?.channel ?? entry?.channelName ?? channelId ?? original.channel,
        sentAtUtc: entry?.sentAtUtc ?? item?.sentAtUtc ?? null,
        queuedAtUtc: item?.createdAtUtc ?? entry?.sentAtUtc ?? new Date(deps.nowMs()).toISOString(),
        permalink: entry?.permalink ?? item?.permalink ?? null,
        isThreadReply: (threadTs !== null && threadTs !== ts) || (item?.threadOf ?? null) !== null,
        editedAtUtc: entry?.editedAtUtc ?? null,
        incidentId: source.incidentId ?? null,
        eventId: source.eventId ?? null,
      },
    });
  }

  function correctionDraftOf(messageId: string): StoredDraft | undefined {
    return deps.drafts
      .findByOrigin((origin) => origin.kind === 'correction' && origin.messageId === messageId)
      .sort((a, b) => b.meta.updatedAtUtc.localeCompare(a.meta.updatedAtUtc))[0];
  }

  function openCorrection(messageId: string): Result<OpenCorrectionResult> {
    const found = correctable(messageId);
    if (!found.ok) return found;
    const { original, summary } = found.value;
    // A correction already open for this message is reopened as it was left (nothing typed is lost).
    const open = correctionDraftOf(messageId);
    if (open) return ok({ stored: open, original, target: summary });
    const created = deps.drafts.create({
      typeId: original.typeId,
      stage: original.stage,
      channel: original.channel,
      ...(original.threadTs ? { threadTs: original.threadTs } : {}),
      fields: original.fields,
      ...(original.title !== undefined ? { title: original.title } : {}),
      body: original.body,
      origin: { kind: 'correction', messageId },
    });
    if (!created.ok) return created;
    const stored =
      Object.keys(original.notApplicable).length === 0
        ? created
        : deps.drafts.save({ ...created.value.draft, notApplicable: original.notApplicable }, null);
    if (!stored.ok) return stored;
    return ok({ stored: stored.value, original, target: summary });
  }

  /**
   * What the corrected message says, written over its Slack metadata so other leads' Heralds read the correction
   * (a moved promise above all). A maintenance message restates its event as it stands now. Undefined: the edit
   * leaves the metadata as it is.
   */
  function editedFacts(
    messageId: string,
    draft: Draft,
    title: string,
    source: OutboxSource,
  ): MessageFacts | undefined {
    const incident = deps.incidents.editedFacts(messageId, draft, title);
    if (incident) return incident;
    if (source.eventId === undefined || !deps.maintenanceFacts) return undefined;
    const sent = deps.outbox.get(messageId)?.facts;
    const stage = sent?.kind === 'maintenance' ? sent.maintenance.stage : (source.stage ?? draft.stage);
    return deps.maintenanceFacts(source.eventId, stage, deps.lead?.() ?? '');
  }

  function edit(args: Args<'messages:edit'>): Result<EditResult> {
    const stored = deps.drafts.get(args.draftId);
    if (!stored || stored.meta.deletedAtUtc !== null)
      return fail('not_found', 'That correction no longer exists; it may have been saved already.');
    const { origin } = stored.meta;
    if (origin.kind !== 'correction')
      return fail('invalid_argument', 'This draft is a new message, not a correction: send it instead.');
    const found = correctable(origin.messageId);
    if (!found.ok) return found;
    const { original, slack, source, summary } = found.value;
    if (stored.draft.typeId !== original.typeId || stored.draft.stage !== original.stage)
      return fail(
        'invalid_argument',
        'A correction keeps the message’s type and stage; send a new message to change them.',
        {
          fields: ['stage'],
        },
      );
    // Where it is stays where it is: the channel and thread are the message's own, whatever the draft says.
    const draft: Draft = {
      ...stored.draft,
      channel: original.channel,
      ...(original.threadTs ? { threadTs: original.threadTs } : {}),
    };
    if (!original.threadTs) delete draft.threadTs;
    const plan = deps.plan();
    const zone = deps.zone();
    const nowMs = deps.nowMs();
    const lint = lintCorrection(draft, original, plan, { nowMs, zone });
    const checked = checkForSlack(draft, plan, lint, {
      zone,
      overrideReason: args.overrideReason,
      // A corrected declaration or announcement keeps its "Open in Herald" link.
      openInHerald: openInHeraldTarget(draft, source),
    });
    if (!checked.ok) return checked;
    const title = titleOf(draft, plan, { zone }).title;
    // The declaration of an incident is its headline by now: the correction keeps the status line.
    const headline = deps.incidents.headlineForCorrection(origin.messageId, draft, title);
    const promise = draft.fields.nextUpdateAtUtc;
    const facts = editedFacts(origin.messageId, draft, title, source);
    const request: EditRequest = {
      target: slack
        ? {
            itemId: origin.messageId,
            channelId: slack.channelId,
            channelName: summary.channelName,
            ts: slack.ts,
            threadTs: slack.threadTs,
          }
        : { itemId: origin.messageId },
      purpose: 'correction',
      text: headline?.text ?? checked.value.text,
      blocks: headline?.blocks ?? checked.value.blocks,
      // Only a new promise is checked (and held if it passes while queued); the one made when sent is history.
      ...(promise && !keepsPromise(draft, original) ? { promiseAtUtc: promise } : {}),
      ...(facts ? { facts } : {}),
      source,
      checklist: checked.value.checklist,
      ...(checked.value.override ? { override: checked.value.override } : {}),
      draft,
    };
    const queued = deps.outbox.enqueueEdit(request);
    if (!queued.ok) {
      // The promise is the draft's next-update field: the form shows the problem there.
      const fields = queued.error.fields?.map((field) =>
        field === 'promiseAtUtc' ? 'nextUpdateAtUtc' : field,
      );
      return fail(queued.error.code, queued.error.message, {
        ...(queued.error.fix ? { fix: queued.error.fix } : {}),
        ...(fields ? { fields } : {}),
      });
    }
    deps.incidents.recordCorrection(origin.messageId, draft, title, headline?.text ?? null);
    deps.drafts.remove(stored.draft.id);
    return ok({ outboxItemId: queued.value.id, messageId: origin.messageId, state: queued.value.state });
  }

  return {
    openCorrection,
    edit,
    handlers: {
      'messages:openCorrection': ({ messageId }) => Promise.resolve(openCorrection(messageId)),
      // Answered once the edit is safe from a power cut, like messages:send: the draft is gone by then.
      'messages:edit': async (args) => {
        const edited = edit(args);
        if (edited.ok) await deps.outbox.whenSafe(edited.value.outboxItemId);
        return edited;
      },
    },
  };
}
