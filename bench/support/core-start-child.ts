// One cold start of core in a fresh process, for bench/storage-scaling.bench.ts:
//   node bench/results/core-start-child.mjs <data-dir> (bundled by that benchmark, as the app's main is)
// Prints one JSON line: the time from process start to a started core, the
// time createCore + start themselves took, the resident set size after, and
// how many store files were set aside (a benchmark folder must have none).
export {};

const processStartedMs = 0;
const importsStartedMs = performance.now();
const { createSystemClock } = await import('../../electron/core/clock/clock.ts');
const { createCore } = await import('../../electron/core/create-core.ts');
const { createLogger } = await import('../../electron/core/logging/logger.ts');
const { createKeyFileSecretBox } = await import('../../electron/core/secrets/key-file-secret-box.ts');
const { createConfBackend } = await import('../../electron/harness/start-harness.ts');

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: core-start-child.ts <data-dir>');
const coreStartedMs = performance.now();
const core = createCore({
  host: 'browser-harness',
  version: '0.0.0-bench',
  dataDir,
  createBackend: createConfBackend,
  secretBox: createKeyFileSecretBox(dataDir),
  clock: createSystemClock(),
  logger: createLogger(() => undefined, 'error'),
});
core.start();
const readyMs = performance.now();
process.stdout.write(
  `${JSON.stringify({
    sinceProcessMs: readyMs - processStartedMs,
    importsMs: coreStartedMs - importsStartedMs,
    coreMs: readyMs - coreStartedMs,
    rssMb: process.memoryUsage().rss / 1024 / 1024,
    notices: core.storageNotices.length,
  })}\n`,
);
core.stop();
process.exit(0);
