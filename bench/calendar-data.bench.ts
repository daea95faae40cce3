// The calendar's data paths through the real router and file stores, at
// 100, 1,000 and 10,000 stored events: listing one month (calendar:list),
// importing 500 events (calendar:import), and exporting everything
// (calendar:exportIcs). Each store holds a busy team's calendar at the same
// density (about 5,000 events a year, most with their reminders armed as
// the app arms them at start), so a month holds about the same work however
// much history lies around it: a flat cost shows as a flat column.
//
// Baselines in the same run: the same month listed from an empty calendar
// (the channel's fixed cost: routing, checks, duties), ical.js alone parsing
// the file being imported (the parser's floor), and JSON.stringify of the
// events being exported (writing the same data as text at all).
// Goals: list one month with 5,000 stored under 20 ms (p95); import 500 into
// 5,000 under 2 s; export 5,000 under 300 ms.
import { rmSync } from 'node:fs';
import ICAL from 'ical.js';
import { calendarStoreDefinition } from '../electron/core/calendar/calendar-store.ts';
import { exportIcs } from '../electron/core/calendar/ics/ics-export.ts';
import { createTestClock } from '../electron/core/clock/test-clock.ts';
import { openVersionedStore } from '../electron/core/storage/versioned-store.ts';
import { createConfBackend } from '../electron/harness/start-harness.ts';
import type { MaintenanceEvent } from '../shared/calendar/maintenance-event.ts';
import { makeCore, makeDataDir } from '../test/support/core-fixture.ts';
import { percentile, printTable } from './support/stats.ts';
import { BENCH_SERVICES } from './support/services.ts';

const SIZES = [100, 1_000, 10_000] as const;
const GOAL_SIZE = 5_000;
const IMPORT_COUNT = 500;
const LIST_SAMPLES = 40;
const IMPORT_SAMPLES = 3;
const EXPORT_SAMPLES = 5;
const GOALS = { listP95Ms: 20, importMs: 2_000, exportMs: 300 };
const HOUR_MS = 3_600_000;
/** About 5,000 events a year. */
const SPACING_MS = 1.75 * HOUR_MS;
/** Mon 5 Jan 2026, 08:00 UTC: the first stored event; the clock stands at 09:00 that day. */
const FIRST_MS = Date.UTC(2026, 0, 5, 8);
const NOW_MS = Date.UTC(2026, 0, 5, 9);
/** The month grid of January 2026 in London (Mon 29 Dec to Sun 8 Feb): the newest stored work, where the reminders are. */
const MONTH = { fromUtc: '2025-12-29T00:00:00.000Z', toUtc: '2026-02-09T00:00:00.000Z' };
const SERVICES = BENCH_SERVICES;

function event(index: number, startMs: number, prefix: string): MaintenanceEvent {
  const service = SERVICES[index % SERVICES.length]!;
  return {
    id: `${prefix}-${index}`,
    uid: `${prefix}-${index}@herald`,
    sequence: 0,
    status: index % 10 === 9 ? 'cancelled' : 'planned',
    sentStages: {},
    previousStartsAtUtc: null,
    previousEndsAtUtc: null,
    changeReason: '',
    seriesUid: null,
    recurrenceId: null,
    owner: '',
    origin: 'local',
    slackTs: null,
    createdAtUtc: '2025-12-01T09:00:00.000Z',
    updatedAtUtc: '2025-12-01T09:00:00.000Z',
    title: `${service} maintenance ${index + 1}`,
    workKind: 'maintenance',
    what: `Routine maintenance of ${service}: nodes restart one at a time.`,
    why: 'Security patches.',
    startsAtUtc: new Date(startMs).toISOString(),
    endsAtUtc: new Date(startMs + (60 + (index % 3) * 60) * 60_000).toISOString(),
    timeZone: 'Europe/London',
    services: [service],
    impact: 'Short pauses are possible.',
    userActions: '',
    userActionDeadlineUtc: null,
    changeNotesUrl: '',
    channels: [],
  };
}

const stored = (count: number) =>
  Array.from({ length: count }, (_, index) => event(index, FIRST_MS + index * SPACING_MS, 'stored'));
/** New work over the coming eight weeks, between the stored events: every one gets its reminders. */
const incoming = (round: number) =>
  Array.from({ length: IMPORT_COUNT }, (_, index) =>
    event(
      index,
      FIRST_MS + HOUR_MS + (index * 56 * 24 * HOUR_MS) / IMPORT_COUNT + round * 60_000,
      `new${round}`,
    ),
  );

/** A core over a data folder that already holds `events`, started as the app starts (reminders armed by the calendar's sync). */
function coreWith(events: MaintenanceEvent[]) {
  const dataDir = makeDataDir('herald-bench-calendar-data-');
  const context = { dataDir, createBackend: createConfBackend, nowMs: () => NOW_MS, onQuarantine: () => {} };
  openVersionedStore(calendarStoreDefinition, context).write({ events, freezes: [] });
  const { core } = makeCore({ dataDir, clock: createTestClock(NOW_MS) });
  core.start();
  return { core, dataDir };
}

function timedSync(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function measure(count: number) {
  const events = stored(count);
  const { core, dataDir } = coreWith(events);
  try {
    const reminders = await core.router.call('reminders:list', {});
    const listMs: number[] = [];
    let listed = { events: 0, comms: 0, bytes: 0 };
    for (let sample = 0; sample < LIST_SAMPLES + 5; sample++) {
      const { ms, value } = await timed(() => core.router.call('calendar:list', MONTH));
      if (!value.ok) throw new Error(value.error.message);
      if (sample >= 5) listMs.push(ms);
      listed = {
        events: value.value.events.length,
        comms: value.value.comms.length,
        bytes: JSON.stringify(value.value).length,
      };
    }
    const exportMs: number[] = [];
    const stringifyMs: number[] = [];
    for (let sample = 0; sample < EXPORT_SAMPLES; sample++) {
      const { ms, value } = await timed(() => core.router.call('calendar:exportIcs', {}));
      if (!value.ok || value.value.eventCount < count) throw new Error('export failed');
      exportMs.push(ms);
      stringifyMs.push(timedSync(() => JSON.stringify(events)));
    }
    const importMs: number[] = [];
    const parseMs: number[] = [];
    for (let round = 0; round < IMPORT_SAMPLES; round++) {
      const ics = exportIcs(incoming(round), new Date(NOW_MS).toISOString());
      parseMs.push(timedSync(() => ICAL.parse(ics)));
      const { ms, value } = await timed(() => core.router.call('calendar:import', { ics }));
      if (!value.ok || value.value.created !== IMPORT_COUNT)
        throw new Error(`import failed: ${JSON.stringify(value).slice(0, 200)}`);
      importMs.push(ms);
    }
    const empty = await emptyMonthListMs();
    return {
      count,
      reminderCount: reminders.ok ? reminders.value.reminders.length : 0,
      listed,
      list: { p50: percentile(listMs, 50), p95: percentile(listMs, 95) },
      emptyList: empty,
      import: percentile(importMs, 50),
      parse: percentile(parseMs, 50),
      export: percentile(exportMs, 50),
      stringify: percentile(stringifyMs, 50),
    };
  } finally {
    core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same month from an empty calendar: what the channel costs with nothing to show. */
async function emptyMonthListMs(): Promise<{ p50: number; p95: number }> {
  const { core, dataDir } = coreWith([]);
  try {
    const samples: number[] = [];
    for (let sample = 0; sample < LIST_SAMPLES + 5; sample++) {
      const { ms } = await timed(() => core.router.call('calendar:list', MONTH));
      if (sample >= 5) samples.push(ms);
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  } finally {
    core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [];
for (const count of [...SIZES, GOAL_SIZE].sort((a, b) => a - b)) results.push(await measure(count));

printTable('calendar:list, one month (Jan 2026 grid) through the router (ms)', [
  ...results.map((result) => ({
    name: result.count === GOAL_SIZE ? `${result.count} stored (goal row)` : `${result.count} stored`,
    'events in month': result.listed.events,
    'messages in month': result.listed.comms,
    'answer KB': Math.round(result.listed.bytes / 1024),
    p50: result.list.p50,
    p95: result.list.p95,
  })),
  ...results.slice(0, 1).map((result) => ({
    name: 'baseline: the same month, empty calendar',
    'events in month': 0,
    'messages in month': 0,
    'answer KB': 0,
    p50: result.emptyList.p50,
    p95: result.emptyList.p95,
  })),
]);
printTable(
  `calendar:import of ${IMPORT_COUNT} new events (all with reminders to arm), median of ${IMPORT_SAMPLES} (ms)`,
  [
    ...results.map((result) => ({
      name: `into ${result.count} stored`,
      'reminders stored': result.reminderCount,
      ms: result.import,
    })),
    {
      name: `baseline: ical.js parsing the same ${IMPORT_COUNT}-event file`,
      'reminders stored': 0,
      ms: results[0]!.parse,
    },
  ],
);
printTable(
  `calendar:exportIcs of every stored event, median of ${EXPORT_SAMPLES} (ms)`,
  results.flatMap((result) => [
    { name: `export ${result.count}`, ms: result.export },
    { name: `baseline: JSON.stringify of the same ${result.count} events`, ms: result.stringify },
  ]),
);

const goal = results.find((result) => result.count === GOAL_SIZE)!;
const verdict = (isMet: boolean) => (isMet ? 'meets' : 'MISSES');
console.log(
  `${verdict(goal.list.p95 < GOALS.listP95Ms)} the ${GOALS.listP95Ms} ms aim: calendar:list of one month with ${GOAL_SIZE} stored, p95 ${goal.list.p95.toFixed(1)} ms`,
);
console.log(
  `${verdict(goal.import < GOALS.importMs)} the ${GOALS.importMs} ms aim: import ${IMPORT_COUNT} into ${GOAL_SIZE}, ${goal.import.toFixed(0)} ms`,
);
console.log(
  `${verdict(goal.export < GOALS.exportMs)} the ${GOALS.exportMs} ms aim: export ${GOAL_SIZE}, ${goal.export.toFixed(0)} ms`,
);
