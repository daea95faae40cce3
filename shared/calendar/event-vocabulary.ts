// A maintenance event's words and the questions its status answers, as plain
// values: the calendar screen uses them without loading the event schema
// (zod). maintenance-event.ts builds its schema from these lists and
// re-exports them, so main imports them from there.

export const eventStatuses = [
  'planned',
  'announced',
  'in_progress',
  'complete',
  'cancelled',
  'rescheduled',
] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** Shown next to the status colour everywhere: colour is never the only signal. */
export const statusLabels: Readonly<Record<EventStatus, string>> = {
  planned: 'Planned',
  announced: 'Announced',
  in_progress: 'In progress',
  complete: 'Complete',
  cancelled: 'Cancelled',
  rescheduled: 'Rescheduled',
};

/** The maintenance checklist's kinds of work (its `workKind` answer). */
export const workKinds = ['upgrade', 'maintenance', 'migration', 'decommissioning'] as const;
export type WorkKind = (typeof workKinds)[number];
export const workKindLabels: Readonly<Record<WorkKind, string>> = {
  upgrade: 'Upgrade',
  maintenance: 'Maintenance',
  migration: 'Migration',
  decommissioning: 'Decommissioning',
};

/** Announced at some point (even if it has moved since): a change now needs its own message. */
export function wasAnnounced(event: { sentStages: Readonly<Record<string, string>> }): boolean {
  return Object.hasOwn(event.sentStages, 'announcement');
}

const FINISHED: ReadonlySet<EventStatus> = new Set(['complete', 'cancelled']);

export function isFinished(event: { status: EventStatus }): boolean {
  return FINISHED.has(event.status);
}

export function canReschedule(event: { status: EventStatus }): boolean {
  return !isFinished(event) && event.status !== 'in_progress';
}

export function canCancel(event: { status: EventStatus }): boolean {
  return !isFinished(event);
}
