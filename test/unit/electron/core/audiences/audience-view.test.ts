// What each audience last heard, derived: the ledger keeps each channel's
// latest message whatever order messages arrive in (property test), and the
// derivation flags every way a channel is out of step — an old window after a
// reschedule, a cancelled event still announced, an incident resolved in one
// channel and open in another, a passed promise, a channel never told.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  noteMessage,
  pruneLedger,
  KEEP_MS,
  type NoteInput,
  type StoredLedger,
} from '../../../../../electron/core/audiences/audience-ledger.ts';
import {
  deriveAudiences,
  nextChangeMs,
  OTHER_AUDIENCE,
  type DerivationInput,
  type EventFacts,
} from '../../../../../electron/core/audiences/audience-view.ts';
import { defaultLeadTimes } from '../../../../../shared/calendar/comms-schedule.ts';
import type { Incident } from '../../../../../shared/incidents/incident.ts';
import { resetToDefaultPlan, type Plan } from '../../../../../shared/plan/index.ts';
import type { MessageFacts } from '../../../../../shared/team-sync/message-facts.ts';

const UPDATE = 'operations-engineering-update';
const NOW = Date.parse('2026-12-14T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;
const DAY = 86_400_000;

function planWithIncidentChannels(...channels: string[]): Plan {
  const plan = resetToDefaultPlan();
  return {
    ...plan,
    types: plan.types.map((type) =>
      type.id === 'incidents'
        ? { ...type, destinations: channels.map((channel) => ({ kind: 'slack' as const, channel })) }
        : type,
    ),
  };
}

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    service: 'Sentry',
    title: 'High Priority Incident Declared - Sentry',
    state: 'open',
    channel: UPDATE,
    declaredAtUtc: iso(NOW - 60 * MIN),
    resolvedAtUtc: null,
    declarationOutboxId: 'out-1',
    threadTs: '1797238800.000100',
    nextUpdateAtUtc: iso(NOW + 30 * MIN),
    postmortemUrl: null,
    timeline: [],
    priority: 'high',
    carried: { fields: {}, notApplicable: {} },
    owner: 'U0COMMSLEAD',
    origin: 'local',
    slackEvents: [],
    ownershipNotice: null,
    status: 'investigating',
    headlineText: null,
    ...overrides,
  };
}

const event = (overrides: Partial<EventFacts> = {}): EventFacts => ({
  id: 'evt-1',
  title: 'Certificate Manager Upgrade',
  status: 'announced',
  startsAtUtc: '2026-12-23T12:00:00.000Z',
  endsAtUtc: '2026-12-23T14:00:00.000Z',
  timeZone: 'Europe/London',
  channels: [],
  sentStages: {},
  ...overrides,
});

const incidentFacts = (stage: string, promise: string): MessageFacts => ({
  kind: 'incident',
  actor: 'U0COMMSLEAD',
  incident: {
    id: 'inc-1',
    stage: stage as 'update',
    priority: 'high',
    title: 'Sentry',
    service: 'Sentry',
    next_update_at: promise,
    owner: 'U0COMMSLEAD',
    previous_owner: '',
  },
});

const maintenanceFacts = (
  startsAt: string,
  endsAt: string,
  stage = 'announcement',
  status = 'announced',
): MessageFacts => ({
  kind: 'maintenance',
  actor: 'U0COMMSLEAD',
  maintenance: {
    id: 'evt-1',
    title: 'Certificate Manager Upgrade',
    starts_at: startsAt,
    ends_at: endsAt,
    status,
    stage,
    zone: 'Europe/London',
    owner: 'U0COMMSLEAD',
  },
  comms: [],
});

let tsCounter = 1_797_238_800;
function note(channel: string, facts: MessageFacts, overrides: Partial<NoteInput> = {}): NoteInput {
  tsCounter += 1;
  return {
    channel,
    heraldId: `h-${tsCounter}`,
    ts: `${tsCounter}.000100`,
    atUtc: iso(tsCounter * 1000),
    permalink: null,
    via: 'team',
    actor: 'U0COMMSLEAD',
    facts,
    status: null,
    ...overrides,
  };
}

function derive(ledger: StoredLedger, overrides: Partial<DerivationInput> = {}) {
  return deriveAudiences({
    plan: resetToDefaultPlan(),
    nowMs: NOW,
    incidents: [],
    events: [],
    leadTimes: defaultLeadTimes,
    heardOf: (key) => ledger.subjects[key] ?? {},
    pendingFor: () => null,
    ...overrides,
  });
}

const fold = (notes: readonly NoteInput[]) =>
  notes.reduce<StoredLedger>((ledger, input) => noteMessage(ledger, input), { subjects: {} });

describe('the ledger of what each channel last heard', () => {
  it('keeps the latest message by Slack order, whatever order and however often messages arrive', () => {
    const noteArb = fc
      .record({
        sec: fc.integer({ min: 1_790_000_000, max: 1_800_000_000 }),
        channel: fc.constantFrom(UPDATE, 'ask-comms', '#Ask-Comms'),
        stage: fc.constantFrom('declared', 'update', 'resolved'),
        id: fc.integer({ min: 1, max: 8 }),
      })
      .map(({ sec, channel, stage, id }) =>
        note(channel, incidentFacts(stage, ''), { heraldId: `h-${id}-${sec}`, ts: `${sec}.000100` }),
      );
    fc.assert(
      fc.property(fc.array(noteArb, { minLength: 1, maxLength: 30 }), fc.integer(), (notes, seed) => {
        const shuffled = [...notes, ...notes.slice(0, 3)].sort(
          (a, b) =>
            ((a.heraldId.length * seed) % 7) - ((b.heraldId.length * seed) % 7) || (seed % 2 ? 1 : -1),
        );
        expect(fold(shuffled)).toEqual(fold(notes));
        const channels = fold(notes).subjects['incident:inc-1'] ?? {};
        for (const [channel, record] of Object.entries(channels)) {
          const newest = notes
            .filter((input) => input.channel.replace(/^#/, '').toLowerCase() === channel)
            .map((input) => Number(input.ts))
            .sort((a, b) => b - a)[0];
          expect(Number(record.ts)).toBe(newest);
        }
      }),
    );
  });

  it('keeps what this Herald knew of its own message when the sync reads it back', () => {
    const sent = note(UPDATE, incidentFacts('update', ''), {
      via: 'here',
      status: 'monitoring',
      permalink: 'https://x/p1',
    });
    const readBack = { ...sent, via: 'team' as const, status: null, permalink: null };
    const ledger = fold([sent, readBack]);
    expect(ledger.subjects['incident:inc-1']?.[UPDATE]).toMatchObject({
      via: 'here',
      status: 'monitoring',
      permalink: 'https://x/p1',
    });
    expect(noteMessage(ledger, readBack)).toBe(ledger);
  });

  it('forgets subjects nobody has heard of for a long time', () => {
    const old = note(UPDATE, incidentFacts('update', ''), { atUtc: iso(NOW - KEEP_MS - DAY) });
    const fresh = note(UPDATE, maintenanceFacts('2026-12-23T12:00:00Z', ''), { atUtc: iso(NOW - DAY) });
    expect(Object.keys(pruneLedger(fold([old, fresh]), NOW).subjects)).toEqual(['maintenance:evt-1']);
  });
});

describe('flags on a maintenance event', () => {
  it('flags a channel still holding the old window after a reschedule, and clears once it heard the new one', () => {
    const told = fold([
      note(UPDATE, maintenanceFacts('2026-12-23T12:00:00.000Z', '2026-12-23T14:00:00.000Z')),
    ]);
    const moved = event({
      startsAtUtc: '2026-12-30T12:00:00.000Z',
      endsAtUtc: '2026-12-30T14:00:00.000Z',
      status: 'rescheduled',
    });
    const view = derive(told, { events: [moved] });
    expect(view.flags).toHaveLength(1);
    expect(view.flags[0]).toMatchObject({
      kind: 'stale_window',
      channel: UPDATE,
      audience: 'Service teams',
      heard: { claims: { startsAtUtc: '2026-12-23T12:00:00.000Z' } },
      truth: { startsAtUtc: '2026-12-30T12:00:00.000Z' },
    });
    const row = view.audiences[0]?.channels[0]?.subjects[0];
    expect(row?.flagIds).toEqual([view.flags[0]?.id]);

    const corrected = noteMessage(
      told,
      note(
        UPDATE,
        maintenanceFacts(
          '2026-12-30T12:00:00.000Z',
          '2026-12-30T14:00:00.000Z',
          'rescheduled',
          'rescheduled',
        ),
      ),
    );
    expect(derive(corrected, { events: [moved] }).flags).toEqual([]);
  });

  it('flags a channel that was never told once the plan’s announcement is due, and says when before then', () => {
    const early = derive({ subjects: {} }, { events: [event()], nowMs: Date.parse('2026-12-10T09:00:00Z') });
    expect(early.flags).toEqual([]);
    expect(early.audiences[0]?.channels[0]?.subjects[0]).toMatchObject({
      heard: null,
      dueAtUtc: '2026-12-16T12:00:00.000Z',
    });
    expect(nextChangeMs(early, Date.parse('2026-12-10T09:00:00Z'))).toBe(Date.parse('2026-12-16T12:00:00Z'));
    const due = derive({ subjects: {} }, { events: [event()], nowMs: Date.parse('2026-12-17T09:00:00Z') });
    expect(due.flags.map((flag) => [flag.kind, flag.channel, flag.sinceUtc])).toEqual([
      ['not_told', UPDATE, '2026-12-16T12:00:00.000Z'],
    ]);
  });

  it('flags the event’s other channel once one was announced, even before the plan’s due time', () => {
    const told = fold([
      note(UPDATE, maintenanceFacts('2026-12-23T12:00:00.000Z', '2026-12-23T14:00:00.000Z')),
    ]);
    const twoChannels = event({
      channels: [UPDATE, 'ask-comms'],
      sentStages: { announcement: iso(NOW - DAY) },
    });
    const view = derive(told, { events: [twoChannels], nowMs: Date.parse('2026-12-10T09:00:00Z') });
    expect(view.flags.map((flag) => [flag.kind, flag.channel])).toEqual([['not_told', 'ask-comms']]);
  });

  it('flags a cancelled event still announced in a channel; a channel never told needs nothing', () => {
    const told = fold([
      note(UPDATE, maintenanceFacts('2026-12-23T12:00:00.000Z', '2026-12-23T14:00:00.000Z')),
    ]);
    const cancelled = event({ status: 'cancelled', channels: [UPDATE, 'ask-comms'] });
    expect(derive(told, { events: [cancelled] }).flags.map((flag) => [flag.kind, flag.channel])).toEqual([
      ['stale_cancelled', UPDATE],
    ]);
    const notified = noteMessage(
      told,
      note(UPDATE, maintenanceFacts('2026-12-23T12:00:00.000Z', '', 'cancelled', 'cancelled')),
    );
    const view = derive(notified, { events: [cancelled] });
    expect(view.flags).toEqual([]);
    // A cancelled event that every channel knows about is no longer shown.
    expect(view.audiences).toEqual([]);
  });
});

describe('flags on an incident', () => {
  const plan = planWithIncidentChannels(UPDATE, 'ask-comms');

  it('flags a channel the plan tells that has not heard of an open incident', () => {
    const ledger = fold([note(UPDATE, incidentFacts('declared', iso(NOW + 30 * MIN)))]);
    const view = derive(ledger, { plan, incidents: [incident()] });
    expect(view.flags.map((flag) => [flag.kind, flag.channel])).toEqual([['not_told', 'ask-comms']]);
    expect(view.audiences.map((group) => group.audience)).toEqual(['Service teams']);
    expect(view.audiences[0]?.channels.map((channel) => channel.channel)).toEqual([UPDATE, 'ask-comms']);
  });

  it('flags an incident resolved in one channel but open in another, naming where it was resolved', () => {
    const ledger = fold([
      note(UPDATE, incidentFacts('declared', iso(NOW + 30 * MIN))),
      note('ask-comms', incidentFacts('update', iso(NOW + 30 * MIN)), { status: 'investigating' }),
      note(UPDATE, incidentFacts('resolved', '')),
    ]);
    const resolved = incident({
      state: 'resolved',
      status: 'resolved',
      resolvedAtUtc: iso(NOW - MIN),
      nextUpdateAtUtc: null,
    });
    const view = derive(ledger, { plan, incidents: [resolved] });
    expect(view.flags).toHaveLength(1);
    expect(view.flags[0]).toMatchObject({
      kind: 'resolved_elsewhere',
      channel: 'ask-comms',
      elsewhere: UPDATE,
      heard: { claims: { stage: 'update', status: 'investigating' } },
    });
    const fixed = noteMessage(ledger, note('ask-comms', incidentFacts('resolved', '')));
    const after = derive(fixed, { plan, incidents: [resolved] });
    expect(after.flags).toEqual([]);
    expect(after.audiences).toEqual([]);
  });

  it('flags a promise that has passed in a channel with nothing since, and wakes when it passes', () => {
    const promise = iso(NOW + 10 * MIN);
    const ledger = fold([
      note(UPDATE, incidentFacts('declared', promise)),
      note('ask-comms', incidentFacts('update', promise)),
    ]);
    const before = derive(ledger, { plan, incidents: [incident()] });
    expect(before.flags).toEqual([]);
    expect(nextChangeMs(before, NOW)).toBe(Date.parse(promise));
    const after = derive(ledger, { plan, incidents: [incident()], nowMs: NOW + 11 * MIN });
    expect(after.flags.map((flag) => [flag.kind, flag.channel, flag.sinceUtc])).toEqual([
      ['promise_passed', 'ask-comms', promise],
      ['promise_passed', UPDATE, promise],
    ]);
  });

  it('puts a channel that heard of it outside the plan under other channels, and marks a fix on its way', () => {
    const ledger = fold([
      note(UPDATE, incidentFacts('declared', iso(NOW + 30 * MIN))),
      note('general', incidentFacts('update', '')),
    ]);
    const view = derive(ledger, {
      incidents: [incident()],
      pendingFor: (key, channel) => (key === 'incident:inc-1' && channel === 'general' ? 'out-9' : null),
      nowMs: NOW,
    });
    expect(view.audiences.map((group) => group.audience)).toEqual(['Service teams', OTHER_AUDIENCE]);
    expect(view.flags).toEqual([]);
    const resolved = incident({
      state: 'resolved',
      status: 'resolved',
      resolvedAtUtc: iso(NOW),
      nextUpdateAtUtc: null,
    });
    const late = fold([
      note(UPDATE, incidentFacts('resolved', '')),
      note('general', incidentFacts('update', '')),
    ]);
    expect(
      derive(late, {
        incidents: [resolved],
        pendingFor: (_key, channel) => (channel === 'general' ? 'out-9' : null),
      }).flags,
    ).toMatchObject([{ kind: 'resolved_elsewhere', channel: 'general', fixOutboxItemId: 'out-9' }]);
  });
});
