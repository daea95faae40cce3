// Metadata is read from Slack, where anyone (another app, a hand-made
// message, a newer or older Herald) may have written it: reading never
// throws, keeps only what this version knows, and refuses what fails it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HERALD_EVENT_TYPE,
  heraldMetadata,
  messageFactsSchema,
  readHeraldMetadata,
  type MessageFacts,
} from '../../../../shared/team-sync/message-facts.ts';

const incident: MessageFacts = {
  kind: 'incident',
  actor: 'U0COMMSLEAD',
  incident: {
    id: 'inc-1',
    stage: 'declared',
    priority: 'High Priority',
    title: 'High Priority Incident Declared - Sentry',
    service: 'Sentry',
    next_update_at: '2026-04-23T11:30:00.000Z',
    owner: 'U0COMMSLEAD',
    previous_owner: '',
  },
};
const maintenance: MessageFacts = {
  kind: 'maintenance',
  actor: 'U0COMMSLD2',
  maintenance: {
    id: 'ev-1',
    title: 'Certificate Manager Upgrade',
    starts_at: '2026-04-23T11:00:00.000Z',
    ends_at: '2026-04-23T13:00:00.000Z',
    status: 'scheduled',
    stage: 'announcement',
    zone: 'Europe/London',
    owner: 'U0COMMSLD2',
  },
  comms: [{ stage: 'announcement', due_at: '2026-04-16T11:00:00.000Z', is_sent: true }],
};

describe('Herald message metadata', () => {
  it('round-trips incident and maintenance facts in Slack’s payload shape (flat objects, arrays of flat objects)', () => {
    for (const facts of [incident, maintenance]) {
      const metadata = heraldMetadata('h-1', facts);
      expect(metadata.event_type).toBe(HERALD_EVENT_TYPE);
      for (const value of Object.values(metadata.event_payload)) {
        const nested = Array.isArray(value) ? value : [value];
        for (const item of nested) {
          if (typeof item === 'object' && item !== null)
            expect(Object.values(item).every((leaf) => typeof leaf !== 'object')).toBe(true);
        }
      }
      expect(readHeraldMetadata(JSON.parse(JSON.stringify(metadata)))).toEqual({
        kind: 'herald',
        heraldId: 'h-1',
        version: 1,
        facts,
      });
    }
  });

  it('reads a newer Herald’s payload for the fields it knows, and an older one’s herald_id only', () => {
    const newer = heraldMetadata('h-2', incident);
    newer.event_payload.schema_version = 7;
    newer.event_payload.incident = { ...(newer.event_payload.incident as object), severity_score: 9 };
    newer.event_payload.brand_new = { x: 1 };
    expect(readHeraldMetadata(newer)).toEqual({
      kind: 'herald',
      heraldId: 'h-2',
      version: 7,
      facts: incident,
    });
    expect(
      readHeraldMetadata({ event_type: HERALD_EVENT_TYPE, event_payload: { herald_id: 'old' } }),
    ).toEqual({
      kind: 'herald',
      heraldId: 'old',
      version: 0,
      facts: null,
    });
  });

  it('carries what the event panel shows (kind of work, services, impact…), and still reads an older payload without it', () => {
    const detailed: MessageFacts = {
      ...maintenance,
      maintenance: {
        ...maintenance.maintenance,
        work_kind: 'upgrade',
        services: [{ name: 'Certificate Manager' }, { name: 'Sentry' }],
        impact: 'Certificates cannot be issued for two hours.',
        user_actions: 'Renew before Thursday.',
        user_action_deadline: '2026-04-22T17:00:00.000Z',
        change_notes_url: 'https://example.org/notes',
      },
    };
    const metadata = JSON.parse(JSON.stringify(heraldMetadata('h-4', detailed))) as {
      event_payload: { maintenance: Record<string, unknown> };
    };
    expect(readHeraldMetadata(metadata)).toMatchObject({ facts: detailed });
    // A newer Herald's extra field inside a service is dropped, not fatal; an older one's payload has none of them.
    (metadata.event_payload.maintenance.services as Record<string, unknown>[])[0]!.tier = 'gold';
    expect(readHeraldMetadata(metadata)).toMatchObject({ facts: detailed });
    const older = heraldMetadata('h-5', maintenance);
    expect(readHeraldMetadata(older)).toMatchObject({ facts: maintenance });
    // A detail that fails the schema (an impact longer than a message can carry) fails the facts, never the sync.
    const tooLong = heraldMetadata('h-6', {
      ...detailed,
      maintenance: { ...detailed.maintenance, impact: 'x'.repeat(3001) },
    });
    expect(readHeraldMetadata(tooLong)).toMatchObject({ kind: 'herald', facts: null });
  });

  it('refuses facts that fail the schema, and calls anything else foreign', () => {
    const bad = heraldMetadata('h-3', incident);
    (bad.event_payload.incident as Record<string, unknown>).owner = '<script>';
    expect(readHeraldMetadata(bad)).toMatchObject({ kind: 'herald', heraldId: 'h-3', facts: null });
    expect(readHeraldMetadata({ event_type: 'task_created', event_payload: { id: 'TK-1' } })).toEqual({
      kind: 'foreign',
    });
    expect(readHeraldMetadata(undefined)).toEqual({ kind: 'foreign' });
    expect(readHeraldMetadata({ event_type: HERALD_EVENT_TYPE })).toEqual({ kind: 'foreign' });
  });

  it('never throws on random payloads, and whatever facts it returns pass the schema', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const flat = fc.dictionary(fc.string(), leaf);
    const subjectKeys = fc.constantFrom('id', 'stage', 'owner', 'next_update_at', 'previous_owner', 'title');
    const nearlyIncident = fc.record({
      id: fc.oneof(fc.string(), fc.constant('inc-1')),
      stage: fc.oneof(fc.string(), fc.constantFrom('declared', 'update', 'handover', 'resolved')),
      owner: fc.oneof(fc.string(), fc.constantFrom('U0COMMSLEAD', '')),
      next_update_at: fc.oneof(
        fc.string(),
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString())),
      ),
    });
    const nearlyMaintenance = fc.record({
      id: fc.constant('ev-1'),
      title: fc.string(),
      starts_at: fc.oneof(fc.string(), fc.constant('2026-04-23T11:00:00.000Z')),
      ends_at: fc.constant(''),
      status: fc.constantFrom('planned', 'announced'),
      stage: fc.string(),
      zone: fc.constant('Europe/London'),
      owner: fc.constantFrom('U0COMMSLEAD', ''),
      work_kind: fc.oneof(fc.string(), leaf, fc.constantFrom('upgrade', 'migration')),
      services: fc.oneof(leaf, fc.array(fc.oneof(flat, fc.record({ name: fc.string() })), { maxLength: 4 })),
      impact: leaf,
      user_action_deadline: fc.oneof(leaf, fc.constant('')),
    });
    const payload = fc.record(
      {
        herald_id: fc.oneof(fc.string(), fc.integer(), fc.constant('h')),
        schema_version: fc.oneof(fc.integer(), fc.double(), fc.string()),
        subject_kind: fc.oneof(fc.string(), fc.constantFrom('incident', 'maintenance')),
        actor: fc.oneof(fc.string(), fc.constant('U0COMMSLEAD')),
        incident: fc.oneof(flat, nearlyIncident, fc.dictionary(subjectKeys, leaf)),
        maintenance: fc.oneof(flat, nearlyMaintenance),
        comms: fc.oneof(fc.array(flat), leaf),
      },
      { requiredKeys: [] },
    );
    const metadata = fc.oneof(
      fc.anything(),
      fc.record({
        event_type: fc.oneof(fc.string(), fc.constant(HERALD_EVENT_TYPE)),
        event_payload: payload,
      }),
    );
    fc.assert(
      fc.property(metadata, (raw) => {
        const read = readHeraldMetadata(raw);
        if (read.kind === 'herald' && read.facts !== null)
          expect(messageFactsSchema.safeParse(read.facts).success).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
