// The maintenance calendar's shared model: events and their life, the
// messages each is owed and when, clashes, the grid's days in the user's
// zone, recurring plan duties, and the digest behind a duty.
export * from './maintenance-event.ts';
export * from './event-lifecycle.ts';
export * from './comms-schedule.ts';
export * from './conflicts.ts';
export * from './calendar-grid.ts';
export * from './plan-duties.ts';
export * from './draft-prefill.ts';
export * from './digest.ts';
export * from './calendar-settings.ts';
export * from './calendar-views.ts';
