// Scheduled messages follow their maintenance event. An event's messages
// that Slack (or the outbox) holds for later are re-written from the event as
// it now stands; any that no longer match (another date, what or impact), or
// all of them once the event is cancelled, are listed for the lead with what
// would happen to each. Once the lead confirms, each is removed through the
// outbox (a `delete_scheduled` item: exactly once, queued while offline, in
// its channel's line) and either scheduled again, re-written, at its moved
// time (waiting for the removal), or returned to drafts. A cancellation
// drafts the cancellation notice; a removal Slack refuses because the message
// has posted drafts the correction.
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import { commStageSchema } from '../../../shared/calendar/comms-schedule.ts';
import { prefillFor } from '../../../shared/calendar/draft-prefill.ts';
import type { MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import type {
  FollowChoice,
  FollowResult,
  SlackFate,
  SlackMessages,
  SlackMessageView,
} from '../../../shared/calendar/slack-follow.ts';
import { lintDraft, renderBlocks, type Draft } from '../../../shared/messages/index.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { EnqueueRequest } from '../../../shared/outbox/outbox-requests.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import { checkLimits } from '../../../shared/slack/limits.ts';
import type { Handler } from '../api/router.ts';
import type { Clock } from '../clock/clock.ts';
import type { DraftsService } from '../drafts/drafts-service.ts';
import type { Logger } from '../logging/logger.ts';
import { deletionOutcomes } from '../outbox/delete-attempt.ts';
import type { OutboxService } from '../outbox/outbox-service.ts';
import { SCHEDULE_MIN_LEAD_MS } from '../outbox/send-attempt.ts';
import type { CalendarFiles } from './calendar-files.ts';
import { openEventDraft } from './comms-drafts.ts';

/** A re-scheduled message must be at least this far ahead (Slack's own minimum plus the time to get there). */
export const RESCHEDULE_MIN_AHEAD_MS = SCHEDULE_MIN_LEAD_MS + 2 * 60_000;

/** The event's facts a message repeats, which follow the event into it when it is re-written. */
const FOLLOWED_FIELDS = [
  'startsAtUtc',
  'endsAtUtc',
  'userActionDeadlineUtc',
  'timeZone',
  'what',
  'impact',
  'userActions',
  'isActionRequired',
] as const;

export interface SlackFollowDeps {
  findEvent: (id: string) => MaintenanceEvent | undefined;
  outbox: Pick<
    OutboxService,
    'list' | 'get' | 'enqueue' | 'enqueueDeletion' | 'cancel' | 'reconcileNow' | 'onChanged'
  >;
  drafts: Pick<DraftsService, 'get' | 'create' | 'findByOrigin' | 'save' | 'restore' | 'remove'>;
  plan: () => Plan;
  zone: () => string;
  clock: Clock;
  logger: Logger;
  /** The event's calendar file in its messages' threads: re-sent when it no longer matches. */
  calendarFiles?: Pick<CalendarFiles, 'views' | 'update' | 'attach'>;
}

export interface SlackFollow {
  /** The event's messages as Slack holds them, checked with Slack first when it can be reached. */
  messages(eventId: string): Promise<Result<SlackMessages>>;
  /**
   * Carries out the lead's choices for the event's stale messages, and sends the event's calendar file as it
   * now stands into the threads of `calendarFiles` (message item ids).
   */
  follow(
    eventId: string,
    choices: readonly FollowChoice[],
    calendarFiles?: readonly string[],
  ): Promise<Result<FollowResult>>;
  /** Drafts the correction when Slack posted a message before Herald could remove it. Returns the unsubscribe. */
  start(): () => void;
  handlers: {
    'calendar:slackMessages': Handler<'calendar:slackMessages'>;
    'calendar:follow': Handler<'calendar:follow'>;
  };
}

/** Waiting to go out later, not yet in Slack: in the outbox with a time of its own. */
const isWaitingInHerald = (item: OutboxItem) =>
  (item.state === 'queued' || item.state === 'held') &&
  (item.scheduleForUtc !== null || item.sendAtUtc !== null);
const isFollowable = (item: OutboxItem) => item.state === 'scheduled' || isWaitingInHerald(item);
const laterTimeOf = (item: OutboxItem) => item.scheduleForUtc ?? item.sendAtUtc;
const excerptOf = (text: string) => {
  const line = (text.split('\n').find((part) => part.trim() !== '') ?? '').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
};

interface Rewrite {
  draft: Draft;
  text: string;
  blocks: unknown[];
  /** How far the message's time moves with the event (ms). */
  shiftMs: number;
}

export function createSlackFollow(deps: SlackFollowDeps): SlackFollow {
  const nowMs = () => deps.clock.now();

  function itemsOf(eventId: string): OutboxItem[] {
    return deps.outbox
      .list()
      .items.filter((item) => item.kind === 'message' && item.source.eventId === eventId);
  }
  function removalOf(itemId: string): OutboxItem | undefined {
    return deps.outbox
      .list()
      .items.filter((item) => item.kind === 'delete_scheduled' && item.targetId === itemId)
      .at(-1);
  }

  /** The message re-written from the event as it stands: its draft (kept in the bin once sent) with the event's facts. */
  function rewrite(event: MaintenanceEvent, item: OutboxItem): Rewrite | null {
    const stored = item.source.draftId ? deps.drafts.get(item.source.draftId) : undefined;
    const stage = commStageSchema.safeParse(item.source.stage);
    if (!stored || !stage.success) return null;
    const prefill = prefillFor(event, stage.data, stored.draft.typeId).fields;
    const fields = { ...stored.draft.fields };
    for (const field of FOLLOWED_FIELDS) {
      const value = prefill[field];
      if (value === undefined) delete fields[field];
      else fields[field] = value;
    }
    const draft: Draft = { ...stored.draft, fields };
    const rendered = renderBlocks(draft, deps.plan(), { zone: deps.zone() });
    // "Complete" is about the end of the work; every other message about its start.
    const anchor = stage.data === 'complete' ? 'endsAtUtc' : 'startsAtUtc';
    const before = Date.parse(stored.draft.fields[anchor] ?? '');
    const shiftMs = Number.isNaN(before) ? 0 : Date.parse(event[anchor]) - before;
    return { draft, text: rendered.text, blocks: rendered.blocks, shiftMs };
  }

  function viewOf(event: MaintenanceEvent, item: OutboxItem): SlackMessageView {
    const removal = removalOf(item.id);
    const isRemoving = removal !== undefined && removal.state !== 'failed' && removal.state !== 'cancelled';
    let isStale = false;
    let fates: SlackFate[] = [];
    let newTimeUtc: string | null = null;
    if (isFollowable(item) && !isRemoving) {
      if (event.status === 'cancelled') {
        isStale = true;
        fates = ['remove'];
      } else {
        const rewritten = rewrite(event, item);
        const laterMs = Date.parse(laterTimeOf(item) ?? '');
        if (rewritten === null) {
          // Its draft is gone from the bin: it cannot be re-written, only removed and drafted afresh.
          isStale = item.source.stage !== undefined && event.sequence > 0;
          fates = isStale ? ['draft'] : [];
        } else if (rewritten.text !== item.text || rewritten.shiftMs !== 0) {
          isStale = true;
          const movedMs = laterMs + rewritten.shiftMs;
          const canSchedule = Number.isFinite(movedMs) && movedMs - nowMs() >= RESCHEDULE_MIN_AHEAD_MS;
          newTimeUtc = canSchedule ? new Date(movedMs).toISOString() : null;
          fates = canSchedule ? ['reschedule', 'draft'] : ['draft'];
        }
      }
    }
    return {
      outboxItemId: item.id,
      stage: item.source.stage ?? null,
      channel: item.channelName ?? item.channel.replace(/^#/, ''),
      state: item.state,
      scheduleForUtc: item.scheduleForUtc,
      sendAtUtc: item.sendAtUtc,
      sentAtUtc: item.sentAtUtc,
      permalink: item.permalink,
      problem: item.problem,
      removal: removal ? { state: removal.state, problem: removal.problem } : null,
      isStale,
      fates,
      newTimeUtc,
      excerpt: excerptOf(item.text),
    };
  }

  function snapshot(event: MaintenanceEvent, isCheckedWithSlack: boolean): SlackMessages {
    return {
      eventId: event.id,
      isCheckedWithSlack,
      messages: itemsOf(event.id).map((item) => viewOf(event, item)),
      calendarFiles: deps.calendarFiles?.views(event) ?? [],
    };
  }

  async function check(eventId: string): Promise<boolean> {
    const scheduled = itemsOf(eventId).filter((item) => item.state === 'scheduled');
    if (scheduled.length === 0) return true;
    try {
      await deps.outbox.reconcileNow(scheduled.map((item) => item.id));
      return true;
    } catch (error) {
      deps.logger.warn('calendar.slack_check_failed', { eventId, error });
      return false;
    }
  }

  /** Takes the message out of Slack (or out of the outbox, if it is still waiting there). */
  async function takeOut(item: OutboxItem, event: MaintenanceEvent): Promise<Result<OutboxItem | null>> {
    if (item.state === 'scheduled') {
      return deps.outbox.enqueueDeletion(item.id, {
        eventId: event.id,
        ...(item.source.stage ? { stage: item.source.stage } : {}),
      });
    }
    const cancelled = await deps.outbox.cancel(item.id);
    return cancelled.ok ? ok(null) : cancelled;
  }

  /** Puts the re-written draft back among the drafts (out of the bin), so the lead can send it. */
  function toDrafts(rewritten: Rewrite): Result<string> {
    const restored = deps.drafts.restore(rewritten.draft.id);
    if (!restored.ok) return restored;
    const saved = deps.drafts.save(rewritten.draft);
    return saved.ok ? ok(rewritten.draft.id) : saved;
  }

  /** Schedules the re-written message at its moved time, after the removal of the one it replaces. */
  function reschedule(
    item: OutboxItem,
    rewritten: Rewrite,
    movedUtc: string,
    removal: OutboxItem | null,
  ): Result<OutboxItem> {
    const plan = deps.plan();
    const zone = deps.zone();
    const tooBig = checkLimits({ text: rewritten.text, blocks: rewritten.blocks as never }).filter(
      (problem) => problem.severity === 'error',
    );
    if (tooBig.length > 0) return fail('too_long', tooBig.map((problem) => problem.message).join(' '));
    const lint = lintDraft(rewritten.draft, plan, { nowMs: nowMs(), zone });
    const request: EnqueueRequest = {
      channel: item.channel,
      text: rewritten.text,
      blocks: rewritten.blocks as EnqueueRequest['blocks'],
      ...(item.threadTs === null ? {} : { threadTs: item.threadTs, replyBroadcast: item.replyBroadcast }),
      ...(item.scheduleForUtc !== null ? { scheduleForUtc: movedUtc } : { sendAtUtc: movedUtc }),
      source: item.source,
      checklist: lint.checklist,
      ...(item.override ? { override: item.override } : {}),
      ...(removal ? { waitsFor: removal.id } : {}),
    };
    const queued = deps.outbox.enqueue(request);
    // The draft goes on following the message: re-written, back in the bin.
    if (queued.ok && toDrafts(rewritten).ok) deps.drafts.remove(rewritten.draft.id);
    // Its calendar file (if its stage carries one) goes with it, as the event now stands.
    if (queued.ok) {
      const attached = deps.calendarFiles?.attach(queued.value);
      if (attached && !attached.ok)
        deps.logger.warn('calendar.file_not_attached', { code: attached.error.code });
    }
    return queued;
  }

  /** Slack posted a message before Herald could remove it: draft what puts it right. */
  function draftCorrection(removal: OutboxItem): void {
    const event = removal.source.eventId ? deps.findEvent(removal.source.eventId) : undefined;
    const target = removal.targetId ? deps.outbox.get(removal.targetId) : undefined;
    if (!event) return;
    const draftDeps = { drafts: deps.drafts, plan: deps.plan };
    if (event.status === 'cancelled') {
      openEventDraft(draftDeps, event, 'cancelled');
      return;
    }
    if (event.previousStartsAtUtc !== null) {
      openEventDraft(draftDeps, event, 'rescheduled');
      return;
    }
    const rewritten = target ? rewrite(event, target) : null;
    if (rewritten) toDrafts(rewritten);
  }

  const follow: Omit<SlackFollow, 'handlers'> = {
    async messages(eventId) {
      const event = deps.findEvent(eventId);
      if (!event) return fail('not_found', 'That maintenance event no longer exists.');
      const isChecked = await check(eventId);
      return ok(snapshot(deps.findEvent(eventId) ?? event, isChecked));
    },

    async follow(eventId, choices, calendarFiles = []) {
      const event = deps.findEvent(eventId);
      if (!event) return fail('not_found', 'That maintenance event no longer exists.');
      let rescheduled = 0;
      let drafted = 0;
      let removed = 0;
      const problems: string[] = [];
      for (const choice of choices) {
        const item = deps.outbox.get(choice.outboxItemId);
        if (!item || item.source.eventId !== eventId) {
          problems.push('A message is no longer in the outbox.');
          continue;
        }
        const view = viewOf(event, item);
        if (!view.fates.includes(choice.fate)) {
          problems.push(
            `“${view.excerpt}” is ${item.state === 'sent' ? 'already posted' : 'no longer waiting'}.`,
          );
          continue;
        }
        const rewritten = event.status === 'cancelled' ? null : rewrite(event, item);
        const out = await takeOut(item, event);
        if (!out.ok) {
          problems.push(out.error.message);
          continue;
        }
        removed += 1;
        if (choice.fate === 'reschedule' && rewritten && view.newTimeUtc) {
          const queued = reschedule(item, rewritten, view.newTimeUtc, out.value);
          if (queued.ok) rescheduled += 1;
          else problems.push(queued.error.message);
        } else if (choice.fate === 'draft') {
          const back = rewritten
            ? toDrafts(rewritten)
            : commStageSchema.safeParse(item.source.stage).success
              ? openEventDraft(
                  { drafts: deps.drafts, plan: deps.plan },
                  event,
                  commStageSchema.parse(item.source.stage),
                )
              : fail('not_found', 'Herald cannot tell which of the event’s messages this was.');
          if (back.ok) drafted += 1;
          else problems.push(back.error.message);
        }
      }
      const files = deps.calendarFiles?.update(deps.findEvent(eventId) ?? event, calendarFiles) ?? {
        queued: 0,
        problems: [],
      };
      problems.push(...files.problems);
      if (event.status === 'cancelled' && removed > 0) {
        const notice = openEventDraft({ drafts: deps.drafts, plan: deps.plan }, event, 'cancelled');
        if (!notice.ok) problems.push(notice.error.message);
      }
      const parts = [
        removed > 0
          ? `${removed} ${removed === 1 ? 'message is' : 'messages are'} being removed from Slack`
          : '',
        rescheduled > 0 ? `${rescheduled} scheduled again at the new time` : '',
        drafted > 0 ? `${drafted} back in drafts` : '',
        event.status === 'cancelled' && removed > 0 ? 'the cancellation notice is drafted' : '',
        files.queued > 0
          ? `the ${event.status === 'cancelled' ? 'cancellation' : 'updated'} calendar file goes to ${
              files.queued === 1 ? 'the announcement’s thread' : `${files.queued} threads`
            }`
          : '',
      ].filter((part) => part !== '');
      const said = parts.join('; ');
      const summary = `${said !== '' ? `${said.charAt(0).toUpperCase()}${said.slice(1)}.` : 'Nothing needed changing.'}${
        problems.length > 0 ? ` ${problems.join(' ')}` : ''
      }`;
      return ok({ messages: snapshot(deps.findEvent(eventId) ?? event, true), summary });
    },

    start() {
      return deps.outbox.onChanged((item) => {
        if (item.kind !== 'delete_scheduled' || item.state !== 'failed') return;
        if (item.problem?.code !== deletionOutcomes.tooLate) return;
        try {
          draftCorrection(item);
        } catch (error) {
          deps.logger.error('calendar.correction_failed', { error });
        }
      });
    },
  };
  return { ...follow, handlers: slackFollowHandlers(follow) };
}

function slackFollowHandlers(follow: Omit<SlackFollow, 'handlers'>): SlackFollow['handlers'] {
  return {
    'calendar:slackMessages': ({ id }) => follow.messages(id),
    'calendar:follow': ({ id, choices, calendarFiles }) => follow.follow(id, choices, calendarFiles),
  };
}
