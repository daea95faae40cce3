// What importing a calendar file does to the calendar: matching each of its
// events to Herald's by UID, deciding new / update / unchanged (a file older
// than Herald's copy, by SEQUENCE, never overwrites it), and applying that.
import type { ImportPreview } from '../../../shared/calendar/calendar-views.ts';
import { applyCancel, applyEdit, isFinished } from '../../../shared/calendar/event-lifecycle.ts';
import {
  sameFields,
  type EventFields,
  type MaintenanceEvent,
} from '../../../shared/calendar/maintenance-event.ts';
import type { ParsedIcs, ParsedIcsEvent } from './ics/ics-import.ts';

export interface ImportStep {
  parsed: ParsedIcsEvent;
  existing: MaintenanceEvent | null;
  action: 'new' | 'update' | 'unchanged';
  /** Why an event that differs is still left alone. */
  notes: string[];
}

export function planImport(parsed: ParsedIcs, existing: readonly MaintenanceEvent[]): ImportStep[] {
  const byUid = new Map(existing.map((event) => [event.uid, event]));
  return parsed.events.map((event): ImportStep => {
    const current = byUid.get(event.uid) ?? null;
    if (!current) return { parsed: event, existing: null, action: 'new', notes: [] };
    const isSame =
      sameFields(current, event.fields) && (!event.isCancelled || current.status === 'cancelled');
    if (isSame) return { parsed: event, existing: current, action: 'unchanged', notes: [] };
    if (event.sequence < current.sequence) {
      return {
        parsed: event,
        existing: current,
        action: 'unchanged',
        notes: [
          `Herald's copy is newer (sequence ${current.sequence}, the file's ${event.sequence}), so it stays as it is`,
        ],
      };
    }
    if (isFinished(current)) {
      return {
        parsed: event,
        existing: current,
        action: 'unchanged',
        notes: [
          `it is ${current.status === 'cancelled' ? 'cancelled' : 'complete'} in Herald, so it stays as it is`,
        ],
      };
    }
    return { parsed: event, existing: current, action: 'update', notes: [] };
  });
}

export function toPreview(parsed: ParsedIcs, steps: readonly ImportStep[]): ImportPreview {
  return {
    items: steps.map((step) => ({
      uid: step.parsed.uid,
      title: step.parsed.fields.title,
      startsAtUtc: step.parsed.fields.startsAtUtc,
      endsAtUtc: step.parsed.fields.endsAtUtc,
      action: step.action,
      existingId: step.existing?.id ?? null,
      warnings: [...step.parsed.warnings, ...step.notes],
    })),
    problems: parsed.problems,
  };
}

/** The updated event for an 'update' step; null if the lifecycle refuses (it raced to finished). */
export function updatedEvent(step: ImportStep, nowUtc: string): MaintenanceEvent | null {
  if (!step.existing) return null;
  const edited = applyEdit(
    step.existing,
    step.parsed.fields,
    nowUtc,
    'Changed by an imported calendar file.',
  );
  if (!edited.ok) return null;
  let next = { ...edited.value, sequence: Math.max(edited.value.sequence, step.parsed.sequence) };
  if (step.parsed.isCancelled && next.status !== 'cancelled') {
    const cancelled = applyCancel(next, nowUtc, 'Cancelled in an imported calendar file.');
    if (cancelled.ok) next = cancelled.value;
  }
  return next;
}

/** The events a plan creates and the ones it changes (by id); nothing is stored here. */
export function applyImport(
  steps: readonly ImportStep[],
  nowUtc: string,
  make: (
    fields: EventFields,
    seed: { uid: string; sequence: number; seriesUid: string | null; recurrenceId: string | null },
  ) => MaintenanceEvent,
): { created: MaintenanceEvent[]; updated: Map<string, MaintenanceEvent> } {
  const created: MaintenanceEvent[] = [];
  const updated = new Map<string, MaintenanceEvent>();
  for (const step of steps) {
    if (step.action === 'new') {
      const { uid, sequence, seriesUid, recurrenceId } = step.parsed;
      const fresh = make(step.parsed.fields, { uid, sequence, seriesUid, recurrenceId });
      created.push(step.parsed.isCancelled ? { ...fresh, status: 'cancelled' } : fresh);
    } else if (step.action === 'update') {
      const next = updatedEvent(step, nowUtc);
      if (next) updated.set(next.id, next);
    }
  }
  return { created, updated };
}
