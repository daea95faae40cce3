// The drafts behind an event's messages. A draft is made the first time the
// lead opens a message (or at once for a "rescheduled" or "cancelled" one),
// pre-filled from the event; when the event's times change later, drafts
// already made take the new times, and everything else the lead wrote stays.
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import type { CommStage } from '../../../shared/calendar/comms-schedule.ts';
import type { DraftRef } from '../../../shared/calendar/calendar-views.ts';
import { maintenanceTypeOf, prefillFor } from '../../../shared/calendar/draft-prefill.ts';
import type { MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import type { DraftOrigin, StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import { titleOf, type Draft } from '../../../shared/messages/index.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';

/** What the calendar needs from the drafts service. */
export interface DraftsPort {
  create(input: {
    typeId: string;
    stage?: string;
    channel?: string;
    fields?: Record<string, string>;
    title?: string;
    body?: string;
    origin?: DraftOrigin;
  }): Result<StoredDraft>;
  findByOrigin(matches: (origin: DraftOrigin) => boolean): StoredDraft[];
  /** Any draft by id, including one in the bin (a sent draft goes there). */
  get(id: string): StoredDraft | undefined;
  save(draft: Draft): Result<StoredDraft>;
}

export interface CommsDraftsDeps {
  drafts: DraftsPort;
  plan: () => Plan;
}

/** The event's fields that follow the event into drafts already made: its window, deadline and zone. */
const TIME_FIELDS = ['startsAtUtc', 'endsAtUtc', 'userActionDeadlineUtc', 'timeZone'] as const;

function isFromEvent(
  origin: DraftOrigin,
  eventId: string,
): origin is Extract<DraftOrigin, { kind: 'calendar' }> {
  return origin.kind === 'calendar' && origin.eventId === eventId;
}

/** The event's drafts by stage (the most recently edited, if the lead made more than one). */
export function draftsOfEvent(deps: CommsDraftsDeps, eventId: string): Map<string, StoredDraft> {
  const byStage = new Map<string, StoredDraft>();
  const found = deps.drafts.findByOrigin((origin) => isFromEvent(origin, eventId));
  for (const stored of found.sort((a, b) => a.meta.updatedAtUtc.localeCompare(b.meta.updatedAtUtc))) {
    const origin = stored.meta.origin;
    if (origin.kind === 'calendar') byStage.set(origin.stage, stored);
  }
  return byStage;
}

export function draftRef(stored: StoredDraft, plan: Plan, zone: string): DraftRef {
  return {
    id: stored.draft.id,
    title: titleOf(stored.draft, plan, { zone }).title,
    updatedAtUtc: stored.meta.updatedAtUtc,
  };
}

/** The draft for one of the event's messages, made from the event if there is none yet. */
export function openEventDraft(
  deps: CommsDraftsDeps,
  event: MaintenanceEvent,
  stage: CommStage,
): Result<{ draftId: string; isNew: boolean }> {
  const existing = draftsOfEvent(deps, event.id).get(stage);
  if (existing) return ok({ draftId: existing.draft.id, isNew: false });
  const type = maintenanceTypeOf(deps.plan());
  if (!type)
    return fail(
      'not_found',
      'The plan has no type for upgrades and maintenance, so Herald cannot draft this message. Add one in Settings → Plan.',
    );
  if (!type.stages.includes(stage)) {
    return fail(
      'invalid_argument',
      `The plan's "${type.name}" type has no "${stage}" stage. Add it in Settings → Plan.`,
      { fields: ['stage'] },
    );
  }
  const prefill = prefillFor(event, stage, type.id);
  const created = deps.drafts.create({
    typeId: prefill.typeId,
    stage: prefill.stage,
    fields: prefill.fields,
    ...(prefill.channel !== undefined ? { channel: prefill.channel } : {}),
    ...(prefill.body !== undefined ? { body: prefill.body } : {}),
    origin: { kind: 'calendar', eventId: event.id, stage },
  });
  return created.ok ? ok({ draftId: created.value.draft.id, isNew: true }) : created;
}

/** Gives the event's existing drafts its current times. Returns how many changed. */
export function refreshEventDrafts(deps: CommsDraftsDeps, event: MaintenanceEvent): number {
  const prefill = prefillFor(event, 'announcement', '');
  let changedCount = 0;
  for (const stored of deps.drafts.findByOrigin((origin) => isFromEvent(origin, event.id))) {
    const fields = { ...stored.draft.fields };
    for (const field of TIME_FIELDS) {
      const value = prefill.fields[field];
      if (value === undefined) delete fields[field];
      else fields[field] = value;
    }
    const isSame = TIME_FIELDS.every((field) => fields[field] === stored.draft.fields[field]);
    if (isSame) continue;
    if (deps.drafts.save({ ...stored.draft, fields }).ok) changedCount++;
  }
  return changedCount;
}

/**
 * A draft of one of the event's messages for one channel: the fix for a channel the audiences view flags
 * (the announcement it never had, the "rescheduled" correction of the date it still holds, the cancellation
 * notice). An unsent draft for the same stage and channel is reused. `wasStartsAtUtc` is the start the channel
 * was told, which a correction names (it may be older than the event's last move).
 */
export function draftForChannel(
  deps: CommsDraftsDeps,
  event: MaintenanceEvent,
  stage: CommStage,
  channel: string,
  wasStartsAtUtc: string | null,
  /** Answers of a message already sent about the event (the risk, the process…); the event's facts win. */
  carried: Readonly<Record<string, string>> = {},
): Result<StoredDraft> {
  const sameChannel = (name: string) => name.replace(/^#/, '').toLowerCase() === channel.toLowerCase();
  const existing = deps.drafts
    .findByOrigin((origin) => isFromEvent(origin, event.id) && origin.stage === stage)
    .find((stored) => sameChannel(stored.draft.channel));
  if (existing) return ok(existing);
  const type = maintenanceTypeOf(deps.plan());
  if (!type)
    return fail(
      'not_found',
      'The plan has no type for upgrades and maintenance, so Herald cannot draft this message. Add one in Settings → Plan.',
    );
  if (!type.stages.includes(stage))
    return fail(
      'invalid_argument',
      `The plan's "${type.name}" type has no "${stage}" stage. Add it in Settings → Plan.`,
    );
  const told =
    stage === 'rescheduled' && wasStartsAtUtc !== null
      ? { ...event, previousStartsAtUtc: wasStartsAtUtc }
      : event;
  const prefill = prefillFor(told, stage, type.id);
  return deps.drafts.create({
    typeId: prefill.typeId,
    stage: prefill.stage,
    channel,
    fields: { ...carried, ...prefill.fields },
    ...(prefill.body !== undefined ? { body: prefill.body } : {}),
    origin: { kind: 'calendar', eventId: event.id, stage },
  });
}
