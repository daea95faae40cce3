// Data folders as a comms lead's Herald has them after months of use, for the
// storage benchmarks: sent messages in history, drafts, calendar events and
// queued messages, written through Herald's own store code (so they are in
// the layout the running version reads), fast enough to build 100,000
// history entries in seconds.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { calendarStoreDefinition } from '../../electron/core/calendar/calendar-store.ts';
import { createDraftFiles } from '../../electron/core/drafts/draft-files.ts';
import { writeSegments } from '../../electron/core/history/history-segments.ts';
import { createOutboxRepository, openOutboxFiles } from '../../electron/core/outbox/outbox-store.ts';
import { openVersionedStore } from '../../electron/core/storage/versioned-store.ts';
import { createConfBackend } from '../../electron/harness/start-harness.ts';
import { createTestClock } from '../../electron/core/clock/test-clock.ts';
import { makeCore } from '../../test/support/core-fixture.ts';
import type { MaintenanceEvent } from '../../shared/calendar/maintenance-event.ts';
import type { StoredDraft } from '../../shared/drafts/stored-draft.ts';
import type { HistoryEntry } from '../../shared/history/history-entry.ts';
import { newQueuedItem } from '../../shared/outbox/new-queued-item.ts';
import { enqueueRequestSchema } from '../../shared/outbox/outbox-requests.ts';
import { BENCH_SERVICES } from './services.ts';

const CHANNELS = [
  'operations-engineering-update',
  'github-community',
  'ask-comms',
  'operations-engineering-team',
  'team-channel-003',
];
/** The first ten: the large folder's figures were measured with these. */
const SERVICES = BENCH_SERVICES.slice(0, 10);
const HOUR_MS = 60 * 60_000;

export interface FolderSizes {
  history: number;
  drafts: number;
  events: number;
  queued: number;
}

export const EMPTY: FolderSizes = { history: 0, drafts: 0, events: 0, queued: 0 };
/** The "large folder": a year or more of a busy comms lead. */
export const LARGE: FolderSizes = { history: 10_000, drafts: 1_000, events: 5_000, queued: 1_000 };

/** `count` sent messages, one every two hours up to `endMs`, each with a checklist as the composer records it. */
export function historyEntries(count: number, endMs: number): HistoryEntry[] {
  return Array.from({ length: count }, (_, n) => {
    const service = SERVICES[n % SERVICES.length]!;
    const channelId = `C0BENCH${n % CHANNELS.length}`;
    const sentMs = endMs - (count - n) * 2 * HOUR_MS;
    return {
      id: `history-${n}`,
      channelId,
      channelName: CHANNELS[n % CHANNELS.length]!,
      text: `*Incident update ${n}: ${service}*\nWe are investigating reports that ${service} is slow for some users. Next update in 30 minutes; no action is needed from you yet.`,
      ts: `${Math.floor(sentMs / 1000)}.${String(n % 1_000_000).padStart(6, '0')}`,
      threadTs: null,
      replyBroadcast: false,
      permalink: `https://bench.slack.com/archives/${channelId}/p${Math.floor(sentMs / 1000)}000100`,
      sentAtUtc: new Date(sentMs).toISOString(),
      via: 'post',
      source: { typeId: 'incidents', stage: 'update', incidentId: `incident-${Math.floor(n / 5)}` },
      checklist: ['service', 'impact', 'nextUpdate', 'actions', 'contact'].map((itemId) => ({
        itemId,
        label: `The ${itemId}`,
        state: 'done',
        required: true,
      })),
      override: null,
      draft: null,
      editedAtUtc: null,
      versions: [],
    } satisfies HistoryEntry;
  });
}

function draft(n: number, nowIso: string): StoredDraft {
  return {
    draft: {
      id: `draft-${n}`,
      typeId: 'incidents',
      stage: 'declared',
      channel: CHANNELS[n % CHANNELS.length]!,
      fields: { service: SERVICES[n % SERVICES.length]!, impact: 'Some users see errors.' },
      notApplicable: {},
      body: `Draft ${n}: notes for the next update.`,
    },
    meta: {
      createdAtUtc: nowIso,
      updatedAtUtc: nowIso,
      revision: 1,
      origin: { kind: 'manual' },
      focusedField: null,
      deletedAtUtc: null,
    },
  };
}

/** How many of the events are still ahead, as a lead's calendar has a few upcoming windows among years of past ones. */
const UPCOMING_EVENTS = 20;

/** One every six hours, ending UPCOMING_EVENTS windows after `nowMs`: the past ones' messages are long sent. */
function event(n: number, count: number, nowMs: number): MaintenanceEvent {
  const startMs = nowMs + (n - (count - UPCOMING_EVENTS)) * 6 * HOUR_MS;
  const service = SERVICES[n % SERVICES.length]!;
  return {
    id: `event-${n}`,
    uid: `event-${n}@herald`,
    sequence: 0,
    status: 'planned',
    sentStages: {},
    previousStartsAtUtc: null,
    previousEndsAtUtc: null,
    changeReason: '',
    createdAtUtc: '2024-12-01T09:00:00.000Z',
    updatedAtUtc: '2024-12-01T09:00:00.000Z',
    title: `${service} maintenance ${n + 1}`,
    workKind: 'maintenance',
    what: `Routine maintenance of ${service}.`,
    why: '',
    startsAtUtc: new Date(startMs).toISOString(),
    endsAtUtc: new Date(startMs + HOUR_MS).toISOString(),
    timeZone: 'Europe/London',
    services: [service],
    impact: 'Short pauses are possible.',
    userActions: '',
    userActionDeadlineUtc: null,
    changeNotesUrl: '',
    channels: [],
    seriesUid: null,
    recurrenceId: null,
    owner: '',
    origin: 'local',
    slackTs: null,
  };
}

/** Fills `dataDir` (created if needed) with the given numbers of records. */
export function fillFolder(dataDir: string, sizes: FolderSizes, nowMs: number): void {
  mkdirSync(dataDir, { recursive: true });
  const context = { nowMs: () => nowMs, onQuarantine: () => undefined };
  if (sizes.history > 0) writeSegments(join(dataDir, 'history'), historyEntries(sizes.history, nowMs));
  if (sizes.drafts > 0) {
    const files = createDraftFiles(dataDir, context);
    for (let n = 0; n < sizes.drafts; n++) files.write(draft(n, new Date(nowMs).toISOString()));
  }
  if (sizes.events > 0) {
    const store = openVersionedStore(calendarStoreDefinition, {
      dataDir,
      createBackend: createConfBackend,
      ...context,
    });
    store.write({
      events: Array.from({ length: sizes.events }, (_, n) => event(n, sizes.events, nowMs)),
      freezes: [],
    });
  }
  if (sizes.queued > 0) {
    // Queued while Slack was unreachable: names not yet resolved to channel ids.
    const repo = createOutboxRepository(
      openOutboxFiles(dataDir, context),
      () => nowMs,
      () => undefined,
    );
    for (let n = 0; n < sizes.queued; n++) {
      const request = enqueueRequestSchema.parse({
        channel: CHANNELS[n % CHANNELS.length]!,
        text: `Queued message ${n}`,
      });
      repo.add(
        newQueuedItem(request, {
          id: `queued-${n}`,
          nowIso: new Date(nowMs).toISOString(),
          channel: { channel: request.channel, channelId: null, channelName: null },
        }),
      );
    }
  }
}

/**
 * The large folder, filled, and a core over it on a test clock at `nowMs` with the last draft open
 * (drafts:setCurrent), ready to serve the renderer as a lead's Herald after a year of use.
 */
export async function openLargeFolder(
  dataDir: string,
  nowMs = Date.now(),
): Promise<ReturnType<typeof makeCore> & { currentDraftId: string }> {
  fillFolder(dataDir, LARGE, nowMs);
  const world = makeCore({ dataDir, clock: createTestClock(nowMs) });
  // The running app arms the upcoming events' reminders at start (calendar sync); the fixture's core is not started.
  world.core.calendar.sync();
  const currentDraftId = `draft-${LARGE.drafts - 1}`;
  const opened = await world.core.router.call('drafts:setCurrent', { id: currentDraftId });
  if (!opened.ok) throw new Error(`drafts:setCurrent: ${opened.error.message}`);
  return { ...world, currentDraftId };
}
