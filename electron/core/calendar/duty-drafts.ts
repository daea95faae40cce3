// Recurring plan duties in core: reminders for the occurrences coming up, and
// the digest draft each occurrence opens, pre-filled from Herald's history
// for its period. History comes through a small port: the history service
// answers it once it exists; until then the calendar's own completed
// maintenance is what the digest knows.
import { ok, fail, type Result } from '../../../shared/api/result.ts';
import { buildDigest, type DigestItem } from '../../../shared/calendar/digest.ts';
import { endMsOf, type MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import { dutyOccurrences, occurrenceForId, type PlanDuty } from '../../../shared/calendar/plan-duties.ts';
import type { DraftOrigin } from '../../../shared/drafts/stored-draft.ts';
import type { DraftsPort } from './comms-drafts.ts';
import type { ReminderPort } from './event-reminders.ts';

/** Herald's record of what went out: announcements, incidents resolved (with their length), maintenance completed. */
export interface HistoryPort {
  digestItems(range: { fromMs: number; toMs: number }): DigestItem[];
}

/** Duties coming up this far ahead get their reminder now. */
export const DUTY_HORIZON_MS = 15 * 86_400_000;

function isDutyOrigin(origin: DraftOrigin): origin is Extract<DraftOrigin, { kind: 'duty' }> {
  return origin.kind === 'duty';
}

/** Duty id → the id of its digest draft. */
export function dutyDraftIds(drafts: DraftsPort): Map<string, string> {
  const ids = new Map<string, string>();
  for (const stored of drafts.findByOrigin(isDutyOrigin)) {
    const origin = stored.meta.origin;
    if (origin.kind === 'duty') ids.set(origin.dutyId, stored.draft.id);
  }
  return ids;
}

/** Arms a reminder for each duty occurrence due within the horizon (idempotent per occurrence). */
export function syncDutyReminders(
  duties: readonly PlanDuty[],
  reminders: ReminderPort,
  nowMs: number,
  zone: string,
): void {
  for (const occurrence of dutyOccurrences(duties, nowMs, nowMs + DUTY_HORIZON_MS, zone)) {
    reminders.schedule({
      kind: 'plan_duty',
      subject: { type: 'duty', dutyId: occurrence.dutyId },
      dueAtMs: occurrence.dueAtMs,
      title: occurrence.name,
    });
  }
}

/** Maintenance the calendar saw completed in the range, as digest items. */
export function completedMaintenance(
  events: readonly MaintenanceEvent[],
  fromMs: number,
  toMs: number,
): DigestItem[] {
  return events
    .filter((event) => event.status === 'complete')
    .map((event) => ({
      event,
      atMs: Date.parse(event.sentStages.complete ?? event.endsAtUtc) || endMsOf(event),
    }))
    .filter(({ atMs }) => atMs >= fromMs && atMs < toMs)
    .map(({ event, atMs }) => ({
      kind: 'maintenance' as const,
      title: event.title,
      atUtc: new Date(atMs).toISOString(),
    }));
}

export interface DutyDraftDeps {
  drafts: DraftsPort;
  history: HistoryPort | undefined;
  events: () => readonly MaintenanceEvent[];
}

/** The digest draft for a duty occurrence, made from the period's history if there is none yet. */
export function openDutyDraft(
  deps: DutyDraftDeps,
  duties: readonly PlanDuty[],
  dutyId: string,
  zone: string,
): Result<{ draftId: string; isNew: boolean }> {
  const occurrence = occurrenceForId(duties, dutyId, zone);
  if (!occurrence)
    return fail(
      'not_found',
      `"${dutyId.slice(0, 80)}" is not a duty in the plan. It may have been removed or changed from weekly or fortnightly.`,
    );
  const existing = deps.drafts.findByOrigin(
    (origin) => origin.kind === 'duty' && origin.dutyId === dutyId,
  )[0];
  if (existing) return ok({ draftId: existing.draft.id, isNew: false });
  const range = { fromMs: occurrence.periodStartMs, toMs: occurrence.dueAtMs };
  const fromHistory = deps.history?.digestItems(range) ?? [];
  // The history records the "complete" messages too; keep one line per piece of work.
  const known = new Set(
    fromHistory.filter((item) => item.kind === 'maintenance').map((item) => item.title.trim().toLowerCase()),
  );
  const fromCalendar = completedMaintenance(deps.events(), range.fromMs, range.toMs).filter(
    (item) => !known.has(item.title.trim().toLowerCase()),
  );
  const digest = buildDigest(
    [...fromHistory, ...fromCalendar],
    { startMs: range.fromMs, endMs: range.toMs },
    zone,
  );
  const created = deps.drafts.create({
    typeId: occurrence.typeId,
    fields: digest.fields,
    body: digest.body,
    origin: { kind: 'duty', dutyId },
  });
  return created.ok ? ok({ draftId: created.value.draft.id, isNew: true }) : created;
}
