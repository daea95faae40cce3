// Keeps an incident's headline current: after each stage's reply reaches
// Slack, the declaration at the channel's top level is re-rendered with the
// incident's status, its promise (or when it was resolved) and links to the
// latest reply and the postmortem, and the change is queued as an outbox edit
// (chat.update) behind that reply. An unchanged headline is not sent again.
import { renderHeadline, type HeadlineFacts } from '../../../shared/incidents/headline.ts';
import type { Incident, IncidentTimelineKind } from '../../../shared/incidents/incident.ts';
import { renderBlocks, titleOf, type Draft } from '../../../shared/messages/index.ts';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import type { EditRequest } from '../../../shared/outbox/outbox-requests.ts';
import type { Plan } from '../../../shared/plan/index.ts';
import type { MessageFacts } from '../../../shared/team-sync/message-facts.ts';
import type { HistoryService } from '../history/history-service.ts';
import type { Logger } from '../logging/logger.ts';
import type { OutboxPort } from '../messages/outbox-port.ts';

export interface HeadlineDeps {
  outbox: () => Pick<OutboxPort, 'enqueueEdit' | 'get'>;
  history: () => Pick<HistoryService, 'get'>;
  plan: () => Plan;
  zone: () => string;
  logger: Logger;
}

export interface HeadlineRefreshOptions {
  factsOf?: (declarationDraft: Draft | null) => MessageFacts | null;
  declarationDraft?: Draft;
}

export interface HeadlineKeeper {
  /**
   * Queues an edit of the declaration if its headline changed; answers the headline text queued, or null.
   * `factsOf` gives the declaration's facts from its draft: the edit carries them as its Slack metadata, so a
   * headline edit never puts back facts a correction changed. `declarationDraft` is the declaration as just
   * corrected, when that correction is still on its way (History has the earlier words until it is sent).
   */
  refresh(incident: Incident, options?: HeadlineRefreshOptions): string | null;
  /** The headline with the declaration's words from `declarationDraft` (a correction of the declaration itself). */
  render(incident: Incident, declarationDraft: Draft): { text: string; blocks: EditRequest['blocks'] };
}

const REPLY_LABELS: Readonly<Record<IncidentTimelineKind, string>> = {
  declared: 'Declaration',
  update: 'Update',
  holding: 'Holding update',
  resolved: 'Resolution',
  postmortem: 'Postmortem',
  handover: 'Hand-over',
};

/** Answers the headline carries itself: the promise and the status move to its status line. */
const HEADLINE_OWNED_FIELDS = ['nextUpdateAtUtc', 'status'];

function withoutHeadlineFields(draft: Draft): Draft {
  const fields = Object.fromEntries(
    Object.entries(draft.fields).filter(([itemId]) => !HEADLINE_OWNED_FIELDS.includes(itemId)),
  );
  return { ...draft, fields };
}

/** The stage the headline's title names: resolved (the postmortem too), updated, or only declared. */
export function headlineStage(incident: Incident): 'declared' | 'update' | 'resolved' {
  if (incident.state === 'resolved') return 'resolved';
  const isUpdated = incident.timeline.some((entry) => entry.kind === 'update' || entry.kind === 'holding');
  return isUpdated ? 'update' : 'declared';
}

export function createHeadlineKeeper(deps: HeadlineDeps): HeadlineKeeper {
  /** A sent message's permalink: from its outbox item while it is kept, else from History. */
  const permalinkOf = (itemId: string): string | null =>
    deps.outbox().get(itemId)?.permalink ?? deps.history().get(itemId)?.permalink ?? null;

  function latestReply(incident: Incident): HeadlineFacts['latestReply'] {
    for (const entry of [...incident.timeline].reverse()) {
      if (entry.kind === 'declared') continue;
      const permalink = permalinkOf(entry.outboxItemId);
      if (permalink !== null) return { label: REPLY_LABELS[entry.kind], permalink };
    }
    return null;
  }

  /** Where the declaration is in Slack, and the draft it was sent from (as last corrected). */
  function declarationOf(incident: Incident) {
    const id = incident.declarationOutboxId;
    const entry = deps.history().get(id);
    const item = deps.outbox().get(id);
    const channelId = entry?.channelId ?? item?.channelId ?? null;
    const ts = entry?.ts ?? item?.ts ?? incident.threadTs;
    if (channelId === null || ts === null) return null;
    return {
      target: { itemId: id, channelId, channelName: entry?.channelName ?? item?.channelName ?? null, ts },
      draft: entry?.draft ?? item?.draft ?? null,
    };
  }

  /**
   * The headline's title follows the stage, in the plan's words for it ("Incident Resolved - Sentry"), filled
   * from the declaration's answers. While only declared, or when the plan names no title for the stage, it is
   * the declaration's own.
   */
  function titleFor(incident: Incident, declarationDraft: Draft | null, zone: string): string {
    const stage = headlineStage(incident);
    if (stage === 'declared' || declarationDraft === null) return incident.title;
    const plan = deps.plan();
    if (findType(plan, declarationDraft.typeId)?.stageTitlePatterns[stage] === undefined)
      return incident.title;
    const asStage: Draft = { ...declarationDraft, stage };
    delete asStage.title;
    return titleOf(asStage, plan, { zone }).title || incident.title;
  }

  function render(incident: Incident, declarationDraft: Draft | null) {
    const zone = deps.zone();
    const title = titleFor(incident, declarationDraft, zone);
    const facts: HeadlineFacts = {
      title,
      status: incident.status,
      nextUpdateAtUtc: incident.nextUpdateAtUtc,
      resolvedAtUtc: incident.resolvedAtUtc,
      latestReply: latestReply(incident),
      postmortemUrl: incident.postmortemUrl,
      incidentId: incident.id,
    };
    const declared = declarationDraft
      ? renderBlocks({ ...withoutHeadlineFields(declarationDraft), title }, deps.plan(), { zone })
      : null;
    const headline = renderHeadline(facts, declared, zone);
    return { text: headline.text, blocks: headline.blocks as unknown as EditRequest['blocks'] };
  }

  return {
    render,
    refresh(incident, options = {}) {
      if (incident.threadTs === null) return null;
      const declaration = declarationOf(incident);
      if (declaration === null) return null;
      const draft = options.declarationDraft ?? declaration.draft;
      const headline = render(incident, draft);
      if (headline.text === incident.headlineText) return null;
      const facts = options.factsOf?.(draft) ?? null;
      const queued = deps.outbox().enqueueEdit({
        target: declaration.target,
        purpose: 'headline',
        text: headline.text,
        blocks: headline.blocks,
        ...(facts === null ? {} : { facts }),
        source: {
          incidentId: incident.id,
          typeId: draft?.typeId,
          stage: draft?.stage,
        },
      });
      if (!queued.ok) {
        deps.logger.warn('incidents.headline_not_queued', {
          incidentId: incident.id,
          code: queued.error.code,
        });
        return null;
      }
      return headline.text;
    },
  };
}
