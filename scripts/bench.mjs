#!/usr/bin/env node
// `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones)
// with tsx, one after another so they do not compete for the two cores.
// Each prints its figures next to a baseline measured in the same run; at the
// end every table is printed again as one summary, and written as Markdown to
// bench/results/latest.md (for docs/performance.md). A benchmark that fails,
// or prints no table with a baseline row, fails the run.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const wanted = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((word) => name.includes(word)))
  .sort();
const resultsDir = join('bench', 'results');
mkdirSync(resultsDir, { recursive: true });

const problems = [];
const sections = [];
const startedAt = new Date();
for (const file of files) {
  console.log(`\n━━ bench/${file}`);
  const collect = join(resultsDir, `${file.replace(/\.bench\.ts$/, '')}.jsonl`);
  rmSync(collect, { force: true });
  const started = performance.now();
  const result = spawnSync('npx', ['tsx', `bench/${file}`], {
    stdio: 'inherit',
    env: { ...process.env, HERALD_BENCH_RESULTS: collect },
  });
  const seconds = (performance.now() - started) / 1000;
  const tables = existsSync(collect)
    ? readFileSync(collect, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  if (result.status !== 0) problems.push(`${file} failed (exit ${result.status})`);
  else if (
    !tables.some((table) =>
      table.rows.some((row) => Object.values(row).some((value) => /baseline/i.test(String(value)))),
    )
  ) {
    problems.push(`${file} printed no table with a baseline row`);
  }
  sections.push({ file, seconds, tables, isOk: result.status === 0 });
}

function markdownTable({ title, rows }) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [
    `**${title}**`,
    '',
    line(columns),
    line(columns.map(() => '---')),
    ...rows.map((row) => line(columns.map((column) => String(row[column] ?? '')))),
    '',
  ].join('\n');
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
const markdown = [
  `Run of \`npm run bench\` on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${machine}).`,
  '',
  ...sections.flatMap(({ file, seconds, tables, isOk }) => [
    `### ${file.replace(/\.bench\.ts$/, '')}${isOk ? '' : ' (FAILED)'} — ${seconds.toFixed(0)} s`,
    '',
    ...tables.map(markdownTable),
  ]),
].join('\n');
writeFileSync(join(resultsDir, 'latest.md'), `${markdown}\n`);

console.log('\n━━ Summary: every figure next to its baseline');
for (const { file, tables } of sections) {
  console.log(`\nbench/${file}`);
  for (const { title, rows } of tables) {
    console.log(`  ${title}`);
    for (const row of rows) {
      // The row's label is its first text cell (e.g. "baseline: …"); every other cell is a figure.
      const entries = Object.entries(row);
      const label = entries.find(([, value]) => typeof value === 'string' && Number.isNaN(Number(value)));
      const figures = entries.filter((entry) => entry !== label);
      console.log(
        `    ${String(label?.[1] ?? '').padEnd(52)} ${figures.map(([key, value]) => `${key} ${value}`).join('  ')}`,
      );
    }
  }
}
console.log(`\nWritten to ${join(resultsDir, 'latest.md')}.`);
if (problems.length) {
  console.error(`\n${problems.length} benchmark problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
