// Other leads' maintenance, folded into the calendar from Slack: keyed by the
// event id, idempotent, independent of the order messages are read in, and
// never storing an event the calendar could not have made itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maintenanceEventSchema,
  type MaintenanceEvent,
} from '../../../../../shared/calendar/maintenance-event.ts';
import {
  mergeMaintenanceMessage,
  settleOwner,
  type MaintenanceMessage,
} from '../../../../../electron/core/team-sync/maintenance-merge.ts';
import { msToTs } from '../../../../../electron/core/team-sync/sync-cursors.ts';
import { commStages } from '../../../../../shared/calendar/comm-stages.ts';
import { makeEvent } from '../../../shared/calendar/event-fixtures.ts';

const LEAD_A = 'U0COMMSLEAD';
const BASE_MS = Date.parse('2026-04-23T11:00:00.000Z');
const HOUR = 3_600_000;

function message(
  overrides: Partial<MaintenanceMessage['facts']> & { ts: string },
  comms: MaintenanceMessage['comms'] = [],
) {
  const { ts, ...facts } = overrides;
  return {
    ts,
    channel: 'operations-engineering-update',
    heraldId: `h-${ts}`,
    actor: LEAD_A,
    facts: {
      id: 'ev-a',
      title: 'Certificate Manager Upgrade',
      starts_at: new Date(BASE_MS).toISOString(),
      ends_at: new Date(BASE_MS + 5 * HOUR).toISOString(),
      status: 'planned',
      stage: 'announcement',
      zone: 'Europe/London',
      owner: LEAD_A,
      ...facts,
    },
    comms,
  } satisfies MaintenanceMessage;
}

function foldAll(
  messages: readonly MaintenanceMessage[],
  start?: MaintenanceEvent,
): Map<string, MaintenanceEvent> {
  const events = new Map<string, MaintenanceEvent>();
  if (start) events.set(start.id, start);
  for (const next of messages) {
    const merged = mergeMaintenanceMessage(events.get(next.facts.id), next);
    if (merged) events.set(merged.id, merged);
  }
  return events;
}

/** What every Herald must agree on (the calendar-file sequence and edit time are this Herald's own bookkeeping). */
const agreed = (event: MaintenanceEvent) => ({
  id: event.id,
  title: event.title,
  startsAtUtc: event.startsAtUtc,
  endsAtUtc: event.endsAtUtc,
  timeZone: event.timeZone,
  status: event.status,
  owner: event.owner,
  origin: event.origin,
  sentStages: event.sentStages,
  slackTs: event.slackTs,
  channels: event.channels,
  workKind: event.workKind,
  services: event.services,
  impact: event.impact,
  changeNotesUrl: event.changeNotesUrl,
});

/** Up to ten maintenance messages, one per ts as in Slack, with facts good and bad. */
function anyMessages() {
  const instant = fc
    .integer({ min: -10 * 24, max: 60 * 24 })
    .map((hours) => new Date(BASE_MS + hours * HOUR).toISOString());
  const anyMessage = fc.record({
    ts: fc.integer({ min: 1, max: 50 }).map((n) => msToTs(Date.parse('2026-04-01T00:00:00Z') + n * 1000)),
    id: fc.constantFrom('ev-a', 'ev-b', 'ev-c'),
    title: fc.string({ maxLength: 30 }),
    starts_at: instant,
    ends_at: fc.oneof(instant, fc.constant('')),
    status: fc.constantFrom(
      'planned',
      'announced',
      'rescheduled',
      'in_progress',
      'complete',
      'cancelled',
      'odd',
    ),
    // Every stage a Herald sends, and one no Herald knows.
    stage: fc.constantFrom(...commStages, 'x'),
    zone: fc.constantFrom('Europe/London', 'America/New_York', '', 'Nowhere/Land'),
    owner: fc.constantFrom(LEAD_A, 'U0COMMSLD2', ''),
    work_kind: fc.constantFrom('upgrade', 'migration', 'odd'),
    services: fc.array(fc.record({ name: fc.constantFrom('Sentry', 'sentry', 'Notify', '') }), {
      maxLength: 3,
    }),
    impact: fc.string({ maxLength: 20 }),
    change_notes_url: fc.constantFrom('', 'https://example.org/a', 'not a url'),
    channel: fc.constantFrom('operations-engineering-update', 'ask-comms', '#Odd one'),
    comms: fc.array(
      fc.record({
        stage: fc.constantFrom('announcement', 'reminder', 'starting', 'complete', 'later'),
        due_at: fc.constant(''),
        is_sent: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
  });
  // One message per ts, as in Slack.
  const messages = fc
    .uniqueArray(anyMessage, { selector: (m) => m.ts, minLength: 1, maxLength: 10 })
    .map((list) =>
      list.map(({ ts, comms, channel, ...facts }) => ({ ...message({ ts, ...facts }, comms), channel })),
    );
  return messages;
}

describe('another lead’s maintenance read from Slack', () => {
  it('appears on the calendar with its owner, its window and its announcement marked sent', () => {
    const announced = message({ ts: '1776000000.000100' }, [
      { stage: 'announcement', due_at: '2026-04-16T11:00:00.000Z', is_sent: true },
      { stage: 'reminder', due_at: '2026-04-22T11:00:00.000Z', is_sent: false },
    ]);
    const event = mergeMaintenanceMessage(undefined, announced);
    expect(event).toMatchObject({
      id: 'ev-a',
      origin: 'slack',
      owner: LEAD_A,
      status: 'announced',
      startsAtUtc: '2026-04-23T11:00:00.000Z',
      endsAtUtc: '2026-04-23T16:00:00.000Z',
      timeZone: 'Europe/London',
      slackTs: '1776000000.000100',
      channels: ['operations-engineering-update'],
    });
    expect(Object.keys(event?.sentStages ?? {})).toEqual(['announcement']);
    expect(maintenanceEventSchema.safeParse(event).success).toBe(true);
    // The same message again changes nothing.
    expect(mergeMaintenanceMessage(event, announced)).toBe(event);
  });

  it('moves on a reschedule, is cancelled by the cancellation, and an older message never undoes a newer one', () => {
    const announced = message({ ts: '1776000000.000100' });
    const moved = message({
      ts: '1776000100.000100',
      stage: 'rescheduled',
      status: 'rescheduled',
      starts_at: new Date(BASE_MS + 7 * 24 * HOUR).toISOString(),
      ends_at: new Date(BASE_MS + 7 * 24 * HOUR + 5 * HOUR).toISOString(),
    });
    const cancelled = message({ ts: '1776000200.000100', stage: 'cancelled', status: 'cancelled' });
    const events = foldAll([announced, moved]);
    expect(events.get('ev-a')).toMatchObject({
      status: 'rescheduled',
      startsAtUtc: '2026-04-30T11:00:00.000Z',
      previousStartsAtUtc: '2026-04-23T11:00:00.000Z',
    });
    const reversed = foldAll([cancelled, moved, announced]);
    expect(reversed.get('ev-a')).toMatchObject({ status: 'cancelled', slackTs: '1776000200.000100' });
    expect(Object.keys(reversed.get('ev-a')?.sentStages ?? {}).sort()).toEqual([
      'announcement',
      'cancelled',
      'rescheduled',
    ]);
  });

  it('is told in every channel a message about it was read in, whatever order they are read in', () => {
    const announced = message({ ts: '1776000000.000100' });
    const elsewhere = { ...message({ ts: '1776000050.000100' }), channel: 'ask-comms' };
    const odd = { ...message({ ts: '1776000060.000100' }), channel: '#Not A Channel!' };
    for (const order of [
      [announced, elsewhere, odd],
      [odd, elsewhere, announced],
    ]) {
      expect(foldAll(order).get('ev-a')?.channels).toEqual(['ask-comms', 'operations-engineering-update']);
    }
    // The same message again changes nothing: the same object.
    const once = foldAll([announced, elsewhere]).get('ev-a');
    expect(mergeMaintenanceMessage(once, elsewhere)).toBe(once);
  });

  it('keeps this Herald’s own event as it is, taking only the sent marks of other Heralds’ messages', () => {
    const mine = makeEvent({
      id: 'ev-a',
      owner: LEAD_A,
      startsAtUtc: '2026-05-01T11:00:00.000Z',
      endsAtUtc: '2026-05-01T12:00:00.000Z',
    });
    const reminderSent = {
      ...message({ ts: '1776000300.000100', stage: 'reminder', status: 'announced' }),
      actor: 'U0COMMSLD2',
    };
    const merged = mergeMaintenanceMessage(mine, reminderSent);
    expect(merged).toMatchObject({
      origin: 'local',
      startsAtUtc: '2026-05-01T11:00:00.000Z',
      status: 'planned',
    });
    expect(Object.keys(merged?.sentStages ?? {})).toEqual(['reminder']);
  });

  it('reads what the event panel shows (kind of work, services, impact…) as the owner wrote it', () => {
    const details = {
      work_kind: 'upgrade',
      services: [{ name: 'Certificate Manager' }, { name: 'Sentry' }],
      impact: 'No certificates for two hours.',
      user_actions: 'Renew early.',
      user_action_deadline: '2026-04-22T17:00:00.000Z',
      change_notes_url: 'https://example.org/notes',
    };
    const event = mergeMaintenanceMessage(undefined, message({ ts: '1776000000.000100', ...details }));
    expect(event).toMatchObject({
      workKind: 'upgrade',
      services: ['Certificate Manager', 'Sentry'],
      impact: 'No certificates for two hours.',
      userActions: 'Renew early.',
      userActionDeadlineUtc: '2026-04-22T17:00:00.000Z',
      changeNotesUrl: 'https://example.org/notes',
    });
    expect(maintenanceEventSchema.safeParse(event).success).toBe(true);
    // A newer message's details replace them; a deadline taken away is gone.
    const later = mergeMaintenanceMessage(
      event,
      message({ ts: '1776000100.000100', ...details, work_kind: 'migration', user_action_deadline: '' }),
    );
    expect(later).toMatchObject({
      workKind: 'migration',
      userActionDeadlineUtc: null,
      services: details.services.map((s) => s.name),
    });
    // An older Herald's message names no kind of work: "maintenance", as before.
    expect(mergeMaintenanceMessage(undefined, message({ ts: '1776000000.000200' }))).toMatchObject({
      workKind: 'maintenance',
      services: [],
      impact: '',
    });
    // A detail the form would refuse is left out; the event still appears.
    const odd = mergeMaintenanceMessage(
      undefined,
      message({
        ts: '1776000000.000300',
        work_kind: 'terraforming',
        change_notes_url: 'javascript:alert(1)',
        services: [{ name: 'Sentry' }, { name: 'sentry' }],
        impact: 'Short outage.',
      }),
    );
    expect(odd).toMatchObject({
      workKind: 'maintenance',
      changeNotesUrl: '',
      services: [],
      impact: 'Short outage.',
    });
    expect(maintenanceEventSchema.safeParse(odd).success).toBe(true);
  });

  it('ignores facts that make no event: an end before the start, an unknown zone or status', () => {
    expect(
      mergeMaintenanceMessage(undefined, message({ ts: '1.000001', ends_at: '2026-04-23T10:00:00.000Z' })),
    ).toBeUndefined();
    expect(
      mergeMaintenanceMessage(undefined, message({ ts: '1.000002', zone: 'Mars/Olympus' })),
    ).toBeUndefined();
    expect(
      mergeMaintenanceMessage(undefined, message({ ts: '1.000003', status: 'exploded' })),
    ).toBeUndefined();
    // A stage Herald does not know marks nothing.
    const odd = mergeMaintenanceMessage(undefined, message({ ts: '1.000004', stage: 'gossip' }));
    expect(odd).toMatchObject({ status: 'planned', sentStages: {} });
  });

  it('property: any messages, in any order, any number of times, give the same valid calendar', () => {
    const messages = anyMessages();
    fc.assert(
      fc.property(
        messages.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        fc.array(fc.nat(), { maxLength: 5 }),
        ([inOrder, shuffled], repeats) => {
          const repeated = [...shuffled, ...repeats.map((n) => shuffled[n % shuffled.length]!)];
          const first = foldAll(inOrder);
          const second = foldAll(repeated);
          expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
          for (const [id, event] of first) {
            expect(agreed(second.get(id)!)).toEqual(agreed(event));
            expect(maintenanceEventSchema.safeParse(event).success).toBe(true);
            expect(Date.parse(event.endsAtUtc)).toBeGreaterThan(Date.parse(event.startsAtUtc));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('property: corrections read in any order, any number of times, give the calendar of the newest version', () => {
    // Some messages are corrected in place: the same ts again, other facts, a later edited.ts. Each edit is later than
    // every message (Slack's clock moves on) and its own (half-second offsets never equal a whole-second ts).
    const withCorrections = anyMessages().chain((list) =>
      fc.array(fc.tuple(fc.nat(), anyMessages()), { maxLength: 4 }).map((edits) => [
        ...list,
        ...edits.map(([pick, [other]], n) => {
          const original = list[pick % list.length]!;
          return {
            ...other!,
            ts: original.ts,
            heraldId: original.heraldId,
            editedTs: msToTs(Date.parse('2026-04-01T00:10:00Z') + n * 1000 + 500),
          };
        }),
      ]),
    );
    fc.assert(
      fc.property(
        withCorrections.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([inOrder, shuffled]) => {
          const first = foldAll(inOrder);
          const second = foldAll([...shuffled, ...shuffled.slice(0, 3)]);
          expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
          for (const [id, event] of first) {
            expect(agreed(second.get(id)!)).toEqual(agreed(event));
            expect(maintenanceEventSchema.safeParse(event).success).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('who has comms for a maintenance, by Slack’s order', () => {
  const LEAD_B = 'U0COMMSLD2';
  const LEAD_C = 'U0ENGINEER';
  const announced = message({ ts: '1776000000.000100' });
  const handover = (ts: string, actor: string, previousOwner: string) => ({
    ...message({ ts, stage: 'handover', owner: actor, previous_owner: previousOwner }),
    actor,
  });
  const byB = handover('1776000100.000100', LEAD_B, LEAD_A);
  const byC = handover('1776000101.000100', LEAD_C, LEAD_A);
  const backToA = handover('1776000200.000100', LEAD_A, LEAD_B);

  it('follows each hand-over that names the owner of the moment, whatever order the messages are read in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([announced, byB, byC, backToA], { minLength: 4, maxLength: 4 }),
        (order) => {
          const event = foldAll(order).get('ev-a');
          // B's was first in Slack; C's named A when B had it, so it lost; then B handed back to A.
          expect(event?.owner).toBe(LEAD_A);
          expect(event?.ownerEvents?.map((known) => known.ts)).toEqual([
            announced.ts,
            byB.ts,
            byC.ts,
            backToA.ts,
          ]);
        },
      ),
    );
    // Without B's, C's named the owner of the moment: C has it.
    expect(foldAll([byC, announced]).get('ev-a')?.owner).toBe(LEAD_C);
  });

  it('moves this Herald’s own event to the lead who took it over, and a repeat changes nothing', () => {
    const mine = makeEvent({ id: 'ev-a', owner: LEAD_A });
    const read = foldAll([announced, byB], mine).get('ev-a');
    expect(read).toMatchObject({ origin: 'local', owner: LEAD_B });
    expect(mergeMaintenanceMessage(read, byB)).toBe(read);
  });

  it('counts this Herald’s take-over at once, until Slack shows it or an earlier one', () => {
    const seen = foldAll([announced]).get('ev-a');
    if (seen === undefined) throw new Error('not merged');
    const pending = {
      ...seen,
      pendingHandover: { heraldId: byC.heraldId, owner: LEAD_C, previousOwner: LEAD_A },
    };
    expect(settleOwner(pending).owner).toBe(LEAD_C);
    // B's was first in Slack: once C's own note is read back, C's pending take-over is settled as lost.
    const settled = foldAll([byB, byC], pending).get('ev-a');
    expect(settled).toMatchObject({ owner: LEAD_B, pendingHandover: null });
    expect(maintenanceEventSchema.safeParse(settled).success).toBe(true);
  });
});
