// Maintenance events for calendar tests, starting from the plan's worked
// example: the cert-manager upgrade on Thu 23 Apr 2026 at 12:00 London time,
// users to act by the end of 22 April.
import type { EventFields, MaintenanceEvent } from '../../../../shared/calendar/maintenance-event.ts';

export const ZONE = 'Europe/London';

export function certManagerFields(overrides: Partial<EventFields> = {}): EventFields {
  return {
    title: 'Certificate Manager Upgrade',
    workKind: 'upgrade',
    what: 'Upgrading cert-manager from v0.8 to v0.14.',
    why: 'v0.14 drops the v1alpha1 certificates and moves to the cert-manager.io API group.',
    startsAtUtc: '2026-04-23T11:00:00.000Z',
    endsAtUtc: '2026-04-23T16:00:00.000Z',
    timeZone: ZONE,
    services: ['cert-manager'],
    impact: 'We do not expect any downtime.',
    userActions: 'Move your certificate definitions into the environments repository.',
    userActionDeadlineUtc: '2026-04-22T22:59:00.000Z',
    changeNotesUrl: 'https://cert-manager.io/docs/installation/upgrading/',
    channels: ['operations-engineering-update'],
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<MaintenanceEvent> = {}): MaintenanceEvent {
  return {
    ...certManagerFields(),
    id: 'ev-1',
    uid: 'ev-1@herald',
    sequence: 0,
    status: 'planned',
    sentStages: {},
    previousStartsAtUtc: null,
    previousEndsAtUtc: null,
    changeReason: '',
    seriesUid: null,
    recurrenceId: null,
    owner: '',
    origin: 'local',
    slackTs: null,
    createdAtUtc: '2026-04-01T09:00:00.000Z',
    updatedAtUtc: '2026-04-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A run of routine work, as a busy team's calendar holds it: a window every `everyHours`, a tenth called off. */
export function routineEvents(
  count: number,
  { fromMs = Date.UTC(2026, 0, 5, 9), everyHours = 7 } = {},
): MaintenanceEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const startMs = fromMs + index * everyHours * 3_600_000;
    return makeEvent({
      id: `routine-${index}`,
      uid: `routine-${index}@herald`,
      title: `Routine maintenance ${index + 1} of the ${['dns', 'ingress', 'vault'][index % 3]} service`,
      startsAtUtc: new Date(startMs).toISOString(),
      endsAtUtc: new Date(startMs + 2 * 3_600_000).toISOString(),
      userActionDeadlineUtc: null,
      status: index % 10 === 9 ? 'cancelled' : 'planned',
    });
  });
}
