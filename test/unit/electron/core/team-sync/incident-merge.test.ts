// Merging is a fold over Slack's log: any messages, in any order, any number
// of times, give the same record, and the record always passes its schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentSchema, type Incident } from '../../../../../shared/incidents/incident.ts';
import { currentIncidentName } from '../../../../../shared/incidents/incident-name.ts';
import { incidentStages } from '../../../../../shared/team-sync/message-facts.ts';
import {
  mergeIncidentMessage,
  ownershipOf,
  type IncidentMessage,
} from '../../../../../electron/core/team-sync/incident-merge.ts';

const leads = ['U0COMMSLEAD', 'U0COMMSLD2', 'U0ENGINEER', ''];
const messageArb: fc.Arbitrary<IncidentMessage> = fc
  .record({
    sec: fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }),
    micro: fc.integer({ min: 0, max: 999_999 }),
    heraldId: fc.uuid(),
    actor: fc.constantFrom(...leads),
    stage: fc.constantFrom(...incidentStages),
    owner: fc.constantFrom(...leads),
    previousOwner: fc.constantFrom(...leads),
    promiseMs: fc.option(fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 })),
    title: fc.string({ maxLength: 600 }),
    messageTitle: fc.option(fc.string({ maxLength: 500 })),
  })
  .map((m) => ({
    ts: `${m.sec}.${String(m.micro).padStart(6, '0')}`,
    threadTs: '1700000000.000001',
    channel: 'operations-engineering-update',
    heraldId: m.heraldId,
    actor: m.actor,
    facts: {
      id: 'inc-1',
      stage: m.stage,
      priority: '',
      title: m.title.slice(0, 500),
      service: 'Sentry',
      next_update_at: m.promiseMs === null ? '' : new Date(m.promiseMs).toISOString(),
      owner: m.owner,
      previous_owner: m.previousOwner,
      // An older Herald's message has no title of its own.
      ...(m.messageTitle === null ? {} : { message_title: m.messageTitle }),
    },
  }));

const fold = (messages: readonly IncidentMessage[]): Incident | undefined =>
  messages.reduce<Incident | undefined>(
    (record, message) => mergeIncidentMessage(record, message),
    undefined,
  );

const shared = (incident: Incident | undefined) =>
  incident && {
    owner: incident.owner,
    state: incident.state,
    nextUpdateAtUtc: incident.nextUpdateAtUtc,
    events: incident.slackEvents.map((event) => event.heraldId),
  };

describe('folding Slack’s messages into an incident', () => {
  it('passes the schema, ignores repeats, and does not depend on the order pages arrive in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(messageArb, { minLength: 1, maxLength: 12, selector: (m) => m.heraldId }),
        fc.infiniteStream(fc.nat()),
        (messages, randoms) => {
          const inOrder = fold(messages);
          expect(incidentSchema.safeParse(inOrder).success).toBe(true);
          const shuffled = [...messages].sort(() => (randoms.next().value % 3) - 1);
          const withRepeats = [...shuffled, ...messages.slice(0, 3)];
          // The first message seen seeds the record (title, origin); the shared facts come from the log alone.
          expect(shared(fold(withRepeats))).toEqual(shared(inOrder));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any interleaving of edits and replays ends with each message’s newest edit (last edited.ts wins)', () => {
    // Each message in up to four versions: as posted, then edits with later edited.ts and other facts.
    const versionsArb = fc
      .tuple(
        messageArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 999_999 }), { maxLength: 3 }),
        fc.array(fc.option(fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 })), {
          minLength: 3,
          maxLength: 3,
        }),
      )
      .map(([posted, editMicros, promises]) => [
        posted,
        ...[...editMicros]
          .sort((a, b) => a - b)
          .map((micro, at): IncidentMessage => {
            const promiseMs = promises[at] ?? null;
            return {
              ...posted,
              editedTs: `1800000001.${String(micro).padStart(6, '0')}`,
              facts: {
                ...posted.facts,
                priority: `P${at}`,
                next_update_at: promiseMs === null ? '' : new Date(promiseMs).toISOString(),
              },
            };
          }),
      ]);
    const facts = (incident: Incident | undefined) =>
      incident && {
        ...shared(incident),
        promises: incident.slackEvents.map((event) => [
          event.heraldId,
          event.nextUpdateAtUtc,
          event.editedTs,
        ]),
        timeline: incident.timeline
          .map((entry) => [entry.outboxItemId, entry.nextUpdateAtUtc])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      };
    fc.assert(
      fc.property(
        fc.uniqueArray(versionsArb, {
          minLength: 1,
          maxLength: 8,
          selector: (versions) => versions[0]!.heraldId,
        }),
        fc.infiniteStream(fc.nat()),
        (messages, randoms) => {
          const newest = fold(messages.map((versions) => versions.at(-1)!));
          const everyVersion = messages.flat();
          const shuffled = [...everyVersion, ...everyVersion.slice(0, 4)].sort(
            () => (randoms.next().value % 3) - 1,
          );
          const interleaved = fold(shuffled);
          expect(incidentSchema.safeParse(interleaved).success).toBe(true);
          expect(facts(interleaved)).toEqual(facts(newest));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a corrected promise read again moves the incident’s promise, and an older version read later changes nothing', () => {
    const declared: IncidentMessage = {
      ts: '1776945600.000100',
      threadTs: '1776945600.000100',
      channel: 'operations-engineering-update',
      heraldId: 'declaration',
      actor: 'U0COMMSLEAD',
      facts: {
        id: 'inc-1',
        stage: 'declared',
        priority: 'high',
        title: 'High Priority Incident Declared - Sentry',
        service: 'Sentry',
        next_update_at: '2026-04-23T12:30:00.000Z',
        owner: 'U0COMMSLEAD',
        previous_owner: '',
      },
    };
    const corrected: IncidentMessage = {
      ...declared,
      editedTs: '1776945900.000200',
      facts: { ...declared.facts, priority: 'medium', next_update_at: '2026-04-23T12:45:00.000Z' },
    };
    const first = mergeIncidentMessage(undefined, declared);
    const moved = mergeIncidentMessage(first, corrected);
    expect(moved).toMatchObject({ nextUpdateAtUtc: '2026-04-23T12:45:00.000Z', priority: 'medium' });
    expect(moved.timeline[0]?.nextUpdateAtUtc).toBe('2026-04-23T12:45:00.000Z');
    expect(mergeIncidentMessage(moved, declared)).toBe(moved);
    expect(mergeIncidentMessage(moved, corrected)).toBe(moved);
  });

  it('names another lead’s incident after its latest message’s own title, or the incident’s from an older Herald', () => {
    const message = (ts: string, stage: 'declared' | 'update' | 'resolved', messageTitle?: string) => ({
      ts,
      threadTs: '1700000000.000001',
      channel: 'operations-engineering-update',
      heraldId: `herald-${ts}`,
      actor: 'U0COMMSLEAD',
      facts: {
        id: 'inc-1',
        stage,
        priority: 'High Priority',
        title: 'High Priority Incident Declared - Sentry',
        service: 'Sentry',
        next_update_at: stage === 'resolved' ? '' : '2026-04-23T12:30:00.000Z',
        owner: 'U0COMMSLEAD',
        previous_owner: '',
        ...(messageTitle === undefined ? {} : { message_title: messageTitle }),
      },
    });
    const declared = fold([message('1700000000.000001', 'declared')]);
    expect(currentIncidentName(declared!)).toBe('High Priority Incident Declared - Sentry');
    const updated = mergeIncidentMessage(
      declared,
      message('1700000100.000001', 'update', 'Incident Update - Sentry'),
    );
    expect(currentIncidentName(updated)).toBe('Incident Update - Sentry');
    const resolved = mergeIncidentMessage(
      updated,
      message('1700000200.000001', 'resolved', 'Incident Resolved - Sentry'),
    );
    expect(currentIncidentName(resolved)).toBe('Incident Resolved - Sentry');
    // The incident keeps its declaration's title; only its name follows the stage.
    expect(resolved.title).toBe('High Priority Incident Declared - Sentry');
  });

  it('lets the first of two simultaneous take-overs win, by ts', () => {
    const base = {
      heraldId: '',
      actor: '',
      owner: '',
      previousOwner: '',
      nextUpdateAtUtc: null,
      summary: '',
    };
    const events = [
      { ...base, ts: '1.000001', heraldId: 'd', stage: 'declared' as const, actor: 'UA1', owner: 'UA1' },
      {
        ...base,
        ts: '2.000001',
        heraldId: 'c',
        stage: 'handover' as const,
        actor: 'UC1',
        owner: 'UC1',
        previousOwner: 'UA1',
      },
      {
        ...base,
        ts: '2.000000',
        heraldId: 'b',
        stage: 'handover' as const,
        actor: 'UB1',
        owner: 'UB1',
        previousOwner: 'UA1',
      },
    ];
    expect(ownershipOf(events, '')).toEqual({
      owner: 'UB1',
      refused: [{ ts: '2.000001', actor: 'UC1', winner: 'UB1' }],
    });
  });
});
