// The audiences service: keeps the ledger of what each channel last heard
// (from this Herald's sent messages and from the team sync's reading of
// Slack), derives the view on demand and pushes it (`audiences:changed`)
// whenever it changes — a message sent or read back, an incident or event
// changed, the plan edited, a promise passing or an announcement falling due
// on the injected clock — and drafts the message that fixes a flag.
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import type { AudienceFlag, AudiencesView } from '../../../shared/api/channels/audiences.ts';
import type { StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import type { OutboxItem, OutboxState } from '../../../shared/outbox/outbox-item.ts';
import type { Plan } from '../../../shared/plan/index.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import { draftForChannel, type CommsDraftsDeps } from '../calendar/comms-drafts.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { Clock } from '../clock/clock.ts';
import { createWakeTimer } from '../clock/wake-timer.ts';
import type { IncidentsService } from '../incidents/incidents-service.ts';
import type { Logger } from '../logging/logger.ts';
import type { HistoryService } from '../history/history-service.ts';
import type { OutboxService } from '../outbox/outbox-service.ts';
import type { HeardInChannel } from '../team-sync/team-sync-service.ts';
import { channelKey, subjectKeyOf, type AudienceLedger } from './audience-ledger.ts';
import { deriveAudiences, eventFromSlack, nextChangeMs, type EventFacts } from './audience-view.ts';

/** Running maintenance started at most this long ago (an event lasts at most 31 days). */
const RUNNING_LOOKBACK_MS = 32 * 86_400_000;
/** Upcoming maintenance this far ahead is shown (announcements are due at most 90 days before). */
const UPCOMING_AHEAD_MS = 400 * 86_400_000;
/** The view is re-derived at least this often, whatever else happens. */
const SAFETY_REFRESH_MS = 15 * 60_000;
const PENDING_STATES: readonly OutboxState[] = ['queued', 'sending', 'held', 'scheduled'];

export interface AudiencesServiceDeps {
  ledger: AudienceLedger;
  plan: () => Plan;
  incidents: Pick<IncidentsService, 'list' | 'get' | 'draftNext'>;
  calendar: Pick<CalendarService, 'eventsTouching' | 'find' | 'settings'>;
  drafts: CommsDraftsDeps['drafts'];
  outbox: Pick<OutboxService, 'list' | 'onChanged'>;
  /** A late resolution starts from the answers of the resolution sent where the incident was declared. */
  history: Pick<HistoryService, 'get'>;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
}

export interface AudiencesService {
  view(): AudiencesView;
  /** The team sync read a Herald message (another lead's, or this one's read back) in a channel. */
  noteFromSlack(message: HeardInChannel): void;
  draftFix(flagId: string): Result<{ draftId: string }>;
  start(): void;
  stop(): void;
  handlers: {
    'audiences:view': Handler<'audiences:view'>;
    'audiences:draftFix': Handler<'audiences:draftFix'>;
  };
}

const tsToIso = (ts: string) => new Date(Math.round(Number(ts) * 1000) || 0).toISOString();

/** The incident status a message's own draft named (the incident checklist's `status`), if any. */
function statusOf(item: OutboxItem): string | null {
  const answer = item.draft?.fields.status;
  return typeof answer === 'string' && answer !== '' ? answer.slice(0, 40) : null;
}

/** The answers of `from` where `current` has none (an empty answer counts as none). */
function withoutEmpty(from: Record<string, string>, current: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(from).filter(([itemId]) => (current[itemId] ?? '').trim() === ''));
}

export function createAudiencesService(deps: AudiencesServiceDeps): AudiencesService {
  const { clock } = deps;
  /** Outbox item id → "<subject key> <channel>", for messages still on their way. */
  const pending = new Map<string, string>();
  const stops: Array<() => void> = [];
  const wake = createWakeTimer(clock, SAFETY_REFRESH_MS, () => refresh());
  let lastJson = '';
  let isRefreshQueued = false;

  function trackPending(item: OutboxItem): void {
    const isWaiting = item.kind === 'message' && item.facts !== null && PENDING_STATES.includes(item.state);
    if (isWaiting && item.facts) {
      pending.set(item.id, `${subjectKeyOf(item.facts)} ${channelKey(item.channelName ?? item.channel)}`);
    } else pending.delete(item.id);
  }

  function pendingFor(subjectKey: string, channel: string): string | null {
    const wanted = `${subjectKey} ${channel}`;
    for (const [id, key] of pending) if (key === wanted) return id;
    return null;
  }

  function activeEvents(nowMs: number): EventFacts[] {
    // The stored records, not calendar:list's view: this reads channels and messages sent, never clashes or due times.
    const listed: EventFacts[] = deps.calendar.eventsTouching(
      nowMs - RUNNING_LOOKBACK_MS,
      nowMs + UPCOMING_AHEAD_MS,
    );
    const known = new Set(listed.map((event) => event.id));
    // Maintenance only Slack has told this Herald of (another lead's event, not in this calendar).
    for (const key of deps.ledger.subjectKeys()) {
      if (!key.startsWith('maintenance:')) continue;
      const id = key.slice('maintenance:'.length);
      if (known.has(id) || deps.calendar.find(id)) continue;
      const fromSlack = eventFromSlack(deps.ledger.channelsOf(key));
      if (fromSlack) listed.push(fromSlack);
    }
    return listed.filter((event) => event.status !== 'complete' && Date.parse(event.endsAtUtc) > nowMs);
  }

  function view(): AudiencesView {
    const nowMs = clock.now();
    return deriveAudiences({
      plan: deps.plan(),
      nowMs,
      incidents: deps.incidents.list(),
      events: activeEvents(nowMs),
      leadTimes: deps.calendar.settings().leadTimes,
      heardOf: (key) => deps.ledger.channelsOf(key),
      pendingFor,
    });
  }

  /** Re-derives the view and pushes it when it changed (its `nowUtc` aside). */
  function refresh(): void {
    isRefreshQueued = false;
    let current: AudiencesView;
    try {
      current = view();
    } catch (error) {
      deps.logger.error('audiences.derive_failed', { error: String(error) });
      return;
    }
    const json = JSON.stringify({ ...current, nowUtc: '' });
    if (json !== lastJson) {
      lastJson = json;
      deps.bus.emit('audiences:changed', current);
    }
    if (stops.length > 0) {
      // A moment after the promise or due time, so the view derived then sees it passed.
      const changeMs = nextChangeMs(current, clock.now());
      wake.arm(changeMs === null ? null : changeMs + 1, clock.now());
    }
  }

  /** Several changes in one turn (a send touches the outbox, the incident and the ledger) re-derive once. */
  function queueRefresh(): void {
    if (isRefreshQueued || stops.length === 0) return;
    isRefreshQueued = true;
    queueMicrotask(refresh);
  }

  /**
   * The view reads an outbox item only through `pending` (what is on its way, by subject and channel) and the
   * ledger, so a change that moves neither (`queued` to `sending`, a message without facts, a permalink
   * arriving) re-derives nothing: a send costs no calendar listing of its own.
   */
  function noteSent(item: OutboxItem): void {
    const pendingBefore = pending.get(item.id);
    trackPending(item);
    const isPendingChanged = pending.get(item.id) !== pendingBefore;
    if (item.state !== 'sent' || item.facts === null) {
      if (isPendingChanged) queueRefresh();
      return;
    }
    const channel = item.channelName ?? item.channel;
    let isHeardChanged = false;
    if (item.kind === 'message') {
      isHeardChanged = deps.ledger.note({
        channel,
        heraldId: item.id,
        ts: item.ts,
        atUtc: item.sentAtUtc ?? new Date(clock.now()).toISOString(),
        permalink: item.permalink,
        via: 'here',
        actor: item.facts.actor,
        facts: item.facts,
        status: statusOf(item),
      });
    } else if (item.kind === 'edit' && item.editOf?.purpose === 'correction') {
      // Corrected in place: the message keeps its place in the channel and now says this.
      isHeardChanged = deps.ledger.note({
        channel,
        heraldId: item.editOf.itemId,
        ts: item.editOf.ts,
        atUtc: item.sentAtUtc ?? new Date(clock.now()).toISOString(),
        permalink: null,
        via: 'here',
        actor: item.facts.actor,
        facts: item.facts,
        status: statusOf(item),
      });
    }
    if (isPendingChanged || isHeardChanged) queueRefresh();
  }

  function noteFromSlack(message: HeardInChannel): void {
    const changed = deps.ledger.note({
      channel: message.channel,
      heraldId: message.heraldId,
      ts: message.ts,
      atUtc: tsToIso(message.ts),
      permalink: null,
      via: 'team',
      actor: message.actor,
      facts: message.facts,
      status: null,
    });
    if (changed) queueRefresh();
  }

  function draftFix(flagId: string): Result<{ draftId: string }> {
    const flag = view().flags.find((candidate) => candidate.id === flagId);
    if (!flag)
      return fail('not_found', 'That channel is no longer out of step: nothing needs fixing there now.');
    const drafted = flag.subject.kind === 'incident' ? incidentFix(flag) : maintenanceFix(flag);
    return drafted.ok ? ok({ draftId: drafted.value.draft.id }) : drafted;
  }

  function incidentFix(flag: AudienceFlag): Result<StoredDraft> {
    const kind =
      flag.kind === 'resolved_elsewhere' ? 'resolved' : flag.kind === 'promise_passed' ? 'holding' : 'update';
    const drafted = deps.incidents.draftNext(flag.subject.id, kind, { channel: flag.channel });
    if (!drafted.ok) return drafted;
    if (kind === 'update') return withSamePromise(drafted.value, flag);
    if (kind !== 'resolved') return drafted;
    const resolution = deps.incidents
      .get(flag.subject.id)
      ?.timeline.filter((entry) => entry.kind === 'resolved')
      .at(-1);
    const told = resolution ? deps.history.get(resolution.outboxItemId)?.draft : undefined;
    if (!told) return drafted;
    // The same words the other channel had; only what the lead already typed here stays.
    const { draft } = drafted.value;
    return deps.drafts.save({
      ...draft,
      fields: { ...told.fields, ...draft.fields, ...withoutEmpty(told.fields, draft.fields) },
      notApplicable: { ...told.notApplicable, ...draft.notApplicable },
    });
  }

  /** A channel told late hears the promise the others have, while it is still ahead. */
  function withSamePromise(stored: StoredDraft, flag: AudienceFlag): Result<StoredDraft> {
    const promise = flag.truth.nextUpdateAtUtc;
    const { draft } = stored;
    if (promise === null || Date.parse(promise) <= clock.now() || (draft.fields.nextUpdateAtUtc ?? '') !== '')
      return ok(stored);
    return deps.drafts.save({ ...draft, fields: { ...draft.fields, nextUpdateAtUtc: promise } });
  }

  function maintenanceFix(flag: AudienceFlag): Result<StoredDraft> {
    const event = deps.calendar.find(flag.subject.id);
    if (!event) return fail('not_found', 'That maintenance event is no longer in the calendar.');
    const stage =
      flag.kind === 'stale_window'
        ? 'rescheduled'
        : flag.kind === 'stale_cancelled'
          ? 'cancelled'
          : 'announcement';
    // The correction says what this channel was told, which may be older than the event's last move.
    const wasStartsAtUtc = flag.heard?.claims.startsAtUtc ?? null;
    return draftForChannel(
      { drafts: deps.drafts, plan: deps.plan },
      event,
      stage,
      flag.channel,
      wasStartsAtUtc,
      answersSentAbout(`maintenance:${event.id}`, flag.channel),
    );
  }

  /**
   * The answers of the message this Herald sent about a subject: the one the channel last heard, else the
   * newest any channel heard. A fix starts from them, so the lead does not retype the risk or the process.
   */
  function answersSentAbout(subjectKey: string, channel: string): Record<string, string> {
    const heard = deps.ledger.channelsOf(subjectKey);
    const mine = Object.entries(heard)
      .filter(([, record]) => record.via === 'here')
      .sort(([nameA, a], [nameB, b]) =>
        nameA === channel ? 1 : nameB === channel ? -1 : a.atUtc.localeCompare(b.atUtc),
      )
      .at(-1);
    return (mine ? deps.history.get(mine[1].heraldId)?.draft?.fields : undefined) ?? {};
  }

  return {
    view,
    noteFromSlack,
    draftFix,
    start() {
      if (stops.length > 0) return;
      for (const item of deps.outbox.list(PENDING_STATES, { limit: 10_000 }).items) trackPending(item);
      stops.push(
        deps.outbox.onChanged(noteSent),
        clock.onJump(() => queueRefresh()),
        deps.bus.subscribe((event) => {
          if (event === 'incidents:changed' || event === 'calendar:changed' || event === 'plan:changed')
            queueRefresh();
        }),
      );
      refresh();
    },
    stop() {
      for (const stop of stops.splice(0)) stop();
      wake.stop();
    },
    handlers: {
      'audiences:view': () => Promise.resolve(ok(view())),
      'audiences:draftFix': ({ flagId }) => Promise.resolve(draftFix(flagId)),
    },
  };
}
