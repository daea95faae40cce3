// A year of Herald in one data folder, for the benchmarks that must not
// flatter an empty one: 10,000 sent messages in history, 1,000 drafts,
// 5,000 maintenance events and 1,000 messages queued in the outbox. History
// is written as one stored file before the core opens (sending 10,000 real
// messages would take the benchmark's whole budget); everything else goes
// through the same API and services the app uses.
import { exportIcs } from '../../electron/core/calendar/ics/ics-export.ts';
import { createTestClock } from '../../electron/core/clock/test-clock.ts';
import { historyStoreDefinition } from '../../electron/core/history/history-service.ts';
import { openVersionedStore } from '../../electron/core/storage/versioned-store.ts';
import { createConfBackend } from '../../electron/harness/start-harness.ts';
import type { MaintenanceEvent } from '../../shared/calendar/maintenance-event.ts';
import type { HistoryEntry } from '../../shared/history/history-entry.ts';
import { makeCore } from '../../test/support/core-fixture.ts';

export const LARGE_FOLDER = { sent: 10_000, drafts: 1_000, events: 5_000, queued: 1_000 } as const;

/** The clock stands after every seeded event, so none of their messages is armed as a reminder while seeding. */
const NOW_UTC = '2027-03-01T09:00:00.000Z';
const IMPORT_BATCH = 500;
const SERVICES = ['cert-manager', 'ingress', 'dns', 'github', 'sentry', 'kubernetes', 'rds', 'vault', 'concourse', 'grafana'];

function sentEntry(index: number): HistoryEntry {
  const sentMs = Date.parse('2026-03-01T09:00:00.000Z') + index * 45 * 60_000;
  const service = SERVICES[index % SERVICES.length]!;
  return {
    id: `bench-sent-${index}`,
    channelId: `C0BENCH${index % 7}`,
    channelName: `operations-engineering-${index % 7}`,
    text: `*${service} upgrade ${index}*\nWe upgraded ${service} in every environment. Nothing for you to do; ask in #ask-operations-engineering if anything looks odd.`,
    ts: `${Math.floor(sentMs / 1000)}.${String(index).padStart(6, '0')}`,
    threadTs: null,
    replyBroadcast: false,
    permalink: `https://example.slack.com/archives/C0BENCH${index % 7}/p${Math.floor(sentMs / 1000)}${String(index).padStart(6, '0')}`,
    sentAtUtc: new Date(sentMs).toISOString(),
    via: 'post',
    source: { typeId: 'upgrades-maintenance', stage: 'complete' },
    checklist: ['subject', 'workKind', 'startsAtUtc', 'endsAtUtc', 'what', 'impact'].map((itemId) => ({ itemId, label: itemId, state: 'done' as const, required: true })),
    override: null,
  };
}

function event(index: number): MaintenanceEvent {
  const startMs = Date.UTC(2026, index % 12, 1 + (index % 28), 7 + (index % 10), (index % 4) * 15);
  const service = SERVICES[index % SERVICES.length]!;
  return {
    id: `bench-event-${index}`,
    uid: `bench-event-${index}@herald`,
    sequence: 0,
    status: 'planned',
    sentStages: {},
    previousStartsAtUtc: null,
    previousEndsAtUtc: null,
    changeReason: '',
    createdAtUtc: '2026-01-01T09:00:00.000Z',
    updatedAtUtc: '2026-01-01T09:00:00.000Z',
    title: `${service} maintenance ${index + 1}`,
    workKind: 'maintenance',
    what: `Routine maintenance of ${service}.`,
    why: '',
    startsAtUtc: new Date(startMs).toISOString(),
    endsAtUtc: new Date(startMs + 60 * 60_000).toISOString(),
    timeZone: 'Europe/London',
    services: [service],
    impact: 'Short pauses are possible.',
    userActions: '',
    userActionDeadlineUtc: null,
    changeNotesUrl: '',
    channels: [],
  };
}

/**
 * Fills `dataDir` and returns a core over it with the last draft open
 * (drafts:setCurrent), ready to serve the renderer.
 */
export async function openLargeFolder(dataDir: string): Promise<ReturnType<typeof makeCore> & { currentDraftId: string }> {
  const history = openVersionedStore(historyStoreDefinition, { dataDir, createBackend: createConfBackend, nowMs: () => Date.parse(NOW_UTC), onQuarantine: () => {} });
  history.write({ entries: Array.from({ length: LARGE_FOLDER.sent }, (_, index) => sentEntry(index)) });

  const world = makeCore({ dataDir, clock: createTestClock(Date.parse(NOW_UTC)) });
  const { core } = world;
  const plan = await core.router.call('plan:get', {});
  if (!plan.ok) throw new Error(plan.error.message);
  const typeIds = plan.value.types.filter((type) => !type.isRetired).map((type) => type.id);
  let currentDraftId = '';
  for (let index = 0; index < LARGE_FOLDER.drafts; index++) {
    const created = await core.router.call('drafts:create', { typeId: typeIds[index % typeIds.length]!, title: `Draft ${index + 1}` });
    if (!created.ok) throw new Error(`drafts:create: ${created.error.message}`);
    currentDraftId = created.value.draft.id;
  }
  for (let first = 0; first < LARGE_FOLDER.events; first += IMPORT_BATCH) {
    const batch = Array.from({ length: IMPORT_BATCH }, (_, offset) => event(first + offset));
    const imported = await core.router.call('calendar:import', { ics: exportIcs(batch, NOW_UTC) });
    if (!imported.ok || imported.value.created !== batch.length) throw new Error(`calendar:import: ${JSON.stringify(imported).slice(0, 300)}`);
  }
  // Slack is not connected, so the queue stays as it is: what a lead finds after a long outage.
  for (let index = 0; index < LARGE_FOLDER.queued; index++) {
    const queued = core.outbox.enqueue({ channel: `operations-engineering-${index % 7}`, text: `Queued message ${index + 1}` });
    if (!queued.ok) throw new Error(`outbox enqueue: ${queued.error.message}`);
  }
  const opened = await core.router.call('drafts:setCurrent', { id: currentDraftId });
  if (!opened.ok) throw new Error(opened.error.message);
  return { ...world, currentDraftId };
}
