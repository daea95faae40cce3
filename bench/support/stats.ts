// Small statistics and printing helpers shared by the benchmarks.
import { appendFileSync } from 'node:fs';

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n${title}`);
  const formatted = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : value,
      ]),
    ),
  );
  console.table(formatted);
  // `npm run bench` collects every table into one summary (scripts/bench.mjs).
  const collect = process.env.HERALD_BENCH_RESULTS;
  if (collect) appendFileSync(collect, `${JSON.stringify({ title, rows: formatted })}\n`);
}
