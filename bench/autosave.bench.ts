// Autosave latency (drafts:save through the router, to disk) with 10, 1,000
// and 10,000 stored drafts, next to a baseline of the bare file operation it
// performs (write a temporary file of the same size, rename it). Goal: p99
// under 10 ms at 1,000 drafts.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCore, makeDataDir } from '../test/support/core-fixture.ts';
import { percentile, printTable } from './support/stats.ts';

const SAVES = 500;

async function measure(draftCount: number) {
  const { core, dataDir } = makeCore({ dataDir: makeDataDir('herald-bench-autosave-') });
  let last = await core.router.call('drafts:create', { typeId: 'incidents' });
  for (let i = 1; i < draftCount; i++)
    last = await core.router.call('drafts:create', { typeId: 'incidents', body: `Draft ${i}` });
  if (!last.ok) throw new Error(last.error.message);
  const draft = last.value.draft;
  const samples: number[] = [];
  let body = 'x'.repeat(2_000);
  for (let i = 0; i < SAVES; i++) {
    body += 'y';
    const started = performance.now();
    const saved = await core.router.call('drafts:save', { draft: { ...draft, body }, focusedField: 'body' });
    samples.push(performance.now() - started);
    if (!saved.ok) throw new Error(saved.error.message);
  }
  const baseline: number[] = [];
  const payload = JSON.stringify({
    schemaVersion: 1,
    data: { draft: { ...draft, body }, meta: last.value.meta },
  });
  for (let i = 0; i < SAVES; i++) {
    const started = performance.now();
    writeFileSync(join(dataDir, 'baseline.tmp'), payload);
    renameSync(join(dataDir, 'baseline.tmp'), join(dataDir, 'baseline.json'));
    baseline.push(performance.now() - started);
  }
  return { samples, baseline };
}

const rows: Array<Record<string, string | number>> = [];
for (const count of [10, 1_000, 10_000]) {
  const { samples, baseline } = await measure(count);
  rows.push({
    drafts: count,
    measure: 'baseline: write + rename',
    median: percentile(baseline, 50),
    p99: percentile(baseline, 99),
  });
  rows.push({
    drafts: count,
    measure: 'Herald drafts:save',
    median: percentile(samples, 50),
    p99: percentile(samples, 99),
  });
}
printTable(`Autosave latency over ${SAVES} saves (ms); goal: p99 < 10 ms at 1,000 drafts`, rows);
